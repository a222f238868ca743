"""The locative of a city as Bengali Wikipedia writes it (``ঢাকায়``, ``দিল্লিতে``, ``লন্ডনে``), for
sentences relbot proposes about missions (``বাকুতে আর্জেন্টিনার একটি দূতাবাস রয়েছে।``).

``data/locatives.bn.json`` holds the whole locative of cities whose bnwiki spelling the rule does
not give, and the rule: the case ending by the name's last letter. Nothing here is Bengali
grammar in code: the endings are data.
"""

from __future__ import annotations

import functools
import json
import unicodedata
from pathlib import Path

_DATA = Path(__file__).with_name("data")


@functools.lru_cache(maxsize=None)
def _data(lang: str) -> dict:
    return json.loads((_DATA / f"locatives.{lang}.json").read_text("utf-8"))


def _bengali(ch: str) -> bool:
    return "\u0980" <= ch <= "\u09ff"


def locative(place: str, gaz=None, lang: str = "bn") -> str:
    """The locative of ``place``: a gazetteer city id (``BD:dhaka``) or a name as written
    (``ঢাকা``). ``gaz``: the wiki's gazetteer (bot.gazetteer), to name an id and to find the id of
    a name that has a listed locative; without it a name takes the rule."""
    data = _data(lang)
    cid = place if ":" in place and place.split(":", 1)[0].isupper() else None
    if cid is None and gaz is not None:
        city = gaz.city(place)
        cid = city.id if city is not None else None
    if cid is not None and cid in data["cities"]:
        return data["cities"][cid]
    name = place if cid is None or cid != place else (gaz.name(cid) if gaz is not None else None)
    if not name:
        raise ValueError(f"no name for {place!r}: give the gazetteer")
    name = unicodedata.normalize("NFC", name.strip())
    last = name[-1]
    if last == ".":
        return name + data["abbreviation"]
    if not _bengali(last):
        return name + data["not_bengali"]
    for n in range(min(3, len(name)), 0, -1):
        ending = data["endings"].get(name[-n:])
        if ending is not None:
            return name + ending
    return name + data["default"]
