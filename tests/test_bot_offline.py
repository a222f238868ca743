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
    st.record(run, 1, "ক–খ সম্পর্ক", 10, "saved", {"T001": 1}, saved_rev=11)
    st.record_save(run, 1, "ক–খ সম্পর্ক", 10, 11, "বট: …")
    st.record(run, 2, "গ–ঘ সম্পর্ক", 20, "no-fix", {})
    assert st.processed(run) == {1, 2}
    assert st.checked_rev(1) == 11 and st.checked_rev(2) == 20 and st.checked_rev(3) is None
    st.end_run(run, "finished", {"saved": 1})
    assert st.interrupted_run() is None
    assert st.run(run)["counts"] == {"saved": 1} and st.run(run)["status"] == "finished"
    assert [s["new_rev"] for s in st.saves(run)] == [11]
    st.close()
    # a second process sees the same state
    again = State(tmp_path / "s.sqlite")
    assert again.checked_rev(1) == 11


def test_password_file_must_be_private(tmp_path):
    pw = tmp_path / "user-password.py"
    pw.write_text("('RelBot', BotPassword('relbot', 'x'))\n")
    pw.chmod(0o644)
    with pytest.raises(WikiError, match="chmod 600"):
        check_password_file(str(pw))
    pw.chmod(0o600)
    check_password_file(str(pw))
