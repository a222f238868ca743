"""Maintainer review: bundles of proposed edits, approvals, and the terminal review.

A bundle entry is stable: its id hashes the title, the base revision and the new text,
so the same proposal made twice gets the same id. ``apply`` saves an approved entry only
when the page still is at the base revision and still yields the same new text.
"""

from __future__ import annotations

import hashlib
import json
import sys
from datetime import datetime, timezone

from . import diffs
from .fixes import Outcome
from .profile import Profile
from .schema import validator


class BundleError(Exception):
    """A bundle or approvals file that cannot be used (one-line message)."""


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def entry(out: Outcome, source: str, base_revid: int | None, profile: Profile) -> dict:
    names = profile.data["rule_names"]
    rules, seen = [], set()
    for a in out.applied:
        if a.code not in seen:
            seen.add(a.code)
            rules.append({"code": a.code, "severity": a.severity, "applicability": a.applicability,
                          "description": a.description, "name": names.get(a.code, a.code)})
    key = f"{out.title}\n{base_revid}\n{sha256(out.text)}"
    return {
        "id": hashlib.sha256(key.encode("utf-8")).hexdigest()[:12],
        "title": out.title, "source": source, "base_revid": base_revid, "rules": rules,
        "applicability": "unsafe" if any(r["applicability"] == "unsafe" for r in rules) else "safe",
        "summary": out.summary, "cosmetic": out.cosmetic,
        "diff": diffs.unified(out.original, out.text, out.title),
        "hunks": diffs.hunks(out.original, out.text),
        "new_sha256": sha256(out.text),
        "findings": [f.to_json(out.first) for f in out.findings],
    }


def bundle(entries: list[dict], profile: Profile, source: str, site: str | None, options: dict) -> dict:
    ident = hashlib.sha256("\n".join(e["id"] for e in entries).encode()).hexdigest()[:16]
    return {"relbot_bundle": 1, "id": ident, "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "profile": profile.source, "source": source, "site": site, "options": options, "entries": entries}


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
    return _load(path, "bundle")


def load_approvals(path: str, bundle_doc: dict) -> dict:
    doc = _load(path, "approvals")
    if doc["bundle"] != bundle_doc["id"]:
        raise BundleError(f"{path}: approvals are for bundle {doc['bundle']}, not {bundle_doc['id']}")
    return doc


def approvals(bundle_doc: dict, approved: list[str], rejected: list[str]) -> dict:
    return {"relbot_approvals": 1, "bundle": bundle_doc["id"], "approved": approved, "rejected": rejected}


# -- the terminal review ------------------------------------------------------------------------

COLOURS = {"-": "\033[31m", "+": "\033[32m", "h": "\033[36m", "del": "\033[1;41;97m", "ins": "\033[1;42;97m",
           "end": "\033[0m"}


def render_entry(e: dict, colour: bool = True) -> str:
    """An entry as terminal text: header, findings, hunks with word-level highlights."""
    c = COLOURS if colour else {k: "" for k in COLOURS}
    out = [f"{c['h']}== {e['title']} ({e['applicability']}{', cosmetic only' if e['cosmetic'] else ''}) "
           f"[{e['id']}]{c['end']}", f"   {e['summary']}"]
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
    return "\n".join(out)


def terminal_review(bundle_doc: dict, stdin=None, stdout=None, colour: bool | None = None) -> dict:
    """Ask y (approve) / n (reject) / s (skip) / q (quit) for each entry; return the approvals."""
    stdin, stdout = stdin or sys.stdin, stdout or sys.stdout
    colour = stdout.isatty() if colour is None else colour
    approved, rejected = [], []
    entries = bundle_doc["entries"]
    for i, e in enumerate(entries, 1):
        stdout.write(render_entry(e, colour) + "\n")
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
        if answer == "y":
            approved.append(e["id"])
        elif answer == "n":
            rejected.append(e["id"])
    stdout.write(f"approved {len(approved)}, rejected {len(rejected)}\n")
    return approvals(bundle_doc, approved, rejected)
