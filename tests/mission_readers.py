"""What the whole pipeline reads from one Bengali sentence, for the grammar rounds' tests
(``bot.facts.facts_for`` / ``absent_for`` on a one-line page under a bilateral title)."""

from __future__ import annotations

from bot import facts as F

NEUTRAL = "আইসল্যান্ড–ফিজি সম্পর্ক"  # a pair no sentence of the rounds' tests names


def prose(text, profile, gaz, title=NEUTRAL) -> set[tuple]:
    """{(sender, host city as written, host country, kind)} of the sentence's prose facts."""
    return {(f["sender"], f["host_city"], f["host_country"], f["kind"])
            for f in F.facts_for(text + "\n", title, profile, gaz) if f["source"] == "prose"}


def absent(text, profile, gaz, title=NEUTRAL) -> set[tuple]:
    """{(sender, host country)} of the missions the sentence says do not exist."""
    return {(a["sender"], a["host_country"]) for a in F.absent_for(text + "\n", title, profile, gaz)}
