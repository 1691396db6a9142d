"""The learning catalogue. An account manager opens it from the menu, narrows it to the short
videos that develop problem resolution, opens one and reads what it develops and its xAPI
activity id; a programme manager downloads the catalogue and sends back a file with a broken
row, which is refused line by line with nothing changed. Every page is checked with axe-core at
desktop and phone width."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from test_frameworks_journey import check_accessibility, printed_login, sign_in, wait_for_text


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
