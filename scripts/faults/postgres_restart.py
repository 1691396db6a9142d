"""Drives scripts/fault-postgres-restart.sh: load on a running Acumen, PostgreSQL stopped for a
while and started again, and what the clients saw meanwhile.

Four clients read pages and API answers that need the database, each request with a 20-second
client timeout. Passes when, while the database is away, every request is answered within
`LIMIT` seconds with 503 (or still 200 from before the stop), `/readyz` answers 503, no request
is answered 500, and after the database returns everything answers 200 again within 30 seconds.
"""
import subprocess
import sys
import threading
import time

import requests

LIMIT = 8.0
base, seconds_down, stop_command, start_command = sys.argv[1], float(sys.argv[2]), sys.argv[3], sys.argv[4]


def wait_ready(timeout):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            if requests.get(base + "/readyz", timeout=2).status_code == 200:
                return time.time()
        except requests.RequestException:
            pass
        time.sleep(0.2)
    return None


assert wait_ready(120), "Acumen did not start"
token = requests.post(base + "/api/v1/auth/token", json={
    "email": "ravi.shankar@northwind-mobility.example", "password": "acumen-demo"}).json()["token"]
headers = {"Authorization": f"Bearer {token}"}
paths = ["/api/v1/cycles", "/api/v1/frameworks", "/readyz", "/api/v1/people"]
log, stop = [], threading.Event()


def client(index):
    while not stop.is_set():
        path = paths[(index + len(log)) % len(paths)]
        started = time.time()
        try:
            status = requests.get(base + path, headers=headers, timeout=20).status_code
        except requests.RequestException as error:
            status = type(error).__name__
        log.append((started, time.time() - started, path, status))
        time.sleep(0.05)


clients = [threading.Thread(target=client, args=(i,)) for i in range(4)]
for thread in clients:
    thread.start()
time.sleep(5)
stopped_at = time.time()
subprocess.run(stop_command, shell=True, check=True)
time.sleep(seconds_down)
restarted_at = time.time()
subprocess.run(start_command, shell=True, check=True)
ready_at = wait_ready(60)
time.sleep(5)
stop.set()
for thread in clients:
    thread.join()

during = [entry for entry in log if stopped_at + 1 <= entry[0] < restarted_at]
after = [entry for entry in log if ready_at and entry[0] >= ready_at + 1]
statuses = {}
for _, _, _, status in during:
    statuses[status] = statuses.get(status, 0) + 1
slowest = max((elapsed for _, elapsed, _, _ in during), default=0)
readyz_down = [status for _, _, path, status in during if path == "/readyz"]
print(f"requests while PostgreSQL was down for {seconds_down:.0f} s: {len(during)}, by status {statuses}, "
      f"slowest {slowest:.2f} s")
print(f"/readyz while down: {sorted(set(readyz_down))}; ready again {ready_at - restarted_at:.1f} s after "
      f"PostgreSQL was started" if ready_at else "never ready again")
print(f"requests after recovery: {len(after)}, all 200: {all(status == 200 for *_, status in after)}")
problems = []
if not during:
    problems.append("no request was made while the database was down")
if any(status not in (200, 503) for status in statuses):
    problems.append(f"answers other than 503 while down: {statuses}")
if slowest > LIMIT:
    problems.append(f"a request took {slowest:.1f} s while the database was down (limit {LIMIT} s)")
if not readyz_down or any(status != 503 for status in readyz_down):
    problems.append("/readyz did not answer 503 while the database was down")
if ready_at is None or ready_at - restarted_at > 30:
    problems.append("Acumen did not recover within 30 seconds of PostgreSQL's return")
if not after or any(status != 200 for *_, status in after):
    problems.append("requests still failed after recovery")
print("PASS" if not problems else "FAIL: " + "; ".join(problems))
sys.exit(1 if problems else 0)
