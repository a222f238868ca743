"""I: the bilateral-relations infobox."""

from __future__ import annotations

import difflib

from .. import layout
from ..profile import nfc
from . import Edit, Fix, Hit, register

register("I001", "no-infobox", "warning",
         "দ্বিপাক্ষিক সম্পর্কের তথ্যছক নেই", "no bilateral-relations infobox", fix="unsafe",
         example="(a page without {{তথ্যছক দ্বিপাক্ষিক সম্পর্ক}})",
         doc="Checked by the policy schema: `infobox` is an object.", fixer=layout.infobox_edits)

register("I002", "infobox-country-missing", "error",
         "তথ্যছকে একটি দেশের নাম নেই", "the infobox lacks a country", example="{{তথ্যছক দ্বিপাক্ষিক সম্পর্ক||বাংলাদেশ}}",
         doc="Checked by the policy schema: `country1` and `country2` of the infobox are set.")


def _params(art):
    box = art.doc["infobox"]
    return box["params"] if box else []


def check_unknown(art):
    """A parameter the profile does not know; the closest known name is suggested."""
    known = art.profile.infobox_params
    for q in _params(art):
        name = nfc(q["name"])
        if name in known or (q["positional"] and name.isdigit() and int(name) <= 3):
            continue
        close = difflib.get_close_matches(name, sorted(known), n=1, cutoff=0.6)
        yield Hit(q["span"]["start"], q["span"]["end"],
                  {"name": q["name"], "suggestion": close[0] if close else "—"})


def check_duplicates(art):
    """The same parameter twice (MediaWiki uses the last one silently)."""
    seen = {}
    for q in _params(art):
        first = seen.get(q["name"])
        if first is None:
            seen[q["name"]] = q
            continue
        fix = None
        a, b = first["value"].strip(), q["value"].strip()
        if not a or not b or a == b:
            drop = first if not a else q  # keep the one with a value; of two equal, keep the first
            fix = Fix("safe", f"remove the {'empty' if not a or not b else 'repeated'} {q['name']}",
                      [Edit(drop["span"]["start"] - 1, drop["span"]["end"], "")])
        yield Hit(q["span"]["start"], q["span"]["end"], {"name": q["name"]}, fix)


def check_empty(art):
    """A known parameter given with no value."""
    known = art.profile.infobox_params
    for q in _params(art):
        if not q["value"].strip() and nfc(q["name"]) in known and not q["positional"]:
            yield Hit(q["span"]["start"], q["span"]["end"], {"name": q["name"]})


def check_countries(art):
    """Infobox countries and title countries, as ISO codes, must be the same pair."""
    box = art.doc["infobox"]
    title = [c["code"] for c in art.doc["title"]["countries"]]
    if not box or not box["country1"] or not box["country2"] or len(title) != 2:
        return
    boxed = [box["country1"]["code"], box["country2"]["code"]]
    if None in boxed or None in title or set(boxed) == set(title):
        return
    yield Hit(box["country1"]["span"]["start"], box["country2"]["span"]["end"],
              {"box": " / ".join(c["value"] for c in (box["country1"], box["country2"])),
               "title": " / ".join(c["name"] for c in art.doc["title"]["countries"])})


register("I003", "infobox-unknown-param", "warning",
         "তথ্যছকে অজানা প্যারামিটার «{name}» (সম্ভবত «{suggestion}»)",
         "unknown infobox parameter “{name}” (closest known: “{suggestion}”)",
         example="missoin1 = …", check=check_unknown)
register("I004", "infobox-duplicate-param", "error",
         "তথ্যছকে প্যারামিটার «{name}» দুবার দেওয়া হয়েছে", "infobox parameter “{name}” given twice",
         fix="safe", example="mission1 = … | mission1 = …", check=check_duplicates)
register("I005", "infobox-empty-param", "style",
         "তথ্যছকের প্যারামিটার «{name}» খালি", "infobox parameter “{name}” is empty",
         example="envoy1 =", check=check_empty)
register("I006", "infobox-title-mismatch", "error",
         "তথ্যছকের দেশ ({box}) শিরোনামের দেশের ({title}) সঙ্গে মেলে না",
         "infobox countries ({box}) differ from the title's ({title})", example="ভারত–নেপাল with ভারত/ভুটান",
         check=check_countries)
