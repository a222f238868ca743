"""`relbot run` against the real sandbox MediaWiki: dry run, apply, request budget, edit
conflicts with a second account, the shutoff page, interrupted runs and --resume.

relbot runs in a subprocess (pywikibot reads its configuration once per process); test hooks
("harness") wrap relbot functions in that subprocess to act at exact moments — a human edit
between the bot's read and its save — while the wiki, the HTTP and the conflicts are real.
"""

from __future__ import annotations

import json
import math
import sqlite3

from bot import sandbox
from bot.fixes import fix_page
from bot.profile import load_profile
from conftest import SEED, read
from wiki_fixtures import api, api_requests, relbot, revisions, total_edits

SEED_TITLE = "আজারবাইজান–আর্জেন্টিনা সম্পর্ক"
UNTOUCHABLE = [sandbox.NOBOTS_TITLE, sandbox.INUSE_TITLE, "আর্জেন্টিনা–আজারবাইজান সম্পর্ক",
               "বাংলাদেশের বৈদেশিক সম্পর্ক"]
TEST_CAT = "বিষয়শ্রেণী:রেলবট পরীক্ষা"


def extra_pages(n: int) -> dict[str, str]:
    """n copies of the seed (each with safe, non-cosmetic fixes) in a category of their own."""
    pairs = ["ভারত–নেপাল", "ভারত–ভুটান", "নেপাল–ভুটান", "চীন–নেপাল", "চীন–ভারত", "জাপান–ভারত", "রাশিয়া–ভারত",
             "ইরান–ভারত", "মিশর–ভারত", "তুরস্ক–ভারত", "কানাডা–ভারত", "ব্রাজিল–ভারত", "চিলি–ভারত", "পেরু–ভারত",
             "কিউবা–ভারত", "ইরাক–ভারত", "কেনিয়া–ভারত", "ঘানা–ভারত", "ফিজি–ভারত", "মাল্টা–ভারত"]
    text = read(SEED) + f"\n[[{TEST_CAT}]]"
    return {f"{p} সম্পর্ক": text for p in pairs[:n]}


def safe_fixed(text: str) -> str:
    """An extra page (or the seed) after its safe fixes, written out by hand (tests/test_fix.py,
    test_seed_safe_fixes_exactly): the double danda, two heading spacings, the reference list."""
    return (text.replace("রয়েছে।।", "রয়েছে।", 1)
            .replace("==ইতিহাস==", "== ইতিহাস ==", 1)
            .replace("==বাণিজ্য এবং দ্বিপাক্ষিক সম্পর্ক==", "== বাণিজ্য এবং দ্বিপাক্ষিক সম্পর্ক ==", 1)
            .replace("== তথ্যসূত্র ==\n", "== তথ্যসূত্র ==\n{{সূত্র তালিকা}}\n", 1))


def run_state(path) -> sqlite3.Connection:
    return sqlite3.connect(path)


def page_lines(proc, words: str) -> list[str]:
    """The run's per-page lines that start with these plain words (``saved``, ``blocked`` …)."""
    return [ln for ln in proc.stderr.splitlines() if ln.startswith(words + ": ")]


def row(proc, name: str) -> str:
    """One row of the run's closing table (``pages``, ``findings``, ``saves`` …), label removed."""
    rows = [ln for ln in proc.stderr.splitlines() if ln.startswith(name + " ")]
    assert len(rows) == 1, proc.stderr
    return " ".join(rows[0][len(name):].split())


def test_dry_run_saves_nothing_and_reports(fresh_wiki, tmp_path):
    sb = fresh_wiki
    before = total_edits(sb)
    report = tmp_path / "report.json"
    proc = relbot(sb, "run", "--dry-run", "--state", str(tmp_path / "s.sqlite"), "--report", str(report),
                  "--diffs", str(tmp_path / "diffs.txt"))
    assert proc.returncode == 0, proc.stderr
    assert total_edits(sb) == before
    assert all(len(revisions(sb, t)) == 1 for t in (SEED_TITLE, *UNTOUCHABLE))
    pages = {p["title"]: p for p in json.loads(report.read_text("utf-8"))["pages"]}
    codes = {f["code"] for f in pages[SEED_TITLE]["findings"]}
    assert {"I001", "R001", "T001", "E003", "L003", "L007"} <= codes
    diffs = (tmp_path / "diffs.txt").read_text("utf-8")
    name = SEED_TITLE.replace(" ", "_")
    assert f"--- a/{name}\n+++ b/{name}\n" in diffs and "+== ইতিহাস ==" in diffs
    assert page_lines(proc, "proposed (dry run)") == [f"proposed (dry run): {SEED_TITLE} — L003, L007, T001"]
    assert row(proc, "saves") == "0 edit conflicts 0" and "Traceback" not in proc.stderr


def test_apply_saves_exactly_the_safe_fixes(fresh_wiki, tmp_path):
    sb = fresh_wiki
    original = revisions(sb, SEED_TITLE)[0]["slots"]["main"]["content"]
    proc = relbot(sb, "run", "--apply", "--state", str(tmp_path / "s.sqlite"))
    assert proc.returncode == 0, proc.stderr
    revs = revisions(sb, SEED_TITLE)
    assert len(revs) == 2
    new = revs[0]
    assert new["user"] == sb.bot_user
    assert new["slots"]["main"]["content"] == safe_fixed(original).rstrip("\n")  # MediaWiki trims the end
    # the rules in Bengali, and the run that saved the edit, in Bengali digits
    assert new["comment"] == ("বট: দ্বিপাক্ষিক সম্পর্ক নিবন্ধ পরিষ্করণ — দ্বিগুণ দাঁড়ি (T001), "
                              "শিরোনামের ফাঁকা জায়গা (L007), তথ্যসূত্র অনুচ্ছেদ (L003) (রান ১)")
    assert new["minor"] is True
    rc = api(sb, action="query", list="recentchanges", rctitle=SEED_TITLE, rcprop="flags|user",
             rclimit=5)["query"]["recentchanges"]
    assert rc[0]["bot"] is True and rc[0]["user"] == sb.bot_user
    for title in UNTOUCHABLE:
        assert len(revisions(sb, title)) == 1, title
    # clean articles have nothing to fix: untouched
    assert len(revisions(sb, "বাংলাদেশ–ভুটান সম্পর্ক")) == 1


def test_second_apply_run_makes_no_edit_within_the_request_budget(fresh_wiki, tmp_path):
    sb = fresh_wiki
    sandbox.seed(sb, {TEST_CAT: "পরীক্ষা", **extra_pages(20)})
    state = str(tmp_path / "s.sqlite")
    cat = f"-cat:{TEST_CAT[len('বিষয়শ্রেণী:'):]}"
    assert relbot(sb, "run", "--apply", "--state", state, cat).returncode == 0
    edits, before = total_edits(sb), api_requests(sb)
    proc = relbot(sb, "run", "--apply", "--state", state, cat)
    used = api_requests(sb) - before
    assert proc.returncode == 0, proc.stderr
    assert total_edits(sb) == edits
    n = len(page_lines(proc, "unchanged since checked"))
    assert n == 20 and row(proc, "pages") == "20 unchanged since checked 20", proc.stderr
    budget = math.ceil(n / 50) + 3 + 1  # + 1: the exceptions page, read once per run
    print(f"second run: {n} pages, {used} API requests (budget {budget})")
    assert used <= budget, proc.stderr


def test_edit_conflicts_never_lose_the_human_text(fresh_wiki, tmp_path):
    sb = fresh_wiki
    pages = extra_pages(20)
    sandbox.seed(sb, {TEST_CAT: "পরীক্ষা", **pages})
    seeded_revs = {t: len(revisions(sb, t)) for t in pages}  # a title may also be a default page
    harness = '''
import bot.wiki as W
_seen = set()
def _human_edits_first(page, out):
    # between the bot's read and its first save a human edits the page, in the very line the
    # bot changes (so MediaWiki cannot merge the two edits)
    if page.title() not in _seen:
        _seen.add(page.title())
        human_edit(page.title(), text="মানুষের লেখা: " + page.title() + "। " + out.original)
W.before_save = _human_edits_first
'''
    proc = relbot(sb, "run", "--apply", "--state", str(tmp_path / "s.sqlite"), f"-cat:{TEST_CAT[len('বিষয়শ্রেণী:'):]}",
                  harness=harness)
    assert proc.returncode == 0, proc.stderr
    assert row(proc, "saves") == "20 edit conflicts 20", proc.stderr
    assert "Warning" not in proc.stderr and "deprecated" not in proc.stderr  # e.g. pywikibot's TimeoutError
    assert sorted(ln.split(": ", 1)[1].split(" — ")[0] for ln in page_lines(proc, "saved after an edit conflict")) \
        == sorted(pages)
    profile = load_profile("bn")
    for title, seeded in pages.items():
        revs = revisions(sb, title)
        assert len(revs) == seeded_revs[title] + 2, title  # the human's edit, then one bot save
        assert [r["user"] for r in revs[:2]] == [sb.bot_user, sb.human_user], title
        human = revs[1]["slots"]["main"]["content"]
        assert human == f"মানুষের লেখা: {title}। " + seeded.rstrip("\n"), title
        # the bot's save is the fix of the human's revision: the human's words stand, fixed on top
        assert revs[0]["slots"]["main"]["content"] == fix_page(human, title, profile).text.rstrip("\n"), title


def test_shutoff_page_stops_the_run_before_the_next_save(fresh_wiki, tmp_path):
    sb = fresh_wiki
    sandbox.seed(sb, {TEST_CAT: "পরীক্ষা", **extra_pages(6)})
    shutoff = next(iter(sandbox.shutoff_page()))
    harness = f'''
import bot.state as S
_orig = S.State.record_save
def _after_first_save(self, *a, _orig=_orig, **k):
    _orig(self, *a, **k)
    human_edit({shutoff!r}, text="বন্ধ")   # an operator pulls the switch mid-run
S.State.record_save = _after_first_save
'''
    before = total_edits(sb)
    proc = relbot(sb, "run", "--apply", "--state", str(tmp_path / "s.sqlite"),
                  f"-cat:{TEST_CAT[len('বিষয়শ্রেণী:'):]}", harness=harness)
    assert proc.returncode == 0
    assert "stopped: the shutoff page" in proc.stderr and "Traceback" not in proc.stderr
    assert total_edits(sb) == before + 2  # one bot save, one human edit of the shutoff page


def test_interrupted_run_resumes_each_page_once(fresh_wiki, tmp_path):
    sb = fresh_wiki
    pages = extra_pages(8)
    sandbox.seed(sb, {TEST_CAT: "পরীক্ষা", **pages})
    seeded = {title: len(revisions(sb, title)) for title in pages}
    state = tmp_path / "s.sqlite"
    cat = f"-cat:{TEST_CAT[len('বিষয়শ্রেণী:'):]}"
    harness = '''
import os, bot.state as S
_orig = S.State.record
_n = [0]
def _record(self, *a, _orig=_orig, **k):
    _orig(self, *a, **k)
    _n[0] += 1
    if _n[0] == 3:
        os._exit(9)   # the process dies mid-run, as on a crash or a kill
S.State.record = _record
'''
    proc = relbot(sb, "run", "--apply", "--state", str(state), cat, harness=harness)
    assert proc.returncode == 9
    db = run_state(state)
    run_id, status = db.execute("SELECT id, status FROM runs ORDER BY id DESC").fetchone()
    assert status == "running"
    assert db.execute("SELECT COUNT(*) FROM run_pages WHERE run_id = ?", (run_id,)).fetchone()[0] == 3
    db.close()
    proc = relbot(sb, "run", "--apply", "--resume", "--state", str(state), cat)
    assert proc.returncode == 0, proc.stderr
    db = run_state(state)
    rows = db.execute("SELECT title, outcome FROM run_pages WHERE run_id = ?", (run_id,)).fetchall()
    assert sorted(t for t, _ in rows) == sorted(pages)  # every page once, in the same run
    assert db.execute("SELECT status FROM runs WHERE id = ?", (run_id,)).fetchone()[0] == "finished"
    for title in pages:
        assert len(revisions(sb, title)) == seeded[title] + 1, title  # exactly one bot save each


def test_refuses_a_password_file_readable_by_others(wiki, tmp_path):
    pw = wiki.pywikibot_dir / "user-password.py"
    pw.chmod(0o644)
    try:
        proc = relbot(wiki, "run", "--dry-run", "--state", str(tmp_path / "s.sqlite"))
    finally:
        pw.chmod(0o600)
    assert proc.returncode == 2
    assert "chmod 600" in proc.stderr and "Traceback" not in proc.stderr
    assert wiki.bot_password_secret not in proc.stderr + proc.stdout


def test_interactive_asks_before_each_save(fresh_wiki, tmp_path):
    sb = fresh_wiki
    proc = relbot(sb, "run", "--interactive", "--state", str(tmp_path / "a.sqlite"), input="n\n")
    assert proc.returncode == 0, proc.stderr
    assert row(proc, "saves") == "0 edit conflicts 0"
    # pywikibot's question ends the line before (piped input is not echoed)
    assert proc.stderr.count("declined by the operator: ") == 1
    assert f"declined by the operator: {SEED_TITLE} — L003, L007, T001\n" in proc.stderr
    assert len(revisions(sb, SEED_TITLE)) == 1
    proc = relbot(sb, "run", "--interactive", "--state", str(tmp_path / "b.sqlite"), input="y\n")
    assert proc.returncode == 0, proc.stderr
    assert row(proc, "saves") == "1 edit conflicts 0"
    assert proc.stderr.count("saved: ") == 1 and f"saved: {SEED_TITLE} — L003, L007, T001 (revision " in proc.stderr
    assert len(revisions(sb, SEED_TITLE)) == 2


def test_max_edits_and_no_cosmetic_only_edits(fresh_wiki, tmp_path):
    sb = fresh_wiki
    pages = extra_pages(4)
    fixed_seed = fix_page(read(SEED), SEED_TITLE, load_profile("bn")).text  # no warnings left to fix
    cosmetic = fixed_seed.replace("রয়েছে।", "রয়েছে ।", 1) + f"\n[[{TEST_CAT}]]"  # only T003 (style)
    sandbox.seed(sb, {TEST_CAT: "পরীক্ষা", **pages, "শুধু–শৈলী সম্পর্ক": cosmetic})
    before = total_edits(sb)
    proc = relbot(sb, "run", "--apply", "--max-edits", "2", "--state", str(tmp_path / "s.sqlite"),
                  f"-cat:{TEST_CAT[len('বিষয়শ্রেণী:'):]}")
    assert proc.returncode == 0, proc.stderr
    assert total_edits(sb) == before + 2
    assert "--max-edits 2 reached" in proc.stderr
    # the page read and fixed when the limit stopped the run is the first the next run saves
    [held_back] = page_lines(proc, "failed, will be retried first")
    assert held_back.endswith("; the run stopped before this save (--max-edits 2 reached)"), held_back
    title = held_back.split(": ", 1)[1].split(" — ")[0]
    proc = relbot(sb, "run", "--apply", "--max-edits", "1", "--state", str(tmp_path / "s.sqlite"),
                  f"-cat:{TEST_CAT[len('বিষয়শ্রেণী:'):]}")
    assert proc.stderr.splitlines()[0].startswith(f"saved: {title} — "), proc.stderr
    proc = relbot(sb, "run", "--apply", "--state", str(tmp_path / "t.sqlite"), "-page:শুধু–শৈলী সম্পর্ক")
    assert proc.returncode == 0, proc.stderr
    assert page_lines(proc, "held") == ["held: cosmetic only: শুধু–শৈলী সম্পর্ক — T003; style-level fixes only"]
    assert row(proc, "saves") == "0 edit conflicts 0"
    assert len(revisions(sb, "শুধু–শৈলী সম্পর্ক")) == 1
