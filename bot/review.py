"""Maintainer review: bundles of proposed edits, approvals, and the terminal review.

A bundle entry's id hashes its title, base revision, new text, source (file path or
``site:title``) and position in the bundle, so it is unique within the bundle (two files with
the same title and the same fix are two entries) and the same proposal made twice gets the same
id. An entry on a page the bot may not edit (``{{nobots}}``, an in-use template) is marked not
saveable with the reason; no review approves it and ``apply`` never saves it. ``apply`` saves
an approved entry only when the page still is at the base revision and still yields the same
new text.

Approvals (``schemas/approvals.schema.json``) are one decision per id: version 2 is a map
id → ``approved``/``rejected``, so an id cannot be both; version 1 (two lists) is still read,
and refused when an id is in both.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from datetime import datetime, timezone

from . import diffs
from .fixes import Outcome
from .profile import Profile
from .schema import validator

DECISIONS = ("approved", "rejected")


class BundleError(Exception):
    """A bundle or approvals file that cannot be used (one-line message)."""


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def entry_id(title: str, base_revid, new_sha256: str, source: str, position: int) -> str:
    key = f"{title}\n{base_revid}\n{new_sha256}\n{source}\n{position}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:12]


def entry(out: Outcome, source: str, base_revid: int | None, profile: Profile, username: str = "",
          protected: str | None = None) -> dict:
    """A bundle entry; ``username``: the bot account whose {{bots}} rights decide whether the
    page may be saved ("" for files and dumps: only pages open to every bot count as saveable);
    ``protected``: why the page's protection keeps the account out (bot.wiki.protection_block)."""
    from .wiki import edit_block
    names = profile.data["rule_names"]
    rules, seen = [], set()
    for a in out.applied:
        if a.code not in seen:
            seen.add(a.code)
            rules.append({"code": a.code, "severity": a.severity, "applicability": a.applicability,
                          "description": a.description, "name": names.get(a.code, a.code)})
    parsed = out.first.parsed if out.first is not None else None
    block = edit_block(parsed.tree if parsed is not None else out.original, profile, username) or protected
    return {
        "id": entry_id(out.title, base_revid, sha256(out.text), source, 0),
        "title": out.title, "source": source, "base_revid": base_revid, "rules": rules,
        "applicability": "unsafe" if any(r["applicability"] == "unsafe" for r in rules) else "safe",
        "summary": out.summary, "cosmetic": out.cosmetic,
        "diff": diffs.unified(out.original, out.text, out.title),
        "hunks": diffs.hunks(out.original, out.text),
        "new_sha256": sha256(out.text),
        "findings": [f.to_json(out.first) for f in out.findings],
        "saveable": block is None, "block": block,
        "places": places(out),
    }


ANCHOR_GRAPHEMES = 60
# what may not stand in an exceptions-page field: the field separator, and wikitext that would
# link, transclude or sign on that page
_NOT_IN_ANCHOR = re.compile(r"\||\[\[|\]\]|\{\{|\}\}|<|>|~~~|\n")


def anchor_text(text: str, start: int, end: int) -> str:
    """Text that picks this finding on the exceptions page (``* [[Page]] | CODE | anchor | note``):
    the finding's own source text, else (an empty span) the words around it on its line; the
    longest part of it that is safe in a wikitext list field, cut at a grapheme boundary."""
    own = text[start:end]
    if not own.strip():
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        line = text[line_start:len(text) if line_end < 0 else line_end]
        here = start - line_start
        own = line[max(0, here - 30):here + 30]
    parts = [" ".join(p.split()) for p in _NOT_IN_ANCHOR.split(own)]
    best = max(parts, key=len, default="")
    head, _ = diffs.elide(best, ANCHOR_GRAPHEMES, "end")
    return head


_WORD = None  # regex: a run of letters and marks (a Bengali word keeps its vowel signs)


def _safe(text: str) -> str:
    """``text`` as it may stand in an exceptions-page field: its longest part between markup."""
    parts = [" ".join(p.split()) for p in _NOT_IN_ANCHOR.split(text)]
    return max(parts, key=len, default="")


def _line_anchors(text: str, start: int, end: int):
    """Spans of whole words next to a finding on its line, nearest first, growing: the words just
    before it, then just after it, one word more each round."""
    global _WORD
    import regex

    if _WORD is None:
        _WORD = regex.compile(r"\w+")
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", end)
    b = len(text) if b < 0 else b
    before = [m.span() for m in _WORD.finditer(text, a, start)]
    after = [m.span() for m in _WORD.finditer(text, end, b)]
    for k in range(1, 9):
        if len(before) >= k:
            yield text[before[-k][0]:before[-1][1]]
        if len(after) >= k:
            yield text[after[0][0]:after[k - 1][1]]


def anchor_for(text: str, findings, index: int, title: str = "") -> str:
    """The anchor that picks finding ``index`` of ``findings`` (objects with ``code``, ``start``,
    ``end``) and no other, by the exceptions page's own rules (:func:`bot.exceptions.assign`):
    its own text when that is at least a word (two grapheme clusters that are not markup),
    else the fewest words beside it on its line. When nothing picks it alone (two findings of
    one code on one line), the nearest words: the findings of that line, never the whole page."""
    from . import exceptions

    f = findings[index]

    def alone(anchor: str) -> bool:
        entry = exceptions.Entry(title, f.code, exceptions._flat(anchor), "", 0)
        return bool(anchor) and set(exceptions.assign([entry], findings, text)) == {index}

    own = diffs.elide(_safe(text[f.start:f.end]), ANCHOR_GRAPHEMES, "end")[0]
    if len(diffs.graphemes(own)) >= 2 and alone(own):
        return own
    first = ""
    for words in _line_anchors(text, f.start, f.end):
        words = _safe(words)
        if len(diffs.graphemes(words)) > ANCHOR_GRAPHEMES:
            break
        first = first or words
        if alone(words):
            return words
    return first or anchor_text(text, f.start, f.end)


def places(out: Outcome) -> list[dict]:
    """Per finding of the page as it was: the section it is in (for an edit link at that section)
    and the anchor that picks it alone on the exceptions page (for the false-positive line)."""
    from .links import heading_starts, section_at

    starts = heading_starts(out.original)
    return [{"section": section_at(starts, f.start), "anchor": anchor_for(out.original, out.findings, i, out.title)}
            for i, f in enumerate(out.findings)]


def bundle(entries: list[dict], profile: Profile, source: str, site: str | None, options: dict,
           links: dict | None = None) -> dict:
    """The bundle document; entry ids are made unique here (each entry's position counts).
    ``links``: the link base of the wiki the pages came from (:func:`bot.links.site_base`),
    else the profile's ``wiki.base_url``."""
    for position, e in enumerate(entries):
        e["id"] = entry_id(e["title"], e["base_revid"], e["new_sha256"], e["source"], position)
    if links is None:
        links = {"base_url": profile.data["wiki"]["base_url"]} if "wiki" in profile.data else None
    ident = hashlib.sha256("\n".join(e["id"] for e in entries).encode()).hexdigest()[:16]
    return {"relbot_bundle": 1, "id": ident, "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "profile": profile.source, "source": source, "site": site, "options": options, "links": links, "entries": entries}


def _load(path: str, schema: str) -> dict:
    try:
        with open(path, encoding="utf-8") as fh:
            doc = json.load(fh)
    except FileNotFoundError:
        raise BundleError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BundleError(f"{path}: not a readable JSON file: {exc}") from None
    errors = list(validator(schema).iter_errors(doc))
    if errors:
        where = "/".join(str(p) for p in errors[0].absolute_path) or "(top level)"
        raise BundleError(f"{path}: not a valid {schema} file at {where}: {errors[0].message}")
    return doc


def load_bundle(path: str) -> dict:
    doc = _load(path, "bundle")
    seen: set[str] = set()
    for e in doc["entries"]:
        if e["id"] in seen:
            raise BundleError(f"{path}: entry id {e['id']} is given twice (remake the bundle with relbot propose)")
        seen.add(e["id"])
    return doc


def saveable(e: dict) -> bool:
    return e.get("saveable", True)


def load_approvals(path: str, bundle_doc: dict) -> dict:
    """The decisions of an approvals file (version 1 or 2) as ``{"bundle", "decisions",
    "approved", "rejected"}``; refused when an id is both approved and rejected or is not in the
    bundle. (An approved entry that is not saveable is ``blocked`` by apply, never saved.)"""
    doc = _load(path, "approvals")
    if doc["bundle"] != bundle_doc["id"]:
        raise BundleError(f"{path}: approvals are for bundle {doc['bundle']}, not {bundle_doc['id']}")
    if doc["relbot_approvals"] == 1:
        both = sorted(set(doc["approved"]) & set(doc["rejected"]))
        if both:
            raise BundleError(f"{path}: {both[0]} is both approved and rejected")
        decisions = {i: "approved" for i in doc["approved"]} | {i: "rejected" for i in doc["rejected"]}
    else:
        decisions = dict(doc["decisions"])
    entries = {e["id"] for e in bundle_doc["entries"]}
    for i in decisions:
        if i not in entries:
            raise BundleError(f"{path}: {i} is no entry of bundle {bundle_doc['id']}")
    out = {"bundle": doc["bundle"], "decisions": decisions}
    for d in DECISIONS:
        out[d] = [i for i, v in decisions.items() if v == d]
    return out


def approvals(bundle_doc: dict, decisions: dict[str, str], reviewer: str | None = None) -> dict:
    """An approvals document (version 2): one decision per id, in bundle order."""
    order = [e["id"] for e in bundle_doc["entries"]]
    doc = {"relbot_approvals": 2, "bundle": bundle_doc["id"],
           "decisions": {i: decisions[i] for i in order if decisions.get(i) in DECISIONS}}
    if reviewer:
        doc["reviewer"] = reviewer
    return doc


# -- the terminal review ------------------------------------------------------------------------

COLOURS = {"-": "\033[31m", "+": "\033[32m", "h": "\033[36m", "del": "\033[1;41;97m", "ins": "\033[1;42;97m",
           "end": "\033[0m"}


def render_entry(e: dict, colour: bool = True) -> str:
    """An entry as terminal text: header, findings, hunks with word-level highlights."""
    c = COLOURS if colour else {k: "" for k in COLOURS}
    out = [f"{c['h']}== {e['title']} ({e['applicability']}{', cosmetic only' if e['cosmetic'] else ''}) "
           f"[{e['id']}]{c['end']}", f"   {e['source']}", f"   {e['summary']}"]
    if not saveable(e):
        out.append(f"   not saveable: {e.get('block')}")
    for h in e["hunks"]:
        out.append(f"{c['h']}@@ -{h['old_start']} +{h['new_start']} @@{c['end']}")
        for line in h["lines"]:
            op = line["op"]
            if op == " ":
                out.append("  " + line["old"])
            elif op == "-":
                out.append(f"{c['-']}- {line['old']}{c['end']}")
            elif op == "+":
                out.append(f"{c['+']}+ {line['new']}{c['end']}")
            else:
                old = "".join(f"{c['del']}{t}{c['end']}{c['-']}" if o == "-" else t for o, t in line["words"] if o != "+")
                new = "".join(f"{c['ins']}{t}{c['end']}{c['+']}" if o == "+" else t for o, t in line["words"] if o != "-")
                out.append(f"{c['-']}- {old}{c['end']}")
                out.append(f"{c['+']}+ {new}{c['end']}")
                # changes the eye cannot see: say their code points
                hidden = [s["codes"] for s in diffs.segments(line["old"] or "", line["new"] or "")
                          if s["op"] == "change" and s["kind"] in ("nfc", "space")]
                if hidden:
                    out.append(f"  ({'; '.join(hidden)})")
    return "\n".join(out)


def terminal_review(bundle_doc: dict, stdin=None, stdout=None, colour: bool | None = None) -> dict:
    """Ask y (approve) / n (reject) / s (skip) / q (quit) for each entry; return the approvals.
    An entry that is not saveable is shown with its reason and not asked about."""
    stdin, stdout = stdin or sys.stdin, stdout or sys.stdout
    colour = stdout.isatty() if colour is None else colour
    decisions: dict[str, str] = {}
    entries = bundle_doc["entries"]
    for i, e in enumerate(entries, 1):
        stdout.write(render_entry(e, colour) + "\n")
        if not saveable(e):
            stdout.write(f"[{i}/{len(entries)}] not saveable, not asked\n")
            continue
        while True:
            stdout.write(f"[{i}/{len(entries)}] approve this edit? [y]es, [n]o, [s]kip, [q]uit: ")
            stdout.flush()
            answer = stdin.readline()
            if not answer:  # end of input: stop asking, keep what was decided
                answer = "q"
            answer = answer.strip().lower()[:1]
            if answer in ("y", "n", "s", "q"):
                break
        if answer == "q":
            break
        if answer in ("y", "n"):  # one decision per id: a later one replaces an earlier one
            decisions[e["id"]] = "approved" if answer == "y" else "rejected"
    doc = approvals(bundle_doc, decisions)
    n = list(doc["decisions"].values())
    stdout.write(f"approved {n.count('approved')}, rejected {n.count('rejected')}\n")
    return doc
