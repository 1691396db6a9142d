"""Acumen's CASE output against the official CASE 1.1 schemas (copied into Tests/standards):
every adopted framework's package and document, every framework's download (drafts too), and
the export of a package imported back; every identifier a UUID of version 1 to 5, and every
`uri` answering with the object it names."""
import json
import os
import re
import urllib.parse

import requests
from jsonschema import Draft202012Validator, FormatChecker

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
STANDARDS = os.path.join(ROOT, "Tests", "standards")
MANAGER = "ravi.shankar@northwind-mobility.example"


def load(name):
    with open(os.path.join(STANDARDS, name)) as file:
        return json.load(file)


PACKAGE_SCHEMA = load("case-v1p1-cfpackage-schema.json")
OPENAPI = load("case-v1p1-openapi-excerpt.json")
IDENTIFIER = re.compile(OPENAPI["$defs"]["CFDocumentDType"]["properties"]["identifier"]["pattern"])


def validator(schema):
    checker = FormatChecker()
    # Without these two packages jsonschema skips the formats silently; they are required here.
    import rfc3339_validator  # noqa: F401
    import rfc3986_validator  # noqa: F401
    return Draft202012Validator(schema, format_checker=checker)


def excerpt(definition):
    return validator({"$ref": f"#/$defs/{definition}", "$defs": OPENAPI["$defs"]})


def problems(schema_validator, document):
    return [f"{'/'.join(map(str, error.path))}: {error.message}" for error in schema_validator.iter_errors(document)]


def objects_with_identifiers(value):
    if isinstance(value, dict):
        if "identifier" in value:
            yield value
        for child in value.values():
            yield from objects_with_identifiers(child)
    elif isinstance(value, list):
        for child in value:
            yield from objects_with_identifiers(child)


def check_package(package, label):
    found = problems(validator(PACKAGE_SCHEMA), package)
    assert not found, f"{label} fails the CASE 1.1 package schema:\n" + "\n".join(found[:20])
    identifiers = [node["identifier"] for node in objects_with_identifiers(package)]
    bad = [identifier for identifier in identifiers if not IDENTIFIER.fullmatch(identifier)]
    assert not bad, f"{label}: identifiers outside the CASE pattern: {bad[:5]}"
    return identifiers


def api_token(base):
    answer = requests.post(f"{base}/api/v1/auth/token", json={"email": MANAGER, "password": "acumen-demo"}, timeout=10)
    answer.raise_for_status()
    return answer.json()["token"]


def signed_in(base):
    session = requests.Session()
    page = session.get(f"{base}/login", timeout=10).text
    csrf = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
    session.post(f"{base}/login", data={"_csrf": csrf, "email": MANAGER, "password": "acumen-demo"}, timeout=10)
    return session


def test_adopted_frameworks_pass_the_case_schemas_and_every_uri_resolves(server):
    base = server["base"]
    listing = requests.get(f"{base}/ims/case/v1p1/CFDocuments", timeout=10).json()
    assert not problems(excerpt("CFDocumentSetDType"), listing)
    assert len(listing["CFDocuments"]) >= 2
    for document in listing["CFDocuments"]:
        package = requests.get(f"{base}/ims/case/v1p1/CFPackages/{document['identifier']}", timeout=10).json()
        check_package(package, document["title"])
        served = requests.get(document["uri"].replace("http://127.0.0.1:8080", base), timeout=10)
        assert served.status_code == 200 and not problems(excerpt("CFDocumentDType"), served.json())
        links = {node["uri"]: node["identifier"] for node in objects_with_identifiers(package) if "uri" in node}
        links[document["CFPackageURI"]["uri"]] = document["identifier"]
        for uri, identifier in links.items():
            path = urllib.parse.urlsplit(uri).path
            answer = requests.get(base + path, timeout=10)
            assert answer.status_code == 200, f"{uri} answers {answer.status_code}"
            body = answer.json()
            assert body.get("identifier", body.get("CFDocument", {}).get("identifier")) == identifier, uri
            if "/CFItems/" in path:
                assert not problems(excerpt("CFItemDType"), body), uri


def test_every_download_and_a_round_trip_pass_the_package_schema(server):
    base = server["base"]
    headers = {"Authorization": f"Bearer {api_token(base)}"}
    # A package from another server with items three and four levels deep: kept as indicators,
    # its export must pass the schema too.
    from test_case_consumer import foreign_package
    deep = requests.post(f"{base}/api/v1/frameworks/import", json=foreign_package(), headers=headers, timeout=10)
    assert deep.status_code == 201, deep.text
    indicators = deep.json()["categories"][0]["competencies"][0]["indicators"]
    assert [i["title"] for i in indicators] == ["Uses plain words", "Checks the reader understood"]
    assert indicators[1]["parentId"] == indicators[0]["id"]
    assert deep.json()["origin"]["source"] == "casePackage" and deep.json()["origin"]["notes"]
    frameworks = requests.get(f"{base}/api/v1/frameworks", headers=headers, timeout=10).json()["frameworks"]
    session = signed_in(base)
    for framework in frameworks:
        download = session.get(f"{base}/frameworks/{framework['id']}/case.json", timeout=10)
        assert download.status_code == 200, framework
        check_package(download.json(), f"{framework['name']} ({framework['status']})")
        last = download.content
    imported = requests.post(f"{base}/api/v1/frameworks/import", data=last,
                             headers=dict(headers, **{"Content-Type": "application/json"}), timeout=10)
    assert imported.status_code == 201, imported.text
    again = session.get(f"{base}/frameworks/{imported.json()['id']}/case.json", timeout=10)
    assert again.status_code == 200
    check_package(again.json(), "the export of an imported package (a draft)")
