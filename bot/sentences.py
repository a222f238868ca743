"""A mission written as a sentence of the wiki (``[[বাকু]]তে আর্জেন্টিনার একটি দূতাবাস রয়েছে।``), for
proposing the facts another wiki states and this one lacks.

The words come from the profile (``missions.sentence``, the kinds' first names), the gazetteer
(the sender's genitive, the city's name) and :mod:`bot.locatives` (the city's locative); the
city's name is linked, its case ending after the link as bnwiki writes it (``[[ঢাকা]]য়``,
``[[বুয়েনোস আইরেস]]-এ``).
"""

from __future__ import annotations

from .locatives import locative
from .profile import nfc


def mission_sentence(sender: str, city_id: str, kind: str, profile, gaz) -> str | None:
    """The sentence for ``sender``'s mission of ``kind`` in the city ``city_id``; None when the
    profile has no sentence, the kind is ``other`` (no one word names it), or the gazetteer
    lacks the sender's genitive or the city's name."""
    spec = profile.data["missions"].get("sentence")
    genitive, name = gaz.genitive(sender), gaz.name(city_id)
    if spec is None or kind == "other" or not genitive or not name:
        return None
    loc = locative(city_id, gaz, profile.lang)
    in_city = f"[[{name}]]{loc[len(name):]}" if loc.startswith(name) else loc
    return nfc(spec.format(in_city=in_city, sender=genitive, kind=profile.data["missions"]["kinds"][kind][0]))
