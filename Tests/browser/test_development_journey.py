"""The learning catalogue and roadmaps. An account manager opens the catalogue from the menu,
narrows it to the short videos that develop problem resolution, opens one and reads what it
develops and its xAPI activity id; a programme manager sends back a catalogue file with a
broken row, which is refused line by line with nothing changed. On the roadmap the demo drafted
from its past review, the supervisor reads why each item is there and what it was chosen over,
puts a competency first, moves an item and approves; the account manager completes an item and
sees its refreshers and re-observation scheduled, on the roadmap and at home; the supervisor
records a coaching observation on the behaviour grid, and drafts a group session for their team.
An account manager takes a seat on a workshop; its trainer marks attendance and attaches the
recording. Every page is checked with axe-core at desktop and phone width."""
import json
import os
import sqlite3
import uuid
import urllib.request

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from conftest import new_browser
from test_assessment_journey import click
from test_frameworks_journey import check_accessibility, printed_login, sign_in, wait_for_text


def api(base, method, path, body=None, token=None):
    request = urllib.request.Request(
        base + path, data=json.dumps(body).encode() if body is not None else None, method=method,
        headers={"Content-Type": "application/json", **({"Authorization": f"Bearer {token}"} if token else {})})
    with urllib.request.urlopen(request) as response:
        raw = response.read()
        return json.loads(raw) if raw else None


def test_account_manager_finds_an_offering_in_the_catalogue(server, browser):
    base, output = server["base"], server["output"]
    sign_in(browser, base, printed_login(output, "Account manager"))
    browser.find_element(By.LINK_TEXT, "Catalogue").click()
    wait_for_text(browser, "offerings match")
    check_accessibility(browser, "catalogue")
    Select(browser.find_element(By.NAME, "format")).select_by_value("video")
    Select(browser.find_element(By.NAME, "competency")).select_by_value("OM.4")
    browser.find_element(By.XPATH, "//button[text()='Search']").click()
    WebDriverWait(browser, 10).until(lambda d: "format=video" in d.current_url)
    status = [e.text for e in browser.find_elements(By.CSS_SELECTOR, "[role=status]") if e.text.endswith("match.")]
    assert status and not status[0].startswith("0"), status
    rows = browser.find_elements(By.CSS_SELECTOR, "table tbody tr")
    assert rows and all("Video" in row.text for row in rows), [row.text for row in rows]
    check_accessibility(browser, "catalogue-filtered")
    rows[0].find_element(By.TAG_NAME, "a").click()
    wait_for_text(browser, "xAPI activity id")
    assert "OM.4" in browser.find_element(By.TAG_NAME, "main").text
    assert "/xapi/activities/offerings/" in browser.page_source
    check_accessibility(browser, "offering")


def test_programme_manager_import_refuses_a_broken_row(server, browser, tmp_path):
    base, output = server["base"], server["output"]
    sign_in(browser, base, printed_login(output, "Programme manager"))
    browser.get(base + "/catalogue")
    wait_for_text(browser, "Keep the catalogue")
    broken = tmp_path / "catalogue.csv"
    broken.write_text(
        "code,title,category,format,duration_minutes,phase\n"
        "NEW-1,Reading a relocation invoice,Financial,video,8,technical\n"
        "NEW-2,An offering with no length,Financial,video,,technical\n")
    browser.find_element(By.NAME, "file").send_keys(str(broken))
    browser.find_element(By.XPATH, "//button[text()='Import the file']").click()
    wait_for_text(browser, "Nothing was imported")
    assert "Line 3: duration_minutes" in browser.page_source
    check_accessibility(browser, "catalogue-refused-import")
    browser.get(base + "/catalogue?q=relocation+invoice")
    wait_for_text(browser, "Nothing matches")


def test_supervisor_shapes_and_approves_a_roadmap_the_account_manager_completes_items_and_is_observed(server):
    base, output = server["base"], server["output"]
    manager = printed_login(output, "Programme manager")
    supervisor = printed_login(output, "Supervisor")
    account_manager = printed_login(output, "Account manager")
    token = api(base, "POST", "/api/v1/auth/token", {"email": manager, "password": "acumen-demo"})["token"]
    people = api(base, "GET", "/api/v1/people", token=token)["people"]
    subject = next(p for p in people if p["email"] == account_manager)

    # The demo drafted every account manager's roadmap from its past review.
    lead = new_browser()
    sign_in(lead, base, supervisor)
    lead.get(base + f"/people/{subject['id']}")
    lead.find_element(By.LINK_TEXT, "Learning roadmap").click()
    wait_for_text(lead, "Drafted from the results of Annual review, last round")
    items = lead.find_elements(By.CSS_SELECTOR, "ul.roadmap > li")
    assert items, "the roadmap has items"
    assert "This develops it." in lead.page_source
    summaries = lead.find_elements(By.CSS_SELECTOR, "ul.roadmap details summary")
    if summaries:
        click(lead, summaries[0])
    check_accessibility(lead, "roadmap-drafted")

    # Priorities: the last competency of the first phase is put first, and the roadmap is drafted again.
    Select(lead.find_element(By.NAME, "priority1")).select_by_value("VA.3")
    click(lead, lead.find_element(By.XPATH, "//button[text()='Save priorities and draft again']"))
    wait_for_text(lead, "Priorities saved (VA.3)")
    move = lead.find_elements(By.XPATH, "//ul[contains(@class,'roadmap')]/li[2]//button[text()='Move up']")
    click(lead, move[0])
    wait_for_text(lead, "moved")
    lead.find_element(By.XPATH, "//button[text()='Approve the roadmap']").click()
    wait_for_text(lead, "The roadmap is approved.")
    history = lead.find_element(By.XPATH, "//h2[text()='Changes']/following-sibling::ul").text
    assert "set the priorities VA.3" in history and supervisor in history, history
    lead.quit()

    member = new_browser()
    sign_in(member, base, account_manager)
    member.get(base + f"/people/{subject['id']}/roadmap")
    wait_for_text(member, "approved on")
    assert "Approve the roadmap" not in member.page_source
    first = member.find_elements(By.CSS_SELECTOR, "ul.roadmap > li")[0]
    title = first.find_element(By.CSS_SELECTOR, "h3 a").text
    form = first.find_element(By.TAG_NAME, "form")
    Select(form.find_element(By.NAME, "status")).select_by_value("completed")
    click(member, form.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    wait_for_text(member, "Refreshers in 2, 6 and 12 weeks")
    due = member.find_element(By.CSS_SELECTOR, ".due-list").text
    assert f"Refresher 1 of {title}" in due and "Re-observation of" in due, due
    check_accessibility(member, "roadmap-own")
    member.get(base + "/")
    wait_for_text(member, f"Refresher 1: {title}")
    member.quit()

    lead = new_browser()
    sign_in(lead, base, supervisor)
    lead.get(base + f"/people/{subject['id']}/roadmap")
    lead.find_element(By.LINK_TEXT, "Record a coaching observation").click()
    wait_for_text(lead, "Coaching observation")
    Select(lead.find_element(By.NAME, "competency")).select_by_value("OM.4")
    click(lead, lead.find_element(By.XPATH, "//button[text()='Show its grid']"))
    wait_for_text(lead, "Where it was seen")
    check_accessibility(lead, "observation-form")
    click(lead, lead.find_element(By.XPATH, "//button[text()='Record the observation']"))
    wait_for_text(lead, "The observation was not recorded")
    for box in lead.find_elements(By.CSS_SELECTOR, "fieldset input[type=checkbox][name^='b:']")[:3]:
        click(lead, box)
    lead.find_element(By.NAME, "notes").send_keys("Handled the escalation call calmly and agreed a fix date.")
    lead.find_element(By.NAME, "nextSteps").send_keys("Send the customer a written summary within a day.")
    click(lead, lead.find_element(By.XPATH, "//button[text()='Record the observation']"))
    wait_for_text(lead, "The observation was recorded.")
    assert "Handled the escalation call calmly" in lead.page_source
    check_accessibility(lead, "roadmap-observed")
    lead.quit()


def test_supervisor_drafts_a_group_session_for_their_team(server, browser):
    base, output = server["base"], server["output"]
    sign_in(browser, base, printed_login(output, "Supervisor"))
    browser.get(base + "/development/groups")
    wait_for_text(browser, "Group gaps")
    choices = [o.get_attribute("value") for o in browser.find_elements(By.CSS_SELECTOR, "select[name=group] option")]
    team = next(value for value in choices if value.startswith("team|"))
    Select(browser.find_element(By.NAME, "group")).select_by_value(team)
    click(browser, browser.find_element(By.XPATH, "//button[text()='Show its gaps']"))
    wait_for_text(browser, "with released results")
    check_accessibility(browser, "group-gaps")
    buttons = browser.find_elements(By.XPATH, "//button[starts-with(text(), 'Draft a group session')]")
    assert buttons, "most of the team is below target somewhere"
    click(browser, buttons[0])
    wait_for_text(browser, "enrolled; it is on their roadmap")
    assert "Group sessions drafted" in browser.page_source
    check_accessibility(browser, "group-gaps-session")


def test_an_account_manager_takes_a_seat_and_the_trainer_keeps_the_register(server, browser):
    base, output, workdir = server["base"], server["output"], server["workdir"]
    sign_in(browser, base, printed_login(output, "Account manager"))
    browser.get(base + "/catalogue?format=classroom")
    wait_for_text(browser, "offerings match")
    browser.find_elements(By.CSS_SELECTOR, "table tbody tr a")[0].click()
    wait_for_text(browser, "Sessions")
    click(browser, browser.find_elements(By.XPATH, "//button[text()='Take a seat']")[0])
    wait_for_text(browser, "You have a seat.")
    check_accessibility(browser, "offering-sessions")

    supervisor = printed_login(output, "Supervisor")
    database = sqlite3.connect(os.path.join(workdir, "acumen.sqlite"))
    past = database.execute(
        "select s.id from scheduled_sessions s where s.trainer_email = ? and s.starts_on < date('now') "
        "and exists (select 1 from session_seats t where t.session_id = s.id) limit 1", (supervisor,)).fetchone()
    assert past, "the demo has a past session the supervisor trains"
    session_id = past[0] if isinstance(past[0], str) else str(uuid.UUID(bytes=past[0]))
    trainer = new_browser()
    sign_in(trainer, base, supervisor)
    trainer.get(base + f"/sessions/{session_id.upper()}")
    wait_for_text(trainer, "Who attended")
    check_accessibility(trainer, "session-register")
    click(trainer, trainer.find_elements(By.CSS_SELECTOR, "fieldset input[type=checkbox]")[0])
    click(trainer, trainer.find_element(By.XPATH, "//button[text()='Save attendance']"))
    wait_for_text(trainer, "Attendance saved: one attended")
    trainer.find_element(By.NAME, "link").send_keys("https://video.example/recordings/1")
    click(trainer, trainer.find_element(By.XPATH, "//button[text()='Attach the recording']"))
    wait_for_text(trainer, "The recording is an offering of its own now")
    assert "Recorded" in trainer.page_source or "recording of" in trainer.page_source
    trainer.quit()


def test_an_account_manager_shares_a_video_and_the_programme_manager_publishes_it(server):
    base, output = server["base"], server["output"]
    member = new_browser()
    sign_in(member, base, printed_login(output, "Account manager"))
    member.get(base + "/catalogue")
    member.find_element(By.LINK_TEXT, "Share a video or guide").click()
    wait_for_text(member, "Share a video or guide")
    member.find_element(By.NAME, "title").send_keys("Opening a renewal conversation")
    Select(member.find_element(By.NAME, "format")).select_by_value("video")
    member.find_element(By.NAME, "durationMinutes").send_keys("6")
    member.find_element(By.NAME, "link").send_keys("https://video.example/renewal-opening")
    Select(member.find_element(By.NAME, "competency")).select_by_value("OM.7")
    check_accessibility(member, "community-share")
    click(member, member.find_element(By.XPATH, "//button[text()='Send for review']"))
    wait_for_text(member, "Sent for review")

    manager = new_browser()
    sign_in(manager, base, printed_login(output, "Programme manager"))
    manager.get(base + "/catalogue/submissions")
    wait_for_text(manager, "Opening a renewal conversation")
    check_accessibility(manager, "community-queue")
    click(manager, manager.find_element(By.XPATH, "//button[text()='Publish Opening a renewal conversation']"))
    wait_for_text(manager, "is published, crediting its contributor")
    assert "Shared by Hana Lopez" in manager.page_source
    offering_url = manager.current_url
    manager.quit()

    member.get(offering_url)
    wait_for_text(member, "Not rated yet.")
    Select(member.find_element(By.NAME, "stars")).select_by_value("4")
    click(member, member.find_element(By.XPATH, "//button[text()='Rate']"))
    wait_for_text(member, "One rating: 4.0 stars.")
    check_accessibility(member, "community-offering")
    member.quit()


def test_a_supervisor_rates_a_role_play_practice(server, browser):
    base, output = server["base"], server["output"]
    sign_in(browser, base, printed_login(output, "Supervisor"))
    browser.get(base + "/catalogue?format=rolePlay")
    wait_for_text(browser, "offerings match")
    browser.find_elements(By.CSS_SELECTOR, "table tbody tr a")[0].click()
    browser.find_element(By.LINK_TEXT, "Rate a colleague's practice of this role-play").click()
    wait_for_text(browser, "The scenario")
    browser.find_element(By.NAME, "colleague").send_keys(printed_login(output, "Account manager"))
    click(browser, browser.find_elements(By.CSS_SELECTOR, "fieldset input[type=checkbox][name^='b:']")[0])
    check_accessibility(browser, "practice")
    click(browser, browser.find_element(By.XPATH, "//button[text()='Record the practice']"))
    wait_for_text(browser, "The practice was recorded on their roadmap")
