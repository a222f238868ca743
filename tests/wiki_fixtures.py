"""pytest fixtures for tests against a real MediaWiki on loopback (see bot/sandbox.py).

Import into tests/conftest.py with::

    from wiki_fixtures import fresh_wiki, network_guard, no_network_use, wiki  # noqa: F401

- ``wiki`` (session): one installed, seeded (``sandbox.default_pages``) and served sandbox per
  test session, snapshotted after seeding; the server is stopped at the end of the session.
  Missing Debian packages make it *fail* with the SandboxError naming them, never skip: CI
  installs them (.ci/apt-packages), and a skip would hide a broken CI.
- ``fresh_wiki`` (function): the same sandbox, restored to the seeded snapshot before the test.
- ``network_guard`` (session, autouse) and ``no_network_use`` (function, autouse): while the
  session runs, an audit hook refuses ``socket.connect`` / ``sendto`` / ``sendmsg`` to anything
  but loopback (127.0.0.0/8, ::1, ``localhost``) or a unix socket, raising NetworkGuardError
  (a RuntimeError, so ``except OSError`` fallbacks cannot swallow it); every refused attempt is
  also recorded and fails the test that made it, even if the test caught the exception.
  Audit hooks cannot be removed, so the hook checks a module flag that is on only during the
  session. It guards this process only: subprocesses are not covered — use
  ``run_python(sb, code)``, which prepends the same guard, for Python subprocesses.
"""

from __future__ import annotations

import ipaddress
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from bot import sandbox

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


# ---------------------------------------------------------------- network guard

class NetworkGuardError(RuntimeError):
    """A test tried to reach a non-loopback address."""


_GUARD = {"active": False, "installed": False, "violations": []}
_EVENTS = ("socket.connect", "socket.sendto", "socket.sendmsg")


def is_loopback(address) -> bool:
    """True for a unix-socket path or an (host, port…) tuple whose host is loopback."""
    if isinstance(address, (str, bytes, bytearray, memoryview)) or address is None:
        return True  # AF_UNIX (sendmsg without an address passes None)
    if not isinstance(address, tuple) or not address:
        return True  # other families (netlink …) carry no internet address
    host = address[0]
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    if not isinstance(host, str):
        return True  # e.g. AF_NETLINK (pid, groups)
    host = host.split("%", 1)[0]  # IPv6 scope id
    if host.lower() in ("localhost", "localhost.localdomain"):
        return True
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        return False  # a name other than localhost would need DNS: not allowed
    if ip.version == 6 and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_loopback


def _audit(event: str, args) -> None:
    if not _GUARD["active"] or event not in _EVENTS:
        return
    address = args[1] if len(args) > 1 else None
    if not is_loopback(address):
        _GUARD["violations"].append((event, repr(address)))
        raise NetworkGuardError(f"test network guard: {event} to non-loopback address {address!r}")


def install_guard() -> None:
    if not _GUARD["installed"]:
        sys.addaudithook(_audit)
        _GUARD["installed"] = True
    _GUARD["active"] = True


@pytest.fixture(scope="session", autouse=True)
def network_guard():
    install_guard()
    yield
    _GUARD["active"] = False


@pytest.fixture(autouse=True)
def no_network_use(network_guard):
    before = len(_GUARD["violations"])
    yield
    new = _GUARD["violations"][before:]
    if new:
        pytest.fail("non-loopback network use: " + "; ".join(f"{e} {a}" for e, a in new),
                    pytrace=False)


GUARD_SNIPPET = f'''
import ipaddress as _ip, sys as _sys
def _relbot_guard(event, args, _events={_EVENTS!r}):
    if event not in _events: return
    a = args[1] if len(args) > 1 else None
    if not isinstance(a, tuple) or not a or not isinstance(a[0], str): return
    h = a[0].split("%", 1)[0]
    if h.lower() in ("localhost", "localhost.localdomain"): return
    try:
        ip = _ip.ip_address(h)
        ip = getattr(ip, "ipv4_mapped", None) or ip
        if ip.is_loopback: return
    except ValueError: pass
    raise RuntimeError("test network guard: " + event + " to non-loopback address " + repr(a))
_sys.addaudithook(_relbot_guard)
'''


def run_python(sb: sandbox.Sandbox, code: str, timeout: float = 60,
               **kw) -> subprocess.CompletedProcess:
    """Run ``code`` in a fresh Python with PYWIKIBOT_DIR = the sandbox's and the network guard on.

    pywikibot reads its configuration once per process (PYWIKIBOT_DIR at import time), so tests
    keep pywikibot in subprocesses rather than in the pytest process.
    """
    return subprocess.run([sys.executable, "-c", GUARD_SNIPPET + code], env=sb.env(),
                          capture_output=True, text=True, timeout=timeout, **kw)


# ---------------------------------------------------------------- the wiki

@pytest.fixture(scope="session")
def wiki(tmp_path_factory, network_guard):
    """One served, seeded sandbox wiki per session (fails, never skips, without the packages)."""
    missing = sandbox.missing_packages()
    if missing:  # the same one-line message install() gives
        pytest.fail(sandbox.missing_message(missing), pytrace=False)
    folder = tmp_path_factory.mktemp("wiki")
    sb = sandbox.install(folder, 0)
    try:
        sandbox.seed(sb, sandbox.default_pages(FIXTURES))
        sandbox.snapshot(sb)
        sb = sandbox.serve(sb)
        yield sb
    finally:
        sandbox.stop(folder)


@pytest.fixture
def fresh_wiki(wiki):
    """The session wiki reset to its seeded state (the SQLite snapshot is restored before the
    test, and again after it, so tests using plain ``wiki`` see the seeded pages too)."""
    sandbox.restore(wiki)
    yield wiki
    if wiki.pid:
        sandbox.restore(wiki)


# ---------------------------------------------------------------- talking to the wiki in tests

def http():
    import requests

    s = requests.Session()
    s.trust_env = False  # never through a proxy from the environment
    return s


def api(sb: sandbox.Sandbox, **params) -> dict:
    params.update(format="json", formatversion="2")
    r = http().get(sb.api, params=params, timeout=30)
    r.raise_for_status()
    return r.json()


def revisions(sb: sandbox.Sandbox, title: str) -> list[dict]:
    """All revisions of a page, newest first, with content, user, comment and flags."""
    data = api(sb, action="query", prop="revisions", titles=title, rvlimit="max", rvslots="main",
               rvprop="ids|user|comment|flags|content")
    return data["query"]["pages"][0].get("revisions", [])


def total_edits(sb: sandbox.Sandbox) -> int:
    return api(sb, action="query", meta="siteinfo", siprop="statistics")["query"]["statistics"]["edits"]


HUMAN_EDIT = '''
import os as _os, requests as _rq
def human_edit(title, text=None, append=None):
    """Edit as the sandbox's ordinary (second) account, over the real API."""
    s = _rq.Session(); s.trust_env = False
    api = _os.environ["RELBOT_TEST_API"]
    tok = s.get(api, params=dict(action="query", meta="tokens", type="login", format="json")).json()
    r = s.post(api, data=dict(action="clientlogin", username=_os.environ["RELBOT_TEST_HUMAN"],
               password=_os.environ["RELBOT_TEST_HUMAN_PW"], loginreturnurl=api, format="json",
               logintoken=tok["query"]["tokens"]["logintoken"])).json()
    assert r["clientlogin"]["status"] == "PASS", r
    csrf = s.get(api, params=dict(action="query", meta="tokens", format="json")).json()
    data = dict(action="edit", title=title, summary="human", format="json",
                token=csrf["query"]["tokens"]["csrftoken"])
    if append is not None:
        data["appendtext"] = append
    else:
        data["text"] = text
    r = s.post(api, data=data).json()
    assert r.get("edit", {}).get("result") == "Success", r
'''


def relbot(sb: sandbox.Sandbox, *args: str, harness: str = "", timeout: float = 120, input: str | None = None):
    """``relbot ARGS`` in a subprocess against the sandbox; ``harness`` runs first (test hooks)."""
    code = HUMAN_EDIT + harness + f"\nimport sys\nfrom bot.cli import main\nsys.exit(main({list(args)!r}))\n"
    env = sb.env() | {"RELBOT_TEST_API": sb.api, "RELBOT_TEST_HUMAN": sb.human_user,
                      "RELBOT_TEST_HUMAN_PW": sb.human_password}
    return subprocess.run([sys.executable, "-c", GUARD_SNIPPET + code], env=env, input=input,
                          capture_output=True, text=True, timeout=timeout)


def api_requests(sb: sandbox.Sandbox) -> int:
    """How many api.php requests the server has logged so far (php -S logs one line each)."""
    log = (sb.dir / "server.log").read_text("utf-8", "replace")
    return sum("/api.php" in line and "Accepted" not in line and "Closing" not in line
               for line in log.splitlines())
