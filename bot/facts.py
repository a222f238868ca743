"""Mission facts of any page, bilateral or not (``relbot facts``).

``facts_for(text, title, profile, gaz)`` parses the page, projects its prose and reads
every sentence with a mission word, whatever the title says: the title is only copied
into each fact. English profiles read sentences with :mod:`bot.missions.en` (its own
sentence splitter keeps ``Washington, D.C.`` and ``U.S.`` inside their sentence, and
every fact points at its host city); other profiles use :mod:`bot.missions`. Facts from
a bulleted or numbered line (``* [[Malta]] has …``) are ``list``, other text ``prose``,
an infobox's ``mission1``/``mission2`` ``infobox``. The JSON form is described by
``schemas/facts.schema.json``.
"""

from __future__ import annotations

import bisect
import csv
import io
import json
from collections.abc import Mapping
from importlib import resources

from mwparserfromhell.nodes import Template, Wikilink

from . import missions
from .missions import en as missions_en
from .article import Article, _Builder, split_title
from .gazetteer import Gazetteer
from .parse import ParseRefused, parse
from .profile import Profile, load_profile, name_key
from .prose import Prose
from .sources import expand, read_page

FIELDS = ("title", "line", "column", "sender", "host_city", "host_city_id", "host_country", "kind", "source",
          "has_ref", "year")
LIST_MARKS = "*#"


def facts_for(text: str, title: str, profile: Profile, gaz: Gazetteer | None = None, parsed=None,
              spans: bool = False) -> list[dict]:
    """Every mission fact of the page, in page order (infobox first).

    ``parsed``: the page's :class:`bot.parse.Parsed` when the caller has it already (an
    article's ``parsed``), to save a parse. Empty, too large and unparseable pages have none.
    ``spans``: each fact also carries ``span``, the source (start, end) of its sentence (of its
    value for an infobox fact), for a caller that reads the sentence's references; the JSON
    form (``cmd``) has no such field.
    """
    gaz = gaz or Gazetteer.load(profile.lang)
    parsed = parsed or _parsed(text, profile)
    if parsed is None:
        return []
    art = Article(title=title, text=text, profile=profile, gazetteer=gaz, parsed=parsed)
    builder = _Builder(art)
    prose = LinkedProse(parsed, builder.link_kind)
    lines = parsed.lines

    def row(start: int, fact_fields: dict, span: tuple[int, int] | None = None) -> dict:
        line, col = lines.linecol(start)
        return {"title": title, "line": line, "column": col, **fact_fields} | (
            {"span": span} if spans and span is not None else {})

    out = [row(f.start, _fields(f), (f.start, f.end)) for f in _infobox_facts(builder, parsed, profile, gaz)]
    if missions.grammar_name(profile) == "en":
        out += _english(prose, text, profile, gaz, row)
    else:
        ends = "".join(profile.text["sentence_ends"])
        sentences = prose.sentences_with(missions.mention_re(profile), ends)
        for f in missions.prose_facts(sentences, profile, gaz, prose.text, title_pair(title, profile, gaz)):
            f.source = "list" if _is_list_line(text, f.start) else "prose"
            out.append(row(f.start, _fields(f), (f.start, f.end)))
    return out


def _parsed(text: str, profile: Profile):
    """The page parsed, or None for a page with no facts to read (empty, too large, refused)."""
    if not text.strip() or len(text.encode("utf-8")) > profile.limits["max_bytes"]:
        return None
    try:
        return parse(text, max_cost=profile.limits["max_parse_cost"])
    except (ParseRefused, RecursionError):
        return None


def title_pair(title: str, profile: Profile, gaz: Gazetteer) -> tuple[str, ...]:
    """The two country codes a bilateral title names (``বাংলাদেশ–মিশর সম্পর্ক``), else ()."""
    codes = tuple(c["code"] for c in split_title(title, profile, gaz)["countries"])
    return codes if len(codes) == 2 and None not in codes and codes[0] != codes[1] else ()


def absent_for(text: str, title: str, profile: Profile, gaz: Gazetteer | None = None) -> list[dict]:
    """The missions the page's prose says do not exist (closed, denied, served from elsewhere),
    as ``(sender, host_country, kind, line)`` rows; empty for grammars that read none."""
    gaz = gaz or Gazetteer.load(profile.lang)
    parsed = _parsed(text, profile) if missions.grammar_name(profile) == "bn" else None
    if parsed is None:
        return []
    art = Article(title=title, text=text, profile=profile, gazetteer=gaz, parsed=parsed)
    prose = LinkedProse(parsed, _Builder(art).link_kind)
    ends = "".join(profile.text["sentence_ends"])
    sentences = prose.sentences_with(missions.grammar(profile).absent_re(profile), ends)
    return [{"sender": f.sender, "host_country": f.host_country, "kind": f.kind,
             "line": parsed.lines.linecol(f.start)[0], "column": parsed.lines.linecol(f.start)[1]}
            for f in missions.absent_facts(sentences, profile, gaz, prose.text, title_pair(title, profile, gaz))]


class _One:
    """A node list of one node, for :meth:`Prose._walk`."""

    __slots__ = ("nodes",)

    def __init__(self, node):
        self.nodes = (node,)


class LinkedProse(Prose):
    """The prose projection that also keeps (start, end, target) of every wikilink it shows."""

    def __init__(self, parsed, link_kind):
        self.links: list[tuple[int, int, str]] = []
        super().__init__(parsed, link_kind)

    def _walk(self, code) -> None:
        for node in code.nodes:
            if type(node) is Wikilink:
                start = self._len
                super()._walk(_One(node))
                if self._len > start:
                    self.links.append((start, self._len, self._parsed.src(node.title).strip()))
            else:
                super()._walk(_One(node))


def _fields(f) -> dict:
    return {"sender": f.sender, "host_city": f.host_city, "host_city_id": f.host_city_id,
            "host_country": f.host_country, "kind": f.kind, "source": f.source, "has_ref": f.has_ref,
            "year": f.year}


def _infobox_facts(builder: _Builder, parsed, profile: Profile, gaz: Gazetteer) -> list:
    node = next((n for n in parsed.nodes if type(n) is Template
                 and name_key(parsed.src(n.name)) in profile.infobox_keys), None)
    if node is None:
        return []
    box = builder.infobox(node)
    codes = [c["code"] if c else None for c in (box["country1"], box["country2"])]
    out = []
    for param, sender, host in zip(profile.mission_params, codes, codes[::-1]):
        q = next((q for q in box["params"] if q["name"] == param), None)
        if q is not None:
            f = missions.infobox_fact(q["text"], sender, host, profile, gaz, q["value_span"]["start"],
                                      q["value_span"]["end"], param)
            if f is not None:
                out.append(f)
    return out


def _is_list_line(text: str, at: int) -> bool:
    start = text.rfind("\n", 0, at) + 1
    return text[start:start + 1] in LIST_MARKS and text[start:start + 1] != ""


def _english(prose: Prose, text: str, profile: Profile, gaz: Gazetteer, row) -> list[dict]:
    ptext = prose.text
    out = []
    carry, last_end = None, None
    prose.links.sort()
    link_starts = [x[0] for x in prose.links]
    for sent in missions_en.sentences(prose, profile, gaz):
        s, e, has_ref, sentence = sent.pstart, sent.pend, sent.has_ref, sent.text
        near = last_end is not None and "\n" not in ptext[last_end:s]
        lo = bisect.bisect_left(link_starts, s)
        links = []
        for ls, le, target in prose.links[lo:]:
            if ls >= e:
                break
            links.append((ls - s, le - s, target))
        mentions = missions_en.read_sentence(sentence, profile, gaz, carry if near else None, links)
        source = "list" if _is_list_line(text, sent.start) else "prose"
        for m in mentions:
            out.append(row(prose.to_source(s + m.at), {
                "sender": m.sender, "host_city": m.city, "host_city_id": m.city_id,
                "host_country": m.country, "kind": m.kind, "source": source, "has_ref": has_ref,
                "year": m.year}, (sent.start, sent.end)))
        carry = missions_en.subject_of(sentence, profile, gaz, carry if near else None, mentions)
        last_end = e
    return out


def render(facts: list[dict], fmt: str = "json") -> str:
    """``json`` (the document of ``schemas/facts.schema.json``) or ``csv`` (one row per fact)."""
    if fmt == "json":
        return json.dumps(facts, ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=FIELDS, lineterminator="\n")
        w.writeheader()
        for f in facts:
            w.writerow({k: ("" if f[k] is None else str(f[k]).lower() if isinstance(f[k], bool) else f[k])
                        for k in FIELDS})
        return buf.getvalue()
    raise ValueError(f"unknown format {fmt!r} (json or csv)")


def profile_by_name(name_or_path: str) -> Profile:
    """A bundled profile (``bn``, ``en``) or a profile file."""
    if name_or_path.isalpha() and resources.files("bot.profiles").joinpath(f"{name_or_path}.json").is_file():
        try:
            return load_profile(name_or_path)
        except Exception:  # not (yet) in profile.BUNDLED: load the bundled file by path
            return load_profile(str(resources.files("bot.profiles").joinpath(f"{name_or_path}.json")))
    return load_profile(name_or_path)


def cmd(paths, profile_name: str = "en", fmt: str = "json", title: str | None = None) -> str:
    """``relbot facts PATH... --profile P --format F [--title T]``: the rendered facts of every page.

    ``paths``: files or directories (every ``*.wikitext`` below), or ``-`` (standard input);
    titles from file names, else ``title`` (one page only; needed for ``-``).
    Raises :class:`bot.sources.InputError` / :class:`bot.profile.ProfileError` (one-line
    messages) and ``ValueError`` for an unknown format.
    """
    if fmt not in ("json", "csv"):
        raise ValueError(f"unknown format {fmt!r} (json or csv)")
    profile = profile_by_name(profile_name)
    gaz = Gazetteer.load(profile.lang)
    facts = []
    for path in expand(paths, title):
        page = read_page(path, title)
        facts += facts_for(page.text, page.title, profile, gaz)
    return render(facts, fmt)


# -- evaluation against hand-labelled lines (fixtures/facts/labels.json) ------------------------

def _match_key(f: dict) -> tuple:
    city = " ".join((f.get("host_city") or "").split()).casefold() or None
    return (f.get("sender"), f.get("kind"), f.get("host_country"), city)


def score_labels(doc: dict, corpus, profile: Profile, gaz: Gazetteer | None = None,
                 facts_by_file: dict | None = None) -> dict:
    """Precision and recall of :func:`facts_for` on the labelled lines of ``doc``.

    ``doc`` is ``fixtures/facts/labels.json``; ``corpus`` the folder of its files (``file`` is a
    file name, the page title its stem), or a mapping from page title to page text
    (``fixtures/facts/bn_labels.json``, whose ``file`` is the page title of a dump page; facts are
    read under that title); ``facts_by_file`` (file → facts) saves extracting them again. A fact is found
    when sender, kind, host country and host city agree; on found facts year, has_ref and
    source are compared too. Returns counts, ratios and the differences.
    """
    from collections import Counter, defaultdict
    from pathlib import Path

    gaz = gaz or Gazetteer.load(profile.lang)
    wanted = defaultdict(list)
    for item in doc["lines"]:
        wanted[item["file"]].append(item)
    tp = fp = fn = 0
    fields = Counter()
    diffs = []
    for name in sorted(wanted):
        if isinstance(corpus, Mapping):
            text, title = corpus[name], name
        else:
            path = Path(corpus) / name
            text, title = path.read_text("utf-8"), path.stem.replace("_", " ")
        lines = text.split("\n")
        got_by_line = defaultdict(list)
        found = facts_by_file.get(name) if facts_by_file else None
        if found is None:
            found = facts_for(text, title, profile, gaz)
        for f in found:
            got_by_line[f["line"]].append(f)
        for item in wanted[name]:
            if lines[item["line"] - 1] != item["text"]:
                raise ValueError(f"{name}:{item['line']}: the corpus line changed since it was labelled")
            got = list(got_by_line[item["line"]])
            for exp in item["facts"]:
                k = _match_key(exp)
                hit = next((g for g in got if _match_key(g) == k), None)
                if hit is None:
                    fn += 1
                    diffs.append(("missed", name, item["line"], k))
                    continue
                got.remove(hit)
                tp += 1
                for fld in ("year", "has_ref", "source"):
                    fields[fld, hit[fld] == exp[fld]] += 1
                    if hit[fld] != exp[fld]:
                        diffs.append((f"{fld} differs", name, item["line"], k, exp[fld], hit[fld]))
            for g in got:
                fp += 1
                diffs.append(("extra", name, item["line"], _match_key(g)))
    agree = {fld: fields[fld, True] / max(1, fields[fld, True] + fields[fld, False])
             for fld in ("year", "has_ref", "source")}
    return {"lines": len(doc["lines"]), "labelled": tp + fn, "extracted": tp + fp, "tp": tp, "fp": fp, "fn": fn,
            "precision": tp / (tp + fp) if tp + fp else 1.0, "recall": tp / (tp + fn) if tp + fn else 1.0,
            "agreement": agree, "diffs": diffs}
