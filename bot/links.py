"""URLs of a wiki page from the wiki's base URL (profile ``wiki.base_url``): the article, its
edit page (at a section), its history and the diff from a revision to the current one.

Titles are encoded the way MediaWiki writes them (``wfUrlencode``): spaces become ``_`` and
every other character but a few safe ones is percent-encoded, so a title can never end a URL
or add a query parameter.
"""

from __future__ import annotations

from urllib.parse import quote, urlencode

_SAFE = ";:@$!*(),/~"  # what MediaWiki leaves unencoded in a title


def _title(title: str) -> str:
    return quote(title.strip().replace(" ", "_"), safe=_SAFE)


def _index(base: str, title: str, **params) -> str:
    query = urlencode({k: v for k, v in params.items() if v is not None})
    return f"{base.rstrip('/')}/w/index.php?title={_title(title)}&{query}"


def article(base: str, title: str) -> str:
    return f"{base.rstrip('/')}/wiki/{_title(title)}"


def edit(base: str, title: str, section=None) -> str:
    """The edit page; ``section``: MediaWiki's section number (0 the lead, 1 the first heading)."""
    return _index(base, title, action="edit", section=section)


def history(base: str, title: str) -> str:
    return _index(base, title, action="history")


def diff(base: str, title: str, oldid) -> str:
    """The diff from revision ``oldid`` to the page's current revision."""
    return _index(base, title, diff="cur", oldid=oldid)
