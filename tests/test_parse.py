"""Spans: the text at every span equals what the node prints; the bracket scan; hostile input."""

import time

import pytest
from mwparserfromhell.nodes import Tag, Template, Wikilink

from bot.parse import ParseRefused, parse, scan_brackets
from conftest import CORPUS, FIXTURES, read

FIXTURE_FILES = sorted(p for p in FIXTURES.rglob("*.wikitext") if p.stat().st_size)
CORPUS_FILES = sorted(CORPUS.glob("*.wikitext"))[::10] if CORPUS.exists() else []


def assert_spans_exact(text):
    p = parse(text)
    assert str(p.tree) == text
    assert p.span(p.tree) == (0, len(text))
    checked = 0
    for node in p.tree.ifilter(recursive=True):
        s, e = p.span(node)
        assert text[s:e] == str(node), (type(node).__name__, str(node)[:80])
        checked += 1
        # sub-wikicode spans too: template names, parameter values, link parts, tag contents
        subs = []
        if isinstance(node, Template):
            subs = [node.name] + [q.value for q in node.params] + [q.name for q in node.params if q.showkey]
        elif isinstance(node, Wikilink):
            subs = [node.title] + ([node.text] if node.text is not None else [])
        elif isinstance(node, Tag) and node.contents is not None and not node.self_closing:
            subs = [node.contents]
        for sub in subs:
            s, e = p.span(sub)
            assert text[s:e] == str(sub)
    return checked


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_fixture_spans_exact(path):
    assert assert_spans_exact(read(path)) > 0


@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: p.stem)
def test_corpus_spans_exact(path):
    assert assert_spans_exact(read(path)) > 100


def test_tricky_markup_spans():
    text = ("{{a|b=[[c|d]]|  e = {{f}} |{{{1|x}}}}}<ref name=\"n\" group = g >x</ref><ref name=m/>"
            "<!-- c --> '''b''' ''i'' [http://x.org t] [http://y.org] &nbsp; {|\n|a||b\n|}\n"
            "== h ==\n<nowiki>{{x</nowiki><ref >y</ref >[[চিত্র:a.jpg|থাম্ব|[[l]]]]")
    assert_spans_exact(text)


def test_line_and_column_count_code_points():
    text = "আজারবাইজান\nবাকু {{x}}"
    p = parse(text)
    node = p.tree.filter_templates()[0]
    s, e = p.span(node)
    span = p.json_span(s, e)
    assert (span["line"], span["column"], span["end_line"], span["end_column"]) == (2, 6, 2, 11)


def test_bracket_scan_pairs_and_reports():
    assert scan_brackets("{{a|{{b}}}} [[x|[[y]]]] {{{1}}}").unmatched == []
    scan = scan_brackets("ab {{x| [[y]] ")
    assert [(b.kind, b.start, b.opener) for b in scan.unmatched] == [("template", 3, True)]
    scan = scan_brackets("x ]] y\n{|\n|a\n")
    kinds = sorted((b.kind, b.opener) for b in scan.unmatched)
    assert kinds == [("link", False), ("table", True)]
    # comments and nowiki hide brackets
    assert scan_brackets("<!-- {{ --> <nowiki>[[</nowiki> {{ok}}").unmatched == []


def test_hostile_unterminated_templates_refused_fast():
    text = "{{a|b " * 8000  # 48 KB: mwparserfromhell alone takes tens of seconds
    t = time.perf_counter()
    with pytest.raises(ParseRefused):
        parse(text)
    assert time.perf_counter() - t < 1.0


def test_few_unterminated_templates_still_parse():
    text = "ক {{a|b " * 3 + "খ। " * 20000
    p = parse(text)
    assert str(p.tree) == text
