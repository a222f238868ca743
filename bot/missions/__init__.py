"""Mission facts (who has which mission where): the shared :class:`Fact` and one grammar per language.

``bn`` reads Bengali sentences (case suffixes carry the roles), ``en`` English ones (word order
carries them). A profile names its grammar (``missions.grammar``), else its language decides.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass


@dataclass(slots=True)
class Fact:
    sender: str | None
    host_city: str | None  # as written
    host_city_id: str | None
    host_country: str | None
    kind: str
    source: str  # infobox | prose
    start: int  # source span of the sentence or parameter value
    end: int
    has_ref: bool
    year: int | None
    param: str | None = None
    status: str = "present"  # absent: the text says there is no such mission (closed, denied, served from elsewhere)

    def to_json(self, span) -> dict:
        return {"sender": self.sender, "host_city": self.host_city, "host_city_id": self.host_city_id,
                "host_country": self.host_country, "kind": self.kind, "source": self.source,
                "param": self.param, "span": span(self.start, self.end), "has_ref": self.has_ref,
                "year": self.year}


def grammar_name(profile) -> str:
    """Which sentence reader a profile uses: ``missions.grammar``, else its language."""
    return profile.data["missions"].get("grammar") or ("en" if profile.lang == "en" else "bn")


def grammar(profile):
    """The grammar module (``bot.missions.bn`` or ``bot.missions.en``) of a profile."""
    return importlib.import_module(f"{__name__}.{grammar_name(profile)}")


def mention_re(profile):
    """What a sentence worth reading for missions holds: bn also finds mission words with a typing
    slip (``typo_bases``), en its mission words."""
    if grammar_name(profile) == "bn":
        return grammar(profile).mention_re(profile)
    return profile.mission_kind_re


def prose_facts(sentences, profile, gaz, text: str | None = None, pair: tuple[str, ...] = ()) -> list[Fact]:
    """Facts from an article's sentences, read by the profile's grammar; ``text``: the prose
    projection they come from (bn reads a pronoun's country from the sentence before); ``pair``:
    the title's two countries (bn reads ``উভয় দেশে পরস্পরের দূতাবাস`` as both missions)."""
    if grammar_name(profile) == "bn":
        return grammar(profile).prose_facts(sentences, profile, gaz, text, pair)
    return grammar(profile).prose_facts(sentences, profile, gaz)


def absent_facts(sentences, profile, gaz, text: str | None = None, pair: tuple[str, ...] = ()) -> list[Fact]:
    """The missions the sentences say do not exist (``status`` absent): closed, denied, or a
    sender served from elsewhere (``… নয়াদিল্লি থেকে বাংলাদেশের দায়িত্ব পালন করেন``); bn only."""
    if grammar_name(profile) == "bn":
        return grammar(profile).prose_facts(sentences, profile, gaz, text, pair, status="absent")
    return []


def infobox_fact(value, sender, host, profile, gaz, start, end, param) -> Fact | None:
    """The mission an infobox parameter names (``sender``/``host``: the slot's countries), read by
    the profile's grammar: bn reads the value like prose, en keeps the slot's sender."""
    return grammar(profile).infobox_fact(value, sender, host, profile, gaz, start, end, param)
