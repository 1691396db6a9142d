"""A calibration exercise from both sides. The programme manager prepares an exercise (a case,
its master rating, a participant), opens it, and reads the results of the demo exercise that
four team leads have taken; the demo supervisor rates the demo exercise's cases blind, with the
level worked out as they tick, submits, and sees their ratings beside the master's with the
rationale and the others' anonymous distribution. Every page is checked with axe-core at
desktop and phone width."""
import re

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from conftest import new_browser
from test_assessment_journey import create_draft_cycle, wait_saved
from test_frameworks_journey import check_accessibility, choose_global_mobility, printed_login, sign_in, wait_for_text

DEMO_EXERCISE = "Calibration: renewal meeting and permit delay"
DEMO_RATIONALE = "The agenda was agreed in advance"


def tick_levels(driver, code, up_to_level):
    """Ticks every behaviour of the competency from Baseline up to the given level (0-based)."""
    for level in range(up_to_level + 1):
        for box in driver.find_elements(By.CSS_SELECTOR, f"input[type=checkbox][name^='b:{level}:'][name$=':{code}']"):
            if not box.is_selected():
                box.click()


def test_a_calibration_exercise_from_both_sides(server):
    base, output = server["base"], server["output"]
    manager_email = printed_login(output, "Programme manager")
    supervisor_email = printed_login(output, "Supervisor")

    manager = new_browser()
    try:
        sign_in(manager, base, manager_email)
        manager.get(base + "/calibration")
        wait_for_text(manager, "New exercise")
        check_accessibility(manager, "calibration-list")

        manager.find_element(By.NAME, "title").send_keys("Autumn calibration for new team leads")
        choose_global_mobility(manager)
        manager.find_element(By.NAME, "panel").send_keys("Helen Marsh and Ravi Shankar")
        manager.find_element(By.XPATH, "//button[text()='Create the exercise']").click()
        wait_for_text(manager, "Before it can open")
        check_accessibility(manager, "calibration-draft")

        manager.find_element(By.NAME, "title").send_keys("An onboarding call")
        Select(manager.find_element(By.NAME, "kind")).select_by_value("transcript")
        manager.find_element(By.NAME, "material").send_keys(
            "Customer: Who do I call when the movers are late?\nAccount manager: Me, and I will chase them for you.")
        manager.find_element(By.NAME, "competency:OM.1").click()
        manager.find_element(By.XPATH, "//button[text()='Add the case']").click()
        wait_for_text(manager, "Set its master rating next")

        manager.find_element(By.LINK_TEXT, "Missing: set it").click()
        wait_for_text(manager, "Master rating: An onboarding call")
        check_accessibility(manager, "calibration-master")
        tick_levels(manager, "OM.1", 0)
        manager.find_element(By.NAME, "rationale:OM.1").send_keys("Owns the request and names who handles it.")
        manager.find_element(By.XPATH, "//button[text()='Save the master rating']").click()
        wait_for_text(manager, "was saved")
        assert "Set (OM.1 Baseline)" in manager.page_source

        label = manager.find_element(By.XPATH, f"//label[contains(., '{supervisor_email}')]")
        label.find_element(By.TAG_NAME, "input").click()
        manager.find_element(By.XPATH, "//button[text()='Add the ticked people']").click()
        wait_for_text(manager, "One participant added")
        manager.find_element(By.XPATH, "//button[text()='Open the exercise']").click()
        wait_for_text(manager, "The exercise is open")

        # The demo exercise: four team leads have submitted.
        manager.get(base + "/calibration")
        manager.find_element(By.LINK_TEXT, DEMO_EXERCISE).click()
        wait_for_text(manager, "Competencies, hardest to agree on first")
        assert "Agreement among the 4 participants who submitted" in manager.page_source
        assert "ICC(2,1)" in manager.page_source
        check_accessibility(manager, "calibration-results")

        manager.get(base + "/calibration/due")
        wait_for_text(manager, "Due for calibration")
        assert supervisor_email in manager.page_source
        check_accessibility(manager, "calibration-due")
    finally:
        manager.quit()

    participant = new_browser()
    try:
        sign_in(participant, base, supervisor_email)
        participant.get(base + "/calibration")
        wait_for_text(participant, "You have not been calibrated yet")
        assert "Autumn calibration for new team leads" in participant.page_source
        check_accessibility(participant, "calibration-participant-list")
        participant.find_element(By.LINK_TEXT, DEMO_EXERCISE).click()
        wait_for_text(participant, "Cases to rate")
        check_accessibility(participant, "calibration-participant-exercise")

        participant.find_element(By.PARTIAL_LINK_TEXT, "1. Preparing the annual renewal meeting").click()
        wait_for_text(participant, "Case 1 of 2")
        assert DEMO_RATIONALE not in participant.page_source, "the master rationale shows before submitting"
        tick_levels(participant, "OM.7", 1)
        wait_saved(participant)
        derived = participant.find_element(By.ID, "derived-OM.7").text
        assert derived.startswith("From your ticks: ") and derived.endswith(": Advanced"), derived
        tick_levels(participant, "KE.1", 0)
        tick_levels(participant, "OM.4", 1)
        wait_saved(participant)
        check_accessibility(participant, "calibration-case")
        participant.find_element(By.XPATH, "//button[text()='Save and go to the next case']").click()
        wait_for_text(participant, "Case 2 of 2")
        tick_levels(participant, "OM.2", 1)
        # "Not observed" where the master saw Baseline would count against the participant.
        tick_levels(participant, "OM.4", 0)
        participant.find_element(By.XPATH, "//button[text()='Save']").click()
        wait_for_text(participant, "Cases to rate")
        assert "2 of 2" in participant.page_source

        participant.find_element(By.XPATH, "//button[text()='Submit my ratings']").click()
        wait_for_text(participant, "Your calibration:")
        page = participant.page_source
        assert DEMO_RATIONALE in page
        assert "Other participants: Baseline" in page
        assert "You are calibrated until" in page, "the five levels given agree with the master"
        assert "0 of 5" in page, "nothing was left out"
        check_accessibility(participant, "calibration-feedback")
    finally:
        participant.quit()


def test_double_rating_in_a_live_cycle(server):
    """The programme manager double-rates a share of a new cycle; a calibrated team lead who was
    assigned finds the second rating under Calibration and submits it; the drift page opens."""
    base, output = server["base"], server["output"]
    manager = new_browser()
    try:
        sign_in(manager, base, printed_login(output, "Programme manager"))
        manager.get(base + "/cycles/new")
        create_draft_cycle(manager, "Double-rated review")
        manager.find_element(By.LINK_TEXT, "Open the cycle").click()
        manager.find_element(By.XPATH, "//button[text()='Open the cycle']").click()
        wait_for_text(manager, "personal links are on the way")
        manager.find_element(By.LINK_TEXT, "Double rating").click()
        wait_for_text(manager, "Share of account managers to double-rate")
        share = manager.find_element(By.NAME, "percent")
        share.clear()
        share.send_keys("5")
        manager.find_element(By.XPATH, "//button[text()='Save the share']").click()
        wait_for_text(manager, "5% of account managers will be double-rated")
        manager.find_element(By.XPATH, "//button[text()='Assign second raters']").click()
        # "One account manager now has …" or "3 account managers now have …", as many as 5 % makes.
        WebDriverWait(manager, 10).until(lambda d: re.search(r"now ha(s|ve) a second rater", d.page_source))
        check_accessibility(manager, "double-rating")
        first_row = manager.find_element(By.CSS_SELECTOR, "table tbody tr")
        subject = first_row.find_element(By.TAG_NAME, "th").text
        rater_email = first_row.find_elements(By.TAG_NAME, "td")[0].text
        manager.get(base + "/calibration/drift")
        wait_for_text(manager, "Drift in live cycles")
        check_accessibility(manager, "drift")
    finally:
        manager.quit()

    rater = new_browser()
    try:
        sign_in(rater, base, rater_email)
        rater.get(base + "/calibration")
        wait_for_text(rater, "Second ratings")
        rater.find_element(By.LINK_TEXT, subject).click()
        wait_for_text(rater, f"Second rating of {subject}")
        for box in rater.find_elements(By.CSS_SELECTOR, "input[name^='none:']"):
            box.click()
        wait_saved(rater)
        check_accessibility(rater, "second-rating")
        rater.find_element(By.XPATH, "//button[text()='Submit my second rating']").click()
        wait_for_text(rater, "your second rating of")
    finally:
        rater.quit()
