"""Faults against the real sandbox wiki: transient HTTP errors, maxlag and slow answers through a
fault-injecting proxy of our own; the wiki server stopped mid-run; wrong credentials, an
unreachable wiki, a missing user-config; and undoing a run."""

from __future__ import annotations

import re
import shutil
import sqlite3

import pytest

from bot import sandbox
from faultproxy import Fault, FaultProxy
from test_bot_wiki import TEST_CAT, extra_pages, safe_fixed
from wiki_fixtures import relbot, revisions, total_edits

CAT = f"-cat:{TEST_CAT[len('বিষয়শ্রেণী:'):]}"


def config_copy(sb, tmp_path, port: int | None = None, **settings) -> str:
    """The sandbox's pywikibot folder, pointed at another port and with other settings."""
    folder = tmp_path / "pwb"
    shutil.copytree(sb.pywikibot_dir, folder, ignore=shutil.ignore_patterns("apicache*", "throttle.ctrl"))
    if port is not None:
        family = next((folder / "families").glob("*_family.py"))
        family.write_text(family.read_text().replace(f"127.0.0.1:{sb.port}", f"127.0.0.1:{port}"))
    with open(folder / "user-config.py", "a") as fh:
        for key, value in settings.items():
            fh.write(f"\n{key} = {value!r}\n")
    return str(folder)


def one_line_error(proc) -> str:
    """The whole of stderr, which must be exactly one ``relbot: error:`` line: no log chatter,
    no warning and no traceback before or after it."""
    lines = proc.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("relbot: error: "), proc.stderr
    return lines[0]


@pytest.fixture
def proxy(fresh_wiki):
    p = FaultProxy(fresh_wiki.port)
    p.port = p.start()
    yield p
    p.stop()


def test_transient_faults_are_retried_then_the_page_is_skipped(fresh_wiki, proxy, tmp_path):
    sb = fresh_wiki
    pages = extra_pages(4)
    sandbox.seed(sb, {TEST_CAT: "পরীক্ষা", **pages})
    titles = sorted(pages)
    proxy.faults = [
        Fault({"action": "edit", "title": titles[0]}, "503", times=1),       # once: a retry saves it
        Fault({"action": "edit", "title": titles[1]}, "maxlag", times=1),    # once: wait, retry, save
        Fault({"action": "edit", "title": titles[2]}, "500"),                # always: skipped, run goes on
    ]
    pwb = config_copy(sb, tmp_path, proxy.port, max_retries=2, retry_wait=1, retry_max=1)
    seeded = {t: len(revisions(sb, t)) for t in titles}
    proc = relbot(sb, "run", "--apply", "--pywikibot-dir", pwb, "--state", str(tmp_path / "s.sqlite"), CAT,
                  "--report", str(tmp_path / "r.json"))
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    saved = {t: len(revisions(sb, t)) > seeded[t] for t in titles}
    assert saved == {titles[0]: True, titles[1]: True, titles[2]: False, titles[3]: True}, proxy.log
    assert sum(1 for line in proxy.log if titles[2] in line) >= 2  # retried before giving up
    db = sqlite3.connect(tmp_path / "s.sqlite")
    outcome, reason = db.execute("SELECT outcome, reason FROM run_pages WHERE title = ?", (titles[2],)).fetchone()
    assert outcome == "failed" and reason.startswith("server error: "), reason


def content(sb, title: str) -> list[tuple[str, str]]:
    """(user, text) of every revision of a page, newest first."""
    return [(r["user"], r["slots"]["main"]["content"]) for r in revisions(sb, title)]


def test_slow_answers_time_out_and_the_page_is_skipped(fresh_wiki, proxy, tmp_path):
    sb = fresh_wiki
    pages = extra_pages(2)
    sandbox.seed(sb, {TEST_CAT: "পরীক্ষা", **pages})
    slow, fine = sorted(pages)
    seeded = {t: content(sb, t) for t in pages}
    proxy.faults = [Fault({"action": "edit", "title": slow}, "slow", delay=3.0)]  # never answered
    pwb = config_copy(sb, tmp_path, proxy.port, max_retries=1, retry_wait=1, retry_max=1,
                      socket_timeout=(2, 1))
    state = tmp_path / "s.sqlite"
    proc = relbot(sb, "run", "--apply", "--pywikibot-dir", pwb, "--state", str(state), CAT)
    assert proc.returncode == 0, proc.stderr  # a skipped page does not fail the run
    lines = [" ".join(ln.split()) for ln in proc.stderr.splitlines()]
    assert "Traceback" not in proc.stderr
    # a line per page, then the table: nothing else (no pywikibot chatter, no warning)
    assert [ln.split(" — ")[0] for ln in lines[:2]] == [f"failed, will be retried first: {slow}", f"saved: {fine}"]
    assert lines[0].startswith(f"failed, will be retried first: {slow} — L003, L007, T001; server error: ")
    assert lines[2:4] == ["run 1 (apply) finished", "pages 2 saved 1 · failed, will be retried first 1"]
    assert [ln.split()[0] for ln in lines[4:]] == ["read", "findings", "by", "saves", "to", "requests", "time"], \
        proc.stderr
    assert lines[4] == "read 2 pages whose text was read from the wiki"
    assert lines[7:9] == ["saves 1 edit conflicts 0", f"to retry 1 first thing next run: {slow}"]
    db = sqlite3.connect(state)
    outcomes = dict(db.execute("SELECT title, outcome FROM run_pages WHERE run_id = 1"))
    assert outcomes == {fine: "saved", slow: "failed"}
    assert [t for (t,) in db.execute("SELECT title FROM saves WHERE run_id = 1")] == [fine]
    # the slow page is exactly as seeded, the other saved once with exactly its safe fixes
    assert content(sb, slow) == seeded[slow]
    assert content(sb, fine) == [(sb.bot_user, safe_fixed(pages[fine])), *seeded[fine]]
    assert any(line.startswith("slow edit ") for line in proxy.log)  # the fault was hit


def test_wiki_stopped_mid_run_then_resume(fresh_wiki, tmp_path):
    sb = fresh_wiki
    pages = extra_pages(6)
    sandbox.seed(sb, {TEST_CAT: "পরীক্ষা", **pages})
    seeded = {t: content(sb, t) for t in pages}  # one title is also a default page: two revisions
    order = sorted(pages)  # the category's order: sort key = title, code point by code point
    state = tmp_path / "s.sqlite"
    pwb = config_copy(sb, tmp_path, max_retries=1, retry_wait=1, retry_max=1)
    harness = f'''
import bot.state as S, bot.sandbox as SB, pathlib
_orig = S.State.record_save
_n = [0]
def _save(self, *a, _orig=_orig, **k):
    _orig(self, *a, **k)
    _n[0] += 1
    if _n[0] == 2:
        SB.stop(pathlib.Path({str(sb.dir)!r}))   # the wiki server goes away mid-run
S.State.record_save = _save
'''
    proc = relbot(sb, "run", "--apply", "--pywikibot-dir", pwb, "--state", str(state), CAT, harness=harness)
    try:
        assert proc.returncode == 2, proc.stderr
        *said, line = proc.stderr.splitlines()  # the two pages saved, then one error line
        assert [ln.split(" — ")[0] for ln in said] == [f"saved: {t}" for t in order[:2]], proc.stderr
        assert re.fullmatch(r"relbot: error: the wiki stopped answering \(.+\); run 1 is saved: "
                            r"finish it later with --resume", line), line
    finally:
        sandbox.serve(sb)
    db = sqlite3.connect(state)
    assert db.execute("SELECT id, status FROM runs").fetchall() == [(1, "failed")]
    # exactly the first two pages were saved, each once, and nothing else reached the wiki
    assert [t for (t,) in db.execute("SELECT title FROM saves WHERE run_id = 1 ORDER BY rowid")] == order[:2]
    db.close()
    for title in order[:2]:
        assert content(sb, title) == [(sb.bot_user, safe_fixed(pages[title])), *seeded[title]], title
    for title in order[2:]:
        assert content(sb, title) == seeded[title], title
    proc = relbot(sb, "run", "--apply", "--resume", "--pywikibot-dir", pwb, "--state", str(state), CAT)
    assert proc.returncode == 0, proc.stderr
    db = sqlite3.connect(state)
    assert db.execute("SELECT id, status FROM runs").fetchall() == [(1, "finished")]  # the same run
    assert sorted(t for (t,) in db.execute("SELECT title FROM run_pages WHERE run_id = 1")) == order
    # the resumed run saved exactly the other four, once each, after the first two
    assert [t for (t,) in db.execute("SELECT title FROM saves WHERE run_id = 1 ORDER BY rowid")] == order
    for title in order:  # every page: one bot revision, exactly its safe fixes, on the seeded one
        assert content(sb, title) == [(sb.bot_user, safe_fixed(pages[title])), *seeded[title]], title


def test_wrong_credentials(wiki, tmp_path):
    pwb = config_copy(wiki, tmp_path)
    pw = tmp_path / "pwb" / "user-password.py"
    pw.write_text(pw.read_text().replace(wiki.bot_password_secret, "0" * 40))
    pw.chmod(0o600)
    (tmp_path / "pwb" / "pywikibot-RelBot.lwp").unlink(missing_ok=True)  # no old session cookie
    proc = relbot(wiki, "run", "--dry-run", "--pywikibot-dir", pwb, "--state", str(tmp_path / "s.sqlite"))
    assert proc.returncode == 2
    assert "log in" in one_line_error(proc)
    assert wiki.bot_password_secret not in proc.stderr + proc.stdout


@pytest.mark.parametrize("verb", [
    ["run", "--dry-run"],
    ["propose", "--wiki", "-o", "{tmp}/b.json"],
    ["report", "--publish", "ব্যবহারকারী:RelBot/প্রতিবেদন"],
    ["undo", "--run", "1"],
])
def test_unreachable_wiki(wiki, tmp_path, verb):
    closed = sandbox.free_port()
    pwb = config_copy(wiki, tmp_path, closed, max_retries=1, retry_wait=1, retry_max=1)
    state = tmp_path / "s.sqlite"
    if verb[0] == "undo":
        sqlite3.connect(state).close()  # undo wants a state file before it connects
    verb = [a.format(tmp=tmp_path) for a in verb]
    proc = relbot(wiki, *verb, "--pywikibot-dir", pwb, *(["--state", str(state)] if verb[0] in ("run", "undo") else []),
                  timeout=60)
    assert proc.returncode == 2
    # pywikibot gave up after its retries: the README's message, with the address it tried
    assert one_line_error(proc) == (f"relbot: error: cannot reach the wiki at http://127.0.0.1:{closed}: "
                                    "Maximum retries attempted without success.")


def test_missing_user_config(wiki, tmp_path):
    empty = tmp_path / "nothing"
    empty.mkdir()
    proc = relbot(wiki, "run", "--dry-run", "--pywikibot-dir", str(empty))
    assert proc.returncode == 2
    assert "user-config.py" in one_line_error(proc)


def test_undo_reverts_our_edits_and_leaves_later_ones(fresh_wiki, tmp_path):
    sb = fresh_wiki
    pages = extra_pages(4)
    sandbox.seed(sb, {TEST_CAT: "পরীক্ষা", **pages})
    state = str(tmp_path / "s.sqlite")
    assert relbot(sb, "run", "--apply", "--state", state, CAT).returncode == 0
    run_id = sqlite3.connect(state).execute("SELECT MAX(id) FROM runs").fetchone()[0]
    touched = sorted(pages)[0]
    proc = relbot(sb, "run", "--dry-run", "--state", str(tmp_path / "x.sqlite"), "-page:none",
                  harness=f"human_edit({touched!r}, append='\\nপরে মানুষের সম্পাদনা')")
    assert proc.returncode == 0, proc.stderr
    edits = total_edits(sb)
    proc = relbot(sb, "undo", "--run", str(run_id), "--dry-run", "--state", state)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.count("would revert") == 3 and f"{touched}: edited since" in proc.stdout
    assert total_edits(sb) == edits
    proc = relbot(sb, "undo", "--run", str(run_id), "--state", state)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.count(": reverted") == 3
    for title, text in pages.items():
        revs = revisions(sb, title)
        if title == touched:
            assert revs[0]["user"] == sb.human_user
        else:
            assert revs[0]["slots"]["main"]["content"] == text
            # the run undone, then the undoing run (the second), in Bengali digits
            assert revs[0]["comment"] == "বট: রান ১-এর সম্পাদনা ফিরিয়ে নেওয়া হল (রান ২)"
    db = sqlite3.connect(state)
    assert db.execute("SELECT mode, status FROM runs ORDER BY id DESC").fetchone() == ("undo", "finished")
