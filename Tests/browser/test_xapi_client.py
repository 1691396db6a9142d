"""Acumen's learning record store as an ordinary xAPI client sees it. A programme manager issues
credentials through the API; TinCanPython (the ADL community's Python client, from PyPI) reads
/xapi/about, saves a completion of an offering on the account manager's roadmap, saves a batch,
reads a statement back and pages through a query with `more`; a batch with one invalid statement
stores nothing. The completion then shows on the roadmap page, credited to the source system."""
import json
import os
import sqlite3
import time
import urllib.request

from tincan import Activity, Agent, LanguageMap, RemoteLRS, Result, Statement, StatementList, Verb

from test_development_journey import api
from test_frameworks_journey import printed_login, sign_in, wait_for_text


def test_an_xapi_client_sends_and_reads_statements_and_a_completion_reaches_the_roadmap(server, browser):
    base, output = server["base"], server["output"]
    manager = printed_login(output, "Programme manager")
    account_manager = printed_login(output, "Account manager")
    token = api(base, "POST", "/api/v1/auth/token", {"email": manager, "password": "acumen-demo"})["token"]
    issued = api(base, "POST", "/api/v1/xapi/credentials", {"name": "Video platform"}, token)
    lrs = RemoteLRS(version="1.0.3", endpoint=base + "/xapi/", username=issued["key"], password=issued["secret"])

    about = lrs.about()
    assert about.success and "1.0.3" in about.content.version

    people = api(base, "GET", "/api/v1/people", token=token)["people"]
    subject = next(p for p in people if p["email"] == account_manager)
    roadmap = api(base, "GET", f"/api/v1/people/{subject['id']}/roadmap", token=token)
    item = next(i for i in roadmap["items"] if i["status"] in ("planned", "enrolled"))
    offering = next(o for o in api(base, "GET", "/api/v1/offerings", token=token) if o["id"] == item["offeringId"])

    completed = Verb(id="http://adlnet.gov/expapi/verbs/completed", display=LanguageMap({"en-GB": "completed"}))
    hana = Agent(name=subject["name"], mbox="mailto:" + account_manager)
    saved = lrs.save_statement(Statement(
        actor=hana, verb=completed, object=Activity(id=offering["xapiActivityId"]),
        result=Result(completion=True, success=True, duration="PT12M")))
    assert saved.success, saved.response.data
    read = lrs.retrieve_statement(saved.content.id)
    assert read.success and read.content.object.id == offering["xapiActivityId"]

    watched = Verb(id="http://activitystrea.ms/schema/1.0/watch")
    batch = lrs.save_statements(StatementList([
        Statement(actor=hana, verb=watched, object=Activity(id=f"https://video.example/clips/{n}")) for n in range(3)]))
    assert batch.success and len(batch.content) == 3

    page = lrs.query_statements({"agent": hana, "limit": 2})
    assert page.success and len(page.content.statements) == 2 and page.content.more
    rest = lrs.more_statements(page.content)
    assert rest.success and len(rest.content.statements) == 2

    # One invalid statement (a verb that is not an IRI) and nothing of the batch is stored.
    body = json.dumps([
        {"actor": {"mbox": "mailto:" + account_manager}, "verb": {"id": "http://a.example/ok"},
         "object": {"id": "https://video.example/clips/9"}},
        {"actor": {"mbox": "mailto:" + account_manager}, "verb": {"id": "watched"},
         "object": {"id": "https://video.example/clips/10"}},
    ]).encode()
    request = urllib.request.Request(base + "/xapi/statements", data=body, method="POST", headers={
        "Content-Type": "application/json", "X-Experience-API-Version": "1.0.3",
        "Authorization": lrs.auth})
    try:
        urllib.request.urlopen(request)
        raise AssertionError("the batch is refused")
    except urllib.error.HTTPError as refusal:
        assert refusal.code == 400
        assert "statement 1: verb.id" in refusal.read().decode()
    after = lrs.query_statements({"agent": hana, "limit": 10})
    assert len(after.content.statements) == 4

    sign_in(browser, base, account_manager)
    browser.get(base + f"/people/{subject['id']}/roadmap")
    wait_for_text(browser, "Video platform (xAPI)")
    assert "Refresher 1 of " + item["title"] in browser.page_source


def test_what_happens_in_acumen_reaches_the_programmes_record_store(server, ralph):
    """Acumen forwards statements through its outbox to a real LRS (Ralph), which validates them
    on receipt: an offering completed (with its competency as context) and the results of a
    released cycle."""
    base, output = server["base"], server["output"]
    manager = printed_login(output, "Programme manager")
    account_manager = printed_login(output, "Account manager")
    token = api(base, "POST", "/api/v1/auth/token", {"email": manager, "password": "acumen-demo"})["token"]
    issued = api(base, "POST", "/api/v1/xapi/credentials", {"name": "Forwarding check"}, token)
    people = api(base, "GET", "/api/v1/people", token=token)["people"]
    subject = next(p for p in people if p["email"] == account_manager)
    roadmap = api(base, "GET", f"/api/v1/people/{subject['id']}/roadmap", token=token)
    item = next(i for i in roadmap["items"] if i["status"] in ("planned", "enrolled"))
    offering = next(o for o in api(base, "GET", "/api/v1/offerings", token=token) if o["id"] == item["offeringId"])
    inbound = RemoteLRS(version="1.0.3", endpoint=base + "/xapi/", username=issued["key"], password=issued["secret"])
    sent = inbound.save_statement(Statement(
        actor=Agent(mbox="mailto:" + account_manager),
        verb=Verb(id="http://adlnet.gov/expapi/verbs/completed"), object=Activity(id=offering["xapiActivityId"])))
    assert sent.success, sent.response.data

    outbound = RemoteLRS(version="1.0.3", endpoint=ralph["endpoint"], username=ralph["user"], password=ralph["password"])
    deadline = time.time() + 60
    forwarded = []
    while time.time() < deadline and not forwarded:
        found = outbound.query_statements({"agent": Agent(mbox="mailto:" + account_manager), "limit": 100})
        assert found.success, found.response.data
        forwarded = [s for s in found.content.statements
                     if s.verb.id == "http://adlnet.gov/expapi/verbs/completed"
                     and s.object.id == offering["xapiActivityId"] and s.authority.mbox == "mailto:acumen@example.com"]
        time.sleep(1)
    assert forwarded, "the completion reached the record store"
    statement = forwarded[0]
    categories = [a.id for a in statement.context.context_activities.category]
    assert any("/xapi/activities/competencies/" in c for c in categories), categories
    assert statement.context.platform == "Acumen"

    # Everything Acumen queued (released results of the journeys' cycles, observations,
    # completions) was accepted by the record store: nothing waits with an error.
    database = sqlite3.connect(os.path.join(server["workdir"], "acumen.sqlite"))
    deadline = time.time() + 60
    while time.time() < deadline:
        waiting = database.execute("select count(*) from xapi_outbox where status = 'pending'").fetchone()[0]
        if waiting == 0:
            break
        time.sleep(1)
    refused = database.execute(
        "select kind, last_error from xapi_outbox where status <> 'sent' or attempts > 0").fetchall()
    assert not refused, refused
    kinds = {kind for (kind,) in database.execute("select distinct kind from xapi_outbox")}
    assert "completed" in kinds, kinds
