"""Prepares the assessment benchmark on a running Acumen: a cycle over 2,000 account managers
with five customer reviewers each, opened so that every rater has a link, and one account
manager with twelve submitted responses for the report benchmark.

Usage: assessment_setup.py BASE_URL WORKDIR. Writes WORKDIR/tokens.txt (customer links for
submissions), WORKDIR/autosave.txt (links kept for autosave) and WORKDIR/report.txt (the
report's path). Needs only the standard library."""
import glob
import json
import os
import re
import sys
import time
import urllib.request

base, work = sys.argv[1], sys.argv[2]


def call(method, path, body=None, token=None):
    request = urllib.request.Request(base + path, method=method)
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        request.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(request, data, timeout=600) as response:
        text = response.read()
        return json.loads(text) if text else None


manager = call("POST", "/api/v1/auth/token",
               {"email": "ravi.shankar@northwind-mobility.example", "password": "acumen-demo"})["token"]
framework = next(f for f in call("GET", "/api/v1/frameworks", token=manager)["frameworks"]
                 if f["name"] == "Global Mobility Account Manager" and f["status"] == "published")
today = time.strftime("%Y-%m-%d")
closes = time.strftime("%Y-%m-%d", time.gmtime(time.time() + 30 * 86400))
cycle = call("POST", "/api/v1/cycles", {"name": "Benchmark cycle", "frameworkId": framework["id"],
                                        "opensOn": today, "closesOn": closes}, manager)
started = time.time()
call("POST", f"/api/v1/cycles/{cycle['id']}/advance", {"from": "draft"}, manager)
print(f"opened the cycle and queued its links in {time.time() - started:.1f} s")

people = {p["email"]: p["id"] for p in call("GET", "/api/v1/people", token=manager)["people"]}
subject = people["am0@bench.example"]
for peer in range(1, 6):
    call("POST", f"/api/v1/cycles/{cycle['id']}/people/{subject}/nominations",
         {"email": f"am{peer}@bench.example", "source": "peer"}, manager)
expected = len(call("GET", f"/api/v1/cycles/{cycle['id']}/invitations", token=manager)["invitations"])


def links(text):
    """(what the link is about, token) for each link of one e-mail: the only link of an
    invitation, or every line of a rater's digest ("- Name, as their supervisor: URL")."""
    subject = re.search(r"^Subject: (.*)$", text, re.M).group(1)
    digest = re.findall(r"^- (.*): http\S+/r/(\S+)$", text, re.M)
    if digest:
        return digest
    return [(subject, token) for token in re.findall(r"^http\S+/r/(\S+)$", text, re.M)]


def delivered():
    return sum(len(links(open(path, encoding="utf-8").read()))
               for path in glob.glob(os.path.join(work, "mail", "*.eml")))


# Wait until every link is delivered, or nothing new arrived for 15 seconds.
last, quiet = -1, 0
while delivered() < expected and quiet < 15:
    count = delivered()
    quiet = quiet + 1 if count == last else 0
    last = count
    time.sleep(1)
found = {}
for path in glob.glob(os.path.join(work, "mail", "*.eml")):
    text = open(path, encoding="utf-8").read()
    to = re.search(r"^To: (\S+)", text, re.M).group(1)
    for about, token in links(text):
        found[(to, about, path)] = token
print(f"{len(found)} of {expected} links delivered to the pickup folder")

answers = None


def submit(token, fields):
    call("POST", f"/api/v1/rater/{token}/submit", {"fields": fields})


# Twelve raters for am0: self, supervisor, five peers and five customers.
for (to, about, _), token in sorted(found.items()):
    if "Bench Person 0" not in about and to != "am0@bench.example":
        continue
    form = call("GET", f"/api/v1/rater/{token}")
    if form["subject"] != "Bench Person 0":
        continue
    if form["source"] == "customer":
        answers = {f"q:{q['code']}": ["often", "always", "sometimes"][i % 3] for i, q in enumerate(form["questions"])}
        submit(token, answers)
        continue
    fields = {}
    for index, competency in enumerate(form["competencies"]):
        if index % 4 == 3:
            fields[f"none:{competency['code']}"] = "on"
            continue
        for level, behaviours in enumerate(competency["behaviours"]):
            if level <= (index + len(to)) % 3:
                for position in range(len(behaviours)):
                    fields[f"b:{level}:{position}:{competency['code']}"] = "on"
        fields[f"comment:{competency['code']}"] = f"Seen in the {competency['title'].lower()} work."
    submit(token, fields)

customer_tokens = [token for (to, about, _), token in sorted(found.items())
                   if to.endswith("@client.example") and "Bench Person 0" not in about]
open(os.path.join(work, "autosave.txt"), "w").write("\n".join(customer_tokens[:1000]) + "\n")
open(os.path.join(work, "tokens.txt"), "w").write("\n".join(customer_tokens[1000:]) + "\n")
open(os.path.join(work, "report.txt"), "w").write(f"/cycles/{cycle['id']}/people/{subject}/report\n")
open(os.path.join(work, "answers.json"), "w").write(json.dumps({"fields": answers}))
print(f"{len(customer_tokens) - 1000} customer links for submissions, 1000 for autosave")
