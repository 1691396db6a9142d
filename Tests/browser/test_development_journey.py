"""The learning catalogue and roadmaps. An account manager opens the catalogue from the menu,
narrows it to the short videos that develop problem resolution, opens one and reads what it
develops and its xAPI activity id; a programme manager sends back a catalogue file with a
broken row, which is refused line by line with nothing changed. After a cycle in which the
supervisor rated the account manager is released, the supervisor drafts the account manager's
roadmap, reads why each item is there and what it was chosen over, and approves it; the account
manager marks an item completed. Every page is checked with axe-core at desktop and phone width."""
import glob
import json
import os
import re
import time
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


def supervisor_link(workdir, supervisor, subject_name, cycle_name):
    """The supervisor's link for one account manager, from the digest e-mailed for the cycle."""
    deadline = time.time() + 30
    while time.time() < deadline:
        for path in glob.glob(os.path.join(workdir, "mail", "*.eml")):
            text = open(path, encoding="utf-8").read()
            if f"To: {supervisor}" in text and cycle_name in text:
                for line in text.splitlines():
                    if subject_name in line and "/r/" in line:
                        return re.search(r"/r/(\S+)", line).group(1)
        time.sleep(0.5)
    raise AssertionError(f"no link for {supervisor} about {subject_name}")


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


def test_supervisor_drafts_and_approves_a_roadmap_and_the_account_manager_reports_progress(server):
    base, workdir, output = server["base"], server["workdir"], server["output"]
    manager = printed_login(output, "Programme manager")
    supervisor = printed_login(output, "Supervisor")
    account_manager = printed_login(output, "Account manager")
    token = api(base, "POST", "/api/v1/auth/token", {"email": manager, "password": "acumen-demo"})["token"]
    people = api(base, "GET", "/api/v1/people", token=token)["people"]
    subject = next(p for p in people if p["email"] == account_manager)
    framework = next(f for f in api(base, "GET", "/api/v1/frameworks", token=token)["frameworks"]
                     if f["name"] == "Global Mobility Account Manager" and f["status"] == "published")
    cycle = api(base, "POST", "/api/v1/cycles", {
        "name": "Roadmap review", "frameworkId": framework["id"], "opensOn": "2026-01-01", "closesOn": "2099-12-31"},
        token)
    api(base, "POST", f"/api/v1/cycles/{cycle['id']}/advance", {"from": "draft"}, token)
    rater = supervisor_link(workdir, supervisor, subject["name"], "Roadmap review")
    content = api(base, "GET", f"/api/v1/frameworks/{framework['id']}", token=token)
    codes = [c["code"] for category in content["categories"] for c in category["competencies"]]
    fields = {}
    for code in codes:
        fields[f"override:{code}"] = "0"
        fields[f"reason:{code}"] = "Seen in this year's meetings"
    api(base, "POST", f"/api/v1/rater/{rater}/submit", {"fields": fields})
    for step in ["open", "closed"]:
        api(base, "POST", f"/api/v1/cycles/{cycle['id']}/advance", {"from": step}, token)

    lead = new_browser()
    sign_in(lead, base, supervisor)
    lead.get(base + f"/people/{subject['id']}")
    lead.find_element(By.LINK_TEXT, "Learning roadmap").click()
    wait_for_text(lead, "No roadmap yet")
    check_accessibility(lead, "roadmap-empty")
    lead.find_element(By.XPATH, "//button[text()='Draft from the latest results']").click()
    wait_for_text(lead, "drafted from the results of Roadmap review")
    items = lead.find_elements(By.CSS_SELECTOR, "ul.roadmap > li")
    assert items, "the roadmap has items"
    assert "This develops it." in lead.page_source
    first = items[0]
    assert "Due " in first.text
    summaries = lead.find_elements(By.CSS_SELECTOR, "ul.roadmap details summary")
    if summaries:
        click(lead, summaries[0])
    check_accessibility(lead, "roadmap-drafted")
    lead.find_element(By.XPATH, "//button[text()='Approve the roadmap']").click()
    wait_for_text(lead, "The roadmap is approved.")
    lead.quit()

    member = new_browser()
    sign_in(member, base, account_manager)
    member.get(base + f"/people/{subject['id']}/roadmap")
    wait_for_text(member, "approved on")
    assert "Approve the roadmap" not in member.page_source
    form = member.find_elements(By.CSS_SELECTOR, "ul.roadmap > li form")[0]
    Select(form.find_element(By.NAME, "status")).select_by_value("completed")
    click(member, form.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    wait_for_text(member, "The item was updated.")
    assert "Due " in member.page_source and "completed" in member.find_elements(By.CSS_SELECTOR, "ul.roadmap > li")[0].text
    check_accessibility(member, "roadmap-own")
    member.quit()
