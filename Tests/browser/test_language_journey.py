"""Raters in their own language: a customer whose browser asks for French gets the form in
French, answers, switches to Arabic (the page turns right to left and keeps the answers), and
a supervisor whose browser asks for German opens their form from their home page and sees the level from their ticks explained in German.
Every page is checked with axe-core at desktop and phone width."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from conftest import new_browser
from test_assessment_journey import click, create_draft_cycle, mail_link
from test_frameworks_journey import check_accessibility, printed_login, sign_in, wait_for_text


def wait_status(driver, text):
    WebDriverWait(driver, 10).until(lambda d: d.find_element(By.ID, "save-status").text == text)


def test_raters_answer_in_their_language(server):
    base, workdir, output = server["base"], server["workdir"], server["output"]
    manager = new_browser()
    sign_in(manager, base, printed_login(output, "Programme manager"))
    manager.get(base + "/cycles/new")
    create_draft_cycle(manager, "Language review")
    manager.find_element(By.LINK_TEXT, "Open the cycle").click()
    wait_for_text(manager, "What will happen")
    manager.find_element(By.XPATH, "//button[text()='Open the cycle']").click()
    wait_for_text(manager, "personal links are on the way")
    cycle_url = manager.current_url.split("#")[0].split("?")[0]
    manager.get(cycle_url + "/questions?language=fr")
    wait_for_text(manager, "French (35 of 35)")
    check_accessibility(manager, "questions-french")
    # The framework's translations: how far each language has got, and the page to add them.
    manager.get(base + "/frameworks")
    manager.find_element(By.PARTIAL_LINK_TEXT, "Global Mobility Account Manager").click()
    wait_for_text(manager, "Translations")
    manager.find_element(By.LINK_TEXT, "Spanish").click()
    wait_for_text(manager, "Translate into Spanish")
    check_accessibility(manager, "framework-translation")
    manager.quit()

    customer = new_browser("fr-FR,fr")
    customer.get(mail_link(workdir, printed_login(output, "Customer reviewer"), "Language review"))
    wait_for_text(customer, "Envoyer mes réponses")
    assert "Quand je formule une demande" in customer.page_source, "the questions are French too"
    html = customer.find_element(By.TAG_NAME, "html")
    assert (html.get_attribute("lang"), html.get_attribute("dir")) == ("fr", "ltr")
    questions = customer.find_elements(By.CSS_SELECTOR, "div.question")
    for question in questions[:2]:
        click(customer, question.find_element(By.CSS_SELECTOR, "input[value=often]"))
    wait_status(customer, "Toutes les modifications sont enregistrées.")
    assert customer.find_element(By.ID, "progress-count").text == f"2 sur {len(questions)} renseignées"
    check_accessibility(customer, "form-french")

    Select(customer.find_element(By.NAME, "language")).select_by_value("ar")
    click(customer, customer.find_element(By.CSS_SELECTOR, "button[value=language]"))
    wait_for_text(customer, "إرسال إجاباتي")
    html = customer.find_element(By.TAG_NAME, "html")
    assert (html.get_attribute("lang"), html.get_attribute("dir")) == ("ar", "rtl")
    kept = [q.find_element(By.CSS_SELECTOR, "input[value=often]").is_selected()
            for q in customer.find_elements(By.CSS_SELECTOR, "div.question")[:3]]
    assert kept == [True, True, False], "the answers given in French are kept"
    check_accessibility(customer, "form-arabic")
    customer.quit()

    supervisor = new_browser("de-DE,de;q=0.9,en;q=0.5")
    sign_in(supervisor, base, printed_login(output, "Supervisor"))
    wait_for_text(supervisor, "Als Nächstes zu tun")
    check_accessibility(supervisor, "home-german")
    supervisor.find_element(By.CSS_SELECTOR, "a.agenda-title[href^='/forms/']").click()
    wait_for_text(supervisor, "Antworten abschicken")
    first = supervisor.find_element(By.CSS_SELECTOR, "fieldset.competency-form")
    for box in first.find_elements(By.CSS_SELECTOR, "input[type=checkbox][name^='b:0:']"):
        click(supervisor, box)
    wait_status(supervisor, "Alle Änderungen sind gespeichert.")
    derived = first.find_element(By.CSS_SELECTOR, ".derived").text
    assert derived.startswith("Nach Ihren Kreuzen:"), derived
    check_accessibility(supervisor, "form-german")
    supervisor.quit()
