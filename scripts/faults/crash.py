"""Drives scripts/fault-crash.sh: a mixed load on `acumen serve` (SQLite), the server killed with
SIGKILL every 20 to 30 seconds and started again, then an audit of what was acknowledged.

Load: customers answering their questionnaires through the API one answer at a time (every
autosave answered 204 is "acknowledged") and submitting (201 acknowledged; 409 after a crash
means an earlier submission went through unacknowledged), page reads, and people imported
through the import page in batches of 20 (all or nothing). A request cut off by the kill is
simply tried again once the server is back, as a browser's script or a person would.

Checks afterwards: SQLite's integrity and foreign keys; every acknowledged submission
submitted, and exactly one kept response per submitted invitation, each with every answer;
every acknowledged answer of a form not yet submitted still in its draft with its last
acknowledged value; every import batch present whole or absent whole, and every acknowledged
batch present.
"""
import glob
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import datetime

import requests

binary, workdir, kills_wanted = sys.argv[1], sys.argv[2], int(sys.argv[3])
port = random.randint(18300, 18399)
base = f"http://127.0.0.1:{port}"
env = dict(os.environ, LOG_LEVEL="warning")
MANAGER, PASSWORD = "ravi.shankar@northwind-mobility.example", "acumen-demo"
server = None
up = threading.Event()
finished = threading.Event()
lock = threading.Lock()


def start_server():
    global server
    server = subprocess.Popen([binary, "serve", "--port", str(port)], cwd=workdir, env=env,
                              stdout=open(os.path.join(workdir, "server.log"), "a"), stderr=subprocess.STDOUT)
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            if requests.get(base + "/readyz", timeout=1).status_code == 200:
                up.set()
                return
        except requests.RequestException:
            time.sleep(0.1)
    raise RuntimeError("the server did not come back within 60 s")


def call(method, path, **arguments):
    """The request, tried again after each crash until the server answers it."""
    while not finished.is_set():
        up.wait()
        try:
            return requests.request(method, base + path, timeout=15, **arguments)
        except requests.RequestException:
            time.sleep(0.2)
    return None


start_server()
token = requests.post(base + "/api/v1/auth/token", json={"email": MANAGER, "password": PASSWORD}).json()["token"]
api = {"Authorization": f"Bearer {token}"}
framework = next(f for f in requests.get(base + "/api/v1/frameworks", headers=api).json()["frameworks"]
                 if f["name"].startswith("Global Mobility") and f["status"] == "published")
today = datetime.date.today()
cycle = requests.post(base + "/api/v1/cycles", headers=api, json={
    "name": "Crash test", "frameworkId": framework["id"], "opensOn": today.isoformat(),
    "closesOn": (today + datetime.timedelta(days=21)).isoformat()}).json()["id"]
assert requests.post(f"{base}/api/v1/cycles/{cycle}/advance", headers=api, json={"from": "draft"}).ok
deadline = time.time() + 60
links = set()
while time.time() < deadline:
    for path in glob.glob(os.path.join(workdir, "mail", "*.eml")):
        text = open(path, encoding="utf-8").read()
        if "Crash test" in text:
            links.update(re.findall(r"/r/([A-Za-z0-9_\-]+)", text))
    if links and time.time() > deadline - 50:
        break
    time.sleep(1)
forms = {}
for link in links:
    form = requests.get(f"{base}/api/v1/rater/{link}").json()
    if form.get("source") == "customer":
        forms[link] = [question["code"] for question in form["questions"]]
assert forms, "no customer questionnaire in the new cycle"
print(f"{len(forms)} customer questionnaires to answer, {len(links)} links in all")

acknowledged_answers = {link: {} for link in forms}
acknowledged_submissions, already_submitted = set(), set()
import_batches, acknowledged_batches = [], set()
counts = {"autosaves": 0, "submissions": 0, "pages": 0, "imports": 0, "kills": 0}
scale = ["never", "rarely", "sometimes", "often", "always"]


def customer(links_of_worker, pause):
    for link in links_of_worker:
        for code in forms[link]:
            if finished.is_set():
                return
            time.sleep(pause)
            value = random.choice(scale)
            answer = call("POST", f"/api/v1/rater/{link}/autosave", json={"name": f"q:{code}", "value": value})
            if answer is not None and answer.status_code == 204:
                with lock:
                    acknowledged_answers[link][f"q:{code}"] = value
                    counts["autosaves"] += 1
        answer = call("POST", f"/api/v1/rater/{link}/submit", json={})
        if answer is None:
            return
        with lock:
            if answer.status_code == 201:
                acknowledged_submissions.add(link)
                counts["submissions"] += 1
            elif answer.status_code == 409:
                already_submitted.add(link)


def reader():
    while not finished.is_set():
        for path in ("/api/v1/cycles", "/api/v1/people", "/readyz"):
            if call("GET", path, headers=api) is not None:
                with lock:
                    counts["pages"] += 1
        time.sleep(0.05)


def importer():
    batch = 0
    while not finished.is_set():
        batch += 1
        emails = [f"crash{batch}-{n}@import.example" for n in range(20)]
        with lock:
            import_batches.append(emails)
        rows = "\n".join(f"Crash {batch}-{n},{email},Analyst,2026-01-0{1 + n % 9}" for n, email in enumerate(emails))
        while not finished.is_set():
            up.wait()
            try:
                browser = requests.Session()
                page = browser.get(base + "/login", timeout=15).text
                csrf = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
                browser.post(base + "/login", data={"email": MANAGER, "password": PASSWORD, "_csrf": csrf}, timeout=15)
                page = browser.get(base + "/import", timeout=15).text
                csrf = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
                answer = browser.post(base + "/import/people", data={"_csrf": csrf}, timeout=15, files={
                    "file": ("people.csv", "name,email,job_title,hire_date\n" + rows + "\n", "text/csv")})
                if answer.status_code == 200:
                    with lock:
                        acknowledged_batches.add(batch)
                        counts["imports"] += 1
                break
            except (requests.RequestException, AttributeError):
                time.sleep(0.2)
        time.sleep(2)


everyone = sorted(forms)
# Paced like people typing, so that the answers last through about four fifths of the kills.
answers_per_worker = sum(len(forms[link]) for link in everyone) / 4
pause = max(0.0, kills_wanted * 25 * 0.8 / answers_per_worker - 0.02)
workers = [threading.Thread(target=customer, args=(everyone[i::4], pause)) for i in range(4)]
workers += [threading.Thread(target=reader), threading.Thread(target=importer)]
started = time.time()
for worker in workers:
    worker.start()
while counts["kills"] < kills_wanted:
    time.sleep(random.uniform(20, 30))
    up.clear()
    server.send_signal(signal.SIGKILL)
    server.wait()
    counts["kills"] += 1
    start_server()
finished.set()
for worker in workers:
    worker.join()
print(f"{counts['kills']} kills in {time.time() - started:.0f} s; acknowledged: {counts['autosaves']} autosaves, "
      f"{counts['submissions']} submissions ({len(already_submitted)} more found submitted after a crash), "
      f"{counts['pages']} reads, {counts['imports']} imports of 20 people")

problems = []
for link, answers in acknowledged_answers.items():
    form = requests.get(f"{base}/api/v1/rater/{link}").json()
    if link in acknowledged_submissions or link in already_submitted:
        if not form["submitted"]:
            problems.append(f"an acknowledged submission is not submitted ({link[:6]}…)")
        continue
    for name, value in answers.items():
        if form["fields"].get(name) != value:
            problems.append(f"an acknowledged answer is lost: {name} = {value} ({link[:6]}…)")
server.send_signal(signal.SIGTERM)
server.wait()

database = sqlite3.connect(os.path.join(workdir, "acumen.sqlite"))
if database.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
    problems.append("SQLite integrity check failed")
if database.execute("PRAGMA foreign_key_check").fetchall():
    problems.append("rows refer to rows that do not exist")
cycle_id = cycle.upper()
submitted = database.execute(
    "SELECT COUNT(*) FROM invitations WHERE cycle_id = ? AND source = 'customer' AND submitted = 1",
    (cycle_id,)).fetchone()[0]
kept = database.execute(
    "SELECT COUNT(*) FROM responses WHERE cycle_id = ? AND source = 'customer' AND status = 'submitted'",
    (cycle_id,)).fetchone()[0]
if submitted != kept:
    problems.append(f"{submitted} invitations submitted but {kept} responses kept")
if submitted < len(acknowledged_submissions):
    problems.append("fewer submitted invitations than acknowledged submissions")
question_count = len(next(iter(forms.values())))
partial = database.execute(
    """SELECT COUNT(*) FROM responses r WHERE r.cycle_id = ? AND r.source = 'customer'
       AND (SELECT COUNT(*) FROM response_answers a WHERE a.response_id = r.id) <> ?""",
    (cycle_id, question_count)).fetchone()[0]
if partial:
    problems.append(f"{partial} responses without all their answers")
present = {row[0] for row in database.execute("SELECT lower(email) FROM people WHERE email LIKE 'crash%'")}
for number, emails in enumerate(import_batches, start=1):
    found = sum(email in present for email in emails)
    if found not in (0, len(emails)):
        problems.append(f"import batch {number} is half there ({found} of {len(emails)})")
    if number in acknowledged_batches and found != len(emails):
        problems.append(f"acknowledged import batch {number} is missing")
print(f"checked: {submitted} submitted questionnaires, each kept once with all {question_count} answers; "
      f"{sum(len(a) for a in acknowledged_answers.values())} acknowledged answers; {len(import_batches)} import batches")
print("PASS" if not problems else "FAIL:\n  " + "\n  ".join(problems[:20]))
sys.exit(1 if problems else 0)
