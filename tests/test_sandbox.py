"""The sandbox wiki itself: a real MediaWiki served on loopback, real HTTP (no mocks)."""

from __future__ import annotations

import json
import socket
import stat
import sys
import time

import pytest
import requests

from bot import sandbox
from wiki_fixtures import FIXTURES, NetworkGuardError, is_loopback, run_python

# The fixtures (wiki, fresh_wiki, the network guard) come from tests/conftest.py, which imports
# them from wiki_fixtures.py.

BILATERAL_BD = "বিষয়শ্রেণী:বাংলাদেশের দ্বিপাক্ষিক সম্পর্ক"


def http() -> requests.Session:
    s = requests.Session()
    s.trust_env = False  # never through a proxy from the environment
    return s


def api(sb, **params):
    params.update(format="json", formatversion="2")
    r = http().get(sb.api, params=params, timeout=30)
    r.raise_for_status()
    return r.json()


def contents(sb, titles):
    out = {}
    titles = list(titles)
    for i in range(0, len(titles), 50):
        data = api(sb, action="query", prop="revisions", rvprop="content|ids", rvslots="main",
                   titles="|".join(titles[i:i + 50]))
        for page in data["query"]["pages"]:
            revs = page.get("revisions")
            out[page["title"]] = revs[0]["slots"]["main"]["content"] if revs else None
    return out


def members(sb, category):
    data = api(sb, action="query", list="categorymembers", cmtitle=category, cmlimit="max")
    return {m["title"] for m in data["query"]["categorymembers"]}


# ---------------------------------------------------------------- without a wiki

def test_missing_packages_is_empty_here():
    assert sandbox.missing_packages() == []


def test_install_names_missing_packages(tmp_path, monkeypatch):
    with pytest.raises(sandbox.SandboxError) as err:
        sandbox.install(tmp_path / "w", 0, mediawiki_root=tmp_path / "no-mediawiki")
    msg = str(err.value)
    assert msg.startswith("missing Debian packages: mediawiki — install with: apt-get install")
    assert sandbox.INSTALL_HINT in msg and "\n" not in msg
    assert not (tmp_path / "w").exists()

    monkeypatch.setattr(sandbox, "PHP", "no-such-php-binary")
    assert sandbox.missing_packages() == ["php-cli", "php-sqlite3", "php-intl", "php-mbstring",
                                          "php-xml"]
    with pytest.raises(sandbox.SandboxError, match=r"missing Debian packages: php-cli, php-"):
        sandbox.install(tmp_path / "w", 0)


def test_network_guard_refuses_non_loopback(network_guard):
    import wiki_fixtures

    assert is_loopback(("127.0.0.1", 80)) and is_loopback(("::1", 80, 0, 0))
    assert is_loopback("/run/x.sock") and is_loopback(("::ffff:127.0.0.2", 1, 0, 0))
    assert not is_loopback(("10.0.0.1", 80)) and not is_loopback(("example.org", 80))
    # Raise the audit event by hand: the installed hook must refuse it. No socket is connected.
    with socket.socket() as s, pytest.raises(NetworkGuardError):
        sys.audit("socket.connect", s, ("192.0.2.1", 9))
    assert wiki_fixtures._GUARD["violations"].pop()[0] == "socket.connect"  # expected: not a failure
    sys.audit("socket.connect", None, ("127.0.0.1", 9))  # loopback passes


# ---------------------------------------------------------------- against the wiki

def test_siteinfo(wiki):
    q = api(wiki, action="query", meta="siteinfo", siprop="general|namespaces|extensions")["query"]
    assert q["general"]["lang"] == "bn"
    assert q["general"]["sitename"] == sandbox.SITENAME == wiki.sitename
    assert q["general"]["server"] == wiki.url
    assert q["namespaces"]["14"]["name"] == "বিষয়শ্রেণী"
    assert q["namespaces"]["14"]["canonical"] == "Category"
    assert q["namespaces"]["10"]["name"] == "টেমপ্লেট"
    names = {e["name"] for e in q["extensions"]}
    assert {"Cite", "ParserFunctions"} <= names


def test_seeded_pages_have_the_fixture_text(wiki):
    pages = sandbox.default_pages(FIXTURES)
    got = contents(wiki, pages)
    assert got == pages
    seed = next((FIXTURES / "seed").glob("*.wikitext"))
    assert got["আজারবাইজান–আর্জেন্টিনা সম্পর্ক"] == seed.read_text("utf-8")
    assert got[sandbox.NOBOTS_TITLE].startswith("{{nobots}}\n")
    assert got[sandbox.INUSE_TITLE].startswith("{{ব্যবহৃত হচ্ছে}}\n")
    assert got["টেমপ্লেট:সূত্র তালিকা"].startswith("<references />")


def test_categories_and_redirects(wiki):
    bd = members(wiki, BILATERAL_BD)
    assert {"বাংলাদেশ–ভুটান সম্পর্ক", "বাংলাদেশ–ভারত সম্পর্ক", "বাংলাদেশ-ভুটান সম্পর্ক",
            sandbox.NOBOTS_TITLE, sandbox.INUSE_TITLE} <= bd
    assert "বাংলাদেশের বৈদেশিক সম্পর্ক" not in bd
    argentina = members(wiki, "বিষয়শ্রেণী:আর্জেন্টিনার দ্বিপাক্ষিক সম্পর্ক")
    assert "আজারবাইজান–আর্জেন্টিনা সম্পর্ক" in argentina
    assert "ভারত–নেপাল সম্পর্ক" in members(wiki, "বিষয়শ্রেণী:নেপালের দ্বিপাক্ষিক সম্পর্ক")
    parent = members(wiki, "বিষয়শ্রেণী:" + sandbox.BILATERAL_PARENT)
    assert BILATERAL_BD in parent
    data = api(wiki, action="query", titles="আর্জেন্টিনা–আজারবাইজান সম্পর্ক|ভুটান–বাংলাদেশ সম্পর্ক",
               redirects="1")["query"]
    assert {r["to"] for r in data["redirects"]} == {"আজারবাইজান–আর্জেন্টিনা সম্পর্ক",
                                                    "বাংলাদেশ–ভুটান সম্পর্ক"}
    embedded = api(wiki, action="query", list="embeddedin", eilimit="max",
                   eititle="টেমপ্লেট:তথ্যছক দ্বিপাক্ষিক সম্পর্ক")["query"]["embeddedin"]
    assert "বাংলাদেশ–ভারত সম্পর্ক" in {p["title"] for p in embedded}


def test_files_holding_secrets_are_private(wiki):
    for path in (wiki.dir / "sandbox.json", wiki.pywikibot_dir / "user-password.py",
                 wiki.dir / "LocalSettings.php"):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    assert wiki.bot_password_secret not in repr(wiki)
    assert sandbox.load(wiki.dir) == wiki


def test_pywikibot_logs_in_as_bot(wiki):
    proc = run_python(wiki, """
import json, pywikibot
site = pywikibot.Site()
site.login()
print(json.dumps({"site": str(site), "user": site.user(), "bot": site.has_group("bot"),
                  "botright": site.has_right("bot"), "family": site.family.name}))
""")
    assert proc.returncode == 0, proc.stderr[-2000:]
    info = json.loads(proc.stdout.strip().splitlines()[-1])
    assert info == {"site": f"{wiki.family}:bn", "user": wiki.bot_user, "bot": True,
                    "botright": True, "family": wiki.family}
    assert wiki.bot_password_secret not in proc.stdout + proc.stderr


def test_restore_resets_an_edit(fresh_wiki):
    sb, title = fresh_wiki, "বাংলাদেশ–ভুটান সম্পর্ক"
    original = contents(sb, [title])[title]
    s = http()
    token = s.get(sb.api, params=dict(action="query", meta="tokens", type="login",
                                      format="json")).json()["query"]["tokens"]["logintoken"]
    r = s.post(sb.api, data=dict(action="clientlogin", username=sb.human_user,
                                 password=sb.human_password, logintoken=token,
                                 loginreturnurl=sb.url, format="json")).json()
    assert r["clientlogin"]["status"] == "PASS", r
    csrf = s.get(sb.api, params=dict(action="query", meta="tokens",
                                     format="json")).json()["query"]["tokens"]["csrftoken"]
    r = s.post(sb.api, data=dict(action="edit", title=title, text="মানুষের সম্পাদনা",
                                 summary="test", token=csrf, format="json")).json()
    assert r["edit"]["result"] == "Success", r
    assert contents(sb, [title])[title] == "মানুষের সম্পাদনা"

    t0 = time.perf_counter()
    sandbox.restore(sb)  # while the server keeps running
    elapsed = time.perf_counter() - t0
    assert contents(sb, [title])[title] == original
    revs = api(sb, action="query", prop="revisions", titles=title, rvlimit="max",
               rvprop="ids|user")["query"]["pages"][0]["revisions"]
    assert [r["user"] for r in revs] == [sb.admin_user]
    assert elapsed < 2, elapsed


def test_seed_overwrites_and_creates_while_served(fresh_wiki):
    sb, title = fresh_wiki, "ভারত–নেপাল সম্পর্ক"
    sandbox.seed(sb, {title: "নতুন লেখা", "নতুন পাতা": "[[বিষয়শ্রেণী:ভারতের দ্বিপাক্ষিক সম্পর্ক]]"})
    assert contents(sb, [title, "নতুন পাতা"]) == {
        title: "নতুন লেখা", "নতুন পাতা": "[[বিষয়শ্রেণী:ভারতের দ্বিপাক্ষিক সম্পর্ক]]"}
    revs = api(sb, action="query", prop="revisions", titles=title, rvlimit="max")
    assert len(revs["query"]["pages"][0]["revisions"]) == 2
    assert "নতুন পাতা" in members(sb, "বিষয়শ্রেণী:ভারতের দ্বিপাক্ষিক সম্পর্ক")


def test_failing_maintenance_script_is_reported(wiki):
    with pytest.raises(sandbox.SandboxError) as err:  # the account exists already
        sandbox._maintenance(wiki.mediawiki_root, wiki.dir / "LocalSettings.php",
                             "createAndPromote", wiki.human_user, wiki.human_password, cwd=wiki.dir,
                             hide=(wiki.human_password,))
    msg = str(err.value)
    assert msg.startswith("createAndPromote.php failed (exit 1): ") and "\n" not in msg
    assert wiki.human_password not in msg


def test_stop_leaves_nothing_listening(wiki):
    pid = wiki.pid
    assert pid and sandbox.stop(wiki.dir) is True
    assert not sandbox._group_alive(pid)  # no worker of the group is left running
    with socket.socket() as s:
        s.settimeout(1)
        assert s.connect_ex(("127.0.0.1", wiki.port)) != 0
    assert sandbox.load(wiki.dir).pid is None
    assert sandbox.stop(wiki.dir) is False
    sandbox.serve(wiki)  # serve it again for whatever runs next
    assert wiki.pid and wiki.pid != pid
    assert api(wiki, action="query", meta="siteinfo")["query"]["general"]["lang"] == "bn"


def test_generated_passwords_never_read_as_options():
    """The maintenance scripts take passwords on their command line: one starting with "-" was
    read as an option (the suite failed about one install in twenty)."""
    passwords = {sandbox._password() for _ in range(5000)}
    assert len(passwords) == 5000
    assert all(p[0].isalnum() and len(p) >= 32 for p in passwords)
