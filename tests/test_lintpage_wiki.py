"""The lint page's edit links against a real MediaWiki (the sandbox): a finding's section number
is the one MediaWiki gives the heading above it, on every real bnwiki article of the fixtures."""

from __future__ import annotations

from bot.lintpage import section_starts
from realpages import articles
from wiki_fixtures import http


def mediawiki_sections(sb, title: str, text: str) -> list[tuple[str, int]]:
    """(index, offset) of the page's own sections, as MediaWiki's parser numbers them (sections
    from transcluded templates, ``T-1``…, are not the page's). The API calls the offset
    ``byteoffset``, but on these pages it counts code points (a heading after Bengali text stands
    at the same number as in Python's str), so it compares with our offsets directly."""
    r = http().post(sb.api, data={"action": "parse", "format": "json", "formatversion": "2", "title": title,
                                  "text": text, "prop": "sections", "contentmodel": "wikitext"}, timeout=60)
    r.raise_for_status()
    return [(s["index"], s["byteoffset"]) for s in r.json()["parse"]["sections"]
            if not str(s["index"]).startswith("T-")]


def test_section_numbers_match_mediawiki(wiki):
    pages = articles()
    compared = with_sections = headings = 0
    wrong = []
    for title, text in pages:
        ours = [(str(i + 1), start) for i, start in enumerate(section_starts(text))]
        theirs = mediawiki_sections(wiki, title, text)
        compared += 1
        with_sections += bool(theirs)
        headings += len(theirs)
        if ours != theirs:
            wrong.append((title, ours[:6], theirs[:6]))
    assert compared == len(pages) == 269 and with_sections > 250 and headings > 3000
    assert wrong == [], wrong[:3]
