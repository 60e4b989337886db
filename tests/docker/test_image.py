"""The Docker image, built and run as a host would: healthy, not root, the demo's figures in a real browser.

`make test` runs this as root on a clean clone: it starts dockerd when none runs (and stops it by its PID),
builds a Debian base with debootstrap once (kept as ocop/debian-base:bookworm), builds the image from the
Dockerfile with a wheelhouse, runs it on the demo workbook with a read-only root filesystem, non-root, the
volumes and a read-only secrets file, and opens the overview in Debian's Chromium. The container, its
volumes and the images this run built are removed at the end; the base image and the wheelhouse
(artefacts/docker/wheels) are kept for the next run. Image size, build time and time to healthy are printed
and written to artefacts/docker.json.

Without root and without a running Docker, this FAILS saying what is missing; OCOP_SKIP_DOCKER=1 leaves
it out on purpose (a skip that says so).
"""
from __future__ import annotations

import json
import os
import socket
import threading
import time

import pytest

from tests.docker import docker_support as ds

HEALTHY_SECONDS = 180
NAME = f"ocop-test-{os.getpid()}"
TAG = f"ocop-dashboard:test-{os.getpid()}"
VOLUMES = {"snapshots": f"{NAME}-snapshots", "store": f"{NAME}-store"}
MEASURES: dict[str, float | int | str | None] = {}


def _report(request, line: str) -> None:
    """A line on the terminal now, past pytest's capture (as capsys.disabled() does)."""
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    if capture is None:
        print(line)
        return
    with capture.global_and_fixture_disabled():
        print("\n" + line)


def _write_measures(request) -> None:
    path = ds.ROOT / "artefacts" / "docker.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(MEASURES, indent=2) + "\n")
    _report(request, "docker: " + ", ".join(f"{k} {v}" for k, v in MEASURES.items()) + f" (written to {path})")


@pytest.fixture(scope="module")
def docker_daemon(tmp_path_factory):
    if os.environ.get(ds.SKIP_VARIABLE) == "1":
        pytest.skip(f"{ds.SKIP_VARIABLE}=1: the Docker test is left out on purpose")
    with ds.one_at_a_time():
        try:
            with ds.daemon() as how:
                MEASURES["daemon"] = how
                yield how
        except ds.DockerUnavailable as missing:
            pytest.fail(f"The Docker test cannot run: {missing}", pytrace=False)


@pytest.fixture(scope="module")
def image(docker_daemon, tmp_path_factory):
    """The image built from the Dockerfile on the local Debian base; removed (with its build stage) after."""
    try:
        base_seconds = ds.ensure_base(tmp_path_factory.mktemp("base"))
    except ds.DockerUnavailable as missing:
        pytest.fail(f"The Docker test cannot run: {missing}", pytrace=False)
    MEASURES["base_image_seconds"] = None if base_seconds is None else round(base_seconds, 1)  # None: was cached
    MEASURES["wheelhouse_seconds"] = round(ds.wheelhouse(), 1)
    before = ds.image_ids()
    try:
        MEASURES["build_seconds"] = round(ds.build(TAG), 1)
        size = int(ds.docker("image", "inspect", "--format", "{{.Size}}", TAG).stdout)
        MEASURES["image_bytes"], MEASURES["image_mb"] = size, round(size / 1e6)
        yield TAG
    finally:
        ds.remove_images(ds.image_ids() - before)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def container(image, tmp_path_factory, request):
    """The image running as compose.yaml runs it (volumes, secrets read-only), plus a read-only root file
    system so any write outside /data and /tmp fails; host network, on a free port of 127.0.0.1."""
    secrets = tmp_path_factory.mktemp("secrets") / "secrets.toml"
    secrets.write_text("[ocop]\ncache_ttl = 300\n")  # no data source, no credentials: the demo workbook
    secrets.chmod(0o644)
    port = _free_port()
    for volume in VOLUMES.values():
        ds.docker("volume", "create", volume)
    try:
        started = time.monotonic()
        ds.docker("run", "--detach", "--name", NAME, "--network", "host", "--read-only", "--tmpfs", "/tmp",
                  "--volume", f"{VOLUMES['snapshots']}:/data/snapshots",
                  "--volume", f"{VOLUMES['store']}:/data/store",
                  "--volume", f"{secrets}:/app/.streamlit/secrets.toml:ro",
                  "--env", f"STREAMLIT_SERVER_PORT={port}", "--health-interval", "1s", image)
        status = ""
        while status != "healthy":
            status = ds.docker("inspect", "--format", "{{.State.Health.Status}}", NAME).stdout.strip()
            if status == "unhealthy" or time.monotonic() - started > HEALTHY_SECONDS:
                logs = ds.docker("logs", "--tail", "40", NAME, check=False)
                pytest.fail(f"the container is {status or 'not running'} after {time.monotonic() - started:.0f} s:"
                            f"\n{logs.stdout}{logs.stderr}", pytrace=False)
            time.sleep(0.25)
        MEASURES["healthy_seconds"] = round(time.monotonic() - started, 1)
        _write_measures(request)
        yield {"name": NAME, "base": f"http://127.0.0.1:{port}"}
    finally:
        (ds.ARTEFACTS / "container.log").write_text(ds.docker("logs", NAME, check=False).stdout)
        ds.docker("rm", "--force", "--volumes", NAME, check=False)
        for volume in VOLUMES.values():
            ds.docker("volume", "rm", "--force", volume, check=False)


def _exec(container, *command: str, check: bool = True):
    return ds.docker("exec", container["name"], *command, check=check)


def test_the_app_runs_as_a_user_without_root_and_cannot_write_its_own_folder(container):
    status = _exec(container, "cat", "/proc/1/status").stdout
    uids = next(line for line in status.splitlines() if line.startswith("Uid:")).split()[1:]
    assert uids and all(uid == "10001" for uid in uids), status
    assert "streamlit" in _exec(container, "cat", "/proc/1/cmdline").stdout
    assert ds.docker("inspect", "--format", "{{.Config.User}}", container["name"]).stdout.strip() == "ocop"
    assert _exec(container, "sh", "-c", "touch /app/probe", check=False).returncode != 0
    # the secrets file is mounted read-only and readable
    assert _exec(container, "sh", "-c", "echo x >> /app/.streamlit/secrets.toml", check=False).returncode != 0
    assert "cache_ttl" in _exec(container, "cat", "/app/.streamlit/secrets.toml").stdout


def expected_cards() -> tuple[int, list[str]]:
    """The overview's cards for the demo, from the same analysis the page calls: `actual / target`."""
    from analysis.i18n import formatting
    from analysis.metrics.indicators import indicators, year_choices
    from analysis.metrics.scope import Filters
    from analysis.workbook import normalise_workbook
    from data_sources import DEMO_PATH
    from data_sources.excel import read_xlsx

    dataset = normalise_workbook(read_xlsx(DEMO_PATH, kind="demo"))
    year = year_choices(dataset)[0]
    table = indicators(dataset, Filters(year))
    table = table[table["target"].notna() & (table["target"] > 0)]
    return year, [f"{formatting.number(row.actual, 1) if row.computed else formatting.DASH} / "
                  f"{formatting.number(row.target, 1)}" for row in table.itertuples()]


def test_the_overview_shows_the_demo_figures_in_chromium(container):
    from playwright.sync_api import sync_playwright

    from scripts.screenshots import CHROMIUM, CHROMIUM_ARGS
    from tests.browser.support import DESKTOP, open_tab, page_problems

    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} not found: install Debian's chromium (`make test` as root does it).", pytrace=False)
    year, cards = expected_cards()
    assert cards, "the demo workbook has targets"

    def check() -> None:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                page = open_tab(browser.new_context(viewport=DESKTOP), container["base"], "/", DESKTOP)
                page.screenshot(path=str(ds.ARTEFACTS / "overview.png"), full_page=True)
                assert page_problems(page) == []
                assert str(year) in page.locator('[data-testid="stMain"] h1').first.inner_text()
                assert page.locator('[data-testid="stMetricValue"]').all_inner_texts() == cards
            finally:
                browser.close()

    in_own_thread(check)


def in_own_thread(check) -> None:
    """Runs `check` in a thread of its own: in the whole suite, tests/browser's session-wide Playwright keeps
    an asyncio loop in the main thread, and Playwright's sync API refuses to start inside a running loop."""
    failure: list[BaseException] = []

    def run() -> None:
        try:
            check()
        except BaseException as error:  # handed back to the test's own thread
            failure.append(error)

    thread = threading.Thread(target=run, name="docker-chromium")
    thread.start()
    thread.join(timeout=300)
    assert not thread.is_alive(), "the Chromium check did not finish in 5 minutes"
    if failure:
        raise failure[0]


def test_snapshots_and_the_store_go_to_their_volumes(container):
    where = _exec(container, "python", "-c", "from data_sources.snapshot import snapshot_dir; "
                  "from data_sources.store import store_path; print(snapshot_dir(), store_path())").stdout.split()
    assert where == ["/data/snapshots", "/data/store/ocop.duckdb"]
    # The demo workbook is not a Google Sheet, so the app keeps no snapshot of it: the volume is still empty.
    assert _exec(container, "ls", "-A", "/data/snapshots").stdout.split() == []
    # A snapshot written by the app's user lands in the volume, where another container sees it.
    _exec(container, "python", "-c", "from data_sources import DEMO_PATH; from data_sources.excel import read_xlsx; "
          "from data_sources.snapshot import save_snapshot; save_snapshot(read_xlsx(DEMO_PATH, kind='gsheet'))")
    seen = ds.docker("run", "--rm", "--network", "none", "--volume", f"{VOLUMES['snapshots']}:/check:ro", TAG,
                     "ls", "-A", "/check").stdout.split()
    assert len(seen) == 1 and seen[0].endswith(".json"), seen


APPTEST = """
import json
from streamlit.testing.v1 import AppTest
from data_sources.snapshot import snapshot_dir, save_snapshot
from data_sources.store import store_path, sync_lock
from data_sources import DEMO_PATH
from data_sources.excel import read_xlsx
at = AppTest.from_file("app.py", default_timeout=120).run()
saved = save_snapshot(read_xlsx(DEMO_PATH, kind="gsheet"))
with sync_lock(store_path()):
    pass
print(json.dumps({"exceptions": [str(e.value) for e in at.exception], "errors": [str(e.value) for e in at.error],
                  "title": [t.value for t in at.title], "snapshots": str(snapshot_dir()), "saved": str(saved),
                  "store": str(store_path())}))
"""


def test_the_app_starts_from_a_read_only_folder_without_the_volumes(image):
    """As on Streamlit Community Cloud or any host without OCOP_SNAPSHOT_DIR / OCOP_STORE: the app's folder
    cannot be written, so snapshots and the store fall back to the temporary directory."""
    done = ds.docker("run", "--rm", "--network", "none", "--read-only", "--tmpfs", "/tmp",
                     "--env", "OCOP_SNAPSHOT_DIR=", "--env", "OCOP_STORE=", image, "python", "-c", APPTEST,
                     timeout=300)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["exceptions"] == [] and result["errors"] == [], result
    assert result["title"], result
    assert result["snapshots"] == "/tmp/ocop-snapshots-10001" and result["saved"].startswith(result["snapshots"])
    assert result["store"] == "/tmp/ocop-store-10001/ocop.duckdb"


def test_compose_runs_the_image_as_this_test_does():
    """compose.yaml keeps what the container above was run with (read as text: no YAML parser is pinned)."""
    compose = (ds.ROOT / "compose.yaml").read_text()
    for needed in ("restart: unless-stopped", '"8501:8501"', "snapshots:/data/snapshots", "store:/data/store",
                   "target: /app/.streamlit/secrets.toml", "read_only: true", "OCOP_STORE: /data/store/ocop.duckdb",
                   "# OCOP_DATA:", "# OCOP_REGISTRY:"):
        assert needed in compose, needed
