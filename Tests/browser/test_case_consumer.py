"""Acumen as a CASE consumer, against another CASE provider (a small HTTP server this test
starts): the command line fetches a foreign package by address, with its deep items kept as
indicators; in the browser, a programme manager fetches a package from the import page, reads
on its draft what was carried over, publishes it, and fetches the provider's next version as a
new draft that lists what changed. Pages are checked with axe-core at desktop and phone width."""
import copy
import json
import os
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import requests
from selenium.webdriver.common.by import By

from conftest import ROOT, free_port
from test_case_standard import signed_in
from test_frameworks_journey import check_accessibility, sign_in, wait_for_text

MANAGER = "ravi.shankar@northwind-mobility.example"
STAMP = "2025-01-01T00:00:00Z"


@pytest.fixture()
def provider():
    """Serves `packages[identifier]` at /ims/case/v1p1/CFPackages/{identifier}; 404 elsewhere."""
    packages = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            prefix = "/ims/case/v1p1/CFPackages/"
            package = packages.get(self.path[len(prefix):]) if self.path.startswith(prefix) else None
            body = json.dumps(package).encode() if package else b'{"imsx_codeMajor": "failure"}'
            self.send_response(200 if package else 404)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    port = free_port()
    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield {"base": f"http://127.0.0.1:{port}/ims/case/v1p1/CFPackages/", "packages": packages}
    server.shutdown()


def foreign_package():
    """Written as another server would: identifiers that are not UUIDs, codes on some items only,
    a third level below the competencies, no rubrics, and a relation Acumen does not keep."""
    tree = [("dom-1", "COM", "Communication", None), ("skill-1", "COM.1", "Writes clearly", "dom-1"),
            ("ind-1", None, "Uses plain words", "skill-1"), ("ind-2", None, "Checks the reader understood", "ind-1"),
            ("skill-2", "COM.2", "Listens", "dom-1")]
    items = [{"identifier": i, "uri": f"https://partner.example/{i}", "fullStatement": text,
              "humanCodingScheme": code, "lastChangeDateTime": STAMP} for i, code, text, _ in tree]
    associations = [{"identifier": f"link-{i}", "uri": "https://partner.example/link", "associationType": "isChildOf",
                     "originNodeURI": {"title": "", "identifier": i, "uri": "u"},
                     "destinationNodeURI": {"title": "", "identifier": parent or "partner-doc", "uri": "u"},
                     "lastChangeDateTime": STAMP} for i, _, _, parent in tree]
    associations.append({"identifier": "rel-1", "uri": "https://partner.example/rel", "associationType": "isRelatedTo",
                         "originNodeURI": {"title": "", "identifier": "skill-1", "uri": "u"},
                         "destinationNodeURI": {"title": "", "identifier": "skill-2", "uri": "u"},
                         "lastChangeDateTime": STAMP})
    return {"CFDocument": {"identifier": "partner-doc", "uri": "https://partner.example/doc", "creator": "Partner",
                           "title": "Partner communication", "lastChangeDateTime": STAMP},
            "CFItems": [{k: v for k, v in item.items() if v is not None} for item in items],
            "CFAssociations": associations}


def test_the_command_line_fetches_a_package_by_address_and_keeps_its_deep_items(provider, tmp_path):
    binary = os.environ.get("ACUMEN_BINARY", os.path.join(ROOT, ".build", "debug", "acumen"))
    env = dict(os.environ, DATABASE_URL=f"sqlite://{tmp_path}/acumen.sqlite", LOG_LEVEL="error")
    subprocess.run([binary, "migrate"], cwd=tmp_path, env=env, check=True, capture_output=True)
    provider["packages"]["partner-doc"] = foreign_package()
    fetched = subprocess.run([binary, "import", "framework", provider["base"] + "partner-doc"], cwd=tmp_path, env=env,
                             capture_output=True, text=True)
    assert fetched.returncode == 0, fetched.stderr
    assert "Imported Partner communication as a draft" in fetched.stdout, fetched.stdout
    assert "- Uses plain words had no code; it was given COM.1.1" in fetched.stdout, fetched.stdout
    assert "- Checks the reader understood had no code; it was given COM.1.1.1" in fetched.stdout, fetched.stdout
    assert "isRelatedTo" in fetched.stdout, "the relation that was not kept is said"

    again = subprocess.run([binary, "import", "framework", provider["base"] + "partner-doc"], cwd=tmp_path, env=env,
                           capture_output=True, text=True)
    assert again.returncode == 1 and "no version was made" in again.stderr, again.stderr

    changed = foreign_package()
    changed["CFItems"][1]["fullStatement"] = "Writes clearly and briefly"
    provider["packages"]["partner-doc"] = changed
    later = subprocess.run([binary, "import", "framework", provider["base"] + "partner-doc"], cwd=tmp_path, env=env,
                           capture_output=True, text=True)
    assert later.returncode == 1, "version 1 is still a draft: edit it rather than fetch another"
    assert "already a draft" in later.stderr, later.stderr

    missing = subprocess.run([binary, "import", "framework", provider["base"] + "nothing"], cwd=tmp_path, env=env,
                             capture_output=True, text=True)
    assert missing.returncode == 1 and "answered 404" in missing.stderr, missing.stderr


def test_a_programme_manager_fetches_a_framework_publishes_it_and_fetches_its_next_version(server, provider, browser):
    base = server["base"]
    session = signed_in(base)
    headers = {"Authorization": "Bearer " + requests.post(
        f"{base}/api/v1/auth/token", json={"email": MANAGER, "password": "acumen-demo"}, timeout=10).json()["token"]}
    frameworks = requests.get(f"{base}/api/v1/frameworks", headers=headers, timeout=10).json()["frameworks"]
    source = next(f for f in frameworks if f["status"] == "published")
    exported = session.get(f"{base}/frameworks/{source['id']}/case.json", timeout=10).json()
    # The partner's package is this one under another document identifier and title.
    package = json.loads(json.dumps(exported).replace(exported["CFDocument"]["identifier"],
                                                      "0d9c1a52-7e4b-4f0a-9c3d-2b1a0e9f8d7c"))
    package["CFDocument"]["title"] = "Partner account management"
    provider["packages"]["0d9c1a52-7e4b-4f0a-9c3d-2b1a0e9f8d7c"] = package

    sign_in(browser, base, MANAGER)
    browser.get(base + "/import")
    browser.find_element(By.NAME, "url").send_keys(provider["base"] + "0d9c1a52-7e4b-4f0a-9c3d-2b1a0e9f8d7c")
    browser.find_element(By.XPATH, "//button[normalize-space()='Fetch and import']").click()
    wait_for_text(browser, "Imported Partner account management as a draft")
    assert "Imported from the CASE provider at " + provider["base"] in browser.page_source
    assert "Carried over from the source: categories" in browser.page_source
    check_accessibility(browser, "framework-fetched-draft")

    browser.find_element(By.PARTIAL_LINK_TEXT, "Publish version 1").click()
    browser.find_element(By.XPATH, "//button[normalize-space()='Publish version 1']").click()
    wait_for_text(browser, "Version 1 is published")

    renamed = copy.deepcopy(package)
    item = next(i for i in renamed["CFItems"] if i.get("humanCodingScheme") and "." in i["humanCodingScheme"])
    item["abbreviatedStatement"] = "Renamed by the partner"
    provider["packages"]["0d9c1a52-7e4b-4f0a-9c3d-2b1a0e9f8d7c"] = renamed
    browser.find_element(By.XPATH, "//button[normalize-space()=\"Fetch the provider's current version\"]").click()
    wait_for_text(browser, "Changes since version 1")
    assert f"{item['humanCodingScheme']} Renamed by the partner (title)" in browser.page_source
    check_accessibility(browser, "framework-fetched-changes")
