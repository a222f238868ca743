"""The Bengali grammar of mission facts: prose sentences and infobox values.

A sentence with a mission word (``দূতাবাস``, ``হাই কমিশন`` …) is split into one clause
per mission word. In each clause the host city is a city mention (its country is the
host country), else a country in the locative case; the sending country is the
genitive country nearest before the mission word that is not the host, else a
nominative country, else any other country. ``আজারবাইজানের রাজধানী বাকুতে
আর্জেন্টিনার একটি দূতাবাস রয়েছে`` gives (AR, Baku, AZ, embassy).
"""

from __future__ import annotations

from ..gazetteer import Gazetteer, PlaceMatch
from ..profile import Profile, nfc
from . import Fact


def _digits_value(s: str, local_digits: str) -> int:
    table = {ord(d): str(i) for i, d in enumerate(local_digits)}
    return int(s.translate(table))


def clause_facts(text: str, profile: Profile, gaz: Gazetteer, opening_ok: bool = True):
    """Yield (kind, sender, city_match, host_country) for each mission word in ``text``."""
    kinds = list(profile.mission_kind_re.finditer(text))
    if not kinds:
        return
    places = gaz.find(text)
    prev_end = 0
    for i, km in enumerate(kinds):
        kind = profile.mission_kind(km.group())
        clause_end = kinds[i + 1].start() if i + 1 < len(kinds) else len(text)
        clause = [p for p in places if prev_end <= p.start < clause_end]
        if not clause:  # fall back to the whole sentence ("… সেখানে তাদের দূতাবাস")
            clause = places
        prev_end = km.end()
        yield kind, *_roles(clause, km.start())


def _roles(places: list[PlaceMatch], kind_at: int):
    cities = [p for p in places if p.place.kind == "city"]
    countries = [p for p in places if p.place.kind == "country"]
    city = next((c for c in cities if c.case == "locative"), cities[0] if cities else None)
    host = city.place.country if city else None
    if host is None:
        loc = next((c for c in countries if c.case == "locative"), None)
        host = loc.place.id if loc else None
    others = [c for c in countries if c.place.id != host]
    sender = None
    before = [c for c in others if c.case == "genitive" and c.start < kind_at]
    if before:
        sender = before[-1].place.id
    else:
        nominative = [c for c in others if c.case == "nominative"]
        pick = nominative or [c for c in others if c.case != "locative"] or others
        sender = pick[0].place.id if pick else None
    return sender, city, host


def prose_facts(sentences, profile: Profile, gaz: Gazetteer) -> list[Fact]:
    digits = profile.text["digits"]
    out = []
    for sent in sentences:
        if not profile.mission_kind_re.search(sent.text):
            continue
        year = None
        if profile.opening_re.search(sent.text):
            m = profile.year_re.search(sent.text)
            if m:
                year = _digits_value(m.group(1), digits)
        for kind, sender, city, host in clause_facts(sent.text, profile, gaz):
            if sender is None and host is None:
                continue
            out.append(Fact(sender, city.surface[: city.stem_end - city.start] if city else None,
                            city.place.id if city else None, host, kind, "prose",
                            sent.start, sent.end, sent.has_ref, year))
    return out


def infobox_fact(value: str, sender: str | None, host: str | None, profile: Profile, gaz: Gazetteer,
                 start: int, end: int, param: str) -> Fact | None:
    """The mission named by an infobox parameter: country1's mission in country2 for mission1."""
    text = nfc(value).strip()
    if not text:
        return None
    m = profile.mission_kind_re.search(text)
    kind = profile.mission_kind(m.group()) if m else "other"
    city = next((p for p in gaz.find(text) if p.place.kind == "city"), None)
    host_country = city.place.country if city else host
    return Fact(sender, city.surface[: city.stem_end - city.start] if city else None,
                city.place.id if city else None, host_country, kind, "infobox", start, end,
                False, None, param)
