"""Which pages a scheduled run must read: the profile's default generators, incrementally.

The default generators (``-catr:``/``-cat:`` a category, ``-transcludes:`` the infobox) name a
set of pages. Walking it costs a request per category of the tree, so the walk is cached in the
state (page ids, titles, latest revision ids, the tree's category titles) and renewed only on
the first run, with ``--full``, or when older than the profile's ``membership_max_age_days``.
Between walks one ``generator=recentchanges`` query since the last answer's wiki timestamp tells
which members changed, joined or left, whether the category tree changed (then the tree alone is
walked again) and whether the infobox template changed (then its transclusions are listed again).

A page is read when its latest revision is not the one the state has for the run's scope, so an
interrupted run, a dry run before an apply, or a failed save lose nothing: the selection is
always "members not checked at their latest revision", and the query only keeps that list true.
"""

from __future__ import annotations

import itertools
import time
from datetime import datetime, timedelta, timezone

from ..profile import Profile
from ..state import State
from .site import preload

META_KEY = "membership"
#: Re-read this much recent-changes history before the stored timestamp: the wiki may list a
#: change a little after its timestamp (deferred updates, replica lag).
MARGIN = timedelta(minutes=5)
DEFAULT_MAX_AGE_DAYS = 7


def plan(profile: Profile) -> dict | None:
    """The default generators as ``{"root": category, "recurse": bool, "template": name}``, or None
    when they contain anything this module cannot follow incrementally (then the run walks them)."""
    out = {"root": None, "recurse": False, "template": None}
    for arg in profile.data["bot"]["default_generators"]:
        name, _, value = arg.partition(":")
        if name in ("-catr", "-cat") and out["root"] is None and value:
            out["root"], out["recurse"] = value, name == "-catr"
        elif name == "-transcludes" and out["template"] is None and value:
            out["template"] = value
        else:
            return None
    return out if out["root"] or out["template"] else None


def select_pages(site, profile: Profile, state: State, scope: str, full: bool = False,
                 every: bool = False, first: set[int] = frozenset()):
    """(preloaded pages, how many) to read: members whose latest revision ``scope`` has not
    checked (``every``: all members), the page ids in ``first`` (pending saves, held pages whose
    obstacle was lifted: read even when checked) before the rest.
    Refreshes the cached membership first, as cheaply as it can."""
    spec = plan(profile)
    if spec is None:
        raise ValueError("the profile's default generators cannot be followed incrementally")
    namespaces = list(profile.data["bot"]["namespaces"])
    root = _title(site, spec["root"], 14) if spec["root"] else None
    template = _title(site, spec["template"], 10) if spec["template"] else None
    key = {"site": str(site), "root": root, "recurse": spec["recurse"], "template": template,
           "namespaces": namespaces}
    cache = state.get_meta(META_KEY)
    max_age = profile.data["bot"].get("membership_max_age_days", DEFAULT_MAX_AGE_DAYS) * 86400
    if full or not cache or cache.get("key") != key or time.time() - cache["walked"] > max_age:
        cache = _walk(site, key)
    else:
        _follow_changes(site, key, cache)
    state.set_meta(META_KEY, cache)
    chosen = sorted((title, int(pid)) for pid, (title, rev, _, _) in cache["pages"].items()
                    if every or int(pid) in first or state.checked_rev(int(pid), scope) != rev)
    # pending pages in a batch of their own: the wiki answers a batch in its own order
    early = [c for c in chosen if c[1] in first]
    late = [c for c in chosen if c[1] not in first]
    return itertools.chain(_preloaded(site, early), _preloaded(site, late)), len(chosen)


# -- reading the wiki ------------------------------------------------------------------------------

def _title(site, name: str, ns: int) -> str:
    import pywikibot

    return pywikibot.Page(site, name, ns=ns).title()


def query(site, lists: dict | None = None, **params) -> tuple[list[dict], str | None]:
    """One API query with its continuations: the pages (merged across continuations, their
    ``categories``/``templates`` lists joined) and the wiki's time of the first answer; the rows
    of ``list=`` modules are added to ``lists`` (by module) when it is given."""
    from pywikibot.data import api

    params = {"action": "query", "formatversion": 2, "curtimestamp": 1, **params}
    pages: dict = {}
    stamp, cont = None, {}
    while True:
        # POST: the category list may be long, and pywikibot would otherwise ask the wiki's
        # paraminfo first to learn whether GET is allowed
        data = api.Request(site=site, parameters=params | cont, use_get=False).submit()
        stamp = stamp or data.get("curtimestamp")
        for name, rows in data.get("query", {}).items():
            if lists is not None and name not in ("pages", "normalized", "redirects") and isinstance(rows, list):
                lists.setdefault(name, []).extend(rows)
        for page in data.get("query", {}).get("pages", []):
            known = pages.setdefault(page.get("pageid") or page["title"], {})
            for k, v in page.items():
                if isinstance(v, list):
                    known.setdefault(k, []).extend(v)
                else:
                    known[k] = v
        if "continue" not in data:
            return list(pages.values()), stamp
        cont = data["continue"]


def _walk(site, key: dict) -> dict:
    """The whole membership: the category tree and the transclusions."""
    cache = {"key": key, "walked": time.time(), "since": None, "tree": [], "pages": {}}
    tree_stamp = _walk_tree(site, key, cache)
    embeds_stamp = _walk_embeds(site, key, cache)
    cache["since"] = tree_stamp or embeds_stamp  # the wiki's time before the walk began
    return cache


def _walk_tree(site, key: dict, cache: dict) -> str | None:
    """Walk the category tree (one query per category); members get ``in_tree``. Returns the
    wiki's time before the walk."""
    for entry in cache["pages"].values():
        entry[2] = False
    if not key["root"]:
        _drop_strays(cache)
        return None
    tree, todo, stamp = [key["root"]], [key["root"]], None
    while todo:
        got, now = query(site, generator="categorymembers", gcmtitle=todo.pop(0), gcmtype="page|subcat",
                         gcmnamespace=sorted(set(key["namespaces"]) | {14}), gcmlimit="max", prop="info")
        stamp = stamp or now
        for page in got:
            if page["ns"] == 14 and key["recurse"] and page["title"] not in tree:
                tree.append(page["title"])
                todo.append(page["title"])
            if page["ns"] in key["namespaces"]:
                _member(cache, page)[2] = True
    cache["tree"] = tree
    _drop_strays(cache)
    return stamp


def _walk_embeds(site, key: dict, cache: dict) -> str | None:
    """List the pages transcluding the infobox; they get ``embeds``."""
    for entry in cache["pages"].values():
        entry[3] = False
    if not key["template"]:
        _drop_strays(cache)
        return None
    (template,), stamp = query(site, titles=key["template"], prop="info")
    cache["template_rev"] = template.get("lastrevid")  # the version whose transclusions these are
    got, _ = query(site, generator="embeddedin", geititle=key["template"], geinamespace=key["namespaces"],
                   geilimit="max", prop="info")
    for page in got:
        _member(cache, page)[3] = True
    _drop_strays(cache)
    return stamp


def _member(cache: dict, page: dict) -> list:
    """The cache entry ``[title, latest revision, in_tree, embeds]`` of a page, made current."""
    entry = cache["pages"].setdefault(str(page["pageid"]), [page["title"], None, False, False])
    entry[0], entry[1] = page["title"], page.get("lastrevid")
    return entry


def _drop_strays(cache: dict) -> None:
    cache["pages"] = {pid: e for pid, e in cache["pages"].items() if e[2] or e[3]}


def _follow_changes(site, key: dict, cache: dict) -> None:
    """Bring the cache up to date from one recent-changes query (plus a walk of the tree or of
    the transclusions when the tree or the infobox template itself changed)."""
    since = datetime.strptime(cache["since"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc) - MARGIN
    tree = set(cache["tree"])
    params = {"generator": "recentchanges", "grcnamespace": sorted(set(key["namespaces"]) | {10, 14}),
              "grcdir": "newer", "grcstart": since.strftime("%Y-%m-%dT%H:%M:%SZ"), "grclimit": "max",
              "grctype": "edit|new|log", "prop": "info"}
    if key["root"]:
        params["prop"] += "|categories"
        params["cllimit"] = "max"
        # a multi-value parameter takes 50 values (500 with apihighlimits); a larger tree is
        # matched here instead, from all the changed pages' categories
        if len(tree) <= (500 if site.has_right("apihighlimits") else 50):
            params["clcategories"] = sorted(tree)
    if key["template"]:
        params |= {"prop": params["prop"] + "|templates", "tltemplates": key["template"], "tllimit": "max"}
    changed, stamp = query(site, **params)
    retree = reembed = False
    for page in changed:
        exists = "missing" not in page and "invalid" not in page
        cats = {c["title"] for c in page.get("categories", [])}
        if page["ns"] == 14 and key["recurse"]:
            inside = exists and (page["title"] == key["root"] or bool(cats & tree))
            retree |= inside != (page["title"] in tree)  # a category joined or left the tree
        if page["ns"] == 10 and page["title"] == key["template"]:
            reembed = page.get("lastrevid") != cache.get("template_rev")
        if page["ns"] not in key["namespaces"]:
            continue
        if not exists:  # deleted (or moved without a redirect): a missing page has no id
            cache["pages"] = {pid: e for pid, e in cache["pages"].items() if e[0] != page["title"]}
            continue
        pid = str(page["pageid"])
        in_tree = bool(cats & tree)
        embeds = any(t["title"] == key["template"] for t in page.get("templates", []))
        if in_tree or embeds:
            entry = _member(cache, page)
            entry[2], entry[3] = in_tree, embeds
        else:
            cache["pages"].pop(pid, None)  # it left the categories and dropped the infobox
    if retree:
        _walk_tree(site, key, cache)
    if reembed:
        _walk_embeds(site, key, cache)
    cache["since"] = stamp or cache["since"]


def _preloaded(site, chosen: list[tuple[str, int]]):
    """The chosen pages with their text and protection, in batches of 50 (the site's limit with
    apihighlimits)."""
    import pywikibot

    def pages():
        for title, pid in chosen:
            page = pywikibot.Page(site, title)
            page._pageid = pid  # asked for by page id when every page of a batch has one
            yield page

    return preload(site, pages())
