"""A real wiki says no (issue 21): every refusal the local MediaWiki can make is one page's outcome,
never the end of a scheduled run — unless it concerns every page (a block, a lost login or right,
a read-only wiki), which ends the run after its table with exit 2.

Each refusal is made real by tests/refusals.py on a sandbox with AbuseFilter, SpamBlacklist,
TitleBlacklist and ConfirmEdit loaded. The three test pages are read in title order (FIRST,
SECOND, THIRD); the refused one is read before the others, so that "the run went on" is seen.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys

import pytest

import refusals as R
from bot import sandbox
from bot.schema import load_schema, validator_for
from conftest import SEED, read
from test_bot_wiki import TEST_CAT, extra_pages, page_lines, row, safe_fixed
from wiki_fixtures import GUARD_SNIPPET, HUMAN_EDIT, api, revisions

CAT = f"-cat:{TEST_CAT[len('বিষয়শ্রেণী:'):]}"
PAGES = extra_pages(3)
FIRST, SECOND, THIRD = sorted(PAGES)  # the order a -cat: run reads them in
CODES = "L003, L007, T001"  # the seed's safe fixes
FILTER = "রেলবট পরীক্ষা: সূত্র তালিকা যোগ করা যাবে না"
SPAM = "\n\n[http://spam.example.org/a উৎস]"  # a link already on the page


def content(sb, title: str) -> str:
    return revisions(sb, title)[0]["slots"]["main"]["content"]


def seed(sb, pages: dict[str, str] | None = None) -> None:
    sandbox.seed(sb, {TEST_CAT: "পরীক্ষা", **(pages or PAGES)})


def run(sb, state, *more, harness: str = "", **kw):
    from wiki_fixtures import relbot

    return relbot(sb, "run", "--apply", "--state", str(state), CAT, *more, harness=harness, **kw)


def standing(state, title: str) -> tuple[str, str]:
    db = sqlite3.connect(state)
    try:
        return db.execute("SELECT status, outcome FROM checks WHERE title = ? AND scope = 'apply'",
                          (title,)).fetchone()
    finally:
        db.close()


def bot_flag(sb, title: str) -> bool:
    """Whether the page's latest edit carries the bot flag (recent changes keep it)."""
    [change] = api(sb, action="query", list="recentchanges", rctitle=title, rcprop="flags|user", rclimit=1,
                   rctype="edit")["query"]["recentchanges"]
    assert change["user"] == sb.bot_user, change
    return change["bot"]


def saved_titles(proc) -> list[str]:
    return [ln.split(": ", 1)[1].split(" — ")[0] for ln in page_lines(proc, "saved")]


def stale_links(sb, title: str) -> None:
    """The page's row of external links gone, as after a link-table update that never ran: the
    wiki then takes the links already on the page for links the edit adds (SpamBlacklist and
    ConfirmEdit check only added links)."""
    pid = api(sb, action="query", titles=title)["query"]["pages"][0]["pageid"]
    db = sqlite3.connect(sb.dir / "data" / "my_wiki.sqlite", timeout=30, isolation_level=None)
    try:
        db.execute("DELETE FROM externallinks WHERE el_from = ?", (pid,))
    finally:
        db.close()


def harness_switch(call: str, before: str = SECOND) -> str:
    """A relbot harness that, just before the run saves ``before``, turns a refusal on (tests/refusals.py
    in the relbot process, with the sandbox loaded from its folder)."""
    return f'''
import sys as _sys
_sys.path.insert(0, "tests")
import refusals as _R
import bot.wiki as _W
from bot import sandbox as _sandbox
_done = []
def _switch(page, out):
    if page.title() == {before!r} and not _done:
        _done.append(1)
        _sb = _sandbox.load(_sandbox.Path({str('{dir}')!r}))
        _R.{call}
_W.before_save = _switch
'''


def switch_harness(sb, call: str, before: str = SECOND) -> str:
    return harness_switch(call, before).replace("{dir}", str(sb.dir))


# -- held refusals: said again, not retried, saved once the obstacle is gone ---------------------

HELD = {
    # name: (switch on, switch off, the page's text, words, reason)
    "protected": (lambda sb: R.protect(sb, FIRST), lambda sb: R.unprotect(sb, FIRST), None,
                  "blocked", "protected (edit=sysop)"),
    "abusefilter-disallow": (
        lambda sb: R.abuse_filter(sb, f'action == "edit" & page_title == "{FIRST}" '
                                      f'& added_lines contains "{{{{সূত্র তালিকা}}}}"', "disallow", FILTER),
        lambda sb: R.disable_filter(sb, 1), None, "refused by the wiki", f"AbuseFilter filter 1 (disallow): {FILTER}"),
    "abusefilter-warn": (
        lambda sb: R.abuse_filter(sb, f'action == "edit" & page_title == "{FIRST}" '
                                      f'& added_lines contains "{{{{সূত্র তালিকা}}}}"', "warn", FILTER),
        lambda sb: R.disable_filter(sb, 1), None, "refused by the wiki", f"AbuseFilter filter 1 (warn): {FILTER}"),
    "spam-blacklist": (
        lambda sb: (R.spam_blacklist(sb, r"\bspam\.example\.org\b"), stale_links(sb, FIRST)),
        R.clear_spam_blacklist, SPAM, "refused by the wiki", "spam blacklist: spam.example.org"),
    "title-blacklist": (
        lambda sb: R.title_blacklist(sb, f".*{FIRST.split()[0]}.* <noedit>"), R.clear_title_blacklist, None,
        "refused by the wiki", "title blacklist: "),
    "captcha": (
        lambda sb: (R.captcha_on(sb), stale_links(sb, FIRST)), R.captcha_off, SPAM, "refused by the wiki",
        "CAPTCHA: the bot account needs the skipcaptcha right (a bot run never answers one)"),
}


@pytest.mark.parametrize("kind", sorted(HELD))
def test_a_held_refusal_is_that_pages_outcome_said_again_and_lifted(fresh_refusing_wiki, tmp_path, kind):
    sb = fresh_refusing_wiki
    on, off, extra, words, reason = HELD[kind]
    pages = dict(PAGES)
    if extra:
        pages[FIRST] = pages[FIRST] + extra
    seed(sb, pages)
    on(sb)
    state = tmp_path / "s.sqlite"
    first = run(sb, state, "--report", str(tmp_path / "r.json"), input="")  # stdin closed, as under cron
    assert first.returncode == 0, first.stderr
    [line] = page_lines(first, words)
    assert line.startswith(f"{words}: {FIRST} — {CODES}; {reason}"), first.stderr
    doc = json.loads((tmp_path / "r.json").read_text("utf-8"))
    assert not list(validator_for(load_schema("report")).iter_errors(doc))
    [said] = [o for o in doc["run"]["outcomes"] if o["title"] == FIRST]
    assert (said["outcome"], said["reason"]) == ("blocked" if words == "blocked" else "wiki-refused",
                                                 line.split("; ", 1)[1])
    if kind == "title-blacklist":  # MediaWiki's own message names the matching entry
        assert f".*{FIRST.split()[0]}.* <noedit>" in line, line
    assert saved_titles(first) == [SECOND, THIRD]  # the run went on
    assert content(sb, FIRST) == pages[FIRST].rstrip("\n")
    assert standing(state, FIRST) == ("held", "blocked" if words == "blocked" else "wiki-refused")
    assert row(first, "to act on") == f"1 {FIRST}: {line.split('; ', 1)[1]}"
    # the next run says it again from the state, without trying to save it
    history = len(revisions(sb, FIRST))
    again = run(sb, state)
    assert page_lines(again, words) == [f"{line} (since run 1)"], again.stderr
    assert len(revisions(sb, FIRST)) == history
    # the obstacle is removed: the next run reads the page again and saves its fix
    off(sb)
    third = run(sb, state)
    assert third.returncode == 0, third.stderr
    assert saved_titles(third) == [FIRST], third.stderr
    assert content(sb, FIRST) == safe_fixed(pages[FIRST]).rstrip("\n")
    assert standing(state, FIRST) == ("done", "saved")


def test_a_captcha_never_waits_for_input_even_with_stdin_open(fresh_refusing_wiki, tmp_path):
    sb = fresh_refusing_wiki
    seed(sb, {**PAGES, FIRST: PAGES[FIRST] + SPAM})
    R.captcha_on(sb)
    stale_links(sb, FIRST)
    read_end, write_end = os.pipe()  # a terminal-like stdin that never ends: the write end stays open
    try:
        code = (HUMAN_EDIT + "\nimport sys\nfrom bot.cli import main\n"
                f"sys.exit(main({['run', '--apply', '--state', str(tmp_path / 's.sqlite'), CAT]!r}))\n")
        proc = subprocess.run([sys.executable, "-c", GUARD_SNIPPET + code], env=sb.env(), stdin=read_end,
                              capture_output=True, text=True, timeout=300)
    finally:
        os.close(read_end)
        os.close(write_end)
    assert proc.returncode == 0, proc.stderr
    assert page_lines(proc, "refused by the wiki") == [
        f"refused by the wiki: {FIRST} — {CODES}; CAPTCHA: the bot account needs the skipcaptcha right "
        "(a bot run never answers one)"]
    assert saved_titles(proc) == [SECOND, THIRD]
    assert proc.stdout == ""  # pywikibot printed no CAPTCHA question


# -- pending refusals: retried first by the next run -----------------------------------------------

def test_a_rate_limit_keeps_the_pages_pending_and_stops_saving_for_the_run(fresh_refusing_wiki, tmp_path):
    sb = fresh_refusing_wiki
    seed(sb)
    R.rate_limit(sb, 1, 3600)  # one edit an hour
    state = tmp_path / "s.sqlite"
    proc = run(sb, state)
    assert proc.returncode == 0, proc.stderr
    assert saved_titles(proc) == [FIRST]
    failed = page_lines(proc, "failed, will be retried first")
    assert [ln.split(" — ")[0] for ln in failed] == [f"failed, will be retried first: {t}" for t in (SECOND, THIRD)]
    assert failed[0].startswith(f"failed, will be retried first: {SECOND} — {CODES}; rate limited by the wiki: ")
    assert failed[1].endswith("(no further save tried in this run)"), failed[1]
    assert standing(state, SECOND) == standing(state, THIRD) == ("pending", "failed")
    assert row(proc, "to retry") == f"2 first thing next run: {SECOND}, {THIRD}"
    R.no_rate_limit(sb)
    again = run(sb, state)
    assert again.returncode == 0, again.stderr
    assert again.stderr.splitlines()[:2] == [ln for ln in again.stderr.splitlines() if ln.startswith("saved: ")]
    assert saved_titles(again) == [SECOND, THIRD]
    assert content(sb, THIRD) == safe_fixed(PAGES[THIRD]).rstrip("\n")


def test_a_lost_session_is_renewed_and_the_save_goes_through(fresh_refusing_wiki, tmp_path):
    sb = fresh_refusing_wiki
    seed(sb)
    proc = run(sb, tmp_path / "s.sqlite", harness=switch_harness(sb, "lose_session(_sb)"))
    assert proc.returncode == 0, proc.stderr
    assert saved_titles(proc) == [FIRST, SECOND, THIRD]
    assert [bot_flag(sb, t) for t in (FIRST, SECOND, THIRD)] == [True, True, True]


# -- the wiki says stop: the run ends after its table, exit 2, unsaved pages pending ---------------

def _stopped(proc, cause: str, run_id: int = 1) -> None:
    lines = proc.stderr.splitlines()
    assert proc.returncode == 2, proc.stderr
    assert lines[-1] == f"relbot: error: {cause}; run {run_id} stopped, its unsaved pages stay pending", proc.stderr
    assert lines[-2].startswith("time ")  # after the table
    assert lines.count(lines[-1]) == 1 and "Traceback" not in proc.stderr


STOPS = {
    # name: (the switch, its undoing, the cause said)
    "blocked": ("block(_sb)", R.unblock,
                "the bot account RelBot is blocked (by Sandbox Admin; relbot test block; no expiry)"),
    "read-only": ("read_only(_sb)", R.read_write, "the wiki is read-only (relbot test: maintenance)"),
    "bot right lost": ("remove_right(_sb)", R.add_group,
                       "the bot account RelBot lost the 'bot' right: its edits would not be flagged as a bot's "
                       "(give the right back, or run with --trial)"),
    "login revoked": ("revoke_bot_password(_sb)", R.restore_bot_password, "the bot's login no longer works: "),
}


@pytest.mark.parametrize("kind", sorted(STOPS))
def test_a_refusal_for_every_page_ends_the_run_and_the_pages_wait(fresh_refusing_wiki, tmp_path, kind):
    sb = fresh_refusing_wiki
    switch, undo, cause = STOPS[kind]
    seed(sb)
    state = tmp_path / "s.sqlite"
    proc = run(sb, state, harness=switch_harness(sb, switch))  # turned on mid-run, before SECOND's save
    assert saved_titles(proc) == [FIRST]
    [failed] = page_lines(proc, "failed, will be retried first")
    assert failed.startswith(f"failed, will be retried first: {SECOND} — {CODES}; not saved: {cause}"), proc.stderr
    assert THIRD not in proc.stderr.split("run 1")[0]  # not read after the stop
    lines = proc.stderr.splitlines()
    said = lines[-1].removeprefix("relbot: error: ").split("; run 1 stopped")[0]
    assert said.startswith(cause)
    _stopped(proc, said)
    assert standing(state, SECOND) == ("pending", "failed")
    assert content(sb, SECOND) == PAGES[SECOND].rstrip("\n")
    undo(sb)
    again = run(sb, state)
    assert again.returncode == 0, again.stderr
    assert saved_titles(again) == [SECOND, THIRD]  # the pending page first


def test_a_blocked_account_does_not_start_a_run(fresh_refusing_wiki, tmp_path):
    sb = fresh_refusing_wiki
    seed(sb)
    R.block(sb)
    proc = run(sb, tmp_path / "s.sqlite")
    assert proc.returncode == 2
    assert proc.stderr == ("relbot: error: the bot account RelBot is blocked (by Sandbox Admin; relbot test block; "
                           "no expiry); nothing was saved\n")
    from wiki_fixtures import relbot

    dry = relbot(sb, "run", "--dry-run", "--state", str(tmp_path / "d.sqlite"), CAT)  # reading is still allowed
    assert dry.returncode == 0 and len(page_lines(dry, "proposed (dry run)")) == 3, dry.stderr


def test_no_bot_right_refuses_apply_unless_on_trial_and_then_says_the_edits_are_unflagged(fresh_refusing_wiki,
                                                                                          tmp_path):
    sb = fresh_refusing_wiki
    seed(sb)
    R.remove_right(sb)
    proc = run(sb, tmp_path / "s.sqlite")
    assert proc.returncode == 2
    assert proc.stderr == ("relbot: error: the bot account RelBot has no 'bot' right: its edits would not be flagged "
                           "as a bot's (give the account the right back, or run with --trial while the bot is on "
                           "trial); nothing was saved\n")
    trial = run(sb, tmp_path / "t.sqlite", "--trial")
    assert trial.returncode == 0, trial.stderr
    assert saved_titles(trial) == [FIRST, SECOND, THIRD]
    assert row(trial, "saves") == "3 edit conflicts 0; not flagged as a bot's (--trial)"
    assert [bot_flag(sb, t) for t in (FIRST, SECOND, THIRD)] == [False, False, False]


def test_a_page_that_does_not_exist_is_named(fresh_refusing_wiki, tmp_path):
    from wiki_fixtures import relbot

    sb = fresh_refusing_wiki
    proc = relbot(sb, "run", "--apply", "--state", str(tmp_path / "s.sqlite"), "-page:নেই–কোথাও সম্পর্ক")
    assert proc.returncode == 0, proc.stderr
    assert page_lines(proc, "skipped") == ["skipped: নেই–কোথাও সম্পর্ক — the page does not exist"]


# -- propose and apply: the same knowledge, the same save path -------------------------------------

def _approve_all(tmp_path, bundle) -> str:
    doc = json.loads(bundle.read_text("utf-8"))
    path = tmp_path / "approvals.json"
    path.write_text(json.dumps({"relbot_approvals": 2, "bundle": doc["id"],
                                "decisions": {e["id"]: "approved" for e in doc["entries"]}}))
    return str(path)


def test_propose_and_apply_know_a_protected_page_and_apply_goes_on_after_a_refusal(fresh_refusing_wiki,
                                                                                    tmp_path):
    from wiki_fixtures import relbot

    sb = fresh_refusing_wiki
    seed(sb)
    R.protect(sb, FIRST)
    bundle = tmp_path / "bundle.json"
    proc = relbot(sb, "propose", "--wiki", "-o", str(bundle), CAT)
    assert proc.returncode == 0, proc.stderr
    entries = {e["title"]: e for e in json.loads(bundle.read_text("utf-8"))["entries"]}
    assert (entries[FIRST]["saveable"], entries[FIRST]["block"]) == (False, "protected (edit=sysop)")
    assert entries[SECOND]["saveable"] and entries[THIRD]["saveable"]
    approvals = _approve_all(tmp_path, bundle)
    # a filter refuses SECOND: apply says why, saves THIRD, and records a finished run
    R.abuse_filter(sb, f'action == "edit" & page_title == "{SECOND}"', "disallow", FILTER)
    state = tmp_path / "s.sqlite"
    proc = relbot(sb, "apply", str(bundle), "--approvals", approvals, "--state", str(state))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines() == [f"{FIRST}: blocked:protected (edit=sysop)",
                                        f"{SECOND}: refused by the wiki:AbuseFilter filter 1 (disallow): {FILTER}",
                                        f"{THIRD}: saved"]
    assert proc.stderr == "saved 1, stale 0, blocked 1, refused by the wiki 1 (of 3 approved)\n"
    db = sqlite3.connect(state)
    assert db.execute("SELECT mode, status FROM runs").fetchall() == [("apply-bundle", "finished")]
    db.close()


def test_apply_stopped_by_the_wiki_exits_2_and_records_the_run_as_stopped(fresh_refusing_wiki, tmp_path):
    from wiki_fixtures import relbot

    sb = fresh_refusing_wiki
    seed(sb)
    bundle = tmp_path / "bundle.json"
    assert relbot(sb, "propose", "--wiki", "-o", str(bundle), CAT).returncode == 0
    approvals = _approve_all(tmp_path, bundle)
    state = tmp_path / "s.sqlite"
    proc = relbot(sb, "apply", str(bundle), "--approvals", approvals, "--state", str(state),
                  harness=switch_harness(sb, "block(_sb)").replace("_W.before_save = _switch", "") + '''
import bot.wiki.tasks as _T
_save = _T.save
def _blocking_save(page, *a, **k):
    _switch(page, None)
    return _save(page, *a, **k)
_T.save = _blocking_save
''')
    assert proc.returncode == 2, proc.stderr
    assert proc.stdout.splitlines() == [f"{FIRST}: saved"]
    assert proc.stderr.splitlines()[-1] == ("relbot: error: the bot account RelBot is blocked (by Sandbox Admin; "
                                           "relbot test block; no expiry)")
    db = sqlite3.connect(state)
    assert db.execute("SELECT status FROM runs").fetchall() == [("stopped",)]
    db.close()


def test_a_warning_filter_is_resubmitted_when_the_profile_says_so(fresh_refusing_wiki, tmp_path):
    from bot.profile import load_profile

    sb = fresh_refusing_wiki
    seed(sb)
    data = load_profile("bn").data
    data["bot"]["abusefilter_warnings"] = "resubmit"
    profile = tmp_path / "bn-resubmit.json"
    profile.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    R.abuse_filter(sb, f'action == "edit" & page_title == "{FIRST}"', "warn", FILTER)
    proc = run(sb, tmp_path / "s.sqlite", "--profile", str(profile))
    assert proc.returncode == 0, proc.stderr
    assert saved_titles(proc) == [FIRST, SECOND, THIRD]
    [line] = [ln for ln in page_lines(proc, "saved") if FIRST in ln]
    assert line.startswith(f"saved: {FIRST} — {CODES}; after an AbuseFilter warning: AbuseFilter filter 1 (warn): "
                           f"{FILTER} (revision "), line


# -- a default scheduled run over a wiki that says no in every way ---------------------------------

def test_a_default_run_among_refusals_fixes_every_ordinary_page_and_says_what_to_act_on(fresh_refusing_wiki,
                                                                                       tmp_path):
    from wiki_fixtures import relbot

    sb = fresh_refusing_wiki
    pairs = ["ভারত–নেপাল", "ভারত–ভুটান", "নেপাল–ভুটান", "চীন–নেপাল", "চীন–ভারত", "জাপান–ভারত", "রাশিয়া–ভারত",
             "ইরান–ভারত"]
    text = read(SEED)  # the seed's own bilateral categories: members of the default generators' tree
    pages = {f"{p} সম্পর্ক": text for p in pairs}
    protected, disallowed, warned, spammy, banned, captcha, *ordinary = sorted(pages)
    pages[spammy] += SPAM
    pages[captcha] += SPAM.replace("spam.example.org", "example.net")
    sandbox.seed(sb, pages)
    R.protect(sb, protected)
    R.abuse_filter(sb, f'action == "edit" & page_title == "{disallowed}"', "disallow", FILTER)
    R.abuse_filter(sb, f'action == "edit" & page_title == "{warned}"', "warn", FILTER + " (সতর্কতা)")
    R.spam_blacklist(sb, r"\bspam\.example\.org\b")
    stale_links(sb, spammy)
    R.title_blacklist(sb, f".*{banned.split()[0]}.* <noedit>")
    R.captcha_on(sb, whitelist=r"#^https?://spam\.example\.org/#")
    stale_links(sb, captcha)
    proc = relbot(sb, "run", "--apply", "--state", str(tmp_path / "s.sqlite"), input="")
    assert proc.returncode == 0, proc.stderr
    assert set(ordinary) <= set(saved_titles(proc))
    for title in ordinary:
        assert content(sb, title) == safe_fixed(pages[title]).rstrip("\n"), title
    lines = proc.stderr.splitlines()
    start = next(i for i, ln in enumerate(lines) if ln.startswith("to act on "))
    end = next(i for i, ln in enumerate(lines) if ln.startswith("requests "))
    assert lines[start].split()[:4] == ["to", "act", "on", "6"], proc.stderr
    rows = [lines[start].split("6", 1)[1].strip()] + [ln.strip() for ln in lines[start + 1:end]]
    assert rows == [
        f"{protected}: protected (edit=sysop)",
        f"{disallowed}: AbuseFilter filter 1 (disallow): {FILTER}",
        f"{warned}: AbuseFilter filter 2 (warn): {FILTER} (সতর্কতা)",
        f"{spammy}: spam blacklist: spam.example.org",
        f'{banned}: title blacklist: The title "{banned}" has been banned from creation. It matches the following '
        f'disallowed titles list entry: ".*{banned.split()[0]}.* <noedit>"',
        f"{captcha}: CAPTCHA: the bot account needs the skipcaptcha right (a bot run never answers one)",
    ], proc.stderr
    # the published report lists the six for a person on the wiki, in Bengali
    report = relbot(sb, "report", "--publish", "ব্যবহারকারী:RelBot/প্রতিবেদন", "--state", str(tmp_path / "s.sqlite"))
    assert report.returncode == 0, report.stderr
    text = content(sb, "ব্যবহারকারী:RelBot/প্রতিবেদন")
    section = text.split("=== উইকি যেসব পাতায় বটের সংশোধন ফিরিয়ে দিয়েছে ===\n", 1)[1].split("\n\n", 1)[0]
    listed = [ln.split("]]", 1)[0].removeprefix("* [[") for ln in section.splitlines() if ln.startswith("* [[")]
    assert listed == [protected, disallowed, warned, spammy, banned, captcha]
    assert f"* [[{protected}]] — সুরক্ষিত পাতা: <nowiki>edit=sysop</nowiki> (রান ১ থেকে)" in section
