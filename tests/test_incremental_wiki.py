"""Scheduled runs with the profile's default generators cost what changed (bot/changes.py),
measured against the real sandbox MediaWiki through a request-counting proxy.

The wiki holds a category tree of 32 categories under বিষয়শ্রেণী:দ্বিপাক্ষিক সম্পর্ক (three levels)
and 118 bilateral pages (copies of the seed article), 12 of them reached only through the
infobox's transclusions, beside the sandbox's own pages. The module seeds it once, makes the
first ``run --apply`` (the whole walk, one save per page), and keeps wiki, state and pywikibot
folder; every test starts from that copy.
"""

from __future__ import annotations

import json
import math
import shutil
import sqlite3
from pathlib import Path
from types import SimpleNamespace

import pytest

from bot import sandbox
from conftest import FIXTURES, SEED, read
from faultproxy import FaultProxy
from test_faults_wiki import config_copy
from wiki_fixtures import http, relbot, revisions, total_edits

ROOT = "বিষয়শ্রেণী:দ্বিপাক্ষিক সম্পর্ক"
INFOBOX = "তথ্যছক দ্বিপাক্ষিক সম্পর্ক"
REGIONS = ["এশিয়ার", "ইউরোপের", "আফ্রিকার", "আমেরিকার", "ওশেনিয়ার"]  # genitive
DEFAULTS = sandbox.default_pages(FIXTURES)


def countries() -> list[str]:
    names = json.loads((FIXTURES.parent / "bot/data/gazetteer.bn.json").read_text("utf-8"))["countries"]
    return [v[0] for v in names.values()]


def cat(name: str) -> str:
    return f"বিষয়শ্রেণী:{name}"


def world() -> tuple[dict[str, str], dict[str, str], set[str]]:
    """(category pages, articles, the articles reached only through the infobox)."""
    land = countries()[:16]
    cats = {cat(f"{r} দ্বিপাক্ষিক সম্পর্ক"): f"[[{ROOT}]]" for r in REGIONS}
    for i, c in enumerate(land):
        cats[cat(f"{c}-এর দ্বিপাক্ষিক সম্পর্ক")] = f"[[{cat(REGIONS[i % 5] + ' দ্বিপাক্ষিক সম্পর্ক')}]]"
        if i < 11:  # a third level
            cats[cat(f"{c}-এর দ্বিপাক্ষিক সম্পর্কের ইতিহাস")] = f"[[{cat(c + '-এর দ্বিপাক্ষিক সম্পর্ক')}]]"
    body = read(SEED).split("[[বিষয়শ্রেণী:")[0].rstrip("\n")
    pages, embedded, n = {}, set(), 0
    for i, a in enumerate(land):
        for b in land[i + 1:]:
            title = f"{a}–{b} সম্পর্ক"
            if title in DEFAULTS or f"{b}–{a} সম্পর্ক" in DEFAULTS:
                continue
            n += 1
            if n % 10 == 0:
                pages[title] = "{{" + INFOBOX + "|" + title + "|" + a + "|" + b + "}}\n" + body
                embedded.add(title)
            elif n % 10 == 1 and i < 11:
                pages[title] = body + f"\n\n[[{cat(a + '-এর দ্বিপাক্ষিক সম্পর্কের ইতিহাস')}]]"
            else:
                pages[title] = body + f"\n\n[[{cat(a + '-এর দ্বিপাক্ষিক সম্পর্ক')}]]\n[[{cat(b + '-এর দ্বিপাক্ষিক সম্পর্ক')}]]"
    return cats, pages, embedded


CATS, PAGES, EMBEDDED = world()
OUTSIDE = f"{countries()[20]}–{countries()[21]} সম্পর্ক"  # bilateral, but in no tree category yet


class Human:
    """The sandbox's ordinary account, logged in once, editing over the real API (not the proxy)."""

    def __init__(self, sb):
        self.api, self.s = sb.api, http()
        tok = self.s.get(self.api, params=dict(action="query", meta="tokens", type="login", format="json")).json()
        r = self.s.post(self.api, data=dict(action="clientlogin", username=sb.human_user, password=sb.human_password,
                                             loginreturnurl=self.api, format="json",
                                             logintoken=tok["query"]["tokens"]["logintoken"])).json()
        assert r["clientlogin"]["status"] == "PASS", r
        self.token = self.s.get(self.api, params=dict(action="query", meta="tokens", format="json")).json()[
            "query"]["tokens"]["csrftoken"]

    def edit(self, title: str, text: str) -> None:
        r = self.s.post(self.api, data=dict(action="edit", title=title, text=text, summary="human", format="json",
                                            token=self.token)).json()
        assert r.get("edit", {}).get("result") == "Success", r


def text_of(sb, title: str) -> str:
    return revisions(sb, title)[0]["slots"]["main"]["content"]


def _restore(sb, snapshot: Path) -> None:
    """Put a snapshot of the wiki's SQLite folder back (sandbox.restore, with another snapshot)."""
    stage = snapshot.parent / "stage"
    shutil.rmtree(stage, ignore_errors=True)
    stage.mkdir()
    (stage / "snapshot").symlink_to(snapshot)
    (stage / "data").symlink_to(sb.dir / "data")
    sandbox.restore(SimpleNamespace(dir=stage))


@pytest.fixture(scope="module")
def after_first_run(wiki, tmp_path_factory):
    """The big wiki after a first ``run --apply``: its snapshot, state file and pywikibot folder."""
    keep = tmp_path_factory.mktemp("incremental")
    sandbox.restore(wiki)
    sandbox.seed(wiki, {**CATS, **PAGES, OUTSIDE: read(SEED).split("[[বিষয়শ্রেণী:")[0]})
    proxy = FaultProxy(wiki.port)
    port = proxy.start()
    pwb = config_copy(wiki, keep, port)
    state = keep / "s.sqlite"
    try:
        proc = relbot(wiki, "run", "--apply", "--pywikibot-dir", pwb, "--state", str(state), timeout=600)
        assert proc.returncode == 0, proc.stderr
        first = read_count(proc.stderr)
        shutil.copytree(wiki.dir / "data", keep / "wiki")
        yield SimpleNamespace(dir=keep, pwb=Path(pwb), state=state, port=port, proxy=proxy, first=first,
                              first_requests=len(proxy.requests), first_reads=len(read_requests(proxy.requests)))
    finally:
        proxy.stop()
        sandbox.restore(wiki)


@pytest.fixture
def big(after_first_run, wiki, tmp_path):
    """The wiki, state and pywikibot folder as the first run left them; the proxy's count at 0."""
    base = after_first_run
    _restore(wiki, base.dir / "wiki")
    shutil.copytree(base.pwb, tmp_path / "pwb")  # its login cookie belongs to the restored wiki
    shutil.copyfile(base.state, tmp_path / "s.sqlite")
    base.proxy.requests.clear()
    yield SimpleNamespace(sb=wiki, proxy=base.proxy, first=base.first,
                          run=lambda *a: relbot(wiki, "run", "--pywikibot-dir", str(tmp_path / "pwb"),
                                                "--state", str(tmp_path / "s.sqlite"), *a, timeout=600),
                          state=tmp_path / "s.sqlite")


def read_count(stderr: str) -> int:
    [row] = [ln for ln in stderr.splitlines() if ln.startswith("read ")]  # the closing table's row
    return int(row.split()[1])


def last_run_titles(state: Path) -> set[str]:
    db = sqlite3.connect(state)
    try:
        run = db.execute("SELECT MAX(id) FROM runs").fetchone()[0]
        return {t for (t,) in db.execute("SELECT title FROM run_pages WHERE run_id = ?", (run,))}
    finally:
        db.close()


SHUTOFF = next(iter(sandbox.shutoff_page()))


def read_requests(requests: list[dict]) -> list[dict]:
    """The requests that read, without those that belong to saves: action=edit, the CSRF token
    fetch (meta=tokens) and the shutoff page's read before each save."""
    return [r for r in requests if r.get("action") != "edit" and "tokens" not in r.get("meta", "")
            and r.get("titles") != SHUTOFF]


def kinds(requests: list[dict]) -> list[str]:
    return [r.get("generator") or r.get("prop") or r.get("meta") or r.get("action") for r in requests]


def members() -> set[str]:
    """Every page the default generators name, from the seeded text (by hand): the new pages and
    the sandbox's bilateral articles in a country category or with the infobox."""
    own = set(PAGES)
    defaults = {t for t, text in DEFAULTS.items() if not t.startswith(("বিষয়শ্রেণী:", "টেমপ্লেট:", "ব্যবহারকারী:"))
                and ("দ্বিপাক্ষিক সম্পর্ক]]" in text or INFOBOX in text)}
    return own | defaults


def test_plan_follows_the_profiles_default_generators_and_nothing_else(profile, en):
    from bot.wiki.changes import plan

    assert plan(profile) == {"root": ROOT.split(":", 1)[1], "recurse": True, "template": INFOBOX}
    assert plan(en) == {"root": "Bilateral relations by country", "recurse": True,
                        "template": "Infobox bilateral relations"}
    other = SimpleNamespace(data={"bot": {"default_generators": ["-cat:X", "-prefixindex:Y"]}})
    assert plan(other) is None  # a generator it cannot follow: the run walks them as before
    assert plan(SimpleNamespace(data={"bot": {"default_generators": ["-cat:X"]}})) == \
        {"root": "X", "recurse": False, "template": None}


def test_the_first_run_walked_every_member(after_first_run):
    assert len(CATS) + 1 >= 30 and len(PAGES) >= 100 and len(EMBEDDED) >= 10
    assert after_first_run.first == len(members())
    print(f"first run: {after_first_run.first} pages read, {after_first_run.first_requests} requests "
          f"({after_first_run.first_reads} without the saves' edit, token and shutoff requests)")


def test_second_apply_run_makes_no_edit_within_the_budget(big):
    sb = big.sb
    edits = total_edits(sb)
    proc = big.run("--apply")
    n = len(members())
    used = len(big.proxy.requests)
    budget = math.ceil(n / 500) + 3
    print(f"second run: N={n} pages, {used} requests (budget {budget}): {kinds(big.proxy.requests)}")
    assert proc.returncode == 0, proc.stderr
    assert total_edits(sb) == edits
    assert read_count(proc.stderr) == 0
    assert used <= budget, big.proxy.requests


@pytest.mark.parametrize("k", [7, 60])
def test_a_run_after_k_human_edits_reads_those_pages_within_the_budget(big, k):
    sb = big.sb
    human = Human(sb)
    changed = sorted(PAGES)[::2][:k]
    for title in changed:  # a change that leaves nothing for the bot to fix
        human.edit(title, text_of(sb, title).replace("হল তেল।", "হল তেল ও গ্যাস।"))
    edits = total_edits(sb)
    proc = big.run("--apply")
    assert proc.returncode == 0, proc.stderr
    assert total_edits(sb) == edits
    assert last_run_titles(big.state) == set(changed)
    reads = read_requests(big.proxy.requests)
    budget = math.ceil(k / 50) + 4
    print(f"k={k}: {len(reads)} read requests of {len(big.proxy.requests)} (budget {budget}): {kinds(reads)}")
    assert len(reads) <= budget, big.proxy.requests


def test_joined_pages_and_a_new_subcategory_are_found_and_a_page_that_left_is_not_read(big):
    sb = big.sb
    human = Human(sb)
    in_tree = cat(f"{countries()[0]}-এর দ্বিপাক্ষিক সম্পর্ক")
    human.edit(OUTSIDE, text_of(sb, OUTSIDE) + f"\n[[{in_tree}]]")  # an old page joins the tree
    newcat = cat("নতুন চুক্তির দ্বিপাক্ষিক সম্পর্ক")
    human.edit(newcat, f"[[{in_tree}]]")  # a new subcategory, and a page in it
    fresh = f"{countries()[22]}–{countries()[23]} সম্পর্ক"
    human.edit(fresh, read(SEED).split("[[বিষয়শ্রেণী:")[0] + f"\n[[{newcat}]]")
    leaver = next(t for t in sorted(PAGES) if t not in EMBEDDED)
    human.edit(leaver, text_of(sb, leaver).split("[[বিষয়শ্রেণী:")[0])  # leaves every category
    dropped = sorted(EMBEDDED)[0]
    human.edit(dropped, text_of(sb, dropped).split("\n", 1)[1])  # drops the infobox, its only tie
    proc = big.run("--apply")
    assert proc.returncode == 0, proc.stderr
    assert last_run_titles(big.state) == {OUTSIDE, fresh}
    print(f"tree changed: {len(read_requests(big.proxy.requests))} read requests: {kinds(big.proxy.requests)}")
    proc = big.run("--apply")  # and they stay gone
    assert proc.returncode == 0, proc.stderr
    assert last_run_titles(big.state) == set()


def test_full_walks_the_whole_tree_and_reads_what_todays_generator_reads(big, tmp_path):
    proc = big.run("--full", "--recheck", "--dry-run", "--diffs", str(tmp_path / "d1"))
    assert proc.returncode == 0, proc.stderr
    walked = {r["gcmtitle"] for r in big.proxy.requests if r.get("generator") == "categorymembers"}
    tree = {ROOT, *CATS} | {t for t, text in DEFAULTS.items() if t.startswith("বিষয়শ্রেণী:") and f"[[{ROOT}]]" in text}
    assert walked == tree
    print(f"--full --recheck: {len(big.proxy.requests)} requests, {len(walked)} categories walked")
    assert any(r.get("generator") == "embeddedin" for r in big.proxy.requests)
    incremental = last_run_titles(big.state)
    assert incremental == members()
    # today's path: the same generators given as options
    proc = relbot(big.sb, "run", "--dry-run", "--recheck", "--state", str(tmp_path / "old.sqlite"),
                  "--diffs", str(tmp_path / "d2"), f"-catr:{ROOT.split(':', 1)[1]}", f"-transcludes:{INFOBOX}")
    assert proc.returncode == 0, proc.stderr
    assert last_run_titles(tmp_path / "old.sqlite") == incremental


def test_a_new_infobox_version_lists_its_transclusions_again_once(big):
    sb = big.sb
    template = f"টেমপ্লেট:{INFOBOX}"
    Human(sb).edit(template, text_of(sb, template) + "\n<!-- human -->")
    proc = big.run("--apply")
    assert proc.returncode == 0, proc.stderr
    assert [r.get("generator") for r in big.proxy.requests].count("embeddedin") == 1
    assert last_run_titles(big.state) == set()
    big.proxy.requests.clear()
    proc = big.run("--apply")
    assert proc.returncode == 0, proc.stderr
    # the same version: not listed again (revisions: the exceptions page, read once a run)
    assert kinds(big.proxy.requests) == ["userinfo", "revisions", "recentchanges"]
