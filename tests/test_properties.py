"""Property tests: parsing round-trips with exact spans, and lint never raises, on
wikitext-like pages built from real fixture pieces, markup fragments and broken variants."""

import os
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.parse import parse
from bot.validate import validate
from conftest import FIXTURES, read

SOURCES = [read(p) for p in sorted(FIXTURES.rglob("*.wikitext")) if p.stat().st_size]
# pieces of real pages: lines and sentences of the fixtures
LINES = sorted({line for text in SOURCES for line in text.splitlines() if line.strip()})
FRAGMENTS = [
    "{{", "}}", "[[", "]]", "{|", "|}", "|", "=", "==", "\n", "<ref>", "</ref>", "<ref name=\"a\" />",
    "<ref name=a>", "<!--", "-->", "<nowiki>", "</nowiki>", "'''", "''", "।", "।।", "৷", " ।", "১৯৯২",
    "1992", "\u09df", "য়", "[[ঢাকা]]য়", "[[বাকু]]তে", "বুয়েনোস আইরেস-এ", "দূতাবাস", "হাই কমিশন",
    "{{সূত্র তালিকা}}", "<references />", "== তথ্যসূত্র ==", "==ইতিহাস==", "=== ক ===", "= x =",
    "[[বিষয়শ্রেণী:বাংলাদেশের দ্বিপাক্ষিক সম্পর্ক]]", "[[Category:X]]", "[[File:a.jpg|থাম্ব|ক]]",
    "[http://example.org ক]", "https://example.org/1", "&nbsp;", "<b>", "</b>", "<div>", "{{{1|x}}}",
    "<!-- relbot: ignore E003 -->", "{{তথ্যছক দ্বিপাক্ষিক সম্পর্ক|x|বাংলাদেশ|ভুটান|mission1=ঢাকায় দূতাবাস}}",
]
piece = st.one_of(st.sampled_from(LINES), st.sampled_from(FRAGMENTS), st.text(max_size=12))
pages = st.lists(piece, max_size=30).map("".join)
titles = st.sampled_from(["বাংলাদেশ–ভুটান সম্পর্ক", "আজারবাইজান-আর্জেন্টিনা সম্পর্ক", "বাংলাদেশের বৈদেশিক সম্পর্ক",
                          "ক–খ সম্পর্ক", "X"])
# CI runs a few hundred examples; a deep run: RELBOT_EXAMPLES=10000 python3 -m pytest tests/test_properties.py
EXAMPLES = int(os.environ.get("RELBOT_EXAMPLES", "150"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(pages)
def test_parse_round_trips_with_exact_spans(text):
    if "\x00" in text:  # refused by design, see test_nul_is_refused
        return
    p = parse(text)
    assert str(p.tree) == text
    for node in p.nodes:
        s, e = p.span(node)
        assert text[s:e] == str(node)


@SETTINGS
@given(pages, titles)
def test_lint_never_raises_and_spans_are_in_range(build, text, title):
    art = build(text, title)
    findings = validate(art)
    assert art.status in ("checked", "skipped")
    for f in findings:
        assert 0 <= f.start <= f.end <= len(text)
        j = f.to_json(art)
        assert j["line"] >= 1 and j["column"] >= 1
        if f.fix:  # an edit may sit outside its finding (a moved section), never outside the page
            for edit in f.fix.edits:
                assert 0 <= edit.start <= edit.end <= len(text), (f.code, edit, len(text))
    if art.status == "checked":  # the compiled policy screen agrees with jsonschema branch by branch
        from test_rules import _branch_verdicts

        assert all(fast == full for fast, full in _branch_verdicts(art))


@SETTINGS
@given(st.lists(st.sampled_from(LINES), min_size=1, max_size=40).map("\n".join))
def test_sentences_map_back_to_source(build, text):
    art = build(text, "বাংলাদেশ–ভুটান সম্পর্ক")
    if art.status != "checked":
        return
    for sent in art.sentences:
        src = re.sub(r"\[\[(?:[^|\]]*\|)?([^\]]*)\]\]", r"\1", text[sent.start:sent.end])  # link text + trail
        # the projection drops markup, never prose: every word of the sentence is in its source span
        for word in re.findall(r"[\u0980-\u09ff]+", sent.text):
            assert word in src, (word, src)


def test_nul_is_refused(build):
    art = build("ক\x00খ", "বাংলাদেশ–ভুটান সম্পর্ক")
    assert (art.status, art.reason) == ("skipped", "unparseable")
