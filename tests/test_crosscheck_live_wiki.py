"""Issue #23, live: ``relbot crosscheck --wiki`` on two local MediaWikis made with bot/sandbox.py,
a Bengali one and an English one (content language en), joined as the wikis of one family: the
Bengali wiki's interwiki table maps ``en`` to the English sandbox as a local interwiki, and the
Bengali sandbox's pywikibot family knows the code ``en`` at the English sandbox's port.

The English wiki holds Foreign relations of Argentina and of Azerbaijan (fixtures/enwiki), a short
``Argentina–Azerbaijan relations`` written here and the redirect ``Azerbaijan–Argentina relations``
to it. The Bengali wiki holds the seed article with ``[[en:Azerbaijan–Argentina relations]]`` and
twenty short ``আর্জেন্টিনা–X সম্পর্ক`` pages without a language link, all in one category.

Expectations are written by hand: the line numbers of the two English rows are those
tests/test_crosscheck.py read in the files (Argentina 1126/1127, Azerbaijan 861/862); the request
counts follow from the batching (see :func:`test_the_requests_are_what_the_batches_promise`).
"""

from __future__ import annotations

import json
import math
import re

import pytest

from bot import sandbox
from conftest import CORPUS, FIXTURES, SEED, read, title_of
from test_crosscheck import AR_BN, AR_REF, AZ_BN, AZ_REF  # the two references as Foreign relations of Argentina writes them
from wiki_fixtures import api, relbot, run_python

CATEGORY = "লাইভ পরীক্ষা"
OTHER = "লাইভ অমিল"
E008_FILE = next((FIXTURES / "rules" / "E008").glob("*.wikitext"))
E008_TITLE = title_of(E008_FILE)  # বাংলাদেশ–ভুটান সম্পর্ক
OTHERS = ("ভারত নেপাল ব্রাজিল চিলি ফ্রান্স জার্মানি জাপান চীন রাশিয়া ইতালি স্পেন মিশর কানাডা মেক্সিকো পেরু কিউবা "
          "ইরান তুরস্ক গ্রিস পোল্যান্ড").split()
# the English bilateral articles of an English sandbox (sandbox.ENGLISH_BILATERAL)
EN_BILATERAL = sandbox.EN_BILATERAL
EN_LINKED = sandbox.EN_LINKED  # the seed's [[en:…]]: a redirect on the English wiki
EN_GUESSED = sandbox.EN_GUESSED  # a bilateral page no Bengali page links to: found by its title


@pytest.fixture(scope="module")
def wikis(tmp_path_factory, network_guard):
    missing = sandbox.missing_packages()
    if missing:
        pytest.fail(sandbox.missing_message(missing), pytrace=False)
    root = tmp_path_factory.mktemp("crosscheck-live")
    try:
        en = sandbox.install(root / "en", 0, lang="en")
        # the English sandbox's pages (as relbot sandbox --lang en seeds them), three Foreign relations
        # pages of the 196
        english = sandbox.default_pages(FIXTURES, "en", foreign_relations=("Argentina", "Azerbaijan", "Bhutan"))
        assert set(english) == {"Foreign relations of Argentina", "Foreign relations of Azerbaijan",
                                "Foreign relations of Bhutan", EN_BILATERAL, EN_LINKED, EN_GUESSED}
        assert english["Foreign relations of Argentina"] == read(CORPUS / "Foreign_relations_of_Argentina.wikitext")
        sandbox.seed(en, english)
        bn = sandbox.install(root / "bn", 0)
        sandbox.join(bn, en)  # before the pages with [[en:…]] are seeded
        pages = {title_of(SEED): read(SEED) + f"\n[[en:{EN_LINKED}]]\n[[বিষয়শ্রেণী:{CATEGORY}]]\n"}
        for name in OTHERS:
            title = f"আর্জেন্টিনা–{name} সম্পর্ক"
            pages[title] = f"'''{title}''' [[আর্জেন্টিনা]] ও [[{name}]]-এর সম্পর্ক।\n\n[[বিষয়শ্রেণী:{CATEGORY}]]\n"
        # a page that disagrees (a consulate in Thimphu; English Wikipedia says embassy) and has nothing
        # to fix, in a category of its own
        pages[E008_TITLE] = read(E008_FILE).replace("[[বিষয়শ্রেণী:বাংলাদেশের", f"[[বিষয়শ্রেণী:{OTHER}]]\n[[বিষয়শ্রেণী:বাংলাদেশের", 1)
        sandbox.seed(bn, sandbox.support_pages(pages) | pages)
        yield sandbox.serve(bn), sandbox.serve(en)
    finally:
        sandbox.stop(root / "bn")
        sandbox.stop(root / "en")


# -- the sandbox's part --------------------------------------------------------------------------

def test_the_english_sandbox_speaks_english_and_the_bengali_one_links_to_it(wikis):
    bn, en = wikis
    assert api(en, action="query", meta="siteinfo")["query"]["general"]["lang"] == "en"
    assert api(bn, action="query", meta="siteinfo")["query"]["general"]["lang"] == "bn"
    assert (en.lang, bn.lang, bn.linked) == ("en", "bn", {"en": en.port})
    page = api(bn, action="query", prop="langlinks", titles=title_of(SEED))["query"]["pages"][0]
    assert page["langlinks"] == [{"lang": "en", "title": EN_LINKED}]
    # pywikibot reaches both through the Bengali sandbox's family, and follows the language link
    out = run_python(bn, f"""
import pywikibot
bn = pywikibot.Site()
en = pywikibot.Site('en', bn.family.name)
links = list(pywikibot.Page(bn, {title_of(SEED)!r}).langlinks())
target = pywikibot.Page(links[0])
print(bn.code, en.code, en.siteinfo['lang'], target.site == en, target.title(), target.getRedirectTarget().title())
""")
    assert out.returncode == 0, out.stderr
    assert out.stdout.split("\n")[0] == f"bn en en True {EN_LINKED} {EN_BILATERAL}"


def test_join_refuses_two_wikis_of_one_language(wikis, tmp_path):
    bn, _ = wikis
    with pytest.raises(sandbox.SandboxError, match="both sandboxes are 'bn' wikis"):
        sandbox.join(bn, bn)


# -- relbot crosscheck --wiki ------------------------------------------------------------------

def crosscheck(bn, *args, harness=""):
    return relbot(bn, "crosscheck", "--wiki", f"-cat:{CATEGORY}", *args, harness=harness, timeout=300)


def test_the_seed_agrees_with_english_wikipedia_live(wikis):
    bn, _ = wikis
    out = crosscheck(bn, "--format", "json")
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout)
    from bot.schema import validator

    assert list(validator("crosscheck").iter_errors(report)) == []
    seed = next(p for p in report["pages"] if p["title"] == title_of(SEED))
    assert seed["source"] == f"bn:{title_of(SEED)}"
    # the language link is the bilateral page (its redirect followed), then the two survey rows
    assert [(e["title"], e["passage"], e["line"]) for e in seed["english"]] == [
        (EN_BILATERAL, "bilateral", 1),
        ("Foreign relations of Argentina", "row", 833), ("Foreign relations of Argentina", "row", 1124),
        ("Foreign relations of Azerbaijan", "row", 330), ("Foreign relations of Azerbaijan", "row", 859)]
    rows = [(r["status"], r["sender"], r["host"], r["kind"], r["city_id"],
             [(f["title"], f["line"]) for f in r["there"]], r["reference"]["text"]) for r in seed["rows"]]
    assert rows == [
        ("agreed", "AR", "AZ", "embassy", "AZ:baku",
         [("Foreign relations of Argentina", 1126), ("Foreign relations of Azerbaijan", 861)],
         AR_REF),
        ("agreed", "AZ", "AR", "embassy", "AR:buenos-aires",
         [("Foreign relations of Argentina", 1127), ("Foreign relations of Azerbaijan", 862)],
         AZ_REF)]
    assert report["summary"]["pages"] == 21 and report["summary"]["findings"] == 0
    # আর্জেন্টিনা–চিলি সম্পর্ক has no language link: Argentina–Chile relations is asked and does not
    # exist, Chile–Argentina relations does; then Foreign relations of Argentina (its Chile rows, in
    # the table of dates at line 137 and in the notes table at line 1021)
    chile = next(p for p in report["pages"] if p["title"] == "আর্জেন্টিনা–চিলি সম্পর্ক")
    assert [(e["title"], e["passage"], e["line"]) for e in chile["english"]] == [
        (EN_GUESSED, "bilateral", 1), ("Foreign relations of Argentina", "row", 137),
        ("Foreign relations of Argentina", "row", 1021)]


# Test hook: once RequestCounter starts counting, every request pywikibot makes is also logged on
# standard error (host, prop, lllang, how many titles, the titles).
COUNTING = """
import json as _json, sys as _sys, urllib.parse as _up
import bot.wiki.english as _E
_start = _E.RequestCounter.start
def _logged(self):
    _start(self)
    from pywikibot.comms import http
    def log(r, *a, **k):
        q = dict(_up.parse_qsl(r.request.body if isinstance(r.request.body, str) else (r.request.body or b"").decode()))
        q.update(_up.parse_qsl(_up.urlsplit(r.url).query))
        print("REQUEST " + _json.dumps({"host": _up.urlsplit(r.url).netloc, "prop": q.get("prop"),
              "lllang": q.get("lllang"), "n": len(q.get("titles", q.get("pageids", "")).split("|")),
              "titles": q.get("titles")}), file=_sys.stderr)
    http.session.hooks["response"].append(log)
    return self
_E.RequestCounter.start = _logged
"""


def test_the_requests_are_what_the_batches_promise(wikis):
    """21 Bengali pages (the bot account has apihighlimits: batches of 500): one request reads
    them, one asks their English language links. The English titles asked: the seed's language
    link and Foreign relations of Argentina and of Azerbaijan (3), and for each of the 20 other
    pairs Argentina–X relations, X–Argentina relations and Foreign relations of X (60; Foreign
    relations of Argentina once): 63 titles, read anonymously in batches of 50 — 2 requests.
    The count printed is every request made after login, the same the test's own hook sees."""
    bn, en = wikis
    harness = COUNTING
    crosscheck(bn)  # pywikibot keeps both sites' siteinfo in its cache: the run measured is warm
    out = crosscheck(bn, harness=harness)
    assert out.returncode == 0, out.stderr
    seen = [json.loads(line[8:]) for line in out.stderr.splitlines() if line.startswith("REQUEST ")]
    to_bn = [r for r in seen if r["host"] == f"127.0.0.1:{bn.port}"]
    to_en = [r for r in seen if r["host"] == f"127.0.0.1:{en.port}"]
    assert len(to_bn) + len(to_en) == len(seen)
    assert [r["n"] for r in to_bn if r["prop"] == "revisions|info|categoryinfo"] == [21]
    assert [r["n"] for r in to_bn if r["prop"] == "langlinks" and r["lllang"] == "en"] == [21]
    reads = [r["n"] for r in to_en if r["prop"] == "revisions"]
    assert reads == [50, 13] and len(reads) == math.ceil(63 / 50)
    last = out.stdout.splitlines()[-1]
    assert last.endswith(f"; {len(seen)} requests after login ({len(to_bn)} to the wiki, "
                         f"{len(to_en)} to the English wiki)")
    # what else there is: pywikibot's own (the category generator, the account's userinfo)
    assert len(to_en) == 1 + 2  # the anonymous English site's userinfo, then the two batches


def test_language_links_are_asked_fifty_titles_a_request(wikis, tmp_path):
    """Without apihighlimits (an anonymous reader of the Bengali wiki: the sandbox's pywikibot
    folder copied without its login cookies and password) 120 titles are asked in three requests of 50, 50 and
    20 titles; the one with a language link gives it."""
    import shutil
    import subprocess
    import sys

    from wiki_fixtures import GUARD_SNIPPET

    bn, _ = wikis
    anonymous = tmp_path / "pywikibot"
    shutil.copytree(bn.pywikibot_dir, anonymous, ignore=shutil.ignore_patterns("*.lwp", "apicache*", "logs", "user-password.py"))
    code = f"""
import json, urllib.parse as up
import pywikibot
from pywikibot.comms import http
from bot.wiki.english import language_links
site = pywikibot.Site()
assert not site.logged_in() and not site.has_right("apihighlimits")
asked = []
def hook(r, *a, **k):
    q = dict(up.parse_qsl(r.request.body if isinstance(r.request.body, str) else (r.request.body or b"").decode()))
    if q.get("prop") == "langlinks":
        asked.append(len(q["titles"].split("|")))
http.session.hooks.setdefault("response", []).append(hook)
titles = [{title_of(SEED)!r}] + ["পাতা %d" % i for i in range(119)]
links = language_links(site, titles)
print(json.dumps([asked, links], ensure_ascii=False))
"""
    out = subprocess.run([sys.executable, "-c", GUARD_SNIPPET + code], env=bn.env() | {"PYWIKIBOT_DIR": str(anonymous)},
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    asked, links = json.loads(out.stdout.splitlines()[-1])
    assert asked == [50, 50, 20]
    assert links == {title_of(SEED): EN_LINKED}


def test_wiki_and_files_do_not_mix(wikis, tmp_path):
    bn, _ = wikis
    out = relbot(bn, "crosscheck", "--wiki", str(SEED), "--against", str(CORPUS))
    assert out.returncode == 2
    assert out.stderr.strip() == ("relbot: error: --wiki takes the pages and the English pages from the wikis: "
                                  "give no files, --against or --title with it")
    out = relbot(bn, "crosscheck", str(SEED), "-cat:X", "--against", str(CORPUS))
    assert (out.returncode, out.stderr.strip()) == (2, "relbot: error: unrecognized arguments: -cat:X")


# -- relbot propose --wiki --crosswiki, the review page, apply ---------------------------------

def test_propose_crosswiki_bundles_the_english_references_and_the_disagreements(wikis, tmp_path):
    bn, en = wikis
    bundle_file = tmp_path / "bundle.json"
    out = relbot(bn, "propose", "--wiki", "--crosswiki", "-o", str(bundle_file), f"-page:{title_of(SEED)}",
                 f"-page:{E008_TITLE}", timeout=300)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith(f"{bundle_file}: 1 proposed edits, 1 pages with disagreements and no edit (bundle ")
    doc = json.loads(bundle_file.read_text("utf-8"))
    from bot.schema import validator

    assert list(validator("bundle").iter_errors(doc)) == []
    assert doc["options"]["crosswiki"] == "relbotsandbox:en"
    [entry] = doc["entries"]
    assert entry["title"] == title_of(SEED)
    assert "E003" in [r["code"] for r in entry["rules"]]  # an unsafe fix, proposed without --unsafe
    # the two English references, as bnwiki writes them, are in the proposed text
    assert AR_BN in entry["diff"] and AZ_BN in entry["diff"]
    page = f"{en.url}/index.php/"
    assert entry["english"] == [
        {"title": EN_BILATERAL, "url": page + "Argentina%E2%80%93Azerbaijan_relations"},
        {"title": "Foreign relations of Argentina", "url": page + "Foreign_relations_of_Argentina"},
        {"title": "Foreign relations of Azerbaijan", "url": page + "Foreign_relations_of_Azerbaijan"}]
    [other] = doc["disagreements"]
    assert (other["title"], other["source"]) == (E008_TITLE, f"bn:{E008_TITLE}")
    assert other["english"] == [{"title": "Foreign relations of Bhutan", "url": page + "Foreign_relations_of_Bhutan"}]
    # the consulate in Thimphu, in the infobox (line 2) and in the prose (line 11)
    assert [(f["code"], f["line"]) for f in other["findings"]] == [("E008", 2), ("E008", 11)]

    # the review page shows the English links beside the entry and the page that disagrees
    import lxml.html

    from bot.reviewpage import render_review

    tree = lxml.html.fromstring(render_review(doc))
    beside = tree.xpath(f'//article[@id="entry-{entry["id"]}"]//dd[@class="english"]/a[@class="english"]')
    assert [(a.text_content(), a.get("href"), a.get("hreflang")) for a in beside] == [
        (x["title"], x["url"], "en") for x in entry["english"]]
    [section] = tree.xpath('//section[@id="disagreements"]')
    assert section.xpath("h2")[0].text_content().startswith("ইংরেজি উইকিপিডিয়ার সঙ্গে অমিল, সম্পাদনা ছাড়া")
    assert [a.get("href") for a in section.xpath('.//a[@class="english"]')] == [page + "Foreign_relations_of_Bhutan"]
    assert [li.xpath(".//code")[0].text_content() for li in section.xpath('.//ul[@class="disagreeing"]/li')] == [
        "E008", "E008"]

    # apply remakes E003's fix from the same English wiki: the entry is not stale
    approvals = tmp_path / "approvals.json"
    approvals.write_text(json.dumps({"relbot_approvals": 2, "bundle": doc["id"],
                                     "decisions": {entry["id"]: "approved"}}), "utf-8")
    out = relbot(bn, "apply", str(bundle_file), "--approvals", str(approvals), "--dry-run", timeout=300)
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines() == [f"{title_of(SEED)}: would save"]


def test_crosswiki_needs_the_wiki(wikis):
    bn, _ = wikis
    out = relbot(bn, "propose", str(SEED), "--crosswiki", "-o", "/dev/null")
    assert (out.returncode, out.stderr.strip()) == (
        2, "relbot: error: --crosswiki reads the English wiki: give --wiki too (with files, use --against)")


@pytest.mark.parametrize("generator, pages, english_titles", [
    # the seed: its language link, Foreign relations of Argentina and of Azerbaijan
    ([f"-page:{title_of(SEED)}"], 1, 3),
    # and the Bhutan page: Bangladesh–Bhutan relations, Bhutan–Bangladesh relations, Foreign relations
    # of Bangladesh and of Bhutan — twice the pages, still one batch of English titles
    ([f"-page:{title_of(SEED)}", f"-page:{E008_TITLE}"], 2, 7),
    # the category of 21 pages: 63 titles (test_the_requests_are_what_the_batches_promise), two batches
    ([f"-cat:{CATEGORY}"], 21, 63),
], ids=["one page", "two pages", "21 pages"])
def test_propose_crosswiki_counts_its_requests_as_crosscheck_does(wikis, tmp_path, generator, pages, english_titles):
    """propose --wiki --crosswiki says how many requests it made after login, to the wiki and to
    the English wiki, in its summary line and in the bundle (``requests``). The English wiki gets
    its anonymous reader's userinfo and one request per 50 titles: below 50 titles, as many
    requests for one page as for two; the Bengali wiki one language-link request for all the
    pages (the bot has apihighlimits). The numbers are those the test's own hook sees."""
    bn, en = wikis
    bundle_file = tmp_path / "bundle.json"

    def propose(harness=""):
        return relbot(bn, "propose", "--wiki", "--crosswiki", "-o", str(bundle_file), *generator,
                      harness=harness, timeout=300)

    assert propose().returncode == 0  # pywikibot keeps both sites' siteinfo in its cache: the run measured is warm
    out = propose(COUNTING)
    assert out.returncode == 0, out.stderr
    seen = [json.loads(line[8:]) for line in out.stderr.splitlines() if line.startswith("REQUEST ")]
    to_bn = [r for r in seen if r["host"] == f"127.0.0.1:{bn.port}"]
    to_en = [r for r in seen if r["host"] == f"127.0.0.1:{en.port}"]
    assert len(to_bn) + len(to_en) == len(seen)
    assert [r["n"] for r in to_bn if r["prop"] == "langlinks" and r["lllang"] == "en"] == [pages]
    # counted from the login on, as crosscheck --wiki counts: the exceptions page read first is one
    assert to_bn[0]["titles"] == f"ব্যবহারকারী:{bn.bot_user}/ব্যতিক্রম"
    batches = [r["n"] for r in to_en if r["prop"] == "revisions"]
    assert sum(batches) == english_titles and batches == [50] * (english_titles // 50) + [english_titles % 50]
    assert len(to_en) == 1 + math.ceil(english_titles / 50)  # the English wiki's userinfo, then the batches
    doc = json.loads(bundle_file.read_text("utf-8"))
    assert doc["requests"] == {"wiki": len(to_bn), "english": len(to_en), "total": len(seen)}
    from bot.schema import validator

    assert list(validator("bundle").iter_errors(doc)) == []
    assert out.stdout.rstrip("\n").endswith(
        f" (bundle {doc['id']}); {len(seen)} requests after login ({len(to_bn)} to the wiki, "
        f"{len(to_en)} to the English wiki)")


def test_propose_and_apply_take_the_same_reviewed_fixes():
    from bot.cli import _reviewed_fixes
    from bot.crosscheck import REVIEWED_FIXES

    assert _reviewed_fixes() is REVIEWED_FIXES and REVIEWED_FIXES == {"E003", "E009"}


def test_the_live_html_page_links_both_wikis(wikis, tmp_path):
    """The page of crosscheck --wiki links the articles on the wiki and the English pages on the
    English wiki (their siteinfo), and says the requests."""
    import lxml.html

    bn, en = wikis
    out = relbot(bn, "crosscheck", "--wiki", f"-page:{title_of(SEED)}", "--format", "html", "-o",
                 str(tmp_path / "c.html"), timeout=300)
    assert out.returncode == 0, out.stderr
    tree = lxml.html.fromstring((tmp_path / "c.html").read_text("utf-8"))
    [article] = tree.xpath("//details[contains(@class, 'article')]")
    from urllib.parse import quote

    # MediaWiki's URL of the title: spaces as underscores, UTF-8 percent-encoded
    assert article.xpath(".//a[@class='article']")[0].get("href") == f"{bn.url}/index.php/" + quote(
        title_of(SEED).replace(" ", "_"))
    assert [a.get("href") for a in article.xpath(".//ul[@class='english']/li/a")] == [
        f"{en.url}/index.php/Argentina%E2%80%93Azerbaijan_relations",
        f"{en.url}/index.php/Foreign_relations_of_Argentina", f"{en.url}/index.php/Foreign_relations_of_Argentina",
        f"{en.url}/index.php/Foreign_relations_of_Azerbaijan", f"{en.url}/index.php/Foreign_relations_of_Azerbaijan"]
    assert tree.xpath("//dd[@id='requests']")  # the requests, in Bengali digits
    assert re.fullmatch(r"[০-৯]+ \(উইকিতে [০-৯]+, ইংরেজি উইকিতে [০-৯]+\)", tree.xpath("//dd[@id='requests']")[0].text_content())
