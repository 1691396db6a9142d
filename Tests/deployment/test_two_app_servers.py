"""Two `acumen serve` processes on one PostgreSQL behind nginx, as docs/deploy.md sets them up.

While both serve pages, a programme manager opens a cycle through the proxy; each server's
background work delivers the outbox through its own sendmail, so the test can tell who sent
what. Then both servers restart at once and run the day's reminders together. Every e-mail
must have been handed over exactly once (by its Message-ID, which is the outbox row's id),
every rater waiting on the reminder day reminded once, and a session started on one server
must be valid on the other.

Needs ACUMEN_CLUSTER_POSTGRES_URL (an empty database it may fill) and nginx; `.ci/run` gives both.
"""
import datetime
import glob
import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time

import pytest
import requests
from prometheus_client.parser import text_string_to_metric_families

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
DATABASE = os.environ.get("ACUMEN_CLUSTER_POSTGRES_URL", "")
NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if os.path.exists("/usr/sbin/nginx") else None)
MANAGER = "ravi.shankar@northwind-mobility.example"
METRICS_TOKEN = "cluster-metrics-token-for-ci"
PASSWORD = "acumen-demo"

pytestmark = pytest.mark.skipif(
    not DATABASE or not NGINX, reason="needs ACUMEN_CLUSTER_POSTGRES_URL and nginx (.ci/run provides both)")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url, process, log, seconds=90):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            if requests.get(url, timeout=1).status_code == 200:
                return
        except requests.RequestException:
            pass
        if process is not None and process.poll() is not None:
            raise RuntimeError(open(log).read())
        time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer within {seconds} seconds")


def psql(query):
    result = subprocess.run(
        ["psql", DATABASE, "-tA", "-c", query], check=True, capture_output=True, text=True)
    return result.stdout.strip()


def until(condition, seconds, what):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if condition():
            return
        time.sleep(0.5)
    raise AssertionError(f"not within {seconds} seconds: {what}")


class Cluster:
    def __init__(self, workdir):
        self.workdir = workdir
        self.binary = os.environ.get("ACUMEN_BINARY", os.path.join(ROOT, ".build", "debug", "acumen"))
        self.proxy_port = free_port()
        self.ports = {"a": free_port(), "b": free_port()}
        self.processes = {}
        self.mail = os.path.join(workdir, "mail")
        os.makedirs(self.mail)
        self.base_env = dict(
            os.environ, DATABASE_URL=DATABASE, ACUMEN_ANONYMITY_KEY="k" * 64, LOG_LEVEL="warning",
            ACUMEN_METRICS_TOKEN=METRICS_TOKEN,
            ACUMEN_PUBLIC_URL=f"http://127.0.0.1:{self.proxy_port}")

    def sendmail(self, name):
        """A sendmail that keeps each message it is handed as a file named after the server."""
        path = os.path.join(self.workdir, f"sendmail-{name}")
        with open(path, "w") as script:
            script.write(f'#!/bin/sh\ncat > "{self.mail}/{name}-$(date +%s%N)-$$.eml"\n')
        os.chmod(path, 0o755)
        return path

    def start(self, name):
        env = dict(self.base_env, ACUMEN_SENDMAIL=self.sendmail(name))
        log = os.path.join(self.workdir, f"server-{name}.log")
        self.processes[name] = subprocess.Popen(
            [self.binary, "serve", "--port", str(self.ports[name])], cwd=self.workdir, env=env,
            stdout=open(log, "a"), stderr=subprocess.STDOUT)
        return log

    def start_all(self):
        logs = {name: self.start(name) for name in self.ports}
        for name, port in self.ports.items():
            wait_for(f"http://127.0.0.1:{port}/readyz", self.processes[name], logs[name])

    def stop_all(self):
        for process in self.processes.values():
            process.send_signal(signal.SIGTERM)
        for process in self.processes.values():
            process.wait(timeout=30)

    def start_proxy(self):
        conf = os.path.join(self.workdir, "nginx.conf")
        servers = "\n".join(f"server 127.0.0.1:{port};" for port in self.ports.values())
        with open(conf, "w") as file:
            file.write(f"""
pid {self.workdir}/nginx.pid;
error_log {self.workdir}/nginx-error.log;
daemon off;
events {{ worker_connections 256; }}
http {{
    access_log off;
    client_body_temp_path {self.workdir}/nginx-body;
    proxy_temp_path {self.workdir}/nginx-proxy;
    fastcgi_temp_path {self.workdir}/nginx-fastcgi;
    uwsgi_temp_path {self.workdir}/nginx-uwsgi;
    scgi_temp_path {self.workdir}/nginx-scgi;
    upstream acumen {{ {servers} }}
    server {{
        listen 127.0.0.1:{self.proxy_port};
        location / {{
            proxy_pass http://acumen;
            proxy_set_header Host $host:$server_port;
            proxy_set_header X-Forwarded-For $remote_addr;
        }}
    }}
}}
""")
        self.proxy = subprocess.Popen(
            [NGINX, "-p", self.workdir, "-c", conf], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_for(f"http://127.0.0.1:{self.proxy_port}/healthz", self.proxy, f"{self.workdir}/nginx-error.log")

    def close(self):
        for process in list(self.processes.values()) + [getattr(self, "proxy", None)]:
            # SIGTERM: nginx's master then stops its workers too.
            if process is not None and process.poll() is None:
                process.terminate()
                process.wait(timeout=30)


@pytest.fixture()
def cluster():
    workdir = tempfile.mkdtemp(prefix="acumen-cluster-")
    cluster = Cluster(workdir)
    subprocess.run(
        [cluster.binary, "demo", "--no-serve"], cwd=workdir, env=cluster.base_env, check=True,
        capture_output=True)
    yield cluster
    cluster.close()


def test_two_servers_share_sessions_and_deliver_each_mail_once(cluster):
    cluster.start_all()
    cluster.start_proxy()
    proxy = f"http://127.0.0.1:{cluster.proxy_port}"

    # A session started through the proxy is valid on each server directly.
    browser = requests.Session()
    form = browser.get(f"{proxy}/login").text
    csrf = re.search(r'name="_csrf" value="([^"]+)"', form).group(1)
    signed_in = browser.post(
        f"{proxy}/login", data={"email": MANAGER, "password": PASSWORD, "_csrf": csrf}, allow_redirects=False)
    assert signed_in.status_code == 303, signed_in.text[:500]
    for port in cluster.ports.values():
        page = browser.get(f"http://127.0.0.1:{port}/cycles", allow_redirects=False)
        assert page.status_code == 200, f"server on {port} does not know the session"

    # Pages keep being served through the proxy while the cycle's mail goes out.
    failures, served, stop = [], [0], threading.Event()

    def browse():
        while not stop.is_set():
            for path in ("/", "/cycles", "/people", "/catalogue"):
                answer = browser.get(proxy + path, allow_redirects=False)
                served[0] += 1
                if answer.status_code != 200:
                    failures.append((path, answer.status_code))

    reader = threading.Thread(target=browse)
    reader.start()
    try:
        token = requests.post(
            f"{proxy}/api/v1/auth/token", json={"email": MANAGER, "password": PASSWORD}).json()["token"]
        api = {"Authorization": f"Bearer {token}"}
        frameworks = requests.get(f"{proxy}/api/v1/frameworks", headers=api).json()["frameworks"]
        framework = next(
            f for f in frameworks if f["name"].startswith("Global Mobility") and f["status"] == "published")
        today = datetime.date.today()
        # Closing in seven days makes today one of the cycle's reminder days.
        cycle = requests.post(f"{proxy}/api/v1/cycles", headers=api, json={
            "name": "Cluster check", "frameworkId": framework["id"], "opensOn": today.isoformat(),
            "closesOn": (today + datetime.timedelta(days=7)).isoformat()})
        assert cycle.status_code == 201, cycle.text
        cycle_id = cycle.json()["id"]
        opened = requests.post(
            f"{proxy}/api/v1/cycles/{cycle_id}/advance", headers=api, json={"from": "draft"})
        assert opened.status_code == 200, opened.text
        until(lambda: psql("SELECT COUNT(*) FROM outbox_messages WHERE status = 'pending'") == "0", 120,
              "the outbox is delivered")
    finally:
        stop.set()
        reader.join()
    assert served[0] > 0 and not failures, f"pages failed while mail went out: {failures[:5]}"

    # Both servers start again together, and both run today's reminders at once.
    cluster.stop_all()
    mails_before = set(glob.glob(os.path.join(cluster.mail, "*.eml")))
    restarted_at = time.time()
    cluster.start_all()
    waiting = int(psql(
        f"SELECT COUNT(*) FROM invitations WHERE cycle_id = '{cycle_id}' AND issued_on IS NOT NULL "
        "AND status = 'approved'"))
    assert waiting > 0
    until(lambda: psql(
        f"SELECT COUNT(*) FROM invitations WHERE cycle_id = '{cycle_id}' "
        f"AND last_reminded_on = '{today.isoformat()}'") == str(waiting), 60, "every waiting rater is reminded")
    until(lambda: psql("SELECT COUNT(*) FROM outbox_messages WHERE status = 'pending'") == "0", 60,
          "the reminders are delivered")
    queued_reminders = int(psql(f"SELECT COUNT(*) FROM outbox_messages WHERE created_at >= {restarted_at}"))
    assert queued_reminders == waiting, "one reminder queued per waiting rater, by one server or the other"

    handed_over = {}
    for path in glob.glob(os.path.join(cluster.mail, "*.eml")):
        text = open(path, encoding="utf-8").read()
        message_id = re.search(r"^Message-ID: <([^@>]+)@acumen>", text, re.MULTILINE).group(1)
        handed_over.setdefault(message_id, []).append(os.path.basename(path).split("-")[0])
    twice = {key: servers for key, servers in handed_over.items() if len(servers) > 1}
    assert not twice, f"{len(twice)} messages were handed over more than once"
    sent = int(psql("SELECT COUNT(*) FROM outbox_messages WHERE status = 'sent'"))
    assert len(handed_over) == sent, "every message marked sent was handed over, and nothing else"
    new_mails = set(glob.glob(os.path.join(cluster.mail, "*.eml"))) - mails_before
    assert len(new_mails) == waiting, "each reminder handed over once"
    # Each server's /metrics, read by Prometheus's own text-format parser.
    for name, port in cluster.ports.items():
        scrape = requests.get(
            f"http://127.0.0.1:{port}/metrics", headers={"Authorization": f"Bearer {METRICS_TOKEN}"})
        assert scrape.status_code == 200, scrape.text
        samples = {
            (sample.name, tuple(sorted(sample.labels.items()))): sample.value
            for family in text_string_to_metric_families(scrape.text) for sample in family.samples}
        assert samples[("acumen_database_up", ())] == 1
        assert samples[("acumen_outbox_messages", (("queue", "mail"), ("status", "pending")))] == 0
        assert samples[("acumen_outbox_messages", (("queue", "mail"), ("status", "sent")))] == sent
        assert any(key[0] == "acumen_http_request_duration_seconds_count" for key in samples), name
    unauthorised = requests.get(f"{proxy}/metrics")
    assert unauthorised.status_code == 401, "not through the proxy without the token"

    by_server = {name: sum(1 for servers in handed_over.values() if name in servers) for name in cluster.ports}
    print(f"\n{sent} messages, each handed over once; by server: {by_server}; {served[0]} pages served meanwhile")
