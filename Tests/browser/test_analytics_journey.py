"""The dashboards. An account manager opens their dashboard from their page (where they stand
against target, strengths, roadmap progress, latest evidence) and their supervisor opens it
too. A programme manager opens them from the menu on the demo data,
reads each figure with how it is counted, narrows the period with the form, downloads the rows
behind the figures and counts the uptake again from them; the page printed for a leadership
meeting leaves the menus and forms out. On the group results, the programme manager reads the
heatmap by location, sees withheld cells marked, opens a shown cell to the people behind it,
and a supervisor finds only their own line there. A customer reviewer adds another vendor to
their scorecard, answers the questionnaire about its account team, and finds it scored beside the
others. Checked with axe-core at desktop and phone width."""
import csv
import io
import os
import sqlite3
import urllib.request

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import SHOTS
from test_frameworks_journey import check_accessibility, printed_login, sign_in, wait_for_text


def test_programme_manager_reads_the_programmes_results_and_counts_them_again(server, browser):
    base, output = server["base"], server["output"]
    sign_in(browser, base, printed_login(output, "Programme manager"))
    browser.find_element(By.LINK_TEXT, "Programme results").click()
    wait_for_text(browser, "Used the training")
    check_accessibility(browser, "programme-results")

    # A period chosen on the form stays in the address.
    for name, day in (("from", "2026-01-01"), ("to", "2026-12-31")):
        field = browser.find_element(By.NAME, name)
        browser.execute_script("arguments[0].value = arguments[1]", field, day)
    browser.find_element(By.XPATH, "//button[text()='Show these days']").click()
    WebDriverWait(browser, 10).until(lambda d: "from=2026-01-01" in d.current_url)
    main = browser.find_element(By.TAG_NAME, "main").text
    assert "multiplied by 365" in main and "Often or Always" in main, main

    # The uptake, counted again from the downloaded rows with the browser's session.
    link = browser.find_element(By.PARTIAL_LINK_TEXT, "account managers counted").get_attribute("href")
    cookie = browser.get_cookie("acumen_session")["value"]
    request = urllib.request.Request(link, headers={"Cookie": f"acumen_session={cookie}"})
    with urllib.request.urlopen(request) as response:
        assert response.headers["Content-Type"].startswith("text/csv")
        rows = list(csv.DictReader(io.StringIO(response.read().decode())))
    in_period = [row for row in rows if row["in_period"] == "yes"]
    figures = browser.find_elements(By.CSS_SELECTOR, ".figures dd strong")
    assert figures[0].text == f"{len(in_period):,}", (figures[0].text, len(in_period))
    adopters = [row for row in in_period if int(row["completions_in_period"]) > 0]
    assert f"{len(adopters):,} of {len(in_period):,} account managers completed" in main, (main, len(adopters))

    # The effect of training, with its plain caveat; the trained count again from the rows.
    assert "This is an association, not proof" in main, main
    link = browser.find_element(By.PARTIAL_LINK_TEXT, "each account manager's change").get_attribute("href")
    with urllib.request.urlopen(urllib.request.Request(link, headers={"Cookie": f"acumen_session={cookie}"})) as response:
        rows = list(csv.DictReader(io.StringIO(response.read().decode())))
    trained = sum(1 for row in rows if row["took_training"] == "yes")
    impact = browser.find_element(By.XPATH, "//caption[contains(., 'by whether people took training')]/ancestor::table")
    assert f"({trained} people)" in impact.text, (impact.text, trained)

    # Printed: the figures without the menu, the footer or the period's form.
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert not browser.find_element(By.CSS_SELECTOR, ".site-header").is_displayed()
        assert not browser.find_element(By.CSS_SELECTOR, "form.period").is_displayed()
        assert browser.find_element(By.CSS_SELECTOR, ".figures").is_displayed()
        os.makedirs(SHOTS, exist_ok=True)
        browser.save_screenshot(os.path.join(SHOTS, "programme-results-print.png"))
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


def test_an_account_manager_and_their_supervisor_read_the_individual_dashboard(server, browser):
    base, output, workdir = server["base"], server["output"], server["workdir"]
    manager = printed_login(output, "Account manager")
    database = sqlite3.connect(os.path.join(workdir, "acumen.sqlite"))
    person = database.execute("SELECT id FROM people WHERE email = ?", (manager,)).fetchone()[0]
    database.close()
    sign_in(browser, base, manager)
    browser.get(base + f"/people/{person}")
    browser.find_element(By.LINK_TEXT, "Dashboard").click()
    wait_for_text(browser, "Where things stand")
    main = browser.find_element(By.TAG_NAME, "main").text
    assert "Strongest, as others see it" in main and "Learning roadmap" in main, main
    assert browser.find_elements(By.CSS_SELECTOR, "main svg[role=img]"), "the radar is drawn"
    check_accessibility(browser, "individual-dashboard")
    browser.delete_all_cookies()

    sign_in(browser, base, printed_login(output, "Supervisor"))
    browser.get(base + f"/people/{person}/dashboard")
    wait_for_text(browser, "Where things stand")


def test_group_results_withhold_small_groups_and_open_to_the_people_behind_a_cell(server, browser):
    base, output = server["base"], server["output"]
    sign_in(browser, base, printed_login(output, "Programme manager"))
    browser.find_element(By.LINK_TEXT, "Group results").click()
    wait_for_text(browser, "Competencies by Team")
    browser.find_element(By.CSS_SELECTOR, "select[name=by] option[value=location]").click()
    browser.find_element(By.XPATH, "//form[contains(@class,'period')]//button").click()
    WebDriverWait(browser, 10).until(lambda d: "by=location" in d.current_url)
    wait_for_text(browser, "Competencies by Location")
    assert browser.find_elements(By.CSS_SELECTOR, "main svg.heatmap[role=img]"), "the heatmap is drawn"
    description = browser.find_element(By.CSS_SELECTOR, "svg.heatmap desc").get_attribute("textContent")
    table = browser.find_element(By.CSS_SELECTOR, "main table").text
    assert "withheld" in table and "withheld" in description, "small locations are marked, in the table and the chart"
    check_accessibility(browser, "group-results")

    # A shown cell opens to the people it counts, each linked to their dashboard.
    cell = browser.find_element(By.CSS_SELECTOR, "main table a[href*='/analytics/groups/people']")
    count = int(cell.text.split("·")[-1].strip())
    cell.click()
    wait_for_text(browser, "The people this cell counts")
    people = browser.find_elements(By.CSS_SELECTOR, "main li a[href$='/dashboard']")
    assert len(people) == count, (len(people), count)
    check_accessibility(browser, "group-results-people")
    browser.delete_all_cookies()

    # A supervisor's groups are made of their own line.
    sign_in(browser, base, printed_login(output, "Supervisor"))
    browser.find_element(By.LINK_TEXT, "Group results").click()
    wait_for_text(browser, "Competencies by Team")
    everyone = browser.find_element(By.XPATH, "//main//table//tbody/tr[1]/td[1]").text
    assert int(everyone.split("·")[-1].strip()) < 120, everyone


def test_a_customer_scores_another_vendor_beside_the_others(server, browser):
    base, output = server["base"], server["output"]
    sign_in(browser, base, printed_login(output, "Customer reviewer"))
    browser.find_element(By.LINK_TEXT, "Vendor scorecard").click()
    wait_for_text(browser, "Share of Often or Always, by competency, vendor and year")
    check_accessibility(browser, "vendor-scorecard")

    browser.find_element(By.NAME, "name").send_keys("Atlas Moves")
    browser.find_element(By.XPATH, "//button[text()='Add the vendor']").click()
    wait_for_text(browser, "Atlas Moves is on the scorecard")
    browser.find_element(By.PARTIAL_LINK_TEXT, "about Atlas Moves").click()
    wait_for_text(browser, "Questionnaire about Atlas Moves")
    check_accessibility(browser, "vendor-questionnaire")
    # One question left out: refused, with the answers given still chosen.
    groups = browser.find_elements(By.CSS_SELECTOR, "main fieldset.question")
    for group in groups[1:]:
        group.find_element(By.CSS_SELECTOR, "input[value=often]").click()
    browser.find_element(By.XPATH, "//button[text()='Keep these answers']").click()
    wait_for_text(browser, "Answer every question")
    assert browser.find_elements(By.CSS_SELECTOR, "main fieldset.question")[1].find_element(
        By.CSS_SELECTOR, "input[value=often]").is_selected()
    browser.find_elements(By.CSS_SELECTOR, "main fieldset.question")[0].find_element(
        By.CSS_SELECTOR, "input[value=always]").click()
    browser.find_element(By.XPATH, "//button[text()='Keep these answers']").click()
    wait_for_text(browser, "Your answers about Atlas Moves")
    table = browser.find_element(By.XPATH, "//caption[contains(., 'by competency, vendor and year')]/ancestor::table")
    assert "Atlas Moves" in table.text and "100%" in table.text, table.text

    # Entered by mistake: removed after a confirmation, and gone from the scorecard.
    browser.find_element(By.CSS_SELECTOR, "a[aria-label^='Remove the questionnaire about Atlas Moves']").click()
    wait_for_text(browser, "Remove the questionnaire?")
    check_accessibility(browser, "vendor-questionnaire-removal")
    browser.find_element(By.XPATH, "//button[text()='Remove the questionnaire']").click()
    wait_for_text(browser, "The questionnaire about Atlas Moves")
    table = browser.find_element(By.XPATH, "//caption[contains(., 'by competency, vendor and year')]/ancestor::table")
    assert "Atlas Moves" not in table.text, table.text
