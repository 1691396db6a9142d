"""Knowledge checks. A supervisor puts the policy check on an account manager's roadmap; the
account manager starts it from the menu, answers a question, closes the browser, comes back to
find the answer kept, submits too little and fails, reads the explanations, retakes and passes,
and finds the roadmap item completed. A supervisor runs the verbal mock review from its script.
A programme manager reads the item analysis and the same figures are computed again, here,
from the CSV export of attempts. Through the API, an account manager's attempt carries no
answers before it is submitted, and tampering (a question off the paper, a second submission,
answers to a submitted attempt) is refused and counted. Pages are checked with axe-core at
desktop and phone width."""
import csv
import io
import json
import math
import urllib.error
import urllib.request
import uuid

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from conftest import new_browser
from test_development_journey import api
from test_frameworks_journey import check_accessibility, printed_login, sign_in, wait_for_text

POLICY = "Alder policy essentials"


def token_for(base, email):
    return api(base, "POST", "/api/v1/auth/token", {"email": email, "password": "acumen-demo"})["token"]


def refused(base, method, path, body, token):
    try:
        api(base, method, path, body, token=token)
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())
    raise AssertionError(f"{method} {path} was accepted")


def answer_rightly(driver, bank):
    """Fills the attempt's page with the bank's right answers, question by question, as the
    programme manager's export of the bank gives them."""
    for fieldset in driver.find_elements(By.CSS_SELECTOR, "fieldset.question"):
        named = fieldset.find_elements(By.CSS_SELECTOR, "[name^='answer.']")
        question_id = named[0].get_attribute("name").split(".")[1]
        question = bank[question_id]
        right = [option["key"] for option in question["options"] if option["isCorrect"]]
        if question["kind"] in ("singleChoice", "trueFalse"):
            fieldset.find_element(By.CSS_SELECTOR, f"input[value='{right[0]}']").click()
        elif question["kind"] == "multipleChoice":
            for option in question["options"]:
                box = fieldset.find_element(By.CSS_SELECTOR, f"input[name='answer.{question_id}.{option['key']}']")
                if box.is_selected() != option["isCorrect"]:
                    box.click()
        elif question["kind"] == "numeric":
            field = fieldset.find_element(By.CSS_SELECTOR, f"input[name='answer.{question_id}']")
            field.clear()
            field.send_keys(str(question["numericAnswer"]))
        elif question["kind"] == "ordering":
            for position, option in enumerate(question["options"], start=1):
                Select(fieldset.find_element(By.NAME, f"answer.{question_id}.{option['key']}")).select_by_value(
                    str(position))


def test_an_account_manager_fails_then_passes_a_check_and_the_roadmap_item_completes(server):
    base, output = server["base"], server["output"]
    manager = printed_login(output, "Programme manager")
    supervisor = printed_login(output, "Supervisor")
    account_manager = printed_login(output, "Account manager")
    staff_token = token_for(base, manager)
    person = next(p for p in api(base, "GET", "/api/v1/people", token=staff_token)["people"] if p["email"] == account_manager)
    bank = {q["id"].lower(): q for q in api(base, "GET", "/api/v1/questions", token=staff_token)}
    assert len(bank) >= 60, len(bank)

    # The supervisor puts the check's offering on the account manager's roadmap.
    lead = new_browser()
    sign_in(lead, base, supervisor)
    lead.get(base + f"/people/{person['id']}/roadmap")
    Select(lead.find_element(By.NAME, "offering")).select_by_value("POL-14-KC")
    lead.find_element(By.XPATH, "//button[text()='Add to the roadmap']").click()
    wait_for_text(lead, "Reading a mobility policy closely (knowledge check)")

    # The account manager starts the check from the menu and answers one question.
    member = new_browser()
    sign_in(member, base, account_manager)
    member.find_element(By.LINK_TEXT, "Checks").click()
    check_accessibility(member, "checks-list")
    member.find_element(By.LINK_TEXT, POLICY).click()
    check_accessibility(member, "check-page")
    member.find_element(By.XPATH, "//button[text()='Start the check']").click()
    wait_for_text(member, "Each answer is saved as you give it")
    assert "isCorrect" not in member.page_source and "Why" not in member.find_element(By.TAG_NAME, "main").text
    check_accessibility(member, "check-attempt")
    attempt_url = member.current_url
    first = member.find_elements(By.CSS_SELECTOR, "fieldset.question")[0]
    radio = first.find_elements(By.CSS_SELECTOR, "input[type=radio]")
    chosen = (radio or first.find_elements(By.CSS_SELECTOR, "input"))[0]
    chosen_name, chosen_value = chosen.get_attribute("name"), chosen.get_attribute("value")
    chosen.click()
    WebDriverWait(member, 10).until(
        lambda d: "saved" in d.find_element(By.ID, "save-status").text.lower()
        or d.execute_script("return Object.keys(JSON.parse(localStorage.getItem('acumen-pending:' + "
                            "document.querySelector('form[data-autosave]').dataset.autosave) || '{}')).length") == 0)

    # Closed halfway; opened again, the answer is there.
    member.quit()
    member = new_browser()
    sign_in(member, base, account_manager)
    member.get(base + "/checks")
    member.find_element(By.LINK_TEXT, POLICY).click()
    member.find_element(By.LINK_TEXT, "Resume your attempt").click()
    assert member.current_url == attempt_url
    kept = member.find_element(By.CSS_SELECTOR, f"[name='{chosen_name}'][value='{chosen_value}']")
    assert kept.is_selected(), "the answer saved before the browser closed is still there"

    # Submitting one answer out of fifteen fails; the explanations show after submission.
    member.find_element(By.XPATH, "//button[text()='Submit']").click()
    wait_for_text(member, "Not passed")
    assert "Right answer" in member.page_source and "Why" in member.page_source
    check_accessibility(member, "check-result")

    # A second attempt, answered rightly, passes and completes the roadmap item.
    member.find_element(By.LINK_TEXT, POLICY).click()
    member.find_element(By.XPATH, "//button[text()='Start another attempt']").click()
    wait_for_text(member, "attempt 2")
    answer_rightly(member, bank)
    member.find_element(By.XPATH, "//button[text()='Submit']").click()
    wait_for_text(member, "Passed")
    assert "Score 100%" in member.find_element(By.TAG_NAME, "main").text
    member.get(base + f"/people/{person['id']}/roadmap")
    item = member.find_element(
        By.XPATH, "//ul[contains(@class,'roadmap')]/li[contains(., 'Reading a mobility policy closely (knowledge check)')]")
    assert "Completed" in item.text, item.text
    member.get(base + f"/people/{person['id']}/dashboard")
    checks = member.find_element(By.XPATH, "//caption[contains(., 'Knowledge checks')]/ancestor::table").text
    assert POLICY in checks and "Passed" in checks, checks
    member.quit()

    # The supervisor runs the verbal mock review with the account manager.
    lead.get(base + "/checks")
    lead.find_element(By.LINK_TEXT, "Mock annual review: policy and programme").click()
    lead.find_element(By.LINK_TEXT, "Run this verbal assessment").click()
    Select(lead.find_element(By.NAME, "person")).select_by_value(person["id"].lower())
    for fieldset in lead.find_elements(By.CSS_SELECTOR, "fieldset.question"):
        fieldset.find_elements(By.CSS_SELECTOR, "input[type=radio]")[-1].click()
    check_accessibility(lead, "verbal-assessment")
    lead.find_element(By.XPATH, "(//input[@type='checkbox' and starts-with(@name, 'b:')])[1]").click()
    lead.find_element(By.NAME, "notes").send_keys("Explained the housing exception options clearly.")
    lead.find_element(By.XPATH, "//button[text()='Record the assessment']").click()
    wait_for_text(lead, "The verbal assessment was recorded: Passed.")
    lead.get(base + f"/people/{person['id']}/roadmap")
    assert "verbal assessment" in lead.page_source
    lead.quit()


def test_the_item_analysis_matches_a_computation_from_the_exported_attempts(server, browser):
    base, output = server["base"], server["output"]
    manager = printed_login(output, "Programme manager")
    token = token_for(base, manager)
    check = next(c for c in api(base, "GET", "/api/v1/checks", token=token) if c["title"] == POLICY)
    request = urllib.request.Request(
        base + f"/api/v1/checks/{check['id']}/attempts.csv", headers={"Authorization": f"Bearer {token}"})
    with urllib.request.urlopen(request) as response:
        rows = list(csv.DictReader(io.StringIO(response.read().decode())))
    assert list(rows[0].keys()) == ["attempt_id", "person_id", "question_id", "question_version", "option", "score"]
    analysis = api(base, "GET", f"/api/v1/checks/{check['id']}/analysis", token=token)

    # Recomputed here from the rows alone: scores by attempt and question.
    attempts, questions = {}, []
    for row in rows:
        key = (row["question_id"], row["question_version"])
        if key not in questions:
            questions.append(key)
        attempts.setdefault(row["attempt_id"], {})[key] = float(row["score"])
    table = [[scores.get(key) for key in questions] for scores in attempts.values()]
    complete = [row for row in table if None not in row]
    assert analysis["attempts"] == len(table) and analysis["completeAttempts"] == len(complete)

    def variance(values):
        mean = sum(values) / len(values)
        return sum((v - mean) ** 2 for v in values) / (len(values) - 1)

    def correlation(xs, ys):
        mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
        sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys))
        sxx, syy = sum((x - mx) ** 2 for x in xs), sum((y - my) ** 2 for y in ys)
        return sxy / math.sqrt(sxx * syy)

    k = len(questions)
    totals = [sum(row) for row in complete]
    reliability = k / (k - 1) * (1 - sum(variance([row[i] for row in complete]) for i in range(k)) / variance(totals))
    name = "kr20" if all(float(r["score"]) in (0.0, 1.0) for r in rows) else "cronbachAlpha"
    assert abs(analysis[name] - reliability) < 1e-9, (analysis[name], reliability)
    assert abs(analysis["sem"] - math.sqrt(variance(totals)) * math.sqrt(1 - reliability)) < 1e-9
    for position, item in enumerate(analysis["items"]):
        column = [row[position] for row in table if row[position] is not None]
        rest = [sum(v for v in row if v is not None) - row[position] for row in table if row[position] is not None]
        assert abs(item["difficulty"] - sum(column) / len(column)) < 1e-9
        assert abs(item["discrimination"] - correlation(column, rest)) < 1e-9
        chosen = [r["option"] for r in rows if (r["question_id"], r["question_version"]) == questions[position]]
        for option in item["options"]:
            share = sum(1 for c in chosen if option["option"] in c.split("|")) / len(chosen)
            assert abs(option["share"] - share) < 1e-9

    # The page says what the figures mean.
    sign_in(browser, base, manager)
    browser.get(base + f"/checks/{check['id']}")
    browser.find_element(By.LINK_TEXT, "Item analysis").click()
    wait_for_text(browser, "How reliable the check is")
    main = browser.find_element(By.TAG_NAME, "main").text
    assert f"{reliability:.2f}" in main and "correlation between the question and the rest" in main, main
    assert "draws strong candidates more than weak ones" in main, "the demo's badly keyed question is flagged"
    check_accessibility(browser, "item-analysis")
    browser.get(base + "/question-bank")
    check_accessibility(browser, "question-bank")


def test_an_attempt_carries_no_answers_and_tampering_is_refused_and_recorded(server):
    base, output = server["base"], server["output"]
    account_manager = printed_login(output, "Account manager")
    token = token_for(base, account_manager)
    check = next(c for c in api(base, "GET", "/api/v1/checks", token=token) if c["title"] == "Mobility technical foundations")
    attempt = api(base, "POST", f"/api/v1/checks/{check['id']}/attempts", {}, token=token)
    text = json.dumps(attempt)
    assert "isCorrect" not in text and "correctOptions" not in text and "explanation" not in text
    assert attempt["status"] == "inProgress" and len(attempt["questions"]) == check["questionCount"]
    path = f"/api/v1/attempts/{attempt['id']}"

    status, body = refused(base, "PUT", path + "/answers", {"answers": [{"questionId": str(uuid.uuid4()), "choices": ["a"]}]}, token)
    assert status == 422 and body["error"]["code"] == "not_on_paper", body
    first = attempt["questions"][0]
    answer = {"questionId": first["questionId"]}
    answer.update({"number": 1} if first["kind"] == "numeric" else {"order": [o["key"] for o in first["options"]]}
                  if first["kind"] == "ordering" else {"choices": [first["options"][0]["key"]]})
    saved = api(base, "PUT", path + "/answers", {"answers": [answer]}, token=token)
    assert saved["answers"][0]["questionId"] == first["questionId"]
    submitted = api(base, "POST", path + "/submit", {}, token=token)
    assert submitted["status"] == "submitted" and submitted["results"][0]["explanation"]
    status, body = refused(base, "POST", path + "/submit", {}, token)
    assert status == 409 and body["error"]["code"] == "already_submitted"
    status, body = refused(base, "PUT", path + "/answers", {"answers": [answer]}, token)
    assert status == 409 and body["error"]["code"] == "already_submitted"

    # Another account manager's attempt does not exist for them; the refusals are counted for staff.
    other = token_for(base, printed_login(output, "Supervisor"))
    status, _ = refused(base, "PUT", path + "/answers", {"answers": [answer]}, other)
    assert status == 404
    staff = new_browser()
    sign_in(staff, base, printed_login(output, "Programme manager"))
    staff.get(base + f"/checks/{check['id']}")
    assert "3 refused submissions recorded" in staff.find_element(By.TAG_NAME, "main").text
    staff.quit()
