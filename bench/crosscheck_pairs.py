"""Precision and recall of ``relbot crosscheck`` on the hand-labelled Bengali–English pairs of
fixtures/crosscheck/pairs.json and pairs2.json (labelled by helpers that never ran or read relbot's
crosscheck); printed for each set and for the two together.

For each pair the Bengali file is read under its title and compared with the English pages of
fixtures/enwiki (all 196, as ``--against`` would give them). A labelled fact and a row match when
sender, host and status agree, the kind agrees (for a disagreement, the Bengali side's kind and
the English side's, each with its own), and the cities agree where both name one (compared as
letters only, diacritics dropped: ``Buenos Aires`` ~ ``AR:buenos-aires``, ``Kraków`` ~ ``PL:krakow``). Scored per status: precision over the rows
of that status, recall over the labels of that status; ``only-here`` is printed too, and beside
each the figures before round 2 (``BEFORE``).

Split note: round 2 of the cross-check (city coverage, the sender from the title's pair, English
ellipses and upgrades, kind-first pairing) read this set's differences and was tuned on them, so
since then these are tune figures, not a held-out measure; bench/RESULTS.md says the same. pairs2.json
was measured once untuned (``BEFORE2``) and round 3 of the cross-check was tuned on it: it is a tuned
set too.

    python3 bench/crosscheck_pairs.py
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

LABELS = ROOT / "fixtures" / "crosscheck" / "pairs.json"
#: the second set (q01…q32), measured once untuned, then tuned on in round 3 of the cross-check
LABELS2 = ROOT / "fixtures" / "crosscheck" / "pairs2.json"
STATUSES = ("agreed", "missing-here", "disagreeing", "only-here")
#: (precision, recall) per status before round 2 (measured 2026-12-07, commit d837f57)
BEFORE = {"agreed": (0.980, 0.754), "missing-here": (0.565, 0.867), "disagreeing": (0.750, 0.545),
          "only-here": (0.636, 0.778)}
#: pairs2.json before round 3: measured once untuned, with the Bengali grammar before its round 4
#: (fixtures/crosscheck/README.md); round 3's starting tree (grammar round 4 merged, commit ace9a81)
#: prints the same figures
BEFORE2 = {"agreed": (0.955, 0.840), "missing-here": (0.794, 0.964), "disagreeing": (0.667, 0.500),
           "only-here": (0.333, 0.500)}


def _letters(city: str | None) -> str | None:
    if not city:
        return None
    from bot.gazetteer import _fold  # Kraków ~ Krakow ~ PL:krakow

    return re.sub(r"[^a-z]", "", _fold(city.split(":", 1)[-1]).casefold()) or None


def _row_keys(row) -> dict:
    """What a row says, as the labels say it: the Bengali side's kind and city and, for a
    disagreement, the English side's."""
    here = row.here[0] if row.here else None
    there = row.there[0] if row.there else None
    out = {"sender": row.sender, "host": row.host, "status": row.status, "kind": row.kind,
           "city": _letters(row.city_id)}
    if row.status == "disagreeing" and here is not None and there is not None:
        out["kind"], out["city"] = here.kind, _letters(here.host_city_id)
        out["other_kind"], out["other_city"] = there.kind, _letters(there.city_id or there.city)
    return out


def _matches(label: dict, row: dict) -> bool:
    if (label["sender"], label["host_country"], label["status"]) != (row["sender"], row["host"], row["status"]):
        return False
    if label["kind"] != row["kind"]:
        return False
    a, b = _letters(label.get("host_city")), row["city"]
    if a and b and a != b:
        return False
    if label["status"] == "disagreeing":
        other = label.get("other") or {}
        if other.get("kind") and row.get("other_kind") and other["kind"] != row["other_kind"]:
            return False
        a, b = _letters(other.get("host_city")), row.get("other_city")
        if a and b and a != b:
            return False
    return True


def score(doc: dict | None = None, english=None) -> dict:
    """Counts, precision and recall per status, and the differences (for reading, not tuning)."""
    import realpages
    from bot.article import build
    from bot.counterpart import EnglishPages
    from bot.crosscheck import for_article
    from bot.gazetteer import Gazetteer
    from bot.profile import load_profile
    from bot.sources import title_from_path

    doc = doc or json.loads(LABELS.read_text("utf-8"))
    if english is None:
        english = EnglishPages()
        for path in sorted(realpages.enwiki_dir().glob("*.wikitext")):
            english.add_file(path, title_from_path(path))
    profile, gaz = load_profile("bn"), Gazetteer.load("bn")
    tp, pred, gold = Counter(), Counter(), Counter()
    diffs = []
    for pair in doc["pairs"]:
        text = (ROOT / pair["bn_file"]).read_text("utf-8")
        art = build(text, pair["bn_title"], profile, gaz)
        rows = [_row_keys(r) for r in for_article(art, english)]
        labels = list(pair["facts"])
        for row in rows:
            pred[row["status"]] += 1
            hit = next((x for x in labels if _matches(x, row)), None)
            if hit is not None:
                labels.remove(hit)
                tp[row["status"]] += 1
            else:
                diffs.append((pair["id"], "extra", row))
        for x in pair["facts"]:
            gold[x["status"]] += 1
        diffs += [(pair["id"], "missed", x) for x in labels]
    ratio = lambda a, b: a / b if b else 1.0  # noqa: E731
    return {"pairs": len(doc["pairs"]), "tp": dict(tp), "predicted": dict(pred), "labelled": dict(gold),
            "precision": {s: ratio(tp[s], pred[s]) for s in STATUSES},
            "recall": {s: ratio(tp[s], gold[s]) for s in STATUSES}, "diffs": diffs}


def load(path: Path = LABELS) -> dict:
    return json.loads(path.read_text("utf-8"))


def both() -> dict:
    """pairs.json and pairs2.json as one set (ids differ: p… and q…)."""
    return {"pairs": load(LABELS)["pairs"] + load(LABELS2)["pairs"]}


def english_pages():
    import realpages
    from bot.counterpart import EnglishPages
    from bot.sources import title_from_path

    english = EnglishPages()
    for path in sorted(realpages.enwiki_dir().glob("*.wikitext")):
        english.add_file(path, title_from_path(path))
    return english


def _table(name: str, r: dict, before: dict | None, before_name: str) -> None:
    print(f"\n{name}: {r['pairs']} labelled bn–en pairs, {sum(r['labelled'].values())} facts")
    print(f"{'status':<14}{'labelled':>9}{'found':>7}{'right':>7}{'P':>8}{'R':>8}"
          + (f"   {before_name}: P, R" if before else ""))
    for s in STATUSES:
        tail = f"   {before[s][0]:.3f}, {before[s][1]:.3f}" if before else ""
        print(f"{s:<14}{r['labelled'].get(s, 0):>9}{r['predicted'].get(s, 0):>7}{r['tp'].get(s, 0):>7}"
              f"{r['precision'][s]:>8.3f}{r['recall'][s]:>8.3f}{tail}")


def main() -> None:
    started = time.perf_counter()
    english = english_pages()
    r1, r2, r12 = score(load(LABELS), english), score(load(LABELS2), english), score(both(), english)
    seconds = time.perf_counter() - started
    print(f"crosscheck on the labelled bn–en pairs ({seconds:.1f} s, the English pages read once)")
    _table("pairs.json (tuned on in round 2)", r1, BEFORE, "before round 2")
    _table("pairs2.json (tuned on in round 3)", r2, BEFORE2, "before round 3")
    _table("both together", r12, None, "")
    if "-v" in sys.argv:
        for name, r in (("pairs.json", r1), ("pairs2.json", r2)):
            print(f"\n-- differences, {name}")
            for d in r["diffs"]:
                print(*d)


if __name__ == "__main__":
    main()
