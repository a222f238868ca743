"""What a scheduled run decided is never lost, and its output says what happened to each page
(issue 15, items 2 and 4), against the real sandbox MediaWiki.

The four data-loss cases: a dry run before an apply, a save that failed, a fix the content guard
refused, a cosmetic-only fix. Then the output: a line per page, the closing table, the report's
outcomes (checked against report.schema.json), pywikibot's chatter in the log file, and a
``--diffs`` file that ``patch`` applies.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess


from bot import sandbox
from bot.schema import load_schema, validator_for
from conftest import SEED, read
from faultproxy import Fault
from test_bot_wiki import SEED_TITLE, TEST_CAT, extra_pages, page_lines, row, safe_fixed
from test_faults_wiki import config_copy, proxy  # noqa: F401 (a fixture)
from wiki_fixtures import GUARD_SNIPPET, api, relbot, revisions, total_edits

CAT = f"-cat:{TEST_CAT[len('বিষয়শ্রেণী:'):]}"
PLAIN_WORDS = ("saved", "saved after an edit conflict", "proposed (dry run)", "unchanged since checked",
               "nothing to fix", "blocked", "held: cosmetic only", "refused by the content guard",
               "declined by the operator", "skipped", "failed, will be retried first")
TABLE = ("run ", "pages ", "read ", "findings ", "  by code ", "saves ", "to retry ", "requests ", "time ")

#: A deliberately bad rule, registered inside the relbot subprocess: its safe "fix" deletes the
#: page's first category link, which the content guard must refuse.
CATEGORY_DROPPING_RULE = '''
from bot.rules import REGISTRY, Edit, Fix, Hit, Rule, all_rules
def _drop_first_category(art):
    at = art.text.find("[[বিষয়শ্রেণী:")
    end = art.text.find("]]", at)
    if at >= 0 and end > at:
        yield Hit(at, end + 2, {}, Fix("safe", "drop", [Edit(at, end + 2, "")]))
all_rules()
REGISTRY["W999"] = Rule("W999", "dropping", "warning", "বিষয়শ্রেণী মোছা", "drops a category", "safe",
                        "test only", "", _drop_first_category)
'''


def content(sb, title: str) -> str:
    return revisions(sb, title)[0]["slots"]["main"]["content"]


def titles_of(lines: list[str]) -> list[str]:
    return [ln.split(": ", 1)[1].split(" — ")[0].split(" (revision")[0] for ln in lines]


def test_a_dry_run_never_hides_its_fixes_from_the_next_apply(fresh_wiki, tmp_path):
    sb = fresh_wiki
    pages = extra_pages(3)
    sandbox.seed(sb, {TEST_CAT: "পরীক্ষা", **pages})
    state = str(tmp_path / "s.sqlite")
    before = total_edits(sb)
    dry = relbot(sb, "run", "--dry-run", "--state", state, CAT, "--diffs", str(tmp_path / "d.diff"))
    assert dry.returncode == 0, dry.stderr
    assert sorted(titles_of(page_lines(dry, "proposed (dry run)"))) == sorted(pages)
    assert total_edits(sb) == before
    apply = relbot(sb, "run", "--apply", "--state", state, CAT)
    assert apply.returncode == 0, apply.stderr
    assert sorted(titles_of(page_lines(apply, "saved"))) == sorted(pages), apply.stderr
    assert row(apply, "saves") == "3 edit conflicts 0"
    for title, text in pages.items():
        assert content(sb, title) == safe_fixed(text).rstrip("\n"), title


def test_a_failed_save_stays_pending_and_is_retried_first(fresh_wiki, proxy, tmp_path):
    sb = fresh_wiki
    pages = extra_pages(3)
    sandbox.seed(sb, {TEST_CAT: "পরীক্ষা", **pages})
    first, failing, last = sorted(pages)
    proxy.faults = [Fault({"action": "edit", "title": failing}, "503")]  # every attempt fails
    pwb = config_copy(sb, tmp_path, proxy.port, max_retries=1, retry_wait=1, retry_max=1)
    state, report = str(tmp_path / "s.sqlite"), tmp_path / "r.json"
    proc = relbot(sb, "run", "--apply", "--pywikibot-dir", pwb, "--state", state, CAT, "--report", str(report))
    assert proc.returncode == 0, proc.stderr
    assert titles_of(page_lines(proc, "saved")) == [first, last]
    [failed] = page_lines(proc, "failed, will be retried first")
    assert failed.startswith(f"failed, will be retried first: {failing} — L003, L007, T001; server error: "), failed
    assert row(proc, "pages") == "3 saved 2 · failed, will be retried first 1"
    assert row(proc, "to retry") == f"1 first thing next run: {failing}"
    outcomes = {o["title"]: o for o in json.loads(report.read_text("utf-8"))["run"]["outcomes"]}
    assert outcomes[failing]["outcome"] == "failed" and outcomes[failing]["reason"].startswith("server error: ")
    assert content(sb, failing) == pages[failing].rstrip("\n")
    # the wiki answers again: the next run saves the failed page first, the others are done
    again = relbot(sb, "run", "--apply", "--state", state, CAT)
    assert again.returncode == 0, again.stderr
    lines = again.stderr.splitlines()
    assert lines[0].startswith(f"saved: {failing} — L003, L007, T001 (revision "), again.stderr
    assert sorted(titles_of(page_lines(again, "unchanged since checked"))) == [first, last]
    assert content(sb, failing) == safe_fixed(pages[failing]).rstrip("\n")


def test_a_refused_fix_is_said_every_run_until_the_page_changes(fresh_wiki, tmp_path):
    sb = fresh_wiki
    title = "ভারত–নেপাল সম্পর্ক"
    text = read(SEED) + f"\n[[{TEST_CAT}]]"
    sandbox.seed(sb, {TEST_CAT: "পরীক্ষা", title: text})
    state = str(tmp_path / "s.sqlite")
    before = total_edits(sb)
    said = []
    for _ in range(2):
        proc = relbot(sb, "run", "--apply", "--state", state, CAT, harness=CATEGORY_DROPPING_RULE)
        assert proc.returncode == 0, proc.stderr
        said.append(page_lines(proc, "refused by the content guard"))
    assert len(said[0]) == 1, said
    # the bad rule fires again in each round of fixing, so every category would go
    assert said[0] == [f"refused by the content guard: {title} — it would have lost category "
                       "“আজারবাইজানের দ্বিপাক্ষিক সম্পর্ক”; category “আর্জেন্টিনার দ্বিপাক্ষিক সম্পর্ক”; "
                       "category “রেলবট পরীক্ষা”"], said
    assert said[1] == [said[0][0] + " (since run 1)"]  # not read again: the same revision
    assert total_edits(sb) == before
    # a human edits the page: the next run reads it again and decides afresh
    edit = relbot(sb, "--version", harness=f"human_edit({title!r}, append='\\nমানুষের বাক্য।')\n")
    assert edit.returncode == 0, edit.stderr  # (the harness edits; --version only ends the process)
    assert revisions(sb, title)[0]["user"] == sb.human_user
    proc = relbot(sb, "run", "--apply", "--state", state, CAT, harness=CATEGORY_DROPPING_RULE)
    assert page_lines(proc, "refused by the content guard") == [said[0][0]], proc.stderr


def test_a_cosmetic_only_fix_is_said_every_run_until_the_page_changes(fresh_wiki, tmp_path):
    sb = fresh_wiki
    title = "শুধু–শৈলী সম্পর্ক"
    fixed = safe_fixed(read(SEED))  # the seed with its safe fixes made by hand: nothing left to save
    cosmetic = fixed.replace("রয়েছে।", "রয়েছে ।", 1) + f"\n[[{TEST_CAT}]]"  # a space before a danda (T003)
    sandbox.seed(sb, {TEST_CAT: "পরীক্ষা", title: cosmetic})
    state = str(tmp_path / "s.sqlite")
    before = total_edits(sb)
    first = relbot(sb, "run", "--apply", "--state", state, CAT)
    second = relbot(sb, "run", "--apply", "--state", state, CAT)
    assert first.returncode == second.returncode == 0, first.stderr + second.stderr
    held = f"held: cosmetic only: {title} — T003; style-level fixes only"
    assert page_lines(first, "held") == [held]
    assert page_lines(second, "held") == [held + " (since run 1)"]
    assert total_edits(sb) == before


def test_the_output_names_every_page_and_nothing_else(fresh_wiki, tmp_path):
    sb = fresh_wiki
    state, report = tmp_path / "s.sqlite", tmp_path / "r.json"
    proc = relbot(sb, "run", "--apply", "--state", str(state), "--report", str(report))
    assert proc.returncode == 0, proc.stderr
    lines = proc.stderr.splitlines()
    pages = [ln for ln in lines if ln.split(": ", 1)[0] in PLAIN_WORDS]
    # nothing but page lines and the table: no pywikibot chatter, no warnings
    assert len(pages) + len(lines[len(pages):]) == len(lines)
    assert all(ln.startswith(TABLE) for ln in lines[len(pages):]), proc.stderr
    said = {titles_of([ln])[0]: ln for ln in pages}
    assert said[SEED_TITLE].startswith(f"saved: {SEED_TITLE} — L003, L007, T001 (revision ")
    assert said[sandbox.NOBOTS_TITLE] == f"blocked: {sandbox.NOBOTS_TITLE} — L001; {{{{nobots}}}}"
    assert said[sandbox.INUSE_TITLE] == f"blocked: {sandbox.INUSE_TITLE} — L001; in use ({{{{ব্যবহৃত হচ্ছে}}}})"
    assert said["বাংলাদেশ–ভুটান সম্পর্ক"] == "nothing to fix: বাংলাদেশ–ভুটান সম্পর্ক — no findings"
    # every page the default generator gives is named once: the category's members and the
    # infobox's transclusions, as the wiki itself lists them
    members, todo, seen = set(), ["বিষয়শ্রেণী:দ্বিপাক্ষিক সম্পর্ক"], set()
    while todo:  # the category tree, walked here over the plain API
        cat = todo.pop()
        seen.add(cat)
        for m in api(sb, action="query", list="categorymembers", cmlimit="max", cmtitle=cat,
                     cmnamespace="0|14")["query"]["categorymembers"]:
            if m["ns"] == 0:
                members.add(m["title"])
            elif m["title"] not in seen:
                todo.append(m["title"])
    members |= {p["title"] for p in api(sb, action="query", list="embeddedin", eilimit="max", einamespace=0,
                                         eititle="টেমপ্লেট:তথ্যছক দ্বিপাক্ষিক সম্পর্ক")["query"]["embeddedin"]}
    assert sorted(said) == sorted(members) and len(pages) == len(members)
    assert row(proc, "pages").split()[0] == str(len(members))
    doc = json.loads(report.read_text("utf-8"))
    assert list(validator_for(load_schema("report")).iter_errors(doc)) == []
    assert [o["title"] for o in doc["run"]["outcomes"]] == titles_of(pages)
    assert doc["run"]["saves"] == 1 and doc["run"]["requests"] == int(row(proc, "requests"))
    # the findings row adds up the report's findings of the pages read
    found = [f for p in doc["pages"] for f in p["findings"]]
    assert row(proc, "findings").split()[0] == str(len(found))
    # pywikibot's own messages are in the log beside the state file
    log = (tmp_path / "s.sqlite.log").read_text("utf-8")
    assert "INFO Script terminated" in log and "Script terminated" not in proc.stderr + proc.stdout
    assert "INFO Logging in to " in log and "read operations" in log


def test_a_saved_summary_names_the_run_in_bengali_digits(fresh_wiki, tmp_path):
    sb = fresh_wiki
    state = str(tmp_path / "s.sqlite")
    pages = extra_pages(1)
    sandbox.seed(sb, {TEST_CAT: "পরীক্ষা", **pages})
    for _ in range(11):  # runs 1–11 find nothing new to save in the test category
        assert relbot(sb, "run", "--dry-run", "--state", state, "-page:বাংলাদেশ–ভুটান সম্পর্ক").returncode == 0
    proc = relbot(sb, "run", "--apply", "--state", state, CAT)  # run 12
    assert proc.returncode == 0, proc.stderr
    [title] = pages
    assert revisions(sb, title)[0]["comment"].endswith(" (রান ১২)")


def test_the_diffs_file_is_a_patch(fresh_wiki, tmp_path):
    sb = fresh_wiki
    pages = extra_pages(2)
    sandbox.seed(sb, {TEST_CAT: "পরীক্ষা", **pages})
    diffs = tmp_path / "d.diff"
    proc = relbot(sb, "run", "--dry-run", "--state", str(tmp_path / "s.sqlite"), CAT, "--diffs", str(diffs))
    assert proc.returncode == 0, proc.stderr
    tree = tmp_path / "pages"
    tree.mkdir()
    for title in pages:  # the pages as the wiki holds them, named as the wiki's URLs name them
        (tree / title.replace(" ", "_")).write_text(content(sb, title), "utf-8")
    check = subprocess.run(["patch", "-p1", "--dry-run", "-i", str(diffs)], cwd=tree, capture_output=True,
                           text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    done = subprocess.run(["patch", "-p1", "-i", str(diffs)], cwd=tree, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    for title, text in pages.items():
        assert (tree / title.replace(" ", "_")).read_text("utf-8") == safe_fixed(text.rstrip("\n")), title


def test_the_progress_bar_knows_its_total(fresh_wiki, tmp_path):
    """On a terminal the bar shows n/total as soon as the generator has answered."""
    import fcntl
    import os
    import pty
    import struct
    import sys
    import termios

    sb = fresh_wiki
    sandbox.seed(sb, {TEST_CAT: "পরীক্ষা", **extra_pages(3)})
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 120, 0, 0))  # a terminal's size
    code = GUARD_SNIPPET + "import sys\nfrom bot.cli import main\nsys.exit(main(%r))\n" % (
        ["run", "--dry-run", "--state", str(tmp_path / "s.sqlite"), CAT, "--diffs", str(tmp_path / "d")],)
    proc = subprocess.Popen([sys.executable, "-c", code], env=sb.env(), stdout=subprocess.DEVNULL,
                            stderr=slave, stdin=subprocess.DEVNULL)
    os.close(slave)
    seen = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:  # the other end closed
            break
        if not chunk:
            break
        seen += chunk
    os.close(master)
    assert proc.wait(timeout=60) == 0
    screen = seen.decode("utf-8", "replace")
    # the total is known before the first page is read, and the bar ends full
    assert "| 0/3 [" in screen and "| 3/3 [" in screen, screen


def test_a_decision_stands_until_the_page_or_the_exceptions_page_changes(fresh_wiki, tmp_path):
    """With generator options and an exceptions page on the wiki: a second run finds every page
    unchanged; after the exceptions page changes, the next run decides every page again, once."""
    sb = fresh_wiki
    pages = extra_pages(2)
    exceptions = f"ব্যবহারকারী:{sb.bot_user}/ব্যতিক্রম"
    sandbox.seed(sb, {TEST_CAT: "পরীক্ষা", **pages, exceptions: f"* [[{SEED_TITLE}]] | T001 | ।।\n"})
    state = str(tmp_path / "s.sqlite")
    said = []
    for change in (None, None, "* [[অন্য–পাতা সম্পর্ক]] | T001\n", None):
        if change:
            edit = relbot(sb, "--version", harness=f"human_edit({exceptions!r}, append={chr(10) + change!r})\n")
            assert edit.returncode == 0, edit.stderr
        proc = relbot(sb, "run", "--dry-run", "--state", state, CAT, "--diffs", str(tmp_path / "d"))
        assert proc.returncode == 0, proc.stderr
        said.append(sorted(ln.split(": ", 1)[0] for ln in proc.stderr.splitlines() if " সম্পর্ক" in ln))
    assert said == [["proposed (dry run)"] * 2, ["proposed (dry run)"] * 2,  # held: said again
                    ["proposed (dry run)"] * 2, ["proposed (dry run)"] * 2]
    outcomes = sqlite3.connect(state).execute("SELECT run_id, COUNT(*) FROM run_pages GROUP BY run_id").fetchall()
    # runs 1 and 3 decided (recorded) both pages; runs 2 and 4 said run 1's and 3's decisions again
    assert outcomes == [(1, 2), (3, 2)]
