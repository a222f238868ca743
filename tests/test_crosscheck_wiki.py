"""MediaWiki judges E003's fix with English pages (issue #23): the seed with the references of
Foreign relations of Argentina brought home, and its reference list made (L003's safe fix), is
rendered by a local MediaWiki with Cite (action=parse, never saved; the citation templates are the
oracle's working copies, fixtures/oracle/templates, which show a citation's title and URL).
"""

from __future__ import annotations

import html
import re

import pytest

import oracle
from bot import sandbox
from bot.cli import english_pages
from bot.fixes import fix_page
from conftest import CORPUS, SEED, read, title_of

AR_TITLE = "Representaciones argentinas en el exterior - Embajada en El Salvador"
AR_URL = "https://esalv.cancilleria.gob.ar/representaciones/repre/1022"
AZ_TITLE = "Embajada de la República de Azerbaiyán en Buenos Aires"
AZ_URL = "http://buenosaires.mfa.gov.az/es"


@pytest.fixture(scope="module")
def cite_wiki(tmp_path_factory, network_guard):
    missing = sandbox.missing_packages()
    if missing:
        pytest.fail(sandbox.missing_message(missing), pytrace=False)
    folder = tmp_path_factory.mktemp("crosscheck-wiki")
    try:
        sb = sandbox.install(folder, 0)
        sandbox.seed(sb, oracle.template_pages())
        yield sandbox.serve(sb)
    finally:
        sandbox.stop(folder)


def test_the_references_brought_home_render_as_two_footnotes(cite_wiki, profile, gaz):
    text, title = read(SEED), title_of(SEED)
    out = fix_page(text, title, profile, gaz, unsafe=True, select=["E003", "L003"], english=english_pages([CORPUS]))
    assert out.codes == ["E003", "L003"] and out.refused is None
    before = oracle.visible(oracle.render(cite_wiki.api, text, title).html)
    assert before.reflists == [] and before.errors == []
    seen_html = oracle.render(cite_wiki.api, out.text, title).html
    seen = oracle.visible(seen_html)
    assert seen.errors == []  # no Cite error
    assert not seen.auto_reflist and seen.lists_before == 1  # the page's own list, {{সূত্র তালিকা}}
    # two footnotes, each cited by two sentences (its two backlinks, in Bengali digits)
    assert seen.reflists == [(f"↑ ১.০ ১.১ {AR_TITLE} {AR_URL}", f"↑ ২.০ ২.১ {AZ_TITLE} {AZ_URL}")]
    # the reader sees four footnote marks in the prose: 1, 2, 2, 1
    marks = re.findall(r'<sup id="cite_ref-(.+?)_(\d+)-(\d+)" class="reference">', html.unescape(seen_html))
    assert marks == [("esalv.cancilleria.gob.ar", "1", "0"), ("buenosaires.mfa.gov.az", "2", "0"),
                     ("buenosaires.mfa.gov.az", "2", "1"), ("esalv.cancilleria.gob.ar", "1", "1")]
