"""Country and city names in Bengali and English prose, resolved to stable ids.

Countries are ISO 3166-1 alpha-2 codes; cities are ``"CC:slug"`` (``"AR:buenos-aires"``).
Names come from CLDR through Babel (territory names, time-zone exemplar cities) plus the
curated ``data/gazetteer.<lang>.json`` files (bn.wikipedia spellings, genitives, capitals,
Commonwealth members, suffixes).  The bn gazetteer also knows every English name, since
bn infoboxes often carry English country names.
"""
from __future__ import annotations

import functools
import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from babel import Locale
from babel.core import get_global

_DATA = Path(__file__).with_name("data")

# Word characters for boundaries.  Python's \w misses Bengali vowel signs (they are marks,
# not alphanumerics), which would let "ভারত" match inside "ভারতীয়".
_WORD = "\u0980-\u09f1\u09fc-\u09fe\u200c\u200dA-Za-z0-9\u00c0-\u024f"
_ZW = dict.fromkeys(map(ord, "\u200c\u200d"))
# Key spellings: ASCII apostrophe; Romanian comma-below letters for their cedilla look-alikes.
_CANON = str.maketrans("\u2018\u2019\u02bb\u02bc\u015f\u0163\u015e\u0162",
                       "''''\u0219\u021b\u0218\u021a")
# NFC keeps য় ড় ঢ় decomposed (the precomposed letters are composition exclusions) but
# composes ো ৌ; raw text may hold either form, so each such unit matches both.
# Raw text may also hold the cedilla look-alikes of Romanian ș ț (Constanţa).
_EQUIV = {
    "\u09af\u09bc": "\u09df", "\u09a1\u09bc": "\u09dc", "\u09a2\u09bc": "\u09dd",
    "\u09cb": "\u09c7\u09be", "\u09cc": "\u09c7\u09d7",
    "\u0219": "\u015f", "\u021b": "\u0163", "\u0218": "\u015e", "\u021a": "\u0162",
}
_EQUIV.update({v: k for k, v in _EQUIV.items()})
# West Bengal spelling marks a loan sound with a nukta on জ and ফ (ইজ়রায়েল for z, ফ়্রান্স for f); the
# letter means the same with or without it, so keys drop it and names match text either way.
_LOAN_NUKTA = re.compile("(?<=[\u099c\u09ab])\u09bc")
# ZWJ/ZWNJ appear around the virama (র‍্য, ক্‌ষ) in some spellings and not in others.
_VIRAMA = "[\u200c\u200d]?\u09cd[\u200c\u200d]?"
_CASES = ("genitive", "locative", "nominative")
# Spelling fold for Bengali names written several ways (issue 22, round 5): long and short
# vowel signs (ী/ি, ূ/ু), ঙ/ং, ো/ও, the glide য় (টোকিয়ো/টোকিও, পেশওয়ার/পেশোয়ার) and the hasanta
# (আলজিয়ার্স/আলজিয়ারস) compare equal.  Only folded keys of five or more letters take part.
_SPELL = str.maketrans({"\u09c0": "\u09bf", "\u09c2": "\u09c1", "\u0999": "\u0982", "\u09cb": "\u0993",
                        "\u09df": None, "\u09bc": None, "\u09cd": None, "\u200c": None, "\u200d": None})
_SPELL_MIN = 5


_SPELL_RE = re.compile("\u09af\u09bc|\u09c7\u09be|[\u09c0\u09c2\u0999\u09cb\u09df\u09bc\u09cd\u200c\u200d]")


def _spell_fold(s: str) -> tuple[str, list[int]]:
    """``s`` folded by ``_SPELL`` (য় as য plus nukta: both dropped; ো as ে plus া: one ও), and
    for each folded character the offset of its source character in ``s``."""
    out, idx, at = [], [], 0
    for m in _SPELL_RE.finditer(s):
        out.append(s[at:m.start()])
        idx.extend(range(at, m.start()))
        f = "" if m[0] == "\u09af\u09bc" else ("\u09cb" if len(m[0]) == 2 else m[0]).translate(_SPELL)
        if f:
            out.append(f)
            idx.append(m.start())
        at = m.end()
    out.append(s[at:])
    idx.extend(range(at, len(s)))
    return "".join(out), idx


@dataclass(frozen=True)
class Place:
    kind: str  # "country" | "city"
    id: str  # ISO code for a country, "CC:slug" for a city
    country: str
    name: str  # display name in the gazetteer's language


@dataclass(frozen=True)
class PlaceMatch:
    start: int
    end: int  # after the suffix
    stem_end: int  # after the name itself
    place: Place
    surface: str  # text[start:end], as written
    suffix: str  # text[stem_end:end]
    case: str  # "genitive" | "locative" | "nominative"
    quarter: bool = False  # a quarter of the city (বনানীতে for Dhaka), not its name


@functools.lru_cache(maxsize=8192)
def _key(s: str) -> str:
    """Comparison form: NFC, no ZWJ/ZWNJ, canonical look-alikes, single spaces."""
    s = _LOAN_NUKTA.sub("", unicodedata.normalize("NFC", s).translate(_ZW).translate(_CANON))
    return " ".join(s.split())


# Latin letters that NFKD does not decompose.
_LATIN = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss",
                        "æ": "ae", "Æ": "AE", "œ": "oe", "ı": "i", "ʻ": "'"})


def _fold(s: str) -> str:
    """ASCII-ish Latin: diacritics dropped (Bogotá -> Bogota, Wrocław -> Wroclaw)."""
    s = unicodedata.normalize("NFKD", s.translate(_LATIN))
    return "".join(c for c in s if not unicodedata.combining(c))


def _slug(s: str) -> str:
    s = re.sub(r"[.'\u2019]", "", _fold(s).lower())
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


def _variants(name: str) -> set[str]:
    """Spelling variants generated by rule: CLDR's "&", "St.", parentheses, diacritics."""
    out = {name}
    m = re.fullmatch(r"(.+?) \((.+)\)", name)  # "Myanmar (Burma)"
    if m:
        out |= {m[1], m[2]}
    for v in list(out):
        out |= {v.replace(a, b) for a, b in _variant_pairs()}
    for v in list(out):
        if "St. " in v:
            out |= {v.replace("St. ", "Saint "), v.replace("St. ", "St ")}
    for v in list(out):
        if not v.isascii() and re.search("[A-Za-z]", v):
            out.add(_fold(v))
    return {_key(v) for v in out if v.strip()}


def _units(k: str) -> list[str]:
    """Split a key into regex units that also match the other normalisation forms."""
    out, i = [], 0
    while i < len(k):
        pair = k[i:i + 2]
        if pair in _EQUIV:
            out.append(f"(?:{pair}|{_EQUIV[pair]})")
            i += 2
            continue
        c = k[i]
        if c in _EQUIV:
            out.append(f"(?:{c}|{_EQUIV[c]})")
        elif c == "\u09cd":
            out.append(_VIRAMA)
        elif c in "\u099c\u09ab":
            out.append(f"{c}\u09bc?")
        elif c == " ":
            out.append(r"\s+")
        elif c == "'":
            out.append("['\u2018\u2019\u02bb\u02bc]")
        else:
            out.append(re.escape(c))
        i += 1
    return out


def _trie_regex(keys) -> str:
    """One alternation as a prefix trie: regex tries one branch per first unit, and greedy
    optional tails make it prefer the longest name, backtracking on a failed boundary."""
    root: dict = {}
    for k in keys:
        node = root
        for u in _units(k):
            node = node.setdefault(u, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [u + emit(child) for u, child in node.items() if u]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:  # a name ends here; longer ones are tried first
            return body + "?" if len(branches) > 1 else f"(?:{body})?"
        return body

    return emit(root)


@functools.lru_cache(maxsize=None)
def _variant_pairs() -> tuple[tuple[str, str], ...]:
    """Interchangeable words in names ("&"/"and", "ও"/"এবং"), from every curated file."""
    pairs = []
    for path in sorted(_DATA.glob("gazetteer.*.json")):
        with open(path, encoding="utf-8") as f:
            pairs += [tuple(p) for p in json.load(f).get("variant_pairs", [])]
    return tuple(pairs)


def _curated(lang: str) -> dict:
    with open(_DATA / f"gazetteer.{lang}.json", encoding="utf-8") as f:
        data = json.load(f)
    # cities that hold diplomatic missions, kept in their own file (data/cities.<lang>.json)
    extra = _DATA / f"cities.{lang}.json"
    if extra.exists():
        with open(extra, encoding="utf-8") as f:
            more = json.load(f)
        cities = data.setdefault("cities", {})
        for cc, names in more.get("cities", {}).items():
            for name, aliases in names.items():
                cities.setdefault(cc, {}).setdefault(name, [])
                cities[cc][name] = [*cities[cc][name], *(a for a in aliases if a not in cities[cc][name])]
        data["same_city"] = more.get("same_city", [])
    return data


def _cldr_cities(meta: dict) -> list[tuple[str, str, str]]:
    """(tz id, country, tz-derived slug) for CLDR exemplar-city zones of real countries."""
    skip = set(meta["skip_zones"])
    out = []
    for tz, cc in get_global("zone_territories").items():
        if len(cc) == 2 and cc.isalpha() and cc not in meta["not_countries"] and "/" in tz \
                and not tz.startswith(("Etc/", "Antarctica/")) and tz not in skip:
            out.append((tz, cc, tz.rsplit("/", 1)[1].lower().replace("_", "-")))
    return sorted(out)


def _exemplar(locale: Locale, tz: str) -> str:
    # Same fallback as babel.dates.get_timezone_location(return_city=True), without
    # the zoneinfo lookup per zone.
    return locale.time_zones.get(tz, {}).get("city") or tz.rsplit("/", 1)[1].replace("_", " ")


class Gazetteer:
    """Names of countries and cities for one wiki language; build with ``load``."""

    def __init__(self, lang: str):
        self.lang = lang
        meta = _curated("en")  # language-neutral data (capitals, Commonwealth) lives here
        langs = [lang] if lang == "en" else [lang, "en"]  # primary language first
        data = {lg: _curated(lg) for lg in langs}
        locs = {lg: Locale.parse(lg) for lg in langs}
        bad = set(meta["not_countries"])

        # Countries: per language, curated names (the first is the display name), then CLDR.
        self._cnames: dict[str, list[str]] = {}
        en_names: dict[str, list[str]] = {}
        for lg in langs:
            terr = locs[lg].territories
            # curated codes CLDR no longer lists (SU: the USSR, a sender of its time) count too
            curated_cc = data[lg].get("countries", {})
            for cc in sorted({c for c in terr if len(c) == 2 and c.isalpha() and c not in bad} | set(curated_cc)):
                names = [*curated_cc.get(cc, []), *([terr[cc]] if cc in terr else [])]
                _extend(self._cnames.setdefault(cc, []), names)
                if lg == "en":
                    en_names[cc] = _extend([], names)
        self._countries = {cc: Place("country", cc, cc, ns[0]) for cc, ns in self._cnames.items()}
        self._country_key: dict[str, str] = {}
        for cc, ns in self._cnames.items():
            for n in ns:
                self._country_key.setdefault(n, cc)

        # Cities.  Ids come from CLDR tz ids or curated English names only, so bn and en
        # agree.  Names go to buckets: per language, curated before CLDR.
        buckets: dict[str, list[list[str]]] = {}
        curated: set[str] = set()  # ids of cities named in curated data
        country_of: dict[str, str] = {}
        by_en: dict[tuple[str, str], str] = {}  # (country, English key) -> city id
        slot = {(lg, cur): 2 * i + (not cur) for i, lg in enumerate(langs) for cur in (1, 0)}

        def add(cid: str, names, lg: str, cur: bool) -> None:
            _extend(buckets.setdefault(cid, [[] for _ in slot])[slot[lg, cur]], names)
            if cur:
                curated.add(cid)

        for tz, cc, slug in _cldr_cities(meta):
            ex = {lg: _exemplar(locs[lg], tz) for lg in langs}
            if _key(ex["en"]) in en_names.get(cc, ()):
                continue  # the exemplar is the country's own name (Kuwait, Jamaica…)
            cid = f"{cc}:{slug}"
            country_of[cid] = cc
            by_en.update(((cc, v), cid) for v in _variants(ex["en"]))
            for lg in langs:
                add(cid, [ex[lg]], lg, False)

        def city_id(cc: str, names) -> str:
            keys = [v for n in names for v in sorted(_variants(n))]
            cid = next((by_en[cc, k] for k in keys if (cc, k) in by_en), None)
            cid = cid or f"{cc}:{_slug(names[0])}"
            by_en.update(((cc, k), cid) for k in keys)
            country_of[cid] = cc
            return cid

        for cc, cities in meta["cities"].items():
            for en_name, aliases in cities.items():
                add(city_id(cc, [en_name, *aliases]), [en_name, *aliases], "en", True)
        self._capitals = {}
        for cc, en_name in meta["capitals"].items():
            self._capitals[cc] = cid = city_id(cc, [en_name])
            add(cid, [en_name], "en", True)
        if lang != "en":
            for cc, cities in data[lang].get("cities", {}).items():
                for en_name, names in cities.items():
                    add(city_id(cc, [en_name]), names, lang, True)

        self._city_names = {cid: list(dict.fromkeys(n for b in bs for n in b))
                            for cid, bs in buckets.items()}
        self._cities = {cid: Place("city", cid, country_of[cid], ns[0])
                        for cid, ns in self._city_names.items()}
        # Ambiguous city names: the capital, then a curated city, then the first seen.
        capitals = set(self._capitals.values())
        ranked = sorted(self._cities, key=lambda c: (c not in capitals, c not in curated))
        self._city_key: dict[str, str] = {}
        for cid in ranked:
            for n in self._city_names[cid]:
                self._city_key.setdefault(n, cid)

        # Suffix classes and genitives (data, not rules).
        self._case: dict[str, str] = {}
        for lg in langs:
            for case in _CASES:
                for s in data[lg].get("suffixes", {}).get(case, []):
                    self._case.setdefault(_key(s), case)
        self._genitive = {cc: _key(g) for cc, g in data[langs[0]].get("genitive", {}).items()}
        # ids that name one city for comparison (New Delhi, Delhi): the group's first id
        self._same_city = {cid: group[0] for group in meta.get("same_city", []) for cid in group}
        self._commonwealth = frozenset(meta["commonwealth"])

        # The matcher: countries win over cities, blocked phrases over both.
        self._match_key: dict[str, Place | None] = {
            k: self._cities[c] for k, c in self._city_key.items()}
        self._match_key.update((k, self._countries[c]) for k, c in self._country_key.items())
        for lg in langs:
            self._match_key.update((_key(n), None) for n in data[lg].get("not_places", []))
        names = _trie_regex(self._match_key)
        sufs = _trie_regex(k for k in self._case if k)
        # A match must not start or end inside a word ("ভারতীয়", "চীনা"); a name that ends
        # in punctuation ("U.S.", "US$") needs no boundary after it.
        w = f"[{_WORD}]"
        self._re = re.compile(f"(?<!{w})(?P<n>{names})(?P<s>{sufs})?(?:(?<!{w})|(?!{w}))")
        self._whole = re.compile(f"(?P<n>{names})(?P<s>{sufs})?")
        # Names as spelled other ways (``find_spellings``): folded Bengali keys; a fold two
        # places share, or a blocked phrase's, names none.
        spell: dict[str, Place | None] = {}
        for k, place in self._match_key.items():
            f = _spell_fold(k)[0]
            if k.isascii() or len(f) < _SPELL_MIN:
                continue
            spell[f] = place if spell.get(f, place) == place else None
        self._spell = {f: p for f, p in spell.items() if p is not None}
        self._spell_re = re.compile(f"(?<!{w})(?P<n>{_trie_regex(self._spell)})") if self._spell else None
        self._suffix_re = re.compile(f"(?P<s>{sufs})?(?:(?<!{w})|(?!{w}))")
        # Whole-value lookups also ignore case and diacritics; cities keep every holder of
        # a name, to read link targets such as "Kingston, Jamaica".
        self._loose: dict[str, dict[str, str]] = {"country": {}, "city": {}}
        for kind, table in (("country", self._country_key), ("city", self._city_key)):
            for k, v in table.items():
                self._loose[kind].setdefault(_loose(k), v)
        self._holders: dict[str, list[str]] = {}
        for cid in ranked:
            for n in self._city_names[cid]:
                _append(self._holders.setdefault(_loose(n), []), cid)

        # Demonym adjectives (মার্কিন, জাপানি): curated per language, whole words only.
        self._demonym: dict[str, str] = {}
        for cc, words in data[langs[0]].get("demonyms", {}).items():
            for word in words:
                for v in _variants(word):
                    self._demonym.setdefault(v, cc)
        if lang != "en" and self._demonym:  # and, where a language has them, derived by rule
            derived: dict[str, set[str]] = {}
            for cc, ns in self._cnames.items():
                for n in ns:
                    for d in _derived_demonyms(n):
                        derived.setdefault(d, set()).add(cc)
            for d, ccs in sorted(derived.items()):
                if len(ccs) == 1 and d not in self._match_key and d not in self._demonym:
                    self._demonym[d] = next(iter(ccs))
        self._demonym_re = (re.compile(f"(?<!{w})(?P<n>{_trie_regex(self._demonym)})(?!{w})")
                            if self._demonym else None)

        # Quarters of cities (বনানী, গুলশান: Dhaka), for the mission grammar only.
        self._quarter: dict[str, str] = {}
        for cc, cities in data[langs[0]].get("quarters", {}).items() if lang != "en" else ():
            for en_name, names in cities.items():
                for n in names:
                    self._quarter[_key(n)] = city_id(cc, [en_name])
        self._quarter_re = (re.compile(f"(?<!{w})(?P<n>{_trie_regex(self._quarter)})(?P<s>{sufs})(?!{w})")
                            if self._quarter else None)

    @classmethod
    def load(cls, lang: str = "bn") -> "Gazetteer":
        """The gazetteer for a wiki language (cached: one per class and language)."""
        return _load(cls, lang)

    def find(self, text: str) -> list[PlaceMatch]:
        """Places named in prose, leftmost-longest, with offsets into ``text`` as given."""
        out = []
        for m in self._re.finditer(text):
            place = self._match_key.get(_key(m["n"]))
            if place is None:  # a blocked phrase such as "New Jersey"
                continue
            suffix = m["s"] or ""
            out.append(PlaceMatch(m.start(), m.end(), m.end("n"), place, m[0], suffix,
                                  self._case.get(_key(suffix), "nominative")))
        return out

    def find_spellings(self, text: str, exact: list[PlaceMatch] | None = None) -> list[PlaceMatch]:
        """Places ``find`` misses because they are spelled another way (টোকিয়োয়, পেশওয়ার,
        আলজিয়ারস): matched on the spelling fold, case ending read from the text as written;
        none overlapping a place ``find`` reads (``exact``: its matches, when the caller has them)."""
        if self._spell_re is None:  # English: no Bengali names to fold
            return []
        exact = self.find(text) if exact is None else exact
        blocked = None  # blocked phrases' spans, read only when some other spelling is found
        folded, idx = _spell_fold(text)
        out = []
        for m in self._spell_re.finditer(folded):
            start, stem_end = idx[m.start()], idx[m.end() - 1] + 1
            while stem_end < len(text) and text[stem_end] in "\u09bc\u09cd\u200c\u200d":
                stem_end += 1
            if any(p.start < stem_end and start < p.end for p in exact):
                continue
            if blocked is None:
                blocked = [(b.start(), b.end("n")) for b in self._re.finditer(text)
                           if self._match_key.get(_key(b["n"])) is None]
            if any(a < stem_end and start < b for a, b in blocked):
                continue  # a blocked phrase holds no place spelled another way (দক্ষিণ আমেরিকাতে)
            if start and re.match(f"[{_WORD}]", text[start - 1]):
                continue
            at = stem_end
            suf = self._suffix_re.match(text, at)  # a case ending, or a word boundary
            if suf is None:
                continue
            end = suf.end()
            suffix = text[at:end]
            place = self._spell[m["n"]]
            out.append(PlaceMatch(start, end, at, place, text[start:end], suffix,
                                  self._case.get(_key(suffix), "nominative")))
        return out

    def find_quarters(self, text: str) -> list[PlaceMatch]:
        """Quarters of a city with a case ending (``রাজধানীর বনানীতে``, ``বারিধারার``), as matches
        of the city with ``quarter`` set; a bare quarter name (also a person's name) is none."""
        if self._quarter_re is None:
            return []
        return [PlaceMatch(m.start(), m.end(), m.end("n"), self._cities[self._quarter[_key(m["n"])]], m[0],
                           m["s"], self._case.get(_key(m["s"]), "nominative"), quarter=True)
                for m in self._quarter_re.finditer(text)
                if self._case.get(_key(m["s"])) in ("locative", "genitive")]

    def find_demonyms(self, text: str) -> list[PlaceMatch]:
        """Country adjectives in prose (``মার্কিন``, ``জাপানি``), as matches of their country with
        case ``"adjective"``; none inside a place name (``সৌদি আরব``) or a longer word."""
        if self._demonym_re is None:
            return []
        names = [(m.start, m.end, m.suffix) for m in self.find(text)]
        out = []
        for m in self._demonym_re.finditer(text):
            # a place name plus a case suffix that spells the whole adjective (ইতালী+য়) is the
            # adjective; any other overlap is a place (সৌদি আরব)
            if any(s < m.end() and m.start() < e and not (s, e) == m.span() or (s, e) == m.span() and not suf
                   for s, e, suf in names):
                continue
            place = self._countries[self._demonym[_key(m["n"])]]
            out.append(PlaceMatch(m.start(), m.end(), m.end(), place, m[0], "", "adjective"))
        return out

    def suffix_case(self, suffix: str) -> str | None:
        """The case a whole case ending marks (``য়`` → ``"locative"``), or None."""
        return self._case.get(_key(suffix))

    def ending_case(self, word: str) -> str | None:
        """The case a word's ending marks (``বারিধারায়`` → ``"locative"``), by the curated
        suffixes, longest first; None when it ends in none of them."""
        k = _key(word)
        for n in range(min(len(k) - 1, 4), 0, -1):
            case = self._case.get(k[-n:])
            if case:
                return case
        return None

    def _resolve(self, name: str, kind: str) -> str | None:
        table = self._country_key if kind == "country" else self._city_key
        k = _key(_strip_markup(name))
        if k in table:
            return table[k]
        m = self._whole.fullmatch(k)  # a name plus a case suffix
        if m and _key(m["n"]) in table:
            return table[_key(m["n"])]
        return self._loose[kind].get(_loose(k))

    def country(self, name: str) -> str | None:
        """ISO code for a whole value such as an infobox parameter, or None."""
        k = _key(_strip_markup(name))
        return k if k in self._countries else self._resolve(name, "country")

    def city(self, name: str) -> Place | None:
        """The city a whole value names, or None.  Qualified names as in link targets
        ("Kingston, Jamaica", "Split (city)") count when the qualifier is the city's country."""
        cid = self._resolve(name, "city")
        if cid is None:
            m = re.fullmatch(r"(.+?)(?:, (.+)| \((.+)\))", _key(_strip_markup(name)))
            if m:
                generic = bool(m[3] and re.search(r"\b(?:city|town)\b", m[3]))
                cc = None if generic else self.country(m[2] or m[3])
                if generic or cc:
                    cid = next((c for c in self._holders.get(_loose(m[1]), ())
                                if generic or self._cities[c].country == cc), None)
        return self._cities[cid] if cid else None

    def place(self, id: str) -> Place | None:
        return self._countries.get(id) or self._cities.get(id)

    def name(self, code: str) -> str | None:
        """Display name of a country code (or city id)."""
        p = self.place(code)
        return p.name if p else None

    def names(self, code: str) -> list[str]:
        """Every known name of a country code or city id, display name first."""
        return list(self._cnames.get(code) or self._city_names.get(code, []))

    def genitive(self, code: str) -> str | None:
        """Curated genitive form (``বাংলাদেশের``), or None when unknown."""
        return self._genitive.get(code)

    def is_commonwealth(self, code: str) -> bool:
        return code in self._commonwealth

    def same_city(self, cid: str | None) -> str | None:
        """The id that stands for the city when facts are compared: ``IN:delhi`` → ``IN:new-delhi``
        (data/cities.en.json ``same_city``); any other id as given."""
        return self._same_city.get(cid, cid) if cid else cid

    def capital(self, code: str) -> str | None:
        """City id of a country's capital, from the curated list."""
        return self._capitals.get(code)


@functools.lru_cache(maxsize=None)
def _load(cls: type, lang: str) -> Gazetteer:
    return cls(lang)


def _loose(s: str) -> str:
    return _fold(s).casefold()


def _append(out: list, item) -> None:
    if item not in out:
        out.append(item)


def _extend(out: list[str], names) -> list[str]:
    """Append each name and its variants (as keys) to ``out``, keeping order, no repeats."""
    for n in names:
        for v in sorted(_variants(n), key=lambda v: (v != _key(n), v)):
            if v not in out:
                out.append(v)
    return out


_CONSONANT = re.compile("[\u0995-\u09b9\u09dc-\u09df]$")


def _derived_demonyms(name: str) -> list[str]:
    """Bengali country adjectives by rule (issue 22, round 5): -ইয়া names take -ইয়ান and -ঈয়
    (নাইজেরিয়া → নাইজেরিয়ান, নাইজেরীয়), other -আ names -আন (কিউবা → কিউবান), names of five
    letters or more ending in a consonant -ই/-ঈ (সুদান → সুদানি); one-word Bengali names only."""
    k = _key(name)
    if not k or re.search("[A-Za-z ]", k):  # Latin or several words (সৌদি আরব): curated only
        return []
    m = re.fullmatch("(.+)[\u09bf\u09c0](?:\u09af\u09bc|\u09df)\u09be", k)
    if m:
        return [m[1] + "\u09bf\u09af\u09bc\u09be\u09a8", m[1] + "\u09c0\u09af\u09bc", m[1] + "\u09bf\u09af\u09bc"]
    if k.endswith("\u09be") and len(k) >= 4:
        return [k + "\u09a8"]
    if _CONSONANT.search(k) and len(k) >= 5:
        return [k + "\u09bf", k + "\u09c0"]
    return []


def _strip_markup(s: str) -> str:
    """Reduce ``[[X|Y]]`` / ``[[X]]`` / ``{{flag|X}}`` (any template's first parameter) to X."""
    s = s.strip()
    m = re.fullmatch(r"\[\[([^\]|]+)(?:\|[^\]]*)?\]\]", s)
    if m:
        return m[1]
    m = re.fullmatch(r"\{\{[^|{}]+\|\s*([^|{}=]+)[^{}]*\}\}", s)
    return m[1] if m else s
