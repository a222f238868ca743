"""``relbot sandbox`` for two languages (issue #23): ``start --lang en`` makes an English sandbox
seeded with fixtures/enwiki's Foreign relations pages and the English bilateral articles
(``sandbox.default_pages(fixtures, "en")``), and ``start --join DIR`` joins a Bengali sandbox with
it as two wikis of one family — in either order: the Bengali seed article here is given its
``[[en:…]]`` *before* the join, and the join refreshes its links. Then ``crosscheck --wiki`` runs
through the two sandboxes the CLI made. The refusals of ``--join`` and ``--lang`` are one line,
exit 2, before anything is installed or changed.

Both sandboxes are made once for the module, through the CLI in a subprocess (as a user would).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from bot import sandbox
from conftest import CORPUS, ROOT, SEED, read, title_of
from test_crosscheck import AR_REF, AZ_REF
from wiki_fixtures import GUARD_SNIPPET, api, relbot, run_python


def cli(*args, cwd=None, timeout: float = 300) -> subprocess.CompletedProcess:
    """``relbot ARGS`` in a subprocess, no proxy, the network guard on."""
    env = {k: v for k, v in os.environ.items() if k.lower() not in ("http_proxy", "https_proxy", "all_proxy")}
    env["NO_PROXY"] = env["no_proxy"] = "127.0.0.1,localhost,::1"
    env["PYTHONPATH"] = os.pathsep.join(filter(None, (str(ROOT), env.get("PYTHONPATH"))))  # this checkout's bot, from any cwd
    code = GUARD_SNIPPET + f"\nimport sys\nfrom bot.cli import main\nsys.exit(main({[str(a) for a in args]!r}))\n"
    return subprocess.run([sys.executable, "-c", code], env=env, cwd=cwd, capture_output=True, text=True,
                          timeout=timeout)


@pytest.fixture(scope="module")
def made(tmp_path_factory, network_guard):
    """The English sandbox (``start --lang en``), a Bengali one (``start``) whose seed article then
    gets its ``[[en:…]]``, and the join (``start --join`` on the running Bengali sandbox); with the
    CLI's outputs."""
    missing = sandbox.missing_packages()
    if missing:
        pytest.fail(sandbox.missing_message(missing), pytrace=False)
    root = tmp_path_factory.mktemp("sandbox-cli")
    outs = {}
    try:
        outs["en"] = cli("sandbox", "start", "--lang", "en", "--dir", root / "en")
        assert outs["en"].returncode == 0, outs["en"].stderr
        outs["bn"] = cli("sandbox", "start", "--dir", root / "bn")
        assert outs["bn"].returncode == 0, outs["bn"].stderr
        bn = sandbox.load(root / "bn")
        # a language link on a page seeded before the join: an ordinary link to a page "En:…" until then
        sandbox.seed(bn, {title_of(SEED): read(SEED) + f"\n[[en:{sandbox.EN_LINKED}]]\n"})
        # rendered once before the join, so that the parser cache holds the page without the link
        assert api(bn, action="parse", page=title_of(SEED), prop="langlinks")["parse"]["langlinks"] == []
        outs["join"] = cli("sandbox", "start", "--dir", root / "bn", "--join", root / "en")
        assert outs["join"].returncode == 0, outs["join"].stderr
        yield sandbox.load(root / "bn"), sandbox.load(root / "en"), outs
    finally:
        sandbox.stop(root / "bn")
        sandbox.stop(root / "en")


def test_the_cli_makes_an_english_sandbox_of_the_foreign_relations_pages(made):
    bn, en, outs = made
    assert (en.lang, bn.lang) == ("en", "bn")
    assert api(en, action="query", meta="siteinfo")["query"]["general"]["lang"] == "en"
    assert outs["en"].stdout.splitlines() == [
        f"sandbox wiki serving at {en.url} (bot account {en.bot_user}, data in {en.dir})",
        f"  join a Bengali sandbox with it: relbot sandbox start --dir relbot-sandbox --join {en.dir}",
        f"  relbot sandbox stop --dir {en.dir}"]
    titles = [p["title"] for p in api(en, action="query", list="allpages", aplimit="max")["query"]["allpages"]]
    shipped = sorted(p.stem.replace("_", " ") for p in CORPUS.glob("Foreign_relations_of_*.wikitext"))
    assert len(shipped) == 196
    assert sorted(titles) == sorted(shipped + ["Main Page", sandbox.EN_BILATERAL, sandbox.EN_LINKED, sandbox.EN_GUESSED])
    page = api(en, action="query", prop="revisions", rvprop="content", rvslots="main", redirects=1,
               titles=f"Foreign relations of Argentina|{sandbox.EN_LINKED}")["query"]
    assert page["redirects"] == [{"from": sandbox.EN_LINKED, "to": sandbox.EN_BILATERAL}]
    texts = {p["title"]: p["revisions"][0]["slots"]["main"]["content"] for p in page["pages"]}
    assert texts["Foreign relations of Argentina"] == read(CORPUS / "Foreign_relations_of_Argentina.wikitext")
    assert texts[sandbox.EN_BILATERAL] == sandbox.ENGLISH_BILATERAL[sandbox.EN_BILATERAL]
    # the bot account and pywikibot configuration, as for bn
    out = run_python(en, "import pywikibot; s = pywikibot.Site(); s.login(); print(s.code, s.username(), s.logged_in())")
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["en", en.bot_user, "True"]


def test_an_english_sandbox_has_a_folder_of_its_own_by_default(tmp_path):
    out = cli("sandbox", "stop", "--lang", "en", cwd=tmp_path)
    assert (out.returncode, out.stdout) == (0, f"sandbox in {tmp_path / 'relbot-sandbox-en'}: was not running\n")
    out = cli("sandbox", "stop", cwd=tmp_path)
    assert (out.returncode, out.stdout) == (0, f"sandbox in {tmp_path / 'relbot-sandbox'}: was not running\n")


def test_joining_makes_the_english_link_a_language_link_both_ways(made):
    bn, en, outs = made
    assert outs["join"].stdout.splitlines() == [
        f"sandbox wiki serving at {bn.url} (bot account {bn.bot_user}, data in {bn.dir})",
        f"  joined with the en sandbox in {en.dir}: serving at {en.url}",
        f"  relbot run --pywikibot-dir {bn.pywikibot_dir} --state {bn.dir / 'state.sqlite'} --dry-run",
        f"  relbot crosscheck --wiki --pywikibot-dir {bn.pywikibot_dir}",
        f"  relbot sandbox stop --dir {bn.dir}"]
    assert (bn.linked, en.linked) == ({"en": en.port}, {"bn": bn.port})
    # the seed article was seeded before the join: its [[en:…]] is a language link now
    page = api(bn, action="query", prop="langlinks|links", titles=title_of(SEED))["query"]["pages"][0]
    assert page["langlinks"] == [{"lang": "en", "title": sandbox.EN_LINKED}]
    assert not [link for link in page.get("links", ()) if link["title"].startswith("En:")]
    # and the page as readers see it: in the language list, not in the text
    html = api(bn, action="parse", page=title_of(SEED), prop="langlinks")["parse"]["langlinks"]
    assert [(link["lang"], link["title"]) for link in html] == [("en", sandbox.EN_LINKED)]
    # pywikibot reaches the English wiki as code en of the Bengali sandbox's family
    out = run_python(bn, f"""
import pywikibot
bn = pywikibot.Site()
en = pywikibot.Site('en', bn.family.name)
[link] = pywikibot.Page(bn, {title_of(SEED)!r}).langlinks()
print(en.siteinfo['lang'], pywikibot.Page(link).site == en, pywikibot.Page(link).getRedirectTarget().title())
""")
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines()[0] == f"en True {sandbox.EN_BILATERAL}"
    # the other way too: [[bn:…]] on an English page is a language link
    [iw] = api(en, action="query", meta="siteinfo", siprop="interwikimap", sifilteriw="local")["query"]["interwikimap"]
    assert (iw["prefix"], iw["local"], iw["url"], iw["api"]) == ("bn", True, f"{bn.url}/index.php?title=$1", bn.api)


def test_crosscheck_through_the_sandboxes_the_cli_made(made):
    bn, _, _ = made
    out = relbot(bn, "crosscheck", "--wiki", f"-page:{title_of(SEED)}", "--format", "json", timeout=300)
    assert out.returncode == 0, out.stderr
    [seed] = json.loads(out.stdout)["pages"]
    assert [(e["title"], e["passage"]) for e in seed["english"]][:1] == [(sandbox.EN_BILATERAL, "bilateral")]
    assert [(r["status"], r["sender"], r["host"], r["kind"], r["city_id"], r["reference"]["text"])
            for r in seed["rows"]] == [("agreed", "AR", "AZ", "embassy", "AZ:baku", AR_REF),
                                       ("agreed", "AZ", "AR", "embassy", "AR:buenos-aires", AZ_REF)]


# -- refusals: one line, exit 2, nothing installed or changed --------------------------------------

def test_join_refusals(made, tmp_path):
    bn, en, _ = made
    new = tmp_path / "new"
    not_a_sandbox = tmp_path / "empty"
    not_a_sandbox.mkdir()
    cases = [
        (["--dir", new, "--join", bn.dir],
         f"--join {bn.dir}: the sandbox in {bn.dir} is in bn too; --join joins wikis of two languages"),
        (["--lang", "en", "--dir", new, "--join", en.dir],
         f"--join {en.dir}: the sandbox in {en.dir} is in en too; --join joins wikis of two languages"),
        (["--dir", new, "--join", not_a_sandbox],
         f"--join {not_a_sandbox}: no sandbox in {not_a_sandbox}; make one first: relbot sandbox start --lang en "
         f"--dir {not_a_sandbox}"),
        (["--dir", new, "--port", en.port, "--join", en.dir],
         f"--join {en.dir}: the sandbox in {en.dir} has port {en.port} too; give this one another --port"),
        (["--dir", bn.dir, "--join", bn.dir],
         f"--join {bn.dir}: that is this sandbox's own folder; give the folder of a sandbox of the other language"),
        (["--dir", bn.dir, "--lang", "en", "--join", en.dir],
         f"the sandbox in {bn.dir} is in bn, not en: give another --dir for the en one"),
    ]
    try:
        for args, message in cases:
            out = cli("sandbox", "start", *args)
            assert (out.returncode, out.stdout, out.stderr) == (2, "", f"relbot: error: {message}\n"), args
            assert not new.exists(), args
    finally:  # a refusal that did not happen must not leave a wiki serving
        sandbox.stop(new)
    out = cli("sandbox", "stop", "--dir", bn.dir, "--join", en.dir)
    assert (out.returncode, out.stderr) == (
        2, f"relbot: error: --join is for start: relbot sandbox start --dir {bn.dir} --join {en.dir}\n")
    # nothing changed: both still serve, still joined
    assert sandbox.running(sandbox.load(bn.dir)) and sandbox.running(sandbox.load(en.dir))
    assert (sandbox.load(bn.dir).linked, sandbox.load(en.dir).linked) == ({"en": en.port}, {"bn": bn.port})


def test_join_refreshes_a_page_rendered_in_the_very_second_of_the_join(tmp_path, network_guard, monkeypatch):
    """MediaWiki keeps a parser cache entry made in the same second as the page's page_touched
    (CacheTime::expired compares with <), and refreshLinks reuses such an entry: a join whose clock
    reads the second the page was rendered must still give the page its language link."""
    import re
    from datetime import datetime, timezone

    bn = sandbox.install(tmp_path / "bn", 0)
    de = sandbox.install(tmp_path / "de", 0, lang="de")
    try:
        sandbox.seed(bn, {"পাতা": "লেখা।\n[[de:Seite]]\n"})
        sandbox.serve(bn)
        parsed = api(bn, action="parse", page="পাতা", prop="text|langlinks")["parse"]
        assert parsed["langlinks"] == []
        rendered = datetime.strptime(re.search(r"Cached time: (\d{14})", parsed["text"]).group(1),
                                     "%Y%m%d%H%M%S").replace(tzinfo=timezone.utc)

        class Clock(datetime):  # the join runs in the second the page was rendered
            @classmethod
            def now(cls, tz=None):
                return rendered

        monkeypatch.setattr(sandbox, "datetime", Clock)
        sandbox.join(bn, de)
        page = api(bn, action="query", prop="langlinks", titles="পাতা")["query"]["pages"][0]
        assert page["langlinks"] == [{"lang": "de", "title": "Seite"}]
        parsed = api(bn, action="parse", page="পাতা", prop="langlinks")["parse"]
        assert [(link["lang"], link["title"]) for link in parsed["langlinks"]] == [("de", "Seite")]
    finally:
        sandbox.stop(tmp_path / "bn")
        sandbox.stop(tmp_path / "de")
