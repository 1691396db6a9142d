"""The OpenAPI document against the running API: every documented operation is called on a real
demo, and each JSON answer is validated against the schema the document gives for its status.

The document is written by hand (see docs/decisions.md); this test is what keeps it from
drifting from the types the API encodes."""
import json
import os
import urllib.error
import urllib.request

from jsonschema import Draft202012Validator

from test_assessment_journey import mail_link
from test_frameworks_journey import printed_login

PASSWORD = "acumen-demo"

# Documented operations this test does not call, each with the reason.
NOT_CALLED = {
    # Importing a framework changes the shared library of the demo that other journeys use.
    "POST /api/v1/frameworks/import",
}


class Contract:
    def __init__(self, base, document):
        self.base = base
        self.document = document
        self.token = None
        self.checked = set()

    def call(self, method, template, path=None, body=None, status=200, content_type="application/json", query=""):
        path = path or template
        data = None
        headers = {}
        if body is not None:
            data = body.encode() if isinstance(body, str) else json.dumps(body).encode()
            headers["Content-Type"] = content_type
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        operation = self.document["paths"][template][method.lower()]
        documented_body = operation.get("requestBody", {}).get("content", {}).get("application/json")
        if documented_body and isinstance(body, dict) and status < 400:
            # A request the document describes as valid must be one the API accepts, and the reverse.
            schema = dict(documented_body["schema"], components=self.document["components"])
            problems = [e.message for e in Draft202012Validator(schema).iter_errors(body)]
            assert not problems, f"{method} {template}: the request does not match its documented schema: {problems}"
        request = urllib.request.Request(self.base + path + query, data=data, method=method, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                code, raw = response.status, response.read()
        except urllib.error.HTTPError as error:
            code, raw = error.code, error.read()
        assert code == status, f"{method} {path}: {code} {raw[:400]!r}"
        documented = operation["responses"].get(str(status))
        assert documented is not None, f"{method} {template} answers {status}, which is not documented"
        self.checked.add(f"{method} {template}")
        content = documented.get("content", {}).get("application/json")
        if content is None:
            return None
        try:
            payload = json.loads(raw)
        except ValueError:
            raise AssertionError(f"{method} {path} ({status}) documents JSON but sent {raw[:200]!r}")
        schema = dict(content["schema"], components=self.document["components"])
        errors = sorted(Draft202012Validator(schema).iter_errors(payload), key=lambda e: list(e.path))
        assert not errors, f"{method} {template} ({status}) does not match its schema: " + "; ".join(
            f"{list(e.path)}: {e.message}" for e in errors[:5])
        return payload


def test_every_documented_operation_answers_as_documented(server):
    base, workdir, output = server["base"], server["workdir"], server["output"]
    document = json.load(urllib.request.urlopen(base + "/openapi.json"))
    api = Contract(base, document)
    manager = printed_login(output, "Programme manager")

    token = api.call("POST", "/api/v1/auth/token", body={"email": manager, "password": PASSWORD})
    api.token = token["token"]
    api.call("GET", "/api/v1/me")
    people = api.call("GET", "/api/v1/people")["people"]
    frameworks = api.call("GET", "/api/v1/frameworks")["frameworks"]
    framework = next(f for f in frameworks if f["name"].startswith("Global Mobility") and f["status"] == "published")
    api.call("GET", "/api/v1/frameworks/{frameworkID}", f"/api/v1/frameworks/{framework['id']}")
    api.call("POST", "/api/v1/cycles", body={"name": "x", "frameworkId": framework["id"], "opensOn": "2026-12-31",
                                             "closesOn": "2026-12-01"}, status=422)

    cycle = api.call("POST", "/api/v1/cycles", status=201, body={
        "name": "Contract check", "frameworkId": framework["id"], "opensOn": "2026-01-01", "closesOn": "2099-12-31"})
    cycle_path = f"/api/v1/cycles/{cycle['id']}"
    api.call("GET", "/api/v1/cycles")
    api.call("GET", "/api/v1/cycles/{cycleID}", cycle_path)
    api.call("PUT", "/api/v1/cycles/{cycleID}/rules", cycle_path + "/rules",
             body={"minimumPeers": 3, "minimumCustomers": 3, "minimumForComments": 3})
    api.call("POST", "/api/v1/cycles/{cycleID}/advance", cycle_path + "/advance", body={"from": "draft"})
    invitations = api.call("GET", "/api/v1/cycles/{cycleID}/invitations", cycle_path + "/invitations")["invitations"]
    own = next(i for i in invitations if i["source"] == "self")
    subject = own["subjectId"]
    email_of = {p["id"]: p["email"] for p in people}
    peer = next(p for p in people if p["id"] != subject and p["employmentStatus"] == "active")
    api.call("POST", "/api/v1/cycles/{cycleID}/people/{personID}/nominations",
             f"{cycle_path}/people/{subject}/nominations", status=201,
             body={"email": peer["email"], "source": "peer"})
    api.call("GET", "/api/v1/cycles/{cycleID}/preview", cycle_path + "/preview")

    link = mail_link(workdir, email_of[subject], "Contract check")
    rater_path = "/api/v1/rater/" + link.rsplit("/r/", 1)[1]
    saved_token, api.token = api.token, None
    form = api.call("GET", "/api/v1/rater/{token}", rater_path)
    competency = form["competencies"][0]["code"]
    api.call("POST", "/api/v1/rater/{token}/autosave", rater_path + "/autosave", status=204,
             body={"name": f"comment:{competency}", "value": "Clear weekly updates"})
    api.call("POST", "/api/v1/rater/{token}/submit", rater_path + "/submit", status=422, body={})
    api.call("POST", "/api/v1/rater/{token}/autosave", rater_path + "/autosave", status=422,
             body={"name": "not-a-field", "value": "x"})
    api.token = saved_token

    api.call("GET", "/api/v1/cycles/{cycleID}/people/{personID}/report", f"{cycle_path}/people/{subject}/report")
    api.call("POST", "/api/v1/cycles/{cycleID}/advance", cycle_path + "/advance", body={"from": "open"})
    api.call("GET", "/api/v1/cycles/{cycleID}/results", cycle_path + "/results")

    accounts = api.call("GET", "/api/v1/accounts")["accounts"]
    account = min(accounts, key=lambda listed: listed["name"])["id"]
    exercises = api.call("GET", "/api/v1/calibration/exercises")["exercises"]
    exercise = next(listed["id"] for listed in exercises if listed["status"] == "open")
    api.call("GET", "/api/v1/accounts/{accountID}/results", f"/api/v1/accounts/{account}/results")
    action = api.call("POST", "/api/v1/accounts/{accountID}/actions", f"/api/v1/accounts/{account}/actions",
                      status=201,
                      body={"title": "Agree a quarterly review of policy exceptions", "ownerName": "Hana Lopez",
                            "dueOn": "2099-03-31", "measure": "Exceptions reviewed each quarter", "addresses": "",
                            "feasibilityNote": "Fits the existing monthly call"})
    api.call("PUT", "/api/v1/accounts/{accountID}/actions/{actionID}",
             f"/api/v1/accounts/{account}/actions/{action['id']}",
             body={"title": "Agree a monthly review of policy exceptions", "status": "inProgress"})
    api.call("PUT", "/api/v1/accounts/{accountID}/actions/{actionID}",
             f"/api/v1/accounts/{account}/actions/{action['id']}", body={"title": ""}, status=422)
    api.call("GET", "/api/v1/accounts/{accountID}/actions", f"/api/v1/accounts/{account}/actions")
    api.call("GET", "/api/v1/offerings")
    api.call("GET", "/api/v1/offerings", query="?format=video&maxMinutes=10")
    api.call("GET", "/api/v1/offerings", query="?format=podcast", status=400)
    api.call("GET", "/api/v1/people/{personID}/roadmap", f"/api/v1/people/{subject}/roadmap")
    api.call("POST", "/api/v1/xapi/credentials", status=201, body={"name": "Contract check"})
    api.call("POST", "/api/v1/xapi/credentials", status=422, body={"name": "   "})
    api.call("POST", "/api/v1/xapi/credentials", status=400, body={"source": "no name"})
    api.call("GET", "/api/v1/analytics/programme")
    api.call("GET", "/api/v1/analytics/programme", query="?from=2026-01-01&to=2026-12-31")
    api.call("GET", "/api/v1/analytics/programme", query="?from=2026-12-31&to=2026-01-01", status=400)
    for grouping in ("team", "location", "supervisor", "tenure", "customer"):
        api.call("GET", "/api/v1/analytics/heatmap", query=f"?by={grouping}")
    api.call("GET", "/api/v1/analytics/heatmap", query="?by=region", status=400)
    api.call("GET", "/api/v1/analytics/heatmap", query="?cycle=00000000-0000-4000-8000-000000000000", status=404)
    api.call("GET", "/api/v1/scorecard", status=403)
    saved_token = api.token
    reviewer = printed_login(output, "Customer reviewer")
    api.token = api.call("POST", "/api/v1/auth/token", body={"email": reviewer, "password": PASSWORD})["token"]
    columns = api.call("GET", "/api/v1/scorecard")["columns"]
    assert columns, "the demo customer scores its other vendors"
    api.token = saved_token
    api.call("GET", "/api/v1/calibration/due")
    api.call("GET", "/api/v1/calibration/{exerciseID}/results", f"/api/v1/calibration/{exercise}/results")
    api.call("POST", "/api/v1/stats/agreement", body="a,b,c\n1,2,2\n2,2,3\n1,1,1\n3,3,2\n",
             content_type="text/csv")
    api.call("POST", "/api/v1/stats/agreement", body="a,b\n1,x\n", content_type="text/csv", status=422)

    checks = api.call("GET", "/api/v1/checks")
    check = next(c for c in checks if c["title"] == "Mobility technical foundations")
    check_path = f"/api/v1/checks/{check['id']}"
    api.call("GET", "/api/v1/checks/{checkID}", check_path)
    api.call("GET", "/api/v1/checks/{checkID}", "/api/v1/checks/00000000-0000-4000-8000-000000000000", status=404)
    api.call("GET", "/api/v1/checks/{checkID}/analysis", check_path + "/analysis")
    created = api.call("POST", "/api/v1/checks", status=201, body={
        "title": "Contract check of the policy", "draws": [{"competency": "KE.1", "level": 1, "count": 3}],
        "timeLimitMinutes": 10, "passMark": 0.6})
    assert created["questionCount"] == 3 and created["kind"] == "written", created
    api.call("POST", "/api/v1/checks", status=422, body={
        "title": "Too many", "draws": [{"competency": "KE.1", "level": 1, "count": 999}], "passMark": 0.6})
    api.call("GET", "/api/v1/checks/{checkID}/attempts.csv", check_path + "/attempts.csv")
    api.call("GET", "/api/v1/questions")
    exported = urllib.request.urlopen(urllib.request.Request(
        base + "/api/v1/questions/export?format=csv", headers={"Authorization": f"Bearer {api.token}"})).read().decode()
    api.call("GET", "/api/v1/questions/export", query="?format=moodle")
    api.call("GET", "/api/v1/questions/export", query="?format=pdf", status=400)
    imported = api.call("POST", "/api/v1/questions/import", body=exported, content_type="text/csv", query="?format=csv")
    assert imported["added"] == 0 and imported["unchanged"] >= 60, imported
    api.call("POST", "/api/v1/questions/import", body="competency,level,kind,prompt,explanation\nKE.1,9,essay,,\n",
             content_type="text/csv", query="?format=csv", status=422)
    saved_token = api.token
    member = printed_login(output, "Account manager")
    api.token = api.call("POST", "/api/v1/auth/token", body={"email": member, "password": PASSWORD})["token"]
    attempt = api.call("POST", "/api/v1/checks/{checkID}/attempts", check_path + "/attempts", status=201)
    attempt_path = f"/api/v1/attempts/{attempt['id']}"
    api.call("GET", "/api/v1/attempts/{attemptID}", attempt_path)
    question = next(q for q in attempt["questions"] if q["kind"] in ("singleChoice", "trueFalse"))
    api.call("PUT", "/api/v1/attempts/{attemptID}/answers", attempt_path + "/answers",
             body={"answers": [{"questionId": question["questionId"], "choices": [question["options"][0]["key"]]}]})
    api.call("PUT", "/api/v1/attempts/{attemptID}/answers", attempt_path + "/answers", status=422,
             body={"answers": [{"questionId": "00000000-0000-4000-8000-000000000000", "choices": ["a"]}]})
    api.call("POST", "/api/v1/attempts/{attemptID}/submit", attempt_path + "/submit")
    api.call("POST", "/api/v1/attempts/{attemptID}/submit", attempt_path + "/submit", status=409)
    api.token = saved_token

    documented = {f"{method.upper()} {path}" for path, operations in document["paths"].items()
                  for method in operations if method in ("get", "post", "put", "patch", "delete")}
    missing = documented - api.checked - NOT_CALLED
    assert not missing, f"documented but not checked against a real answer: {sorted(missing)}"
