"""Wiki profiles: the words of one wiki edition, loaded from JSON and checked by their schema."""

from __future__ import annotations

import json
import re
import unicodedata
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path

from .schema import load_schema, validator_for


class ProfileError(Exception):
    """A profile that cannot be read or breaks its schema (one-line message)."""


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


@lru_cache(maxsize=8192)  # template, link and section names repeat on a page and across pages
def name_key(name: str) -> str:
    """MediaWiki title identity: ``_`` is a space, spaces collapse, the first letter has no case."""
    s = " ".join(nfc(name).replace("_", " ").split())
    return s[:1].upper() + s[1:]


class Profile:
    """A validated profile with the lookups the parser and rules need."""

    def __init__(self, data: dict, source: str):
        self.data = data
        self.source = source
        self.lang: str = data["lang"]

    # -- names ---------------------------------------------------------------------------
    def _keys(self, names) -> frozenset[str]:
        return frozenset(name_key(n) for n in names)

    @cached_property
    def infobox_keys(self) -> dict[str, str]:
        return {name_key(n): n for n in self.data["infobox"]["names"]}

    @cached_property
    def bots_folded(self) -> frozenset[str]:
        """``{{bots}}``/``{{nobots}}`` template names, case-folded."""
        return frozenset(b.casefold() for b in self.data["bots_templates"])

    @cached_property
    def reflist_keys(self) -> frozenset[str]:
        return self._keys(self.data["reflist"]["templates"])

    @cached_property
    def footnote_refs(self) -> dict[str, dict]:
        """Template name key → its entry of ``footnotes.refs`` (efn, refn, sfn …)."""
        return {name_key(n): spec for spec in self.data["footnotes"]["refs"] for n in spec["templates"]}

    @cached_property
    def footnote_lists(self) -> dict[str, dict]:
        """Template name key → its entry of ``footnotes.lists`` (notelist …)."""
        return {name_key(n): spec for spec in self.data["footnotes"]["lists"] for n in spec["templates"]}

    @cached_property
    def reflist_tags(self) -> frozenset[str]:
        return frozenset(t.lower() for t in self.data["reflist"]["tags"])

    @cached_property
    def citation_kinds(self) -> dict[str, str]:
        return {name_key(n): kind for n, kind in self.data["citations"]["templates"].items()}

    @cached_property
    def citation_fields(self) -> dict[str, str]:
        """Parameter name (as written, stripped) → canonical field."""
        out = {}
        for field, names in self.data["citations"]["fields"].items():
            for n in names:
                out[nfc(n).strip()] = field
        return out

    @cached_property
    def maintenance_keys(self) -> dict[str, str]:
        """Template key → maintenance kind (``unreferenced``, ``citation_needed`` …)."""
        return {name_key(n): kind for kind, names in self.data["maintenance"].items() for n in names}

    def maintenance_name(self, kind: str) -> str:
        return self.data["maintenance"][kind][0]

    @cached_property
    def in_use_keys(self) -> frozenset[str]:
        return self._keys(self.data["in_use"])

    @cached_property
    def navbox_res(self) -> list[re.Pattern]:
        return [re.compile(nfc(p)) for p in self.data["navbox_patterns"]]

    def is_navbox(self, name: str) -> bool:
        key = name_key(name)
        return any(p.search(key) for p in self.navbox_res)

    @cached_property
    def stub_res(self) -> list[re.Pattern]:
        return [re.compile(nfc(p)) for p in self.data["stub_patterns"]]

    def trailer_kind(self, name: str) -> str | None:
        """``navbox``, ``defaultsort`` or ``stub`` for a template that belongs after the last
        section (L008 orders them), else None."""
        if self.is_navbox(name):
            return "navbox"
        if name.strip().upper().startswith("DEFAULTSORT"):
            return "defaultsort"
        key = name_key(name)
        return "stub" if any(p.search(key) for p in self.stub_res) else None

    @cached_property
    def namespace_kind(self) -> dict[str, str]:
        """Namespace prefix (title-cased key) → ``category`` | ``file`` | ``template``."""
        return {name_key(n): kind for kind, names in self.data["namespaces"].items() for n in names}

    @cached_property
    def english_prefixes(self) -> dict[str, str]:
        return {name_key(k): v for k, v in self.data["english_prefixes"].items()}

    # -- infobox -------------------------------------------------------------------------
    @cached_property
    def infobox_params(self) -> frozenset[str]:
        return frozenset(nfc(p) for p in self.data["infobox"]["params"])

    @property
    def country_params(self) -> list[list[str]]:
        return self.data["infobox"]["country_params"]

    @property
    def mission_params(self) -> list[str]:
        return self.data["infobox"]["mission_params"]

    # -- sections ------------------------------------------------------------------------
    @cached_property
    def section_keys(self) -> dict[str, tuple[str, str]]:
        """Normalised title → (key, canonical title) for standard and known body sections."""
        out = {}
        for group in ("body", "standard"):
            for sec in self.data["sections"][group]:
                for title in [sec["title"], *sec["aliases"]]:
                    out[section_norm(title)] = (sec["key"], sec["title"])
        return out

    @cached_property
    def ambiguous_section_titles(self) -> frozenset[str]:
        """Normalised standard-section aliases that are also ordinary body-section words."""
        return frozenset(section_norm(t) for sec in self.data["sections"]["standard"]
                         for t in sec.get("ambiguous", ()))

    @cached_property
    def appendix_order(self) -> dict[str, int]:
        return {sec["key"]: i for i, sec in enumerate(self.data["sections"]["standard"])}

    def section_title(self, key: str) -> str:
        for group in ("standard", "body"):
            for sec in self.data["sections"][group]:
                if sec["key"] == key:
                    return sec["title"]
        raise KeyError(key)

    # -- categories, missions, text ------------------------------------------------------
    def bilateral_category(self, genitive: str) -> str:
        return self.data["categories"]["bilateral"].format(genitive=genitive)

    @cached_property
    def _mission_words(self) -> tuple[re.Pattern, dict[str, str]]:
        m = self.data["missions"]
        pairs = {(nfc(n), kind) for kind, names in m["kinds"].items() for n in names}
        for c in m.get("kind_compounds", ()):
            # কন্স্যুলেট-জেনারেল: every spelling of the base kind, every join, every word around it
            for base in m["kinds"][c["of"]]:
                for j in c["joins"]:
                    pairs |= {(nfc(x + j + base), c["kind"]) for x in c.get("before", ())}
                    pairs |= {(nfc(base + j + x), c["kind"]) for x in c.get("after", ())}
        words = sorted(pairs, key=lambda w: (-len(w[0]), w))
        return _wordlist_re([w for w, _ in words]), {w.casefold(): k for w, k in words}

    @property
    def mission_kind_re(self) -> re.Pattern:
        """Alternation of all mission words, longest first."""
        return self._mission_words[0]

    def mission_kind(self, word: str) -> str:
        return self._mission_words[1][nfc(word).casefold()]

    @cached_property
    def opening_re(self) -> re.Pattern:
        return _wordlist_re([nfc(w) for w in self.data["missions"]["opening_words"]])

    @cached_property
    def year_re(self) -> re.Pattern:
        return re.compile(self.data["missions"]["year_pattern"])

    @property
    def text(self) -> dict:
        return self.data["text"]

    @property
    def limits(self) -> dict:
        return self.data["limits"]

    def number(self, n: int) -> str:
        """An integer in the wiki's own digits (Bengali text writes ১২, not 12)."""
        return str(n).translate({ord(str(i)): d for i, d in enumerate(self.text["digits"])})


def _wordlist_re(words: list[str]) -> re.Pattern:
    """Words as one regex built as a prefix tree, longest match first.

    A flat alternation makes the engine try every word at every position that starts
    like one of them; in Bengali prose that is most positions (ten times slower on a
    300 KB page). ASCII letters match in either case (``[Ee]mbassy``).
    """
    trie: dict = {}
    for w in set(words):
        node = trie
        for ch in w:
            node = node.setdefault(ch.lower() if ch.isascii() else ch, {})
        node[""] = {}

    def atom(ch: str) -> str:
        return f"[{ch}{ch.upper()}]" if ch.isascii() and ch.isalpha() else re.escape(ch)

    def build(node: dict, top: bool = False) -> str:
        branches = []
        for ch, sub in sorted(node.items()):
            if not ch:
                continue
            if top and ch.isascii() and ch.isalpha():
                # a literal first character per branch lets the engine skip ahead to where a
                # word can start (a [Ee] class there makes it try every position: ~5x slower)
                branches += [re.escape(ch) + build(sub), re.escape(ch.upper()) + build(sub)]
            else:
                branches.append(atom(ch) + build(sub))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return re.compile(build(trie, top=True) or r"(?!)")


@lru_cache(maxsize=8192)
def section_norm(title: str) -> str:
    """Section identity: NFC, whitespace collapsed, case folded."""
    return " ".join(nfc(title).split()).casefold()


BUNDLED = ("bn", "en")


@lru_cache(maxsize=8)
def load_profile(name_or_path: str = "bn") -> Profile:
    """Load a bundled profile by language code, or a profile file by path."""
    if name_or_path in BUNDLED:
        text = resources.files("bot.profiles").joinpath(f"{name_or_path}.json").read_text("utf-8")
        source = f"bundled profile {name_or_path}"
    else:
        path = Path(name_or_path)
        source = str(path)
        try:
            text = path.read_text("utf-8")
        except FileNotFoundError:
            raise ProfileError(f"profile {name_or_path!r}: no such bundled profile or file "
                               f"(bundled: {', '.join(BUNDLED)})") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise ProfileError(f"profile {source}: cannot read: {exc}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ProfileError(f"profile {source}: not JSON: {exc.msg} at line {exc.lineno} "
                           f"column {exc.colno}") from None
    errors = sorted(validator_for(load_schema("profile")).iter_errors(data), key=lambda e: list(e.path))
    if errors:
        err = errors[0]
        where = "/".join(str(p) for p in err.absolute_path) or "(top level)"
        raise ProfileError(f"profile {source}: breaks profile.schema.json at {where}: {err.message}")
    if not resources.files("bot.data").joinpath(f"gazetteer.{data['lang']}.json").is_file():
        raise ProfileError(f"profile {source}: no gazetteer data for language {data['lang']!r} "
                           f"(bot/data/gazetteer.{data['lang']}.json)")
    return Profile(data, source)
