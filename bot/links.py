"""Links into a wiki: an article, its edit page (at a section), its history, a diff.

``base`` is the profile's ``wiki.base_url`` (``https://bn.wikipedia.org``: Wikimedia's layout,
articles at ``/wiki/Title`` and ``/w/index.php``), or a mapping ``{"base_url", "script",
"article_path"}`` for a wiki laid out otherwise (a sandbox serves ``/index.php`` at its root;
``propose --wiki`` records the site's own paths from its siteinfo).

Titles are written as MediaWiki writes them (``wfUrlencode``): spaces as underscores, UTF-8
percent-encoded, with ``&``, ``?``, ``#``, ``+``, ``=`` and ``%`` encoded, so a Bengali title or
one holding ``&`` reaches the right page.
"""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import quote

WIKIMEDIA = {"script": "/w/index.php", "article_path": "/wiki/$1"}
SAFE = ";@$!*(),/~:"  # what MediaWiki's wfUrlencode leaves as is


def title_part(title: str) -> str:
    return quote(str(title).strip().replace(" ", "_"), safe=SAFE)


def _parts(base) -> tuple[str, str, str]:
    if isinstance(base, Mapping):
        url = str(base["base_url"]).rstrip("/")
        return url, base.get("script") or WIKIMEDIA["script"], base.get("article_path") or WIKIMEDIA["article_path"]
    return str(base).rstrip("/"), WIKIMEDIA["script"], WIKIMEDIA["article_path"]


def _index(base, title: str, query: str) -> str:
    url, script, _ = _parts(base)
    return f"{url}{script}?title={title_part(title)}&{query}"


def article(base, title: str) -> str:
    url, _, path = _parts(base)
    return url + path.replace("$1", title_part(title))


def edit(base, title: str, section: int | None = None) -> str:
    return _index(base, title, "action=edit" + (f"&section={int(section)}" if section is not None else ""))


def history(base, title: str) -> str:
    return _index(base, title, "action=history")


def diff(base, title: str, oldid: int) -> str:
    """From revision ``oldid`` to the page's current revision."""
    return _index(base, title, f"diff=cur&oldid={int(oldid)}")


def site_base(site) -> dict:
    """The link base of a pywikibot site, from its siteinfo (server, script, articlepath)."""
    info = site.siteinfo
    server = str(info["server"])
    if server.startswith("//"):
        server = "https:" + server
    return {"base_url": server, "script": str(info["script"]), "article_path": str(info["articlepath"])}


def heading_starts(text: str) -> list[int]:
    """Where the page's sections start, in order: MediaWiki numbers them 1, 2, … (``&section=N``).
    Headings inside templates, comments or tags are not sections, so only top-level ones count."""
    import mwparserfromhell

    starts, pos = [], 0
    for node in mwparserfromhell.parse(text).nodes:
        if isinstance(node, mwparserfromhell.nodes.Heading):
            starts.append(pos)
        pos += len(str(node))
    return starts


def section_at(starts: list[int], offset: int) -> int:
    """The section number holding ``offset`` (``starts`` from :func:`heading_starts`); 0 the lead."""
    from bisect import bisect_right

    return bisect_right(starts, offset)
