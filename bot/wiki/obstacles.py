"""What stands between a held page and its save, and whether it is still there.

A page the wiki refused (bot.wiki.save) or that is protected beyond the account's rights is held
at its revision: it is not tried again until the page changes or the obstacle does. The obstacle
is kept with the page's standing as a *mark* of its state when the page was held:

==============  ==========================================  ===========================================
cause           what it is                                  its mark
==============  ==========================================  ===========================================
protected       the page's edit protection                  the level (``edit=sysop``), "" when none
abusefilter     one AbuseFilter filter                      its status and last change
spam-blacklist  MediaWiki:Spam-blacklist                    the page's revision (0: no page)
title-blacklist MediaWiki:Titleblacklist                    the page's revision
captcha         the account's ``skipcaptcha`` right         whether it has it
==============  ==========================================  ===========================================

A run with held pages asks for every mark in one request (one more for each further 50 protected
pages, 500 with apihighlimits; none without held pages, so a run with nothing held costs nothing
more) and reads again the pages whose obstacle changed.
"""

from __future__ import annotations

import re

PAGES = {"spam-blacklist": "MediaWiki:Spam-blacklist", "title-blacklist": "MediaWiki:Titleblacklist"}


def cause_of(outcome: str, reason: str) -> dict | None:
    """The obstacle a held outcome names (``{"cause": …, …}``), or None for a hold no one on the
    wiki can lift but by editing the page ({{nobots}}, in use, the content guard, cosmetic)."""
    if outcome == "blocked" and reason.startswith("protected"):
        return {"cause": "protected"}
    if outcome != "wiki-refused":
        return None
    if reason.startswith("AbuseFilter"):
        found = re.match(r"AbuseFilter filter (\d+)", reason)
        return {"cause": "abusefilter", "filter": int(found.group(1)) if found else None}
    for cause, words in (("spam-blacklist", "spam blacklist"), ("title-blacklist", "title blacklist"),
                         ("captcha", "CAPTCHA")):
        if reason.startswith(words):
            return {"cause": cause}
    return None


def marks(site, account, obstacles: list[tuple[str, dict]]) -> list[str | None]:
    """The current mark of each (page title, obstacle), from one request a batch of titles (none
    when no obstacle needs the wiki). None: the mark cannot be known (an AbuseFilter without a
    filter id)."""
    from .changes import query

    titles = sorted({t for t, o in obstacles if o["cause"] == "protected"}
                    | {PAGES[o["cause"]] for _, o in obstacles if o["cause"] in PAGES})
    filters = any(o["cause"] == "abusefilter" for _, o in obstacles)
    pages, filter_rows = {}, {}
    size = 500 if site.has_right("apihighlimits") else 50  # titles a request may name
    for i in range(0, max(len(titles), 1 if filters else 0), size):
        params = {}
        if titles:
            params |= {"titles": titles[i:i + size], "prop": "info", "inprop": "protection"}
        if filters and i == 0:
            params |= {"list": "abusefilters", "abfprop": "id|status|lastedittime", "abflimit": "max"}
        lists: dict = {}
        found, _ = query(site, lists, **params)
        pages |= {p["title"]: p for p in found}
        filter_rows |= {f["id"]: f for f in lists.get("abusefilters", [])}
    out = []
    for title, o in obstacles:
        cause = o["cause"]
        if cause == "protected":
            levels = [p["level"] for p in pages.get(title, {}).get("protection", []) if p["type"] == "edit"]
            out.append(f"edit={levels[0]}" if levels else "")
        elif cause in PAGES:  # the wiki answers with its own name of the namespace (মিডিয়াউইকি:…)
            name = PAGES[cause].split(":", 1)[1]
            page = next((p for p in pages.values() if p.get("ns") == 8 and p["title"].split(":", 1)[1] == name), {})
            out.append(str(page.get("lastrevid", 0)))
        elif cause == "abusefilter":
            row = filter_rows.get(o.get("filter"))
            out.append(None if o.get("filter") is None else
                       f"{_filter_status(row)}@{row.get('lastedittime')}" if row else "gone")
        elif cause == "captcha":
            out.append("skipcaptcha" if "skipcaptcha" in account.rights else "")
        else:
            out.append(None)
    return out


def _filter_status(row: dict) -> str:
    return "deleted" if "deleted" in row else "enabled" if "enabled" in row else "disabled"
