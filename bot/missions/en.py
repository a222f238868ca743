"""Mission facts from English sentences (``X has an embassy in [[Baku]]``).

English word order carries the roles that Bengali case suffixes carry, so the English
reader takes each mission word (the profile's ``missions.kinds``) as the head of a small
phrase:

* the host: ``in``/``at`` and a list of places after the word — ``embassies in A, B and
  C``, ``in Canberra, Australia`` (a country after a city qualifies it), ``in Port of
  Spain (Trinidad and Tobago)``, ``consulates in Bulgaria (in Sofia and Varna)``, ``the
  embassy of China was established in Vilnius``; a mission word with no host of its own
  shares the next one (``an embassy and a consulate in Y``);
* the sender: ``of X`` right after the word (``the Embassy of Japan in …``), a country
  or its demonym right before it (``Brazil's embassy``, ``the Kenya High Commission``,
  ``the Israeli embassy``), else the subject of the clause: the nearest country before the
  word that a verb such as ``has``/``maintains``/``opened``/``is accredited`` follows
  (``Colombia is accredited to New Zealand from its embassy in Canberra, Australia and
  maintains a consulate-general in Auckland``: Colombia twice), else a country that opens
  the sentence. A subject pronoun (``It also has …``) stands for the sender of the
  sentence just before;
* nothing when the clause denies, ends or only plans the mission (``does not have``,
  ``closed``, ``plans to open``, ``until 1990``);
* the year, when the clause dates an opening (the profile's ``opening_words``).

Place names come from the gazetteer; a capitalised name it does not know still counts as a
host city (as written, with no id), so that the gazetteer's coverage can be measured.
Demonyms come from the curated gazetteer file (``demonyms``) when it has them. The grammar
words below are English by nature, as the case suffixes in the Bengali gazetteer data are
Bengali: they belong to this reader, not to the wiki profile.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from babel import Locale

from ..gazetteer import Gazetteer, PlaceMatch, _curated, _key
from ..profile import Profile, nfc
from ..prose import Sentence
from . import Fact

# -- grammar words -------------------------------------------------------------------------

#: Verbs after a sending country (``X has …``), ``is accredited``/``is represented`` too.
_VERB = (r"(?:has|have|had|having|maintains?|maintained|maintaining|operates?|operated|operating"
         r"|runs|ran|running|keeps|kept|opened|opens|opening|re-?opened|re-?opens|re-?opening"
         r"|established|establishes|establishing|re-?established|set up|sets up|setting up"
         r"|upgraded|upgrades|inaugurated|inaugurates|moved|relocated|transferred|raised|elevated"
         r"|converted|built|acquired|develops|developed|conducts|conducted|manages|managed|closed|closes|shut"
         r"|withdrew|suspended|sent|sends|appointed|accredits|accredited|named|designated|chose|decided"
         r"|(?:is|are|was|were|has been|have been|had been|being)\s+(?:also\s+|now\s+|currently\s+|only\s+)?"
         r"(?:accredited|represented|served|covered))")
#: Words that may stand between the subject and its verb.
_ADVERBS = (r"(?:also|now|currently|still|only|too|likewise|additionally|further|furthermore"
            r"|presently|formerly|previously|later|since|then|meanwhile|in addition|itself|themselves"
            r"|subsequently|eventually|finally|first|recently|already|officially|both|each|however"
            r"|similarly|soon|once|again|therefore|thus)")
_SUBJECT_AFTER = re.compile(
    r"(?:\s*\([^()]{0,60}\))?(?:\s*,[^,;]{1,60},)?(?:\s+" + _ADVERBS + r",?)*\s+" + _VERB + r"\b", re.I)
#: Subject pronouns that stand for the sender of the sentence before.
_PRONOUN = re.compile(r"(?<![\w-])(?:it|they|the country|the government|the state|the kingdom"
                      r"|the republic)(?:\s+" + _ADVERBS + r",?)*\s+" + _VERB + r"\b", re.I)
#: A country that receives rather than sends (``Azerbaijan hosts …``).
_HOSTING_VERB = re.compile(r"\s+(?:hosts|hosted|houses|housed|is home to|receives|received|has received)\b",
                           re.I)
#: What may open a sentence before its subject (``In 2010, the …``).
_OPENER = re.compile(r"[\s*#:;'\"(\[]*(?:(?:in|by|since|on|from|after|during|following|until|as of|"
                     r"in addition|additionally|also|currently|today|now|later|however|meanwhile)\b"
                     r"[^,;]{0,40},\s*)*(?:the\s+)?$", re.I)
#: Between a determiner and a mission word (``its new resident embassy``).
_MODIFIER = (r"(?:a|an|the|its|their|his|her|one|two|three|four|five|six|seven|eight|nine|ten|several"
             r"|many|numerous|some|new|first|second|own|only|full|full-fledged|fully-fledged|fully"
             r"|resident|non-resident|permanent|separate|additional|other|further|current|present"
             r"|respective|official|joint|main|sole|small|large|big|honorary|vice|[0-9]+)")
_MODIFIERS_BEFORE = re.compile(r"(?:\b" + _MODIFIER + r"\s+)*$", re.I)
_MODIFIERS_AFTER = re.compile(r"(?:\s+" + _MODIFIER + r"\b)*\s+", re.I)
#: A capitalised word just before the mission word that names no known country (``the Honduran embassy``).
_UNKNOWN_ADJECTIVE = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]*$")
#: An unknown subject between a known one and the mission word (``… and ROC has an embassy``).
_OTHER_SUBJECT = re.compile(r"(?<![\w'’.-])([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*)(?:\s+" + _ADVERBS + r",?)*\s+"
                            r"(?:has|have|had|maintains?|maintained|operates?|operated|opened|is represented"
                            r"|is accredited)\b")
#: The clause denies, ends or only plans the mission.
_NEGATION = re.compile(
    r"\b(?:not|no|never|without|neither|nor|closed?|closes|closing|closure|shut|shuts|shutting"
    r"|withdr[ae]wn?|withdraws|suspended|suspends|evacuated|downgraded|abolished|lacks?|lacked"
    r"|will|would|shall|plans?|planned|planning|intends?|intended|proposed|proposes|expected|hopes?"
    r"|considers?|considering|agreed|announced|decided|may|might|could|should|wants?|wanted|seeks?"
    r"|sought|requested|asked|bid|attempt(?:s|ed)?|tried|tries|future|former|formerly|sacked|attacked"
    r"|stormed|burned|torched|bombed|seized|terminated|severed|expelled)\b|n't\b", re.I)
#: A closure or an end stated after the host (``… in Tripoli was closed in 2012``, ``until 1990``).
_CLOSED_AFTER = re.compile(
    r"\s*,?\s*(?:(?:until|till)\b|(?:which\s+|that\s+)?(?:(?:was|were|has been|have been|had been|is|are)\s+)?"
    r"(?:\w+ly\s+)?(?:closed|shut|suspended|terminated|evacuated|withdrawn|downgraded|attacked|stormed)\b"
    r"|[^.;]{0,30}?\b(?:was|were|has been|have been|had been|is|are)\s+(?:\w+ly\s+|later\s+|also\s+)?"
    r"(?:closed|shut|suspended|terminated|evacuated|withdrawn|downgraded|attacked|stormed)\b)", re.I)
#: Words that turn a mission word into something else (UNHCR).
_NOT_MISSION_BEFORE = re.compile(r"(?:Nations|UN)\s*$")
_NOT_MISSION_AFTER = re.compile(r"\s*(?:for|on)\s+(?:Refugees|Human Rights)", re.I)


def _date(months: list[str]) -> str:
    month = "|".join(re.escape(m) for m in months) + "|" + "|".join(re.escape(m[:3]) + r"\.?" for m in months)
    return (r"(?:(?:early|late|mid|the\s+end\s+of|the\s+beginning\s+of)[\s-]+)?(?:[0-9]{1,2}(?:st|nd|rd|th)?\s+)?"
            r"(?:(?:" + month + r")\s+)?(?:[0-9]{1,2}(?:st|nd|rd|th)?,?\s+)?[0-9]{4}s?")


_OPEN_PASSIVE = (r"(?:located|based|situated|headquartered|housed|opened|re-?opened|established|re-?established"
                 r"|inaugurated|set up|moved|relocated|founded)")
_LIST_SEP = re.compile(r"(?:\s*,\s*(?:and\s+|as well as\s+|&\s+)?|\s+and\s+|\s+as well as\s+|\s*&\s*)"
                       r"(?:(?:also\s+)?(?:in|at)\s+)?(?:the\s+(?:city|cities|capital|town)\s+(?:of\s+)?)?", re.I)
_QUALIFIER_COMMA = re.compile(r"\s*,\s*")
_QUALIFIER_PAREN = re.compile(r"\s*\(\s*(?:in\s+)?")
_INNER_LIST = re.compile(r"\s*\(\s*(?:(?:in|at)\s+)?|\s+(?:are|is|were|was)\s+(?:located\s+|based\s+)?(?:in|at)\s+",
                         re.I)
_CLOSURE_WORD = re.compile(r"\b(?:closed?|closes|closing|shut|shuts|shutting|suspended|suspends)\b", re.I)
#: A closed mission reopened later in its sentence (``closed its embassy in Dhaka … and reopened it
#: in January 2003``): open again, as the sentence ends.
_REOPENED_AFTER = re.compile(r"[^.;]*?\b(?:and|but|then|later)\s+(?:was\s+|were\s+|has\s+been\s+|had\s+been\s+)?"
                             r"(?:later\s+|subsequently\s+)?re-?opened\b", re.I)
#: An elliptical mission (``followed by Bangladesh setting up their own in Bangkok``): the kind named
#: before in the sentence, the sender the country right before the verb, the host after ``in``.
_OWN = re.compile(r"\b(?:setting\s+up|set\s+up|sets\s+up|opening|opened|opens|establishing|established)\s+"
                  r"(?:their|its|her|his)\s+own\s+(?:one\s+)?(?=in\s|at\s)", re.I)
#: Between a list's hosted mission and the next mission word (``…, a consulate``), and a linked place
#: right after that word (``a consulate [[İzmir]]``)
_LIST_ITEM = re.compile(r"\s*,\s*(?:and\s+)?(?:" + _MODIFIER + r"\s+)*", re.I)
_BARE_LINK = re.compile(r"\s+(?=[^\W\d_])")
_CONJUNCTION = re.compile(r"\s*,?\s*(?:and|or|nor|as well as|&)\s+(?:" + _MODIFIER + r"\s+)*", re.I)
_SHARED_HOST = re.compile(r"\s+(?:and|or|as well as|&)\s+(?:" + _MODIFIER + r"\s+)*$", re.I)
#: A capitalised place name the gazetteer does not know (``Gyumri``, ``Dar es Salaam``, ``Der ez-Zor``).
_CAP = r"(?:[A-Z][\w'’.\-]*|[a-z]{1,3}-[A-Z][\w'’.\-]*)"
_NAME = re.compile(
    r"(?:[A-Z][\w'’.\-]*|'s-[A-Z][\w\-]*)(?:\s+(?:(?:de|da|do|dos|das|del|della|di|des|du|la|le|les|el|al|es"
    r"|ez|ad|ar|as|az|ul|of|the|upon|on|am|an|der|im|sur|en|y|i|e)\s+)*" + _CAP + r")*")
_NEXT_IS_VERB = re.compile(r"\s+(?:" + _ADVERBS + r",?\s+)*" + _VERB + r"\b", re.I)
_NEXT_IS_PLACE_PHRASE = re.compile(r"\s+(?:in|at)\s+[A-Z]")
_CLAUSE_MARK = re.compile(r"[;:]")
_CLAUSE_START = re.compile(r"(?:[;:]|,\s*(?:and|but)|\b(?:while|whereas|although|though))\s+(?:the\s+)?$", re.I)
_ANY_VERB_AFTER = re.compile(r"\s+(?!(?:from|in|to|with|and|or|through|via|by|for|of|at|on|as|which|that|who"
                             r"|where|whose|the|a|an|its|their|is|are|was|were)\b)[a-z]{3,}(?:s|ed)\b")
_BOTH = re.compile(r"\b(?:both|the two|each|all)(?:\s+of\s+the)?\s+(?:countries|nations|states|governments|sides)\b"
                   r"|\bboth\s+(?:have|had|maintain|established|opened)\b", re.I)
#: What may follow an unknown name in a list of places (not "… and Jean Van den Bosch became …").
_AFTER_UNKNOWN_ITEM = re.compile(r"\s*(?:$|[,.;:)\]]|\(|\s(?:and|or|as well as|in|at|respectively|since|until"
                                 r"|which|where|with|from|to)\b)", re.I)

# Sentence ends: a mark and a space, unless the word before is an abbreviation or an initial.
_END = re.compile(r"[.!?]+[\"'’”)\]]*")
_ABBREV = frozenset("st mr mrs ms dr jr sr no nos gen col lt capt sgt rev hon prof mt ft vs co inc ltd corp "
                    "approx ca c e.g i.e sen rep gov amb adm maj brig cf fig op vol pp al".split())


@dataclass(slots=True)
class Mention:
    """One fact read from a sentence; offsets are into the sentence text."""

    kind: str
    sender: str | None
    city: str | None  # as written
    city_id: str | None
    country: str | None
    year: int | None
    at: int  # the host name
    end: int
    kind_at: int


@dataclass(slots=True)
class _Loc:
    start: int
    end: int  # after the name and its qualifier
    name_end: int
    name: str
    place: object  # Place | None
    qualifier: str | None  # country code of ", Country" / "(Country)"


class Grammar:
    """The English reader for one profile and gazetteer (one per pair, cached)."""

    def __init__(self, profile: Profile, gaz: Gazetteer):
        self.profile, self.gaz = profile, gaz
        kinds = profile.data["missions"]["kinds"]
        self.kinds = {}
        for kind, names in kinds.items():
            for n in names:
                self.kinds.setdefault(_word_key(n), kind)
        words = sorted({nfc(w) for names in kinds.values() for w in names}, key=len, reverse=True)
        alt = "|".join(re.escape(w).replace(r"\ ", r"\s+").replace(r"\-", r"[\s\-]") for w in words)
        self.kind_re = re.compile(r"(?<![\w\-])(?:" + alt + r")(?![\w\-])", re.I)
        opening = sorted(profile.data["missions"]["opening_words"], key=len, reverse=True)
        self.opening_re = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in opening) + r")\b", re.I)
        self.year_re = profile.year_re
        date = _date(profile.text["months"])
        self.host_lead = re.compile(
            r"\s*(?:\(\s*)?,?\s*(?:(?:which|that)\s+(?:is|was|were|are|has been|had been)\s+"
            r"|(?:is|was|were|are|has been|had been|have been)\s+)?(?:\w+ly\s+)?"
            r"(?:" + _OPEN_PASSIVE + r"\s+(?:(?:on|in)\s+" + date + r",?\s+)?)?"
            r"(?:in|at)\s+(?:" + date + r",?\s+(?:in|at)\s+)?(?:both\s+|each\s+of\s+)?"
            r"(?:(?:the\s+)?(?:(?:capital|port|coastal|main|largest|second|commercial)\s+)?"
            r"(?:city|cities|capital|town|towns)(?:\s+of)?,?\s+)?", re.I)
        self.year_opener = re.compile(r"\b(?:in|on|by|since|during|from)\s+(" + date + r"),?\s*(?:when\s+|as\s+)?"
                                      r"(?:the\s+)?$", re.I)
        self.year_leading = re.compile(r"[\W_]*(?:in|on|by|during)\s+(" + date + r"),", re.I)
        self.of_sender = re.compile(r"\s+(?:of|from)\s+(?:the\s+)?", re.I)
        self.attached_year = re.compile(
            r"\s*,?\s*(?:\(\s*)?(?:(?:which|that)\s+)?(?:(?:was|were|had been|has been)\s+)?(?:\w+ly\s+)?"
            r"(?:(?:" + "|".join(re.escape(w) for w in opening) + r")\s+)?(?:in|on|since|by|during|from)\s+"
            r"(" + date + r")\s*\)?,?", re.I)
        loc = Locale.parse("en")
        self.not_names = frozenset(
            [m.casefold() for m in profile.text["months"]]
            + [v.casefold() for k, v in loc.territories.items() if k.isdigit()]
            + [d.casefold() for d in loc.days["format"]["wide"].values()]
            + "the a an it its their this that these those there both each all many several some other "
              "his her he she they we our list see".split())
        demonyms = _curated(gaz.lang).get("demonyms", {}) if gaz.lang == "en" else {}
        self.demonym = {_key(d).casefold(): cc for cc, ds in demonyms.items() for d in ds}
        self.demonym_re = (re.compile(r"(?<![\w-])(?:" + "|".join(
            re.escape(d) for d in sorted({d for ds in demonyms.values() for d in ds}, key=len, reverse=True))
            + r")(?![\w-])") if demonyms else None)

    def kind_of(self, word: str) -> str:
        return self.kinds[_word_key(word)]

    # -- places ----------------------------------------------------------------------------
    def _loc_at(self, text: str, p: int, places: dict[int, PlaceMatch], links=None) -> _Loc | None:
        """The place named at ``p`` (a gazetteer match or an unknown capitalised name); a link
        whose text names a place with its region (``[[Burlingame, California]]``) is one place."""
        loc = self._loc_at_text(text, p, places)
        if loc is not None and links:
            for s, e, _ in links:
                if s in (p, loc.start) and e > loc.end and "," in text[loc.end:e] \
                        and (loc.place is None or loc.place.kind == "city"):
                    # the city as named, the region after it read as part of the same place
                    return _Loc(loc.start, e, loc.name_end, loc.name, loc.place or self.gaz.city(text[s:e]), None)
        return loc

    def _loc_at_text(self, text: str, p: int, places: dict[int, PlaceMatch]) -> _Loc | None:
        m = places.get(p)
        if m is None and text.startswith(("the ", "The "), p):
            m = places.get(p + 4)
        if m is not None:
            if m.case == "genitive":  # "in Azerbaijan's capital": the country is the host
                return _Loc(m.start, m.end, m.stem_end, text[m.start:m.stem_end],
                            self.gaz.place(m.place.country), None)
            return _Loc(m.start, m.stem_end, m.stem_end, text[m.start:m.stem_end], m.place, None)
        n = _NAME.match(text, p)
        if n is None:
            return None
        name = n.group()
        while name.endswith((".", "'", "’")):
            name = name[:-1]
        if name.endswith(("'s", "’s")):
            name = name[:-2]
        if len(name) < 2 or name.casefold() in self.not_names or name.split()[0].casefold() in self.not_names:
            return None
        if self.kind_re.search(name) or (self.demonym_re and self.demonym_re.match(name)):
            return None
        return _Loc(p, p + len(name), p + len(name), name, None, None)

    def _qualify(self, text: str, loc: _Loc, places: dict[int, PlaceMatch]) -> None:
        """Read ``, Country`` or ``(Country)`` after a city into ``loc.qualifier``."""
        if loc.place is not None and loc.place.kind == "country":
            return
        for lead in (_QUALIFIER_COMMA, _QUALIFIER_PAREN):
            q = lead.match(text, loc.end)
            if not q:
                continue
            m = places.get(q.end())
            if m is None and text.startswith(("the ", "The "), q.end()):
                m = places.get(q.end() + 4)
            if m is None or m.place.kind != "country":
                continue
            end = m.stem_end
            if lead is _QUALIFIER_PAREN:
                close = re.match(r"\s*\)", text[end:])
                if not close:
                    continue
                end += close.end()
            elif _NEXT_IS_VERB.match(text, end):  # "in Nairobi, Kenya has …": a new clause
                continue
            cc = m.place.id
            if loc.place is not None and loc.place.country != cc:
                # a list item ("in Baku, Georgia and …") unless the city has a namesake there
                other = self.gaz.city(f"{loc.name}, {m.place.name}")
                if other is not None and other.country == cc:
                    loc.place = other
                elif lead is _QUALIFIER_COMMA and self.gaz.city(loc.name) is not None \
                        and _LIST_SEP.match(text, end) and not text.startswith(",", end):
                    return
                else:
                    loc.place = None
            loc.qualifier = cc
            loc.end = end
            return

    def host_list(self, text: str, p: int, places: dict[int, PlaceMatch], links=None) -> list[_Loc]:
        """Places listed from ``p``: ``A``, ``A and B``, ``A, B, and C`` (each with a qualifier)."""
        out: list[_Loc] = []
        loc = self._loc_at(text, p, places, links)
        while loc is not None:
            self._qualify(text, loc, places)
            if out and (_NEXT_IS_VERB.match(text, loc.end)  # "… and Kenya has …": not a host
                        or text.startswith(("'", "’"), loc.end)  # "… and the Philippines' ambassador"
                        or (loc.place is None and (_NEXT_IS_PLACE_PHRASE.match(text, loc.end)
                                                   or not _AFTER_UNKNOWN_ITEM.match(text, loc.end)
                                                   # "the embassy in Fiji, Hu Lihua, said": a person
                                                   or (out[-1].place is not None
                                                       and out[-1].place.kind == "country")))
                        or self._next_is_kind(text, loc.end)):  # "… and Venezuela an embassy in …"
                break
            out.append(loc)
            if loc.place is not None and loc.place.kind == "country":
                inner = _INNER_LIST.match(text, loc.end)  # "in Bulgaria (in Sofia and Varna)"
                if inner:
                    cities = self.host_list(text, inner.end(), places, links)
                    if cities:
                        for c in cities:
                            c.qualifier = c.qualifier or loc.place.id
                        out[-1:] = cities
                        close = re.match(r"\s*\)", text[cities[-1].end:])
                        if close:
                            out[-1].end += close.end()
                        loc = out[-1]
            sep = _LIST_SEP.match(text, loc.end)
            if not sep or sep.end() == loc.end:
                break
            loc = self._loc_at(text, sep.end(), places, links)
        return out

    def _next_is_kind(self, text: str, at: int) -> bool:
        m = _MODIFIERS_AFTER.match(text, at)
        return m is not None and self.kind_re.match(text, m.end()) is not None

    # -- senders ---------------------------------------------------------------------------
    def subject_before(self, text: str, at: int, countries: list[PlaceMatch], lo: int = 0):
        """(position, code) of the clause subject before ``at``: the nearest ``Country has …``,
        a pronoun (code None), else a country that opens the sentence; (-1, None) if none."""
        best = (-1, None)
        for c in reversed(countries):
            if c.start >= at or c.start < lo:
                continue
            if c.case != "genitive":
                m = _SUBJECT_AFTER.match(text, c.stem_end)
                if m and m.end() <= at:
                    best = (c.start, c.place.id)
                    break
                # "…, while Botswana covers Russia from its embassy in …": a clause's subject
                if _CLAUSE_START.search(text, 0, c.start) and _ANY_VERB_AFTER.match(text, c.stem_end) \
                        and not _HOSTING_VERB.match(text, c.stem_end):
                    best = (c.start, c.place.id)
                    break
        for m in _PRONOUN.finditer(text, lo, at):
            if m.start() > best[0] and not any(c.start <= m.start() < c.end for c in countries):
                best = (m.start(), None)
        if best[0] < 0:
            for c in countries:
                if c.start >= at:
                    break
                if _OPENER.match(text[:c.start]) and not _HOSTING_VERB.match(text, c.stem_end):
                    best = (c.start, c.place.id)
                break
        return best

    def demonym_before(self, text: str, end: int) -> str | None:
        """The country of a demonym ending at ``end`` (``the Israeli embassy``)."""
        if self.demonym_re is None:
            return None
        m = re.search(r"([\w'’\- ]{1,40})$", text[:end])
        if not m:
            return None
        words = m.group(1)
        for i in range(len(words)):
            if (i == 0 or not words[i - 1].isalnum()) and self.demonym_re.fullmatch(words[i:]):
                return self.demonym.get(_key(words[i:]).casefold())
        return None


def _word_key(word: str) -> str:
    return " ".join(nfc(word).replace("-", " ").split()).casefold()


@lru_cache(maxsize=8)
def grammar(profile: Profile, gaz: Gazetteer) -> Grammar:
    return Grammar(profile, gaz)


def read_sentence(text: str, profile: Profile, gaz: Gazetteer, carry: str | None = None,
                  links=None) -> list[Mention]:
    """The mission facts one English sentence states, in order.

    ``carry``: the sender a subject pronoun stands for. ``links``: (start, end, target) of
    the sentence's wikilinks, when known; a host written as a link is looked up by its
    target first (``[[Mary, Turkmenistan|Mary]]``).
    """
    g = grammar(profile, gaz)
    kinds = [k for k in g.kind_re.finditer(text)
             if not _NOT_MISSION_BEFORE.search(text, 0, k.start())
             and not _NOT_MISSION_AFTER.match(text, k.end())]
    if not kinds:
        return []
    found = gaz.find(text)
    places = {m.start: m for m in found}
    countries = [m for m in found if m.place.kind == "country"]
    out: list[Mention] = []
    pending: list[tuple] = []  # kinds waiting for the next host ("an embassy and a consulate in Y")
    prev_end, prev_negated = 0, False
    for i, km in enumerate(kinds):
        if km.start() < prev_end:  # inside the previous host phrase
            continue
        kind = g.kind_of(km.group())
        clause_start = prev_end
        nxt = kinds[i + 1].start() if i + 1 < len(kinds) else len(text)
        pos = km.end()
        sender, subj_at = None, -1
        # "Embassy of Japan in …"
        of = g.of_sender.match(text, pos)
        if of:
            m = places.get(of.end())
            if m is not None and m.place.kind == "country" and m.case != "genitive":
                sender, pos = m.place.id, m.stem_end
        # "Brazil's embassy", "the Kenya High Commission", "the Israeli embassy"
        lo = max(prev_end, km.start() - 80)
        j = _MODIFIERS_BEFORE.search(text, lo, km.start()).start()
        while j > lo and text[j - 1] == " ":
            j -= 1
        if sender is None:
            adjunct = next((c for c in countries if c.end == j and j > lo), None)
            sender = adjunct.place.id if adjunct else g.demonym_before(text[lo:j], j - lo)
            if sender is not None:
                subj_at = max(lo, j - 40)
            elif _UNKNOWN_ADJECTIVE.search(text, lo, j) and j > 0:
                subj_at = j  # "the Honduran embassy": someone's, not the subject's
        if sender is None and subj_at < 0:
            clause_lo = max((m.end() for m in _CLAUSE_MARK.finditer(text, 0, km.start())), default=0)
            subj_at, sender = g.subject_before(text, km.start(), countries, clause_lo)
            if subj_at >= 0 and sender is None:
                sender = carry
            if sender is not None and _blocked(text, subj_at, km.start(), places):
                sender = None  # "Eswatini has … and ROC has an embassy": not Eswatini's
        window = subj_at if subj_at >= 0 else max(prev_end, km.start() - 50)
        lead = g.host_lead.match(text, pos)
        if lead is None and prev_end and _LIST_ITEM.fullmatch(text, prev_end, km.start()):
            # "an embassy in [[Ankara]], a consulate [[İzmir]] and …": a list item's linked place, its
            # "in" left out
            lead = _BARE_LINK.match(text, pos)
            if lead is not None and not (text[lead.end()].isupper() and any(link[0] == lead.end() for link in links or ())):
                lead = None
        hosts = g.host_list(text, lead.end(), places, links) if lead else []
        host_end = hosts[-1].end if hosts else pos
        attached = g.attached_year.match(text, host_end) if hosts else None
        after = attached.end() if attached else host_end
        between = text[prev_end:km.start()]
        negated = (bool(_NEGATION.search(text, max(window, prev_end), km.start()))
                   or bool(_CLOSED_AFTER.match(text, host_end, nxt))
                   or (prev_negated and _CONJUNCTION.fullmatch(between) is not None))
        if negated and hosts and _CLOSURE_WORD.search(text, max(window, prev_end), km.start()) \
                and _REOPENED_AFTER.match(text, host_end, nxt):
            negated = False  # closed … and reopened it
        prev_negated = negated
        year = None
        if not negated and g.opening_re.search(text, window, min(after + 40, nxt)):
            if attached:
                year = _year_of(g, attached.group(1))
            else:
                ys = list(g.year_re.finditer(text, max(window, prev_end), host_end))
                if ys:
                    year = int(ys[-1].group(1))
                else:  # "In 2010, Malta opened …"
                    m = g.year_opener.search(text, max(prev_end, window - 60), window)
                    if m is None and prev_end == 0:  # "In July 2014, the prime minister opened …"
                        m = g.year_leading.match(text)
                    year = _year_of(g, m.group(1)) if m else None
        if not hosts:
            if _SHARED_HOST.match(text[km.end():nxt]) and not negated:
                pending.append((kind, sender, km, year))
            prev_end = max(prev_end, km.end())
            continue
        prev_end = after
        for pk, psender, pkm, pyear in [*pending, (kind, sender, km, year)]:
            who = psender or sender
            if negated or who is None:
                continue
            for loc in hosts:
                m = _mention(pk, who, loc, pyear if pyear is not None else year, pkm.start(), gaz,
                             _target(links, loc))
                if m.sender == m.country:  # "… and Iceland reciprocated, opening an embassy in Copenhagen"
                    m.sender = next((c.place.id for c in reversed(countries)
                                     if clause_start <= c.start < pkm.start() and c.place.id != m.country
                                     and c.case != "genitive"), None)
                    if m.sender is None:
                        continue
                out.append(m)
        pending = []
    return _regions(text, profile, _upgraded(text, g, out + _own(text, g, kinds, places, countries, links)))


def _regions(text: str, profile: Profile, mentions: list[Mention]) -> list[Mention]:
    """A mission in a region (a consulate-general in Hong Kong) is in its country (China), the
    region named as its place (profile ``region_hosts``)."""
    regions = profile.data["missions"].get("region_hosts", {})
    return [replace(m, city=text[m.at:m.end], city_id=None, country=regions[m.country])
            if m.country in regions and m.city is None and m.sender != regions[m.country] else m
            for m in mentions]


def _own(text: str, g: Grammar, kinds, places, countries, links) -> list[Mention]:
    """Elliptical missions: ``Thailand opened its embassy in 1974 followed by Bangladesh setting up
    their own in Bangkok`` — the kind of the mission word before, the sender the country named
    right before the verb (not the host's), the host after ``in``."""
    found = []
    for m in _OWN.finditer(text):
        kind_before = [k for k in kinds if k.end() <= m.start()]
        subject = next((c for c in reversed(countries) if c.end <= m.start()), None)
        if not kind_before or subject is None or subject.case == "genitive" \
                or not re.fullmatch(r"\s*", text[subject.end:m.start()]):
            continue
        lead = g.host_lead.match(text, m.end())
        hosts = g.host_list(text, lead.end(), places, links) if lead else []
        for loc in hosts:
            mention = _mention(g.kind_of(kind_before[-1].group()), subject.place.id, loc, None, m.start(), g.gaz,
                               _target(links, loc))
            if mention.country != mention.sender:
                found.append(mention)
    return found


def _upgraded(text: str, g: Grammar, mentions: list[Mention]) -> list[Mention]:
    """A mission the sentence says was upgraded (``a deputy high commission was opened in Dhaka …
    and this was upgraded to an embassy … and then high commission``) is of the last kind named:
    the earlier ones are its past stages, not missions of their own."""
    for i, m in enumerate(mentions):
        hi = mentions[i + 1].kind_at if i + 1 < len(mentions) else len(text)
        up = re.compile(r"\b(?:was|were|been|being|is)\s+(?:later\s+|then\s+)?upgraded\s+to\s+(?:an?\s+|the\s+)?"
                        f"(?P<k>{g.kind_re.pattern})", re.I).search(text, m.end, hi)
        if up is None or re.search(r"[.;]", text[m.end:up.start()]):
            continue
        kind, pos = g.kind_of(up["k"]), up.end()
        then = re.compile(r"[^.;]*?\band\s+(?:then|later|subsequently)\s+(?:(?:(?:upgraded|developed|turned|converted)\s+)?"
                          r"(?:in)?to\s+|became\s+)?(?:an?\s+|the\s+)?(?:full(?:-|\s+)fledged\s+|full\s+)?"
                          f"(?P<k>{g.kind_re.pattern})", re.I)
        while (t := then.match(text, pos, hi)) is not None:
            kind, pos = g.kind_of(t["k"]), t.end()
        m.kind = kind
    return mentions


def _blocked(text: str, subj_at: int, kind_at: int, places: dict[int, PlaceMatch]) -> bool:
    """An unknown capitalised subject, or both countries, stand between the subject found and
    the mission word."""
    if _BOTH.search(text, subj_at + 1, kind_at):
        return True
    for m in _OTHER_SUBJECT.finditer(text, subj_at + 1, kind_at):
        words = m.group(1)
        if m.start() in places or words.split()[0].casefold() in ("it", "they", "the", "both", "each", "in"):
            continue
        if any(p.start <= m.start() < p.end for p in places.values()):
            continue
        return True
    return False


def _year_of(g: Grammar, date: str) -> int | None:
    m = g.year_re.search(date)
    return int(m.group(1)) if m else None


def _target(links, loc: _Loc) -> str | None:
    for s, e, target in links or ():
        if s == loc.start and e == loc.name_end:
            return target
    return None


def _mention(kind, sender, loc: _Loc, year, kind_at, gaz: Gazetteer, target: str | None = None) -> Mention:
    place = loc.place
    if target and (place is None or place.kind == "city") and not loc.qualifier:
        linked = gaz.city(target)
        if linked is not None:
            place = linked
        else:
            q = re.fullmatch(r".+?(?:,\s*(.+)|\s*\((.+)\))", target.strip())
            cc = gaz.country(q[1] or q[2]) if q else None
            if cc and (place is None or place.country != cc):
                place, loc.qualifier = None, cc
    if place is not None and place.kind == "country":
        return Mention(kind, sender, None, None, place.id, year, loc.start, loc.name_end, kind_at)
    city_id, country = (place.id, place.country) if place is not None else (None, None)
    if place is None:
        found = gaz.city(loc.name)
        if found is not None and (loc.qualifier is None or found.country == loc.qualifier):
            city_id, country = found.id, found.country
    if loc.qualifier and country != loc.qualifier:
        city_id, country = None, loc.qualifier
    if city_id is None and country is None:
        cc = gaz.country(loc.name)
        if cc:
            return Mention(kind, sender, None, None, cc, year, loc.start, loc.name_end, kind_at)
    return Mention(kind, sender, loc.name, city_id, country, year, loc.start, loc.name_end, kind_at)


# -- sentences -------------------------------------------------------------------------------

def split_sentences(text: str, start: int = 0, end: int | None = None, refs=()) -> list[tuple[int, int]]:
    """English sentence spans in ``text[start:end]`` (a span of one line).

    A sentence ends at ``.``/``!``/``?`` followed by a space, the end, or a ref; not after
    an initial (``D.C.``, ``U.S.``) or an abbreviation (``St.``, ``Mr.``), and not when the
    next word starts in lower case.
    """
    end = len(text) if end is None else end
    refset = set(refs)
    out, s = [], start
    for m in _END.finditer(text, start, end):
        e = m.end()
        if e < end and text[e] not in " \t\n" and e not in refset:
            continue
        rest = text[e:end].lstrip(" \t")
        if rest[:1].islower() or rest[:1] in ",;:)":
            continue
        if m.group().startswith("."):
            word = re.search(r"[\w.]*$", text[s:m.start()]).group()
            if (len(word) == 1 and word.isupper()) or "." in word or word.casefold() in _ABBREV:
                continue
        out.append((s, e))
        s = e
    if s < end:
        out.append((s, end))
    return [(a, b) for a, b in out if text[a:b].strip()]


def sentences(prose, profile: Profile, gaz: Gazetteer) -> list[Sentence]:
    """Every English sentence of each projected line that holds a mission word, in order.

    The sentences without a mission word are kept too: a pronoun (``It also has …``)
    takes its sender from the sentence before. ``prose`` is a :class:`bot.prose.Prose`.
    """
    text, refs = prose.text, prose.refs
    kind_re = grammar(profile, gaz).kind_re
    out: list[Sentence] = []
    pos = 0
    for m in kind_re.finditer(text):
        if m.start() < pos:
            continue
        ls = text.rfind("\n", 0, m.start()) + 1
        le = text.find("\n", m.end())
        le = len(text) if le < 0 else le
        lo, hi = bisect.bisect_left(refs, ls), bisect.bisect_right(refs, le)
        for s, e in split_sentences(text, ls, le, refs[lo:hi]):
            raw = text[s:e]
            s, e = s + len(raw) - len(raw.lstrip()), s + len(raw.rstrip())
            tail = e
            while tail < len(text) and text[tail] in " \t":
                tail += 1
            i = bisect.bisect_right(refs, s)
            out.append(Sentence(s, e, prose.to_source(s), prose.to_source(e, end=True),
                                i < len(refs) and refs[i] <= tail, text[s:e]))
        pos = le
    return out


def prose_facts(sentences, profile: Profile, gaz: Gazetteer) -> list[Fact]:
    """The hook for :func:`bot.missions.prose_facts`: facts from the article's sentences.

    ``sentences`` are :class:`bot.prose.Sentence` objects; a bulleted line cannot be told
    from them, so every fact is ``prose`` here (``bot.facts`` knows the lines).
    """
    out: list[Fact] = []
    carry, last_end = None, None
    for sent in sentences:
        near = last_end is not None and 0 <= sent.pstart - last_end <= 2
        mentions = read_sentence(sent.text, profile, gaz, carry if near else None)
        for m in mentions:
            out.append(Fact(m.sender, m.city, m.city_id, m.country, m.kind, "prose", sent.start, sent.end,
                            sent.has_ref, m.year))
        carry = subject_of(sent.text, profile, gaz, carry if near else None, mentions)
        last_end = sent.pend
    return out


def subject_of(text: str, profile: Profile, gaz: Gazetteer, carry: str | None, mentions) -> str | None:
    """The sender a following pronoun stands for: the last sender read, else the sentence's subject."""
    if mentions:
        return mentions[-1].sender
    countries = [m for m in gaz.find(text) if m.place.kind == "country"]
    at, code = grammar(profile, gaz).subject_before(text, len(text), countries)
    return code if at >= 0 and code else carry


def infobox_fact(value: str, sender: str | None, host: str | None, profile: Profile, gaz: Gazetteer,
                 start: int, end: int, param: str) -> Fact | None:
    """The mission an infobox parameter names (``Embassy of Argentina, [[Baku]]``): the slot's
    country (country1 for mission1) in the value's city, else in the other country; a city in
    the slot's own country leaves the sender unknown (a fact never has sender = host)."""
    text = nfc(value).strip()
    if not text:
        return None
    m = profile.mission_kind_re.search(text)
    kind = profile.mission_kind(m.group()) if m else "other"
    city = next((p for p in gaz.find(text) if p.place.kind == "city"), None)
    host_country = city.place.country if city else host
    return Fact(sender if sender != host_country else None,
                city.surface[: city.stem_end - city.start] if city else None,
                city.place.id if city else None, host_country, kind, "infobox", start, end, False, None, param)
