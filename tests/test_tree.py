"""The fast tree builder (bot.tree) against the reference: ``mwparserfromhell.parse`` for the
tree and the span walk of bot.parse for the spans, object by object."""

import mwparserfromhell
import pytest
from hypothesis import given
from mwparserfromhell.wikicode import Wikicode

from bot import tree as fast
from bot.parse import Parsed, parse
from conftest import CORPUS, FIXTURES, read
from test_properties import SETTINGS, pages

FIXTURE_FILES = sorted(p for p in FIXTURES.rglob("*.wikitext") if p.stat().st_size)
CORPUS_FILES = sorted(CORPUS.glob("*.wikitext"))


def _pairs(a, b, out):
    """(reference object, fast object) for every object of the two trees, in the same order."""
    out.append((a, b))
    if isinstance(a, Wikicode):
        for x, y in zip(a.nodes, b.nodes):
            _pairs(x, y, out)
    elif isinstance(a, list):
        for x, y in zip(a, b):
            _pairs(x, y, out)
    elif hasattr(a, "__dict__"):
        for key in vars(a):
            _pairs(vars(a)[key], vars(b)[key], out)
    return out


def assert_same_as_reference(text: str) -> int:
    built = fast.build(text)
    assert built is not None, "the fast builder fell back"
    ref = mwparserfromhell.parse(text)
    assert fast.same_tree(built.tree, ref)
    walked = Parsed(text, ref)  # the reference span walk
    assert [type(n) for n in walked.nodes] == [type(n) for n in built.nodes]
    checked = 0
    for x, y in _pairs(ref, built.tree, []):
        if id(x) in walked._pos:
            assert built.pos[id(y)] == walked._pos[id(x)], (type(x).__name__, str(x)[:60])
            assert built.tags.get(id(y)) == walked._tags.get(id(x))
            checked += 1
    assert len(built.pos) == len(walked._pos)  # nothing recorded that the walk does not record
    return checked


def test_fast_path_is_on():
    assert fast._enabled


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_fixtures_build_as_the_reference(path):
    assert assert_same_as_reference(read(path)) > 0


@pytest.mark.parametrize("path", CORPUS_FILES[::4], ids=lambda p: p.stem)
def test_corpus_builds_as_the_reference(path):
    assert assert_same_as_reference(read(path)) > 100


def test_tricky_markup_builds_as_the_reference():
    assert_same_as_reference(
        "{{a|b=[[c|d]]|  e = {{f}} |{{{1|x}}}|=|x=y=z}}<ref name=\"n\" group = g >x</ref><ref name=m/>"
        "<ref name='q'>s</ref><ref  name = \"a b\"  >t</ref ><!-- c --> '''b''' ''i'' '''''bi''''' "
        "[http://x.org t] [http://y.org] http://z.org &nbsp; &#65; &#x41; &#X41; {|\n|+ c\n|-\n"
        "! a !! b\n| style=\"x\" | c || d\n|}\n== h ==\n=== h3 ===\n<nowiki>{{x</nowiki>"
        "[[চিত্র:a.jpg|থাম্ব|[[l]]]]\n* a\n# b\n; c : d\n----\n<br> <br/> </br> <hr /> <div class=x>"
        "</div> <span style=\"a\" title='b' data-x>c</span>")


@SETTINGS
@given(pages)
def test_random_pages_build_as_the_reference_or_fall_back(text):
    if "\x00" in text:
        return
    if fast.build(text) is None:  # allowed: the reference path takes over (see below)
        assert parse(text).text == text
        return
    assert_same_as_reference(text)


def test_same_tree_notices_a_difference():
    a, b = mwparserfromhell.parse("<ref name=a>x</ref>"), mwparserfromhell.parse("<ref name=a>x</ref>")
    assert fast.same_tree(a, b)
    b.nodes[0].attributes[0].quotes = '"'
    assert not fast.same_tree(a, b)
    c = mwparserfromhell.parse("{{a|b}}")
    c.nodes[0].params[0].showkey = True
    assert not fast.same_tree(c, mwparserfromhell.parse("{{a|b}}"))


def test_unexpected_tokens_fall_back_to_the_reference_path(monkeypatch):
    text = "ক {{খ|গ}} [[ঘ]]"
    monkeypatch.delitem(fast._HANDLERS, mwparserfromhell.parser.tokens.TemplateOpen)
    assert fast.build(text) is None
    p = parse(text)  # the reference path: mwparserfromhell.parse and the span walk
    assert str(p.tree) == text
    tpl = p.tree.filter_templates()[0]
    assert p.src(tpl) == "{{খ|গ}}" and p.src(tpl.params[0].value) == "গ"


def test_self_check_turns_the_fast_path_off_when_trees_differ(monkeypatch):
    assert fast._self_check()

    def wrong_comment(self, tok, at):  # a builder that disagrees with mwparserfromhell
        node, end = original(self, tok, at)
        node._contents = node._contents.upper()
        return node, end

    original = fast._Builder.comment
    monkeypatch.setitem(fast._HANDLERS, mwparserfromhell.parser.tokens.CommentStart, wrong_comment)
    assert not fast._self_check()


def test_collector_state_is_restored():
    import gc

    assert gc.isenabled()
    fast.build("{{a}}")
    assert gc.isenabled()
    gc.disable()
    try:
        fast.build("{{a}}")
        assert not gc.isenabled()  # a caller's own choice is kept
    finally:
        gc.enable()


def test_a_page_leaves_no_cyclic_garbage(profile, gaz):
    """Articles, findings and fix outcomes are freed by reference counting as soon as they are
    dropped: the cycle collector (paused while a page is worked on) has nothing to clean up."""
    import gc

    from bot.fixes import fix_page
    from bot.report import lint_entry
    from conftest import SEED, title_of

    text, title = read(SEED), title_of(SEED)
    fix_page(text, title, profile, gaz, unsafe=True, layout=True)  # warm caches
    gc.collect()
    gc.disable()
    try:
        lint_entry(text, title, "seed", profile, gaz)
        assert gc.collect() == 0
        out = fix_page(text, title, profile, gaz, unsafe=True, layout=True)
        assert out.changed
        del out
        assert gc.collect() == 0
    finally:
        gc.enable()


def test_paused_call_restores_the_collector():
    import gc

    assert fast.paused_call(gc.isenabled) is False
    assert gc.isenabled()
