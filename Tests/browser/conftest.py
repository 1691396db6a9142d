"""Starts Acumen on a throwaway database and gives tests a headless Chromium."""
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SHOTS = os.environ.get("ACUMEN_SCREENSHOTS", os.path.join(tempfile.gettempdir(), "acumen-screenshots"))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def ralph():
    """A real learning record store (Ralph, from PyPI, on its file backend) that Acumen forwards
    its statements to: the independent check of what Acumen emits."""
    port = free_port()
    workdir = tempfile.mkdtemp(prefix="acumen-ralph-")
    env = dict(
        os.environ, RALPH_APP_DIR=os.path.join(workdir, "app"), RALPH_AUTH_FILE=os.path.join(workdir, "auth.json"),
        RALPH_RUNSERVER_BACKEND="fs", RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH=os.path.join(workdir, "data"))
    os.makedirs(os.path.join(workdir, "data"))
    subprocess.run(
        ["ralph", "auth", "-u", "acumen", "-p", "forwarded", "-s", "all", "-M", "mailto:acumen@example.com", "-w"],
        env=env, check=True, capture_output=True)
    log = open(os.path.join(workdir, "ralph.log"), "w")
    # Ralph's file backend writes a statement file once and refuses to write it again, which
    # suits a one-off import but not an LRS receiving statements over time; it is told to append,
    # and served by uvicorn in this process so that the setting holds (`ralph runserver` reloads).
    serve = (
        "import sys, uvicorn\n"
        "from ralph.backends.data.base import BaseOperationType\n"
        "from ralph.backends.data.fs import FSDataBackend\n"
        "FSDataBackend.default_operation_type = BaseOperationType.APPEND\n"
        "from ralph.api import app\n"
        "uvicorn.run(app, host='127.0.0.1', port=int(sys.argv[1]), log_level='warning')\n")
    process = subprocess.Popen(
        [sys.executable, "-c", serve, str(port)], cwd=workdir, env=env, stdout=log, stderr=subprocess.STDOUT)
    endpoint = f"http://127.0.0.1:{port}/xAPI/"
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/__heartbeat__", timeout=1)
            break
        except Exception:
            if process.poll() is not None:
                raise RuntimeError(open(os.path.join(workdir, "ralph.log")).read())
            time.sleep(0.5)
    else:
        process.kill()
        raise RuntimeError("Ralph did not start within 60 seconds")
    yield {"endpoint": endpoint, "user": "acumen", "password": "forwarded"}
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(scope="session")
def server(ralph):
    port = free_port()
    workdir = tempfile.mkdtemp(prefix="acumen-browser-")
    env = dict(
        os.environ, DATABASE_URL=f"sqlite://{workdir}/acumen.sqlite", ACUMEN_XAPI_FORWARD_URL=ralph["endpoint"],
        ACUMEN_XAPI_FORWARD_KEY=ralph["user"], ACUMEN_XAPI_FORWARD_SECRET=ralph["password"])
    binary = os.environ.get("ACUMEN_BINARY", os.path.join(ROOT, ".build", "debug", "acumen"))
    log = open(os.path.join(workdir, "server.log"), "w")
    process = subprocess.Popen([binary, "demo", "--port", str(port)], cwd=workdir, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 120
    while time.time() < deadline:
        try:
            urllib.request.urlopen(base + "/healthz", timeout=1)
            break
        except Exception:
            if process.poll() is not None:
                raise RuntimeError(open(os.path.join(workdir, "server.log")).read())
            time.sleep(0.5)
    else:
        process.kill()
        raise RuntimeError("Acumen did not start within 120 seconds")
    printed = open(os.path.join(workdir, "server.log")).read()
    yield {"base": base, "output": printed, "workdir": workdir}
    process.terminate()
    process.wait(timeout=10)


def new_browser(languages=None):
    """A fresh headless Chromium, as if the user had closed theirs and opened it again;
    `languages` (e.g. "fr-FR,fr") is what it asks for in Accept-Language."""
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900"]:
        options.add_argument(argument)
    if languages:
        options.add_argument(f"--lang={languages.split(',')[0]}")
        options.add_experimental_option("prefs", {"intl.accept_languages": languages})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.implicitly_wait(2)
    return driver


@pytest.fixture()
def browser():
    driver = new_browser()
    yield driver
    driver.quit()
