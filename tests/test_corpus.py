"""All 196 real English Wikipedia "Foreign relations of X" pages (fixtures/enwiki): exact round
trip with exact spans, and lint and fix never raise — with the bn profile, under their own title
(not bilateral) and under a bilateral one."""

import pytest

from bot.fixes import fix_page
from bot.parse import parse
from bot.validate import validate
from conftest import CORPUS, read

PAGES = sorted(CORPUS.glob("*.wikitext"))


def test_the_corpus_is_there():
    assert len(PAGES) == 196


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.stem)
def test_corpus_page(path, build, profile, gaz):
    text = read(path)
    p = parse(text)
    assert str(p.tree) == text
    for node in p.nodes[:: max(1, len(p.nodes) // 400)]:  # spans, sampled along the page
        s, e = p.span(node)
        assert text[s:e] == str(node)
    own = build(text, path.stem.replace("_", " "))
    assert own.status == "skipped" and own.reason == "not-bilateral"
    art = build(text, "ভারত–বাংলাদেশ সম্পর্ক")
    assert art.status == "checked"
    for f in validate(art):
        assert 0 <= f.start <= f.end <= len(text)
    out = fix_page(text, "ভারত–বাংলাদেশ সম্পর্ক", profile, gaz, unsafe=True, layout=True)
    assert out.status == "checked" and out.refused is None
