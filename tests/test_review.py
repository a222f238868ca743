"""Review bundles and approvals from files, the terminal review driven by a scripted stdin, and
the word-level diffs."""

import io
import json

from bot import diffs, review
from bot.cli import main
from bot.schema import validator
from conftest import FIXTURES, SEED


def propose(tmp_path, *paths, extra=()):
    out = tmp_path / "bundle.json"
    assert main(["propose", *map(str, paths), "-o", str(out), *extra]) == 0
    doc = json.loads(out.read_text("utf-8"))
    assert not list(validator("bundle").iter_errors(doc))
    return out, doc


def test_bundle_entries(tmp_path):
    _, doc = propose(tmp_path, SEED, FIXTURES / "rules" / "T003", FIXTURES / "clean")
    assert doc["source"] == "files" and len(doc["entries"]) == 2  # the clean articles need nothing
    seed = next(e for e in doc["entries"] if e["title"] == "আজারবাইজান–আর্জেন্টিনা সম্পর্ক")
    assert [r["code"] for r in seed["rules"]] == ["T001", "L007", "L003"]
    assert seed["applicability"] == "safe" and not seed["cosmetic"]
    assert seed["summary"].startswith("বট: ") and seed["diff"].startswith("--- আজারবাইজান–আর্জেন্টিনা সম্পর্ক")
    t003 = next(e for e in doc["entries"] if e is not seed)
    assert t003["cosmetic"]
    # the ids are stable: the same proposal twice gives the same ids and bundle id
    _, again = propose(tmp_path, SEED, FIXTURES / "rules" / "T003", FIXTURES / "clean")
    assert [e["id"] for e in again["entries"]] == [e["id"] for e in doc["entries"]] and again["id"] == doc["id"]


def test_unsafe_entries_say_so(tmp_path):
    _, doc = propose(tmp_path, SEED, extra=["--unsafe"])
    (entry,) = doc["entries"]
    assert entry["applicability"] == "unsafe"
    assert {"I001", "R001"} <= {r["code"] for r in entry["rules"] if r["applicability"] == "unsafe"}


def test_terminal_review_with_scripted_stdin(tmp_path):
    _, doc = propose(tmp_path, SEED, FIXTURES / "rules" / "T003", FIXTURES / "rules" / "L007")
    shown = io.StringIO()
    decided = review.terminal_review(doc, stdin=io.StringIO("maybe\ny\ns\nn\n"), stdout=shown, colour=False)
    ids = [e["id"] for e in doc["entries"]]
    assert decided == {"relbot_approvals": 1, "bundle": doc["id"], "approved": [ids[0]], "rejected": [ids[2]]}
    assert not list(validator("approvals").iter_errors(decided))
    text = shown.getvalue()
    assert text.count("approve this edit?") == 4  # "maybe" is asked again
    # word-level: the changed danda is shown inside its paragraph
    assert "রয়েছে।। এর" in text and "রয়েছে। এর" in text


def test_terminal_review_quit_and_end_of_input(tmp_path):
    _, doc = propose(tmp_path, SEED, FIXTURES / "rules" / "T003")
    assert review.terminal_review(doc, stdin=io.StringIO("q\n"), stdout=io.StringIO())["approved"] == []
    assert review.terminal_review(doc, stdin=io.StringIO("y\n"), stdout=io.StringIO())["approved"] == \
        [doc["entries"][0]["id"]]


def test_review_cli_writes_approvals(tmp_path, monkeypatch, capsys):
    path, doc = propose(tmp_path, SEED)
    monkeypatch.setattr("sys.stdin", io.StringIO("y\n"))
    out = tmp_path / "approvals.json"
    assert main(["review", str(path), "--approvals", str(out)]) == 0
    assert json.loads(out.read_text("utf-8"))["approved"] == [doc["entries"][0]["id"]]


def test_bad_bundles_are_one_line_errors(tmp_path, capsys):
    bad = tmp_path / "b.json"
    bad.write_text("{}", "utf-8")
    assert main(["review", str(bad)]) == 2
    assert main(["review", str(tmp_path / "missing.json")]) == 2
    path, doc = propose(tmp_path, SEED)
    wrong = tmp_path / "a.json"
    wrong.write_text(json.dumps({"relbot_approvals": 1, "bundle": "0" * 16, "approved": [], "rejected": []}))
    assert main(["apply", str(path), "--approvals", str(wrong)]) == 2
    err = capsys.readouterr().err
    assert err.count("relbot: error:") == 3 and "Traceback" not in err


def test_word_diff_finds_the_danda():
    ops = diffs.words("রয়েছে।। এর পাশাপাশি", "রয়েছে। এর পাশাপাশি")
    assert ("-", "।") in ops or any(op == "-" and "।" in t for op, t in ops)
    assert "".join(t for op, t in ops if op != "+") == "রয়েছে।। এর পাশাপাশি"
    assert "".join(t for op, t in ops if op != "-") == "রয়েছে। এর পাশাপাশি"
