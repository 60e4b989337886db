"""What the Docker test needs around the image: a daemon, a Debian base, a wheelhouse, a build.

This machine reaches Debian's mirror and the Python package index (through the host's pip configuration),
never Docker Hub (/work/shared/reference/docker-offline.md). So the test builds its own base with
debootstrap from the mirror apt uses, keeps it (image BASE_IMAGE, skipped when present), downloads the
pinned requirements as wheels on the host and builds with --build-arg BASE=... WHEELS=....

Everything runs on the host network (`--network host`), so the test only talks to 127.0.0.1; a daemon
started here has no bridge and leaves the host's firewall alone (--bridge=none --iptables=false).
"""
from __future__ import annotations

import fcntl
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ARTEFACTS = ROOT / "artefacts" / "docker"  # git-ignored; .dockerignore lets only wheels/ into the build
WHEELS = ARTEFACTS / "wheels"
BASE_IMAGE = "ocop/debian-base:bookworm"
SUITE = "bookworm"  # Debian 12: python3 is 3.11, as requirements.txt is pinned for
FALLBACK_MIRROR = "http://deb.debian.org/debian"
SKIP_VARIABLE = "OCOP_SKIP_DOCKER"
LOCK = Path(tempfile.gettempdir()) / "ocop-docker-test.lock"  # one Docker test at a time on a machine
DAEMON_START_SECONDS = 90


class DockerUnavailable(Exception):
    """Why the test cannot run here, in words that say what to install or do."""


def client() -> str:
    """Debian's docker client (the daemon's own version) when installed, else whatever `docker` is on PATH."""
    for candidate in ("/usr/bin/docker", shutil.which("docker")):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return ""


def docker(*args: str, timeout: float = 120, check: bool = True, **kwargs) -> subprocess.CompletedProcess:
    env = {**os.environ, "DOCKER_BUILDKIT": "0"}  # the legacy builder: buildx is not installed here
    result = subprocess.run([client(), *args], capture_output=True, text=True, timeout=timeout, env=env,
                            stdin=subprocess.DEVNULL, **kwargs)
    if check and result.returncode:
        raise AssertionError(f"docker {' '.join(args[:3])} failed ({result.returncode}):\n{result.stderr[-3000:]}")
    return result


def _answers() -> bool:
    try:
        return bool(client()) and docker("info", timeout=30, check=False).returncode == 0
    except subprocess.TimeoutExpired:
        return False


@contextmanager
def one_at_a_time() -> Iterator[None]:
    """Two `make test` runs on one machine would share the daemon; the second waits for the first."""
    with open(LOCK, "a+") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@contextmanager
def daemon() -> Iterator[str]:
    """A Docker daemon that answers: the one already running, or one started here (as root) and stopped
    again by its PID on exit. Raises DockerUnavailable, saying what is missing, when neither can be had."""
    if _answers():
        yield "running"
        return
    dockerd = shutil.which("dockerd") or ("/usr/sbin/dockerd" if os.path.exists("/usr/sbin/dockerd") else "")
    missing = [name for name, found in (("docker client", client()), ("dockerd", dockerd)) if not found]
    if os.geteuid() != 0:
        raise DockerUnavailable(
            "no Docker daemon answers and this is not root, so none can be started here. Run `make test` as "
            "root (it installs docker.io and debootstrap and starts dockerd), start Docker yourself, or set "
            f"{SKIP_VARIABLE}=1 to leave the Docker test out on purpose.")
    if missing:
        raise DockerUnavailable(
            f"missing: {', '.join(missing)}. Install Debian's Docker: `apt-get install -y docker.io debootstrap` "
            f"(`make test` as root does it), or set {SKIP_VARIABLE}=1 to leave the Docker test out on purpose.")
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    log = (ARTEFACTS / "dockerd.log").open("wb")
    process = subprocess.Popen([dockerd, "--bridge=none", "--iptables=false", "--ip-masq=false"],
                               stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + DAEMON_START_SECONDS
        while not _answers():
            if process.poll() is not None or time.monotonic() > deadline:
                raise DockerUnavailable(f"dockerd did not start (exit code {process.poll()}); its log: "
                                        f"{ARTEFACTS / 'dockerd.log'}:\n{_tail(ARTEFACTS / 'dockerd.log')}")
            time.sleep(0.5)
        yield f"started (pid {process.pid})"
    finally:
        _stop(process)
        log.close()


def _stop(process: subprocess.Popen) -> None:
    """SIGTERM to the daemon we started (it stops its containerd too), SIGKILL if it lingers."""
    for sig, grace in ((signal.SIGTERM, 60), (signal.SIGKILL, 10)):
        if process.poll() is not None:
            return
        os.kill(process.pid, sig)
        try:
            process.wait(grace)
        except subprocess.TimeoutExpired:
            continue


def _tail(path: Path, lines: int = 30) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


# --------------------------------------------------------------------------- the base image


def apt_mirror(root: Path = Path("/")) -> str:
    """The Debian mirror apt uses (sources.list and sources.list.d, one-line or deb822), for the main suite."""
    found: list[tuple[str, list[str]]] = []  # (URI, suites)
    folder = root / "etc/apt/sources.list.d"
    files = [root / "etc/apt/sources.list"] + (sorted(folder.iterdir()) if folder.is_dir() else [])
    for path in files:
        if not path.is_file():
            continue
        text = path.read_text(errors="replace")
        if path.suffix == ".sources":
            for stanza in re.split(r"\n\s*\n", text):
                fields = dict(re.findall(r"^([A-Za-z-]+):\s*(.*)$", stanza, re.M))
                if "deb" in fields.get("Types", "").split() and fields.get("Enabled", "yes").lower() != "no":
                    found += [(uri, fields.get("Suites", "").split()) for uri in fields.get("URIs", "").split()]
        elif path.name == "sources.list" or path.suffix == ".list":
            for line in text.splitlines():
                match = re.match(r"^\s*deb\s+(?:\[[^]]*\]\s+)?(\S+)\s+(\S+)", line)
                if match:
                    found.append((match.group(1), [match.group(2)]))
    for wanted in (lambda s: s == SUITE, lambda s: "-" not in s and "/" not in s):
        for uri, suites in found:
            if any(wanted(s) for s in suites) and "security" not in uri:
                return uri.rstrip("/")
    return FALLBACK_MIRROR


def ensure_base(work: Path) -> float | None:
    """BASE_IMAGE from debootstrap (minbase) and `docker import`; None when it was already there, else seconds."""
    if docker("image", "inspect", BASE_IMAGE, check=False).returncode == 0:
        return None
    debootstrap = shutil.which("debootstrap") or ("/usr/sbin/debootstrap" if os.path.exists("/usr/sbin/debootstrap")
                                                   else "")
    if not debootstrap:
        raise DockerUnavailable("debootstrap is missing (it builds the local Debian base, as Docker Hub cannot be "
                                "reached): `apt-get install -y debootstrap`, which `make test` as root does.")
    started = time.monotonic()
    rootfs = work / "rootfs"
    log = ARTEFACTS / "debootstrap.log"
    with log.open("wb") as out:
        done = subprocess.run([debootstrap, "--variant=minbase", SUITE, str(rootfs), apt_mirror()], stdout=out,
                              stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, timeout=1200)
    if done.returncode:
        raise AssertionError(f"debootstrap failed ({done.returncode}), log {log}:\n{_tail(log)}")
    try:
        tar = subprocess.Popen(["tar", "-C", str(rootfs), "-c", "."], stdout=subprocess.PIPE)
        imported = subprocess.run([client(), "import", "-", BASE_IMAGE], stdin=tar.stdout, capture_output=True,
                                  text=True, timeout=600)
        tar.stdout.close()
        tar.wait(60)
        if imported.returncode:
            raise AssertionError(f"docker import failed: {imported.stderr[-2000:]}")
    finally:
        shutil.rmtree(rootfs, ignore_errors=True)
    return time.monotonic() - started


def wheelhouse() -> float:
    """The pinned requirements as wheels in artefacts/docker/wheels (kept: pip reuses what is there); seconds."""
    started = time.monotonic()
    WHEELS.mkdir(parents=True, exist_ok=True)
    done = subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--disable-pip-version-check",
                           "-r", str(ROOT / "requirements.txt"), "-d", str(WHEELS)],
                          capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=1200)
    if done.returncode:
        raise AssertionError(f"pip download failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return time.monotonic() - started


def image_ids() -> set[str]:
    return set(docker("images", "--all", "--quiet", "--no-trunc").stdout.split())


def build(tag: str) -> float:
    """`docker build` of the repository on BASE_IMAGE with the wheelhouse; seconds. Log in artefacts/docker."""
    log = ARTEFACTS / "build.log"
    started = time.monotonic()
    with log.open("w") as out:
        done = subprocess.run(
            [client(), "build", "--network", "host", "--build-arg", f"BASE={BASE_IMAGE}",
             "--build-arg", f"WHEELS={WHEELS.relative_to(ROOT)}", "--tag", tag, str(ROOT)],
            stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, timeout=2400,
            env={**os.environ, "DOCKER_BUILDKIT": "0"})
    if done.returncode:
        raise AssertionError(f"docker build failed ({done.returncode}), log {log}:\n{_tail(log, 40)}")
    return time.monotonic() - started


def remove_images(ids: set[str]) -> None:
    """The images this run made (the app and its build stage's layers); the base image stays. A parent goes
    only once its children are gone, so a few passes."""
    base = docker("image", "inspect", "--format", "{{.Id}}", BASE_IMAGE, check=False).stdout.strip()
    left = ids - {base}
    for _ in range(10):
        if not left:
            return
        for image in sorted(left):
            docker("rmi", "--force", image, check=False)
        left &= image_ids()
