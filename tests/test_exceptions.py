"""The exceptions page (bot/exceptions.py) offline: parsing its lines, matching findings, and a
listed finding suppressed in lint (reported apart, schema-valid) and in fix_page (never fixed)."""

from __future__ import annotations

import json
import subprocess
import sys

from bot.exceptions import Entry, assign, load, line_for, parse
from bot.fixes import fix_page
from bot.schema import load_schema, validator_for
from conftest import ROOT, SEED, read, title_of

SEED_TITLE = title_of(SEED)  # আজারবাইজান–আর্জেন্টিনা সম্পর্ক

PAGE = """== মিথ্যা সতর্কতা ==
এই পাতায় এক লাইনে একটি ব্যতিক্রম।
* [[আজারবাইজান–আর্জেন্টিনা_সম্পর্ক]] | T001 | রয়েছে।। | দুটি দাঁড়ি ইচ্ছাকৃত
*[[:ভারত–নেপাল সম্পর্ক|ভারত ও নেপাল]]|e003
* [[অন্য সম্পর্ক]] E003
* [[অন্য সম্পর্ক]] | X999 | কিছু
* কোনো লিংক নেই | T001
* [[অন্য সম্পর্ক]] | L007 | ক | খ | গ
"""


def test_parse_entries_and_malformed_lines_with_their_numbers():
    listed = load(PAGE)
    assert listed.entries == [
        Entry("আজারবাইজান–আর্জেন্টিনা_সম্পর্ক", "T001", "রয়েছে।।", "দুটি দাঁড়ি ইচ্ছাকৃত", 3),
        Entry("ভারত–নেপাল সম্পর্ক", "E003", "", "", 4),
        Entry("অন্য সম্পর্ক", "L007", "ক", "খ | গ", 8),  # the note keeps its own bars
    ]
    assert [(m.line, m.why) for m in listed.malformed] == [
        (5, "no rule code after the page link"),
        (6, "unknown rule code X999"),
        (7, "expected * [[Page]] | CODE | anchor text | note"),
    ]
    # without the catalogue, X999 is a well-formed code
    assert [e.code for e in parse(PAGE).entries] == ["T001", "E003", "X999", "L007"]


def test_for_page_compares_titles_as_mediawiki_does_after_nfc():
    listed = load("* [[\u09df\u09be\u0982]] | T001\n* [[a b]] | T001\n")
    assert [e.line for e in listed.for_page("\u09af\u09bc\u09be\u0982")] == [1]  # U+09DF is U+09AF U+09BC
    assert [e.line for e in listed.for_page("A_b")] == [2]  # first letter, underscore
    assert listed.for_page("a c") == []
    assert [e.line for e in load(PAGE).for_page(SEED_TITLE)] == [3]


class F:
    def __init__(self, code, start, end):
        self.code, self.start, self.end = code, start, end


def span(text: str, part: str, code: str = "E003") -> F:
    at = text.index(part)
    return F(code, at, at + len(part))


def test_anchor_picks_the_finding_whose_own_text_holds_it_before_its_line():
    text = "প্রথম বাক্য ঢাকা। দ্বিতীয় বাক্য দিল্লি।\nঅন্য লাইন ঢাকা।"
    found = [span(text, "প্রথম বাক্য ঢাকা।"), span(text, "দ্বিতীয় বাক্য দিল্লি।"), span(text, "অন্য লাইন ঢাকা।")]
    one = Entry("x", "E003", "দিল্লি", "", 1)
    assert assign([one], found, text) == {1: one}
    # in two findings' own text: both, not the line's neighbour
    assert assign([Entry("x", "E003", "ঢাকা", "", 1)], found, text).keys() == {0, 2}
    # in no finding's own text, but in line 1: the findings on line 1
    assert assign([Entry("x", "E003", "ঢাকা। দ্বিতীয়", "", 1)], found, text).keys() == {0, 1}
    # across two lines: nothing
    assert assign([Entry("x", "E003", "দিল্লি।\nঅন্য", "", 1)], found, text) == {}
    assert assign([Entry("x", "T001", "", "", 2)], found, text) == {}  # another code
    whole = Entry("x", "E003", "", "", 3)
    assert assign([whole], found, text) == {0: whole, 1: whole, 2: whole}


def test_anchor_falls_back_to_the_lines_of_the_span():
    text = "ক খ গ।।\nঘ ঙ"
    danda = F("T001", 5, 7)  # the span is only "।।"
    entry = Entry("x", "T001", "খ   গ।।", "", 1)  # white space collapsed on both sides
    assert assign([entry], [danda], text) == {0: entry}
    assert assign([Entry("x", "T001", "ঘ ঙ", "", 1)], [danda], text) == {}


def test_line_for_is_what_load_reads_back():
    line = line_for("আজারবাইজান–আর্জেন্টিনা সম্পর্ক", "T001", "রয়েছে।।", "ইচ্ছাকৃত")
    assert line == "* [[আজারবাইজান–আর্জেন্টিনা সম্পর্ক]] | T001 | রয়েছে।। | ইচ্ছাকৃত"
    assert load(line).entries == [Entry("আজারবাইজান–আর্জেন্টিনা সম্পর্ক", "T001", "রয়েছে।।", "ইচ্ছাকৃত", 1)]
    assert line_for("ক", "L007") == "* [[ক]] | L007"
    # source text with a bar or a line break: the anchor keeps what comes before it
    line = line_for("ক", "I005", "{{তথ্যছক|দেশ১=\n}}", "খালি\nনয় | আসলে")
    assert line == "* [[ক]] | I005 | {{তথ্যছক | খালি নয় | আসলে"
    assert load(line).entries == [Entry("ক", "I005", "{{তথ্যছক", "খালি নয় | আসলে", 1)]


def test_fix_page_never_applies_a_suppressed_fix(profile, gaz):
    text = read(SEED)
    listed = load(PAGE).for_page(SEED_TITLE)
    out = fix_page(text, SEED_TITLE, profile, gaz, exceptions=listed)
    # the other safe fixes (tests/test_bot_wiki.py safe_fixed) apply; the double danda stays
    expected = (text.replace("==ইতিহাস==", "== ইতিহাস ==", 1)
                .replace("==বাণিজ্য এবং দ্বিপাক্ষিক সম্পর্ক==", "== বাণিজ্য এবং দ্বিপাক্ষিক সম্পর্ক ==", 1)
                .replace("== তথ্যসূত্র ==\n", "== তথ্যসূত্র ==\n{{সূত্র তালিকা}}\n", 1))
    assert out.text == expected and "রয়েছে।।" in out.text
    assert out.codes == ["L003", "L007"]
    assert [(f.code, f.exception.line) for f in out.suppressed] == [("T001", 3)]
    assert "T001" not in {f.code for f in out.findings} | {f.code for f in out.remaining}
    # without the list the danda is fixed: the list made the difference
    assert "T001" in fix_page(text, SEED_TITLE, profile, gaz).codes


def test_lint_with_an_exceptions_file(tmp_path):
    listing = tmp_path / "ব্যতিক্রম.txt"
    listing.write_text(PAGE, "utf-8")
    proc = subprocess.run([sys.executable, "-m", "bot.cli", "lint", str(SEED), "--exceptions", str(listing),
                           "--format", "json"], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert list(validator_for(load_schema("report")).iter_errors(doc)) == []
    page = doc["pages"][0]
    assert [(f["code"], f["line"], f["column"], f["exception"]) for f in page["suppressed"]] == [
        ("T001", 1, 192, {"line": 3, "anchor": "রয়েছে।।", "note": "দুটি দাঁড়ি ইচ্ছাকৃত"})]
    assert "T001" not in {f["code"] for f in page["findings"]}
    assert doc["summary"]["suppressed"] == 1 and doc["summary"]["findings"] == 9
    # malformed lines: one warning each, with the line number; the lint goes on
    assert proc.stderr.splitlines() == [
        f"relbot: warning: {listing} line 5: no rule code after the page link: * [[অন্য সম্পর্ক]] E003",
        f"relbot: warning: {listing} line 6: unknown rule code X999: * [[অন্য সম্পর্ক]] | X999 | কিছু",
        f"relbot: warning: {listing} line 7: expected * [[Page]] | CODE | anchor text | note: * কোনো লিংক নেই | T001"]
    text = subprocess.run([sys.executable, "-m", "bot.cli", "lint", str(SEED), "--exceptions", str(listing)],
                          capture_output=True, text=True, cwd=ROOT).stdout
    assert f"{SEED}:1:192: T001 suppressed (exceptions page line 3) দ্বিগুণ দাঁড়ি «।।»" in text
    assert text.endswith("9 findings: 0 error, 7 warning, 2 style; 1 suppressed\n")


def test_a_suppressed_finding_stays_unfixed_when_another_fix_edits_its_anchor(profile, gaz):
    # "রয়েছে ।।": T003 (space before the danda) is fixed in round 1, which edits the anchor
    # "রয়েছে ।।" away; the double danda listed with that anchor must still not be fixed after it
    text = read(SEED).replace("রয়েছে।।", "রয়েছে ।।", 1)
    listed = load(f"* [[{SEED_TITLE}]] | T001 | রয়েছে ।। |").for_page(SEED_TITLE)
    out = fix_page(text, SEED_TITLE, profile, gaz, exceptions=listed)
    assert "রয়েছে।। এর পাশাপাশি" in out.text
    assert out.codes == ["L003", "L007", "T003"] and [f.code for f in out.suppressed] == ["T001"]
    assert "T001" not in {f.code for f in out.remaining}


def test_moved_follows_offsets_through_edits():
    from bot.edits import Edit
    from bot.fixes import moved

    edits = [Edit(2, 3, ""), Edit(5, 5, "xy"), Edit(8, 10, "z")]
    assert [moved(p, edits, True) for p in (0, 2, 3, 4, 5, 6, 8, 9, 10, 12)] == [0, 2, 2, 3, 6, 7, 9, 9, 8 + 2, 12]
    assert [moved(p, edits, False) for p in (3, 5, 10)] == [2, 4, 10]


def test_lint_dump_with_an_exceptions_file(tmp_path):
    from test_dump import write_dump

    dump = write_dump(tmp_path / "d.xml", [(SEED_TITLE, 0, [read(SEED)])])
    listing = tmp_path / "ex.txt"
    listing.write_text(f"* [[{SEED_TITLE}]] | L007\n", "utf-8")  # no anchor: both L007 findings
    proc = subprocess.run([sys.executable, "-m", "bot.cli", "lint", "--dump", str(dump), "--jobs", "1",
                           "--exceptions", str(listing), "--format", "json"],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert list(validator_for(load_schema("report")).iter_errors(doc)) == []
    page, = doc["pages"]
    assert [(f["code"], f["line"]) for f in page["suppressed"]] == [("L007", 3), ("L007", 13)]
    assert doc["summary"]["suppressed"] == 2 and doc["summary"]["findings"] == 8


def test_propose_from_files_and_dump_never_fixes_a_listed_finding(tmp_path):
    from test_dump import write_dump

    listing = tmp_path / "ex.txt"
    listing.write_text(PAGE, "utf-8")
    dump = write_dump(tmp_path / "d.xml", [(SEED_TITLE, 0, [read(SEED)])])
    for source in ([str(SEED)], ["--dump", str(dump), "--jobs", "1"]):
        bundle = tmp_path / "b.json"
        proc = subprocess.run([sys.executable, "-m", "bot.cli", "propose", *source, "--exceptions", str(listing),
                               "-o", str(bundle)], capture_output=True, text=True, cwd=ROOT)
        assert proc.returncode == 0, proc.stderr
        assert proc.stderr.count("relbot: warning: ") == 3  # the malformed lines 5-7, once each
        entry, = json.loads(bundle.read_text("utf-8"))["entries"]
        assert sorted(r["code"] for r in entry["rules"]) == ["L003", "L007"], source
        assert not [ln for ln in entry["diff"].splitlines() if ln[:1] in "+-" and "রয়েছে" in ln]
    proc = subprocess.run([sys.executable, "-m", "bot.cli", "propose", "--wiki", "--exceptions", str(listing),
                           "-o", str(tmp_path / "w.json")], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 2
    assert proc.stderr == ("relbot: error: --exceptions is for files and --dump: with --wiki the exceptions "
                           "page itself is read\n")


def test_commented_out_and_example_lines_are_not_entries():
    page = ("<pre>\n* [[Page]] | CODE | anchor | note\n</pre>\n"
            "<!-- switched off:\n* [[ক]] | T001\n-->\n"
            "* [[খ]] | T001 <!-- a note in a comment --> | x\n"
            "<nowiki>* [[গ]] | T002</nowiki>\n"
            "* [[ঘ]] | T003\n"
            "<!-- never closed\n* [[ঙ]] | T004\n")
    listed = load(page)
    assert [(e.title, e.code, e.anchor, e.line) for e in listed.entries] == [("খ", "T001", "x", 7), ("ঘ", "T003", "", 9)]
    assert listed.malformed == []
