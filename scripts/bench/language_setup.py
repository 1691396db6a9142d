"""Prepares the language benchmark on a running Acumen with the demo organisation: opens a
cycle and prints the path of one customer's questionnaire (from the mail pickup folder).

Usage: language_setup.py BASE_URL MAIL_DIR. Needs only the standard library."""
import glob
import json
import re
import sys
import time
import urllib.request

base, mail = sys.argv[1], sys.argv[2]


def call(method, path, body=None, token=None):
    request = urllib.request.Request(base + path, method=method)
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    data = json.dumps(body).encode() if body is not None else None
    if data:
        request.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(request, data, timeout=120) as response:
        text = response.read()
        return json.loads(text) if text else None


manager = call("POST", "/api/v1/auth/token",
               {"email": "ravi.shankar@northwind-mobility.example", "password": "acumen-demo"})["token"]
framework = next(f for f in call("GET", "/api/v1/frameworks", token=manager)["frameworks"]
                 if f["name"] == "Global Mobility Account Manager" and f["status"] == "published")
today = time.strftime("%Y-%m-%d")
closes = time.strftime("%Y-%m-%d", time.gmtime(time.time() + 30 * 86400))
cycle = call("POST", "/api/v1/cycles", {"name": "Language benchmark", "frameworkId": framework["id"],
                                        "opensOn": today, "closesOn": closes}, manager)
call("POST", f"/api/v1/cycles/{cycle['id']}/advance", {"from": "draft"}, manager)
for _ in range(100):
    for path in sorted(glob.glob(f"{mail}/*")):
        text = open(path, encoding="utf-8").read()
        if "alder-pharmaceuticals" in text:
            found = re.search(r"http\S+(/r/\S+)", text)
            if found:
                print(found.group(1))
                sys.exit(0)
    time.sleep(0.2)
sys.exit("no customer invitation was delivered")
