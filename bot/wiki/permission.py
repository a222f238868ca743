"""May the bot edit this page? {{bots}}/{{nobots}}, the profile's in-use templates, and the
page's protection against the account's rights — decided before any save is tried."""

from __future__ import annotations

import mwparserfromhell

from ..profile import Profile, name_key


def edit_block(text, profile: Profile, username: str) -> str | None:
    """Why the bot must not edit this text (a string, or its already parsed tree), or None.
    Implements {{bots}}/{{nobots}} (allow=/deny= lists, all/none) and the profile's in-use templates."""
    bots = {name_key(n) for n in profile.data["bots_templates"]}
    in_use = profile.in_use_keys
    user = name_key(username)
    tree = mwparserfromhell.parse(text) if isinstance(text, str) else text
    for tpl in tree.filter_templates():
        key = name_key(str(tpl.name))
        if key in in_use:
            return f"in use ({{{{{str(tpl.name).strip()}}}}})"
        if key not in bots:
            continue
        nobots = key == name_key(profile.data["bots_templates"][-1])
        params = {str(p.name).strip().lower(): [v.strip() for v in str(p.value).split(",")] for p in tpl.params}
        allow, deny = params.get("allow"), params.get("deny")
        names = lambda vals: {name_key(v) for v in vals if v}  # noqa: E731
        if nobots and allow is None and deny is None:
            return "{{nobots}}"
        if allow is not None:
            if "none" in allow or not ({"all"} & set(allow) or user in names(allow)):
                return "{{bots}} does not allow this bot"
        if deny is not None:
            if "all" in deny or user in names(deny):
                return "{{bots}} denies this bot"
    return None


def protection_block(page, account) -> str | None:
    """``protected (edit=sysop)`` when the page's edit protection is beyond the account's rights,
    else None. Uses the protection preloaded with the page (bot.wiki.site.preload); a page read
    without it is left to the save to find out."""
    protection = getattr(page, "_protection", None)
    if not protection or account.may_edit(protection):
        return None
    level, expiry = protection["edit"]
    until = "" if expiry in (None, "infinity", "infinite") else f", until {expiry}"
    return f"protected (edit={level}{until})"
