"""The English counterpart pages of wiki articles, read live: one job, reading in batches.

For ``relbot crosscheck --wiki``: the English site (the Bengali site's family at code ``en``,
or one named ``family:code``), the Bengali pages' English language links (``prop=langlinks``
with ``lllang=en``, one request per batch of pages) and the English pages themselves
(``prop=revisions`` with their text, redirects followed by the API in the same request, one
request per batch of titles). A batch is 50 titles, or the site's limit when the account has
``apihighlimits``; a reply cut short by the wiki's result size is continued (one more request).

pywikibot is imported only inside functions: it reads its configuration at import.
"""

from __future__ import annotations

from ..counterpart import EnglishPages, titles_to_read
from ..gazetteer import Gazetteer
from .site import WikiError, _one_line, batch_size


def english_site(site, explicit: str | None = None):
    """The English wiki: ``explicit`` (``family:code``), else the site's family at code ``en``."""
    import pywikibot

    family, code = explicit.split(":", 1) if explicit and ":" in explicit else (site.family.name, explicit or "en")
    try:
        return pywikibot.Site(code, family)
    except Exception as exc:  # an unknown code or family, in pywikibot's many shapes
        raise WikiError(f"no English wiki {family}:{code} ({_one_line(exc)})") from None


def _batches(items: list, size: int):
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _query(site, params: dict) -> list[dict]:
    """Every reply of one query (continued while the wiki says so), formatversion 2."""
    from pywikibot.data import api

    replies, params = [], dict(params, action="query", formatversion=2)
    while True:
        data = api.Request(site=site, parameters=params).submit()
        replies.append(data)
        more = data.get("continue")
        if not more:
            return replies
        params = {**params, **more}


def language_links(site, titles: list[str], lang: str = "en") -> dict[str, str]:
    """Bengali title -> the title of its ``lang`` language link, for the titles that have one."""
    out: dict[str, str] = {}
    for batch in _batches(list(dict.fromkeys(titles)), batch_size(site)):
        for data in _query(site, {"prop": "langlinks", "lllang": lang, "lllimit": "max", "titles": batch}):
            names = _names(data)
            for page in data.get("query", {}).get("pages", ()):
                for link in page.get("langlinks", ()):
                    if link.get("lang") == lang and link.get("title"):
                        out[names.get(page["title"], page["title"])] = link["title"]
    return out


def _names(data: dict) -> dict[str, str]:
    """The title the wiki answers with -> the title asked for (normalisation undone)."""
    return {n["to"]: n["from"] for n in data.get("query", {}).get("normalized", ())}


def read_pages(site, titles: list[str]) -> EnglishPages:
    """The English pages of ``titles`` that exist, redirects followed (a redirect is kept as
    ``#REDIRECT [[target]]`` under the title asked for, so :class:`EnglishPages` follows it)."""
    pages = EnglishPages()
    for batch in _batches(list(dict.fromkeys(titles)), batch_size(site)):
        for data in _query(site, {"prop": "revisions", "rvprop": "content", "rvslots": "main",
                                  "redirects": 1, "titles": batch}):
            query = data.get("query", {})
            for r in query.get("redirects", ()):
                pages.add_text(r["from"], f"#REDIRECT [[{r['to']}]]")
            for n in query.get("normalized", ()):
                pages.add_text(n["from"], f"#REDIRECT [[{n['to']}]]")
            for page in query.get("pages", ()):
                revs = page.get("revisions")
                if page.get("missing") or not revs:
                    continue
                pages.add_text(page["title"], revs[0]["slots"]["main"].get("content", ""))
    return pages


def counterparts(site, en, pairs: dict[str, tuple[str, str]]) -> EnglishPages:
    """The English pages of the wiki's bilateral articles: ``pairs`` maps each article's title to
    its two country codes. Their language links are asked in batches; a linked page is the pair's
    bilateral page (``EnglishPages.links``), else both bilateral titles are asked; and always
    both Foreign relations pages, every title once, in batches."""
    links = language_links(site, list(pairs), en.code)
    gaz_en = Gazetteer.load("en")
    titles, pair_links = [], {}
    for title, codes in pairs.items():
        link = links.get(title)
        if link:
            pair_links[frozenset(codes)] = link
        titles += titles_to_read(gaz_en, *codes, link)
    english = read_pages(en, titles)
    english.links.update(pair_links)
    return english


class RequestCounter:
    """The HTTP requests pywikibot makes (every answer, retries included), by wiki
    (``host:port``), from :meth:`start` until :meth:`stop` — the hook ``run`` counts with."""

    def __init__(self):
        self.by_host: dict[str, int] = {}
        self._hook = None

    def start(self) -> "RequestCounter":
        from urllib.parse import urlsplit

        from pywikibot.comms import http

        def hook(response, *args, **kwargs):
            host = urlsplit(response.url).netloc
            self.by_host[host] = self.by_host.get(host, 0) + 1

        self._hook = hook
        http.session.hooks.setdefault("response", []).append(hook)
        return self

    def stop(self) -> None:
        from pywikibot.comms import http

        hooks = http.session.hooks.get("response", [])
        if self._hook in hooks:
            hooks.remove(self._hook)

    def of(self, site) -> int:
        return self.by_host.get(site.family.hostname(site.code), 0)
