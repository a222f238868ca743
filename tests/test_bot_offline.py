"""Offline parts of the bot: edit permission ({{bots}}, {{nobots}}, in-use) and the state database."""

import pytest

from bot.state import State
from bot.wiki import WikiError, check_password_file, edit_block


@pytest.mark.parametrize("text, blocked", [
    ("কিছু লেখা", False),
    ("{{nobots}}\nলেখা", True),
    ("{{Nobots}}", True),
    ("{{bots}}", False),
    ("{{bots|allow=all}}", False),
    ("{{bots|allow=none}}", True),
    ("{{bots|allow=RelBot}}", False),
    ("{{bots|allow=OtherBot,RelBot}}", False),
    ("{{bots|allow=OtherBot}}", True),
    ("{{bots|deny=all}}", True),
    ("{{bots|deny=none}}", False),
    ("{{bots|deny=OtherBot, RelBot}}", True),
    ("{{bots|deny=OtherBot}}", False),
    ("{{ব্যবহৃত হচ্ছে}}\nলেখা", True),
    ("{{কাজ চলছে|১ দিন}}", True),
])
def test_edit_block(profile, text, blocked):
    assert (edit_block(text, profile, "RelBot") is not None) is blocked


def test_state_round_trip(tmp_path):
    st = State(tmp_path / "s.sqlite")
    run = st.start_run("apply", ["-cat:X"])
    assert st.interrupted_run() == run  # still running: an interrupted run to resume
    st.record(run, 1, "ক–খ সম্পর্ক", 10, "saved", {"T001": 1}, saved_rev=11, scope="apply", status="done",
              codes=["T001"])
    st.record_save(run, 1, "ক–খ সম্পর্ক", 10, 11, "বট: …")
    st.record(run, 2, "গ–ঘ সম্পর্ক", 20, "no-fix", {}, scope="apply", status="done")
    st.record(run, 3, "ঙ–চ সম্পর্ক", 30, "failed", {}, scope="apply", status="pending", reason="server error: 503",
              codes=["L007"])
    st.record(run, 4, "ছ–জ সম্পর্ক", 40, "cosmetic-only", {}, scope="apply", status="held", codes=["T003"])
    assert st.processed(run) == {1, 2, 3, 4}
    # a save makes the saved revision the checked one; a pending page is not checked at all
    assert [st.checked_rev(i) for i in (1, 2, 3, 4, 5)] == [11, 20, None, 40, None]
    assert [c["title"] for c in st.checks("apply", "pending")] == ["ঙ–চ সম্পর্ক"]
    assert st.check(3)["reason"] == "server error: 503" and st.check(3)["codes"] == ["L007"]
    assert [(c["title"], c["codes"]) for c in st.checks("apply", "held")] == [("ছ–জ সম্পর্ক", ["T003"])]
    # another scope sees none of it
    assert st.checked_rev(2, "dry-run") is None and st.checks("dry-run", "pending") == []
    st.end_run(run, "finished", {"saved": 1})
    assert st.interrupted_run() is None
    assert st.run(run)["counts"] == {"saved": 1} and st.run(run)["status"] == "finished"
    assert [s["new_rev"] for s in st.saves(run)] == [11]
    st.set_meta("since", {"apply": "2026-12-02T20:00:00Z"})
    st.close()
    # a second process sees the same state
    again = State(tmp_path / "s.sqlite")
    assert again.checked_rev(1) == 11 and again.get_meta("since") == {"apply": "2026-12-02T20:00:00Z"}
    assert again.get_meta("nothing", 7) == 7


def test_an_old_state_file_gains_the_reason_column(tmp_path):
    import sqlite3

    path = tmp_path / "old.sqlite"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE run_pages (run_id INTEGER NOT NULL, page_id INTEGER NOT NULL, title TEXT NOT NULL, "
               "rev INTEGER, outcome TEXT NOT NULL, PRIMARY KEY (run_id, page_id))")
    db.commit()
    db.close()
    st = State(path)
    st.record(1, 1, "ক–খ সম্পর্ক", 5, "failed", reason="timeout")
    assert st.db.execute("SELECT outcome, reason FROM run_pages").fetchall() == [("failed", "timeout")]


def test_every_outcome_is_in_the_report_schema_and_has_words():
    from bot.schema import load_schema
    from bot.wiki import OUTCOMES, SCOPES, PageResult

    enum = load_schema("report")["$defs"]["outcome"]["properties"]["outcome"]["enum"]
    assert sorted(enum) == sorted(OUTCOMES)
    assert {standing for _, standing in OUTCOMES.values()} == {"done", "held", "pending"}
    assert set(SCOPES.values()) == {"apply", "dry-run"} and SCOPES["interactive"] == "apply"
    line = PageResult("ক–খ সম্পর্ক", "failed", "server error: HTTP 503", codes=["L007", "T001"], rev=4).line()
    assert line == "failed, will be retried first: ক–খ সম্পর্ক — L007, T001; server error: HTTP 503"
    line = PageResult("ক–খ সম্পর্ক", "saved", codes=["T001"], rev=4, new_rev=9).line()
    assert line == "saved: ক–খ সম্পর্ক — T001 (revision 4 → 9)"


def test_diff_text_is_a_patch_even_without_a_final_newline(tmp_path):
    import subprocess

    from bot.wiki import diff_text

    old, new = "প্রথম লাইন।।\nশেষ লাইন", "প্রথম লাইন।\nশেষ লাইন।"
    patch = diff_text("ক খ", old, new) + "# বট: সারাংশ\n"
    (tmp_path / "ক_খ").write_text(old, "utf-8")
    proc = subprocess.run(["patch", "-p1", "-i", "-"], input=patch, cwd=tmp_path, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert (tmp_path / "ক_খ").read_text("utf-8") == new


def test_password_file_must_be_private(tmp_path):
    pw = tmp_path / "user-password.py"
    pw.write_text("('RelBot', BotPassword('relbot', 'x'))\n")
    pw.chmod(0o644)
    with pytest.raises(WikiError, match="chmod 600"):
        check_password_file(str(pw))
    pw.chmod(0o600)
    check_password_file(str(pw))
