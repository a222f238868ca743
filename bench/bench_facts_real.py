"""Mission facts on real Bengali sentences (issue 22): precision and recall on fixtures/facts/bn_real*.json.

bn_real.json (811 sentences, split tune/holdout) has been tuned on whole since round 2: its numbers
are tune numbers. bn_real2.json (labelled from other pages) was measured once, untuned, after round
2's grammar was frozen, then tuned on whole in round 3: its numbers are tune numbers too. So was
bn_real3.json (419 sentences, split holdout3, news mostly): measured untuned after rounds 2 and 3,
tuned on whole in round 4. bn_real4.json (538 sentences, split holdout4, news): measured untuned
after rounds 3 and 4, tuned on whole in round 5. bn_real5.json (421 sentences, split holdout5, news)
was measured untuned after round 5 and tuned on in round 6; bn_real6.json and bn_real7.json (372
each) were measured untuned after round 6 and tuned on in round 7; bn_real8.json (339) was measured
untuned after rounds 5–7 and bn_real9.json (348) after round 8's first part, and both were tuned on in
round 8. bn_real10.json (311, labelled while round 8 was made) was measured untuned after rounds 7 and
8 and tuned on in round 9; bn_real11.json (305, labelled while round 9 was made) was measured untuned
after rounds 8 and 9 and tuned on in round 10; bn_real12.json (223, labelled at the same time by
another labeller) was measured untuned after rounds 8, 9 and 10 and tuned on in round 11.
bn_real13.json (250, labelled while round 11 was made) was measured untuned after rounds 8–11 and tuned
on in round 12 (fifth day); bn_real15.json (219, Bangladesh neither sender nor host, labelled while round
12 was made) was measured untuned after rounds 11 and 12 and tuned on in round 13; bn_real16.json (258,
Bangladesh neither, labelled while round 13 was made) was measured untuned after rounds 11, 12 and 13 and
tuned on in round 14; bn_real17.json (271, Bangladesh a party, labelled at the same time) was measured
untuned after rounds 11–14 and tuned on in round 15; bn_real19.json (255, Bangladesh a party, labelled
while round 15 was made) was measured untuned after rounds 11 and 15 and tuned on in round 16; bn_real21.json (238, Bangladesh neither,
labelled while round 16 was made) was measured untuned after rounds 11 and 16 and tuned on in round 17
(sixth day); bn_real20.json (275, Bangladesh a party, labelled at the same time) was measured untuned
after rounds 11, 16 and 17, its two annotators' disagreements adjudicated by a third reader
(bn_real20_adjudicated.json, printed too), and tuned on in round 18; bn_real23.json (142, Bangladesh
neither, labelled while round 18 was made) was measured untuned after rounds 16 and 18 and tuned on in
round 19; bn_real24.json (160, reference and feature pages, labelled while round 19 was made) was measured
untuned after rounds 16 and 19 and tuned on in round 20; bn_real26.json (151, Bangladesh neither,
labelled while round 20 was made) was measured untuned after rounds 16, 19 and 20 and tuned on in round
21; bn_real30.json (136, Bangladesh neither, labelled after round 21) was measured untuned with rounds
16 and 21 and tuned on in round 22; bn_real27, 28, 29 and 31 (labelled after round 21, read by the sixth
day's fixed test) were tuned on in round 23, and bn_real35 (75, neither Bangladesh nor India) and bn_real37
(95, reference pages, mostly 1971 archive items) after the seventh day's first fixed test in round 24, and
bn_real41 (138, Bangladesh a party) and bn_real42 (73, neither) after its third in round 26, and bn_real14
(380, fresh until then) in round 28 on the ninth day, and bn_real50 (67, Indian outlets, read once with bn_real49
as that day's third fixed test) in round 29, and bn_real51 (177, visas and accreditation from elsewhere, read once
with bn_real52 as the day's fourth) in round 30. The fresh
sets, never tuned on (their differences are not printed, so that reading them is a choice to spend them):
bn_real18.json (54,
Bangladesh neither, labelled at the same time as bn_real19; two of its differences were once printed by
mistake and left alone), bn_real22.json (205, Bangladesh a party, labelled while round 18 was made),
bn_real25.json (233, Bangladesh a party, labelled while round 20 was made),
bn_real32.json (82, Bangladesh a party) and bn_real33.json (54, Bangladesh neither), labelled after round
22 until the search budget ran out, and from the seventh day bn_real34.json (165, Bangladesh a party) and
bn_real36.json (89, India a party), labelled with bn_real35 and 37 as the day's first fixed test (read once
together after round 23, then 35 and 37 were tuned on in round 24), and bn_real38.json (168, Bangladesh a
party), bn_real39.json (57, neither Bangladesh nor India) and bn_real40.json (45, India a party), labelled
while round 24 was made and read once together after it (LATEST_SETS, the day's second fixed test), and
bn_real43.json (65, India a party), labelled after round 25 with bn_real41 and 42 as the day's third fixed
test (read once together with round 25, then 41 and 42 were tuned on in round 26), and from the ninth day
bn_real44.json (183, Bangladesh a party), bn_real45.json (74, neither Bangladesh nor India) and
bn_real46.json (56, India a party), labelled after round 27 and read once together with it (NINTH_SETS,
that day's fixed test), and bn_real47.json (191, Bangladesh's missions abroad) and bn_real48.json (173,
foreign missions in Bangladesh), labelled while round 28 was made and read once after it (NINTH2_SETS, the
day's second fixed test), and bn_real49.json (143, older news 2012–2018), read once with round 28 together with
bn_real50 (the day's third fixed test), and bn_real52.json (182, missions named in passing), read once with round
29 together with bn_real51 (the day's fourth), and bn_real53.json (43, encyclopedic pages) and bn_real54.json (146,
foreign state services' Bengali news and the missions they name), read once with round 30 (the day's fifth),
and from the tenth day bn_real56.json (70, missions in less-covered regions and kinds), bn_real57.json (1, a
bn.wikipedia bilateral article; the stored pages' excerpts show few mission sentences) and bn_real58.json (182,
culture, sports, education and business desks), each read once with round 31 (TENTH_SETS, the day's fixed test);
printed each and together, LATEST_SETS, NINTH_SETS, NINTH2_SETS and TENTH_SETS together.

Each sentence is read as a one-line page by ``bot.facts.facts_for`` under the bn profile:
a Wikipedia sentence under its ``page_title`` (reciprocal forms need the title's pair), a news
sentence under NEWS_TITLE, a title that names no pair, as a news page's would (so ``দুই দেশ পরস্পরের
দেশে দূতাবাস`` has no pair to read; until the tenth day it was a bilateral title of two countries no
sentence names, which made such a sentence two extras: four in the spent sets, where their labellers
gave none). A labelled ``context`` (the sentence before)
goes before the sentence on the same line; only facts read from the sentence itself count.

Scoring follows ``bot.facts.score_labels``: a fact is found when sender, kind, host country and host
city agree; the city is compared as written without its case ending (labels) or stem (relbot), after
NFC, whitespace collapsed and casefolded. Labels marked ``sure: false`` count in neither precision nor
recall: a fact matching one is neither a hit nor an extra, and missing one is no miss. Absent
statements (``absent``: accredited elsewhere, closed, denied) are scored the same way on sender and
host country. Prints, never asserts: bn_real.json by split and together, the tuned sets and the fresh
sets (those present) by source and together; ``--misses``, ``--misses2`` … ``--misses15`` print the
differences of bn_real.json and of each tuned set (never of a fresh set).
Run: python3 bench/bench_facts_real.py [--misses] [--misses2] … [--misses13] [--misses14] [--misses15] [--misses16] [--misses17] [--misses19]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.facts import absent_for, facts_for  # noqa: E402
from bot.gazetteer import Gazetteer  # noqa: E402
from bot.profile import load_profile, nfc  # noqa: E402

LABELS = ROOT / "fixtures" / "facts" / "bn_real.json"
LABELS2 = ROOT / "fixtures" / "facts" / "bn_real2.json"  # tuned on since round 3
LABELS3 = ROOT / "fixtures" / "facts" / "bn_real3.json"  # tuned on since round 4
LABELS4 = ROOT / "fixtures" / "facts" / "bn_real4.json"  # tuned on since round 5
LABELS5 = ROOT / "fixtures" / "facts" / "bn_real5.json"  # tuned on since round 6
LABELS6 = ROOT / "fixtures" / "facts" / "bn_real6.json"  # tuned on since round 7
LABELS7 = ROOT / "fixtures" / "facts" / "bn_real7.json"  # tuned on since round 7
LABELS8 = ROOT / "fixtures" / "facts" / "bn_real8.json"  # tuned on since round 8
LABELS9 = ROOT / "fixtures" / "facts" / "bn_real9.json"  # tuned on since round 8
LABELS10 = ROOT / "fixtures" / "facts" / "bn_real10.json"  # tuned on since round 9
LABELS11 = ROOT / "fixtures" / "facts" / "bn_real11.json"  # tuned on since round 10
LABELS12 = ROOT / "fixtures" / "facts" / "bn_real12.json"  # tuned on since round 11
LABELS13 = ROOT / "fixtures" / "facts" / "bn_real13.json"  # tuned on since round 12
LABELS15 = ROOT / "fixtures" / "facts" / "bn_real15.json"  # tuned on since round 13
LABELS16 = ROOT / "fixtures" / "facts" / "bn_real16.json"  # tuned on since round 14
LABELS17 = ROOT / "fixtures" / "facts" / "bn_real17.json"  # tuned on since round 15
LABELS19 = ROOT / "fixtures" / "facts" / "bn_real19.json"  # tuned on since round 16
LABELS20 = ROOT / "fixtures" / "facts" / "bn_real20.json"  # tuned on since round 18
LABELS21 = ROOT / "fixtures" / "facts" / "bn_real21.json"  # tuned on since round 17
LABELS23 = ROOT / "fixtures" / "facts" / "bn_real23.json"  # tuned on since round 19
LABELS24 = ROOT / "fixtures" / "facts" / "bn_real24.json"  # tuned on since round 20
LABELS26 = ROOT / "fixtures" / "facts" / "bn_real26.json"  # tuned on since round 21
LABELS30 = ROOT / "fixtures" / "facts" / "bn_real30.json"  # tuned on since round 22
LABELS27 = ROOT / "fixtures" / "facts" / "bn_real27.json"  # tuned on since round 23
LABELS28 = ROOT / "fixtures" / "facts" / "bn_real28.json"  # tuned on since round 23
LABELS29 = ROOT / "fixtures" / "facts" / "bn_real29.json"  # tuned on since round 23
LABELS31 = ROOT / "fixtures" / "facts" / "bn_real31.json"  # tuned on since round 23
LABELS35 = ROOT / "fixtures" / "facts" / "bn_real35.json"  # tuned on since round 24
LABELS37 = ROOT / "fixtures" / "facts" / "bn_real37.json"  # tuned on since round 24
LABELS41 = ROOT / "fixtures" / "facts" / "bn_real41.json"  # tuned on since round 26
LABELS42 = ROOT / "fixtures" / "facts" / "bn_real42.json"  # tuned on since round 26
LABELS14 = ROOT / "fixtures" / "facts" / "bn_real14.json"  # fresh until the ninth day, tuned on since round 28
LABELS50 = ROOT / "fixtures" / "facts" / "bn_real50.json"  # read once with round 28, tuned on since round 29
LABELS51 = ROOT / "fixtures" / "facts" / "bn_real51.json"  # read once with round 29, tuned on since round 30
TUNED_SETS = {2: LABELS2, 3: LABELS3, 4: LABELS4, 5: LABELS5, 6: LABELS6, 7: LABELS7, 8: LABELS8, 9: LABELS9,
              10: LABELS10, 11: LABELS11, 12: LABELS12, 13: LABELS13, 15: LABELS15, 16: LABELS16, 17: LABELS17,
              19: LABELS19, 20: LABELS20, 21: LABELS21, 23: LABELS23,
              24: LABELS24, 26: LABELS26, 30: LABELS30, 27: LABELS27, 28: LABELS28, 29: LABELS29, 31: LABELS31,
              35: LABELS35, 37: LABELS37, 41: LABELS41, 42: LABELS42, 14: LABELS14, 50: LABELS50, 51: LABELS51}
FRESH_SETS = (18, 22, 25, 32, 33, 34, 36, 38, 39, 40, 43, 44, 45, 46, 47, 48, 49, 52, 53, 54, 56, 57, 58)
#: the seventh day's second fixed test: labelled while round 24 was made, read once together after it
LATEST_SETS = (38, 39, 40)
#: the ninth day's fixed test: labelled after round 27 by labellers who never saw relbot's output, read once
NINTH_SETS = (44, 45, 46)
#: the ninth day's second fixed test: labelled while round 28 was made, read once after it
NINTH2_SETS = (47, 48)
#: the tenth day's fixed test: labelled by helpers who never saw relbot's output, each read once with round 31
TENTH_SETS = (56, 57, 58)
FRESH = [ROOT / "fixtures" / "facts" / f"bn_real{n}.json" for n in FRESH_SETS]  # never tuned on
#: a third reader's decisions (blinded) where a set's two annotators disagree: the set's adjudicated gold
ADJUDICATED = {20: ROOT / "fixtures" / "facts" / "bn_real20_adjudicated.json"}
NEWS_TITLE = "সংবাদ"  # a news page's title names no pair of countries


def _key(f: dict) -> tuple:
    city = " ".join(nfc(f.get("host_city") or "").split()).casefold() or None
    return (f.get("sender"), f.get("kind"), f.get("host_country"), city)


def page_of(item: dict) -> tuple[str, str, int]:
    """(page text, title, offset of the sentence in the text) for one labelled sentence."""
    title = item.get("page_title") or NEWS_TITLE
    prefix = ""
    if item.get("context"):
        prefix = item["context"].rstrip().rstrip("।") + "। "
    return prefix + item["text"] + "\n", title, len(prefix)


def read_item(item: dict, profile, gaz) -> tuple[list[dict], list[tuple]]:
    """(facts, absent keys) relbot reads from one labelled sentence."""
    text, title, off = page_of(item)
    facts = [f for f in facts_for(text, title, profile, gaz) if f["column"] - 1 >= off]
    absent = [(a["sender"], a["host_country"]) for a in absent_for(text, title, profile, gaz)
              if a["column"] - 1 >= off]
    return facts, absent


def _compare(got: list, labels: list, key, item: dict, what: str, diffs: list) -> tuple[int, int, int]:
    """(tp, fp, fn) of what relbot read against one sentence's labels, ``sure: false`` labels
    counting in neither; the differences go to ``diffs`` as (what missed/extra, id, key, text)."""
    sure = [key(x) for x in labels if x.get("sure", True)]
    unsure = [key(x) for x in labels if not x.get("sure", True)]
    got, tp, fn = list(got), 0, 0
    for k in sure:
        if k in got:
            got.remove(k)
            tp += 1
        else:
            fn += 1
            diffs.append((f"{what}missed", item["id"], k, item["text"]))
    fp = 0
    for k in got:
        if k in unsure:
            unsure.remove(k)
            continue
        fp += 1
        diffs.append((f"{what}extra", item["id"], k, item["text"]))
    return tp, fp, fn


def _ratios(tp: int, fp: int, fn: int) -> dict:
    return {"tp": tp, "fp": fp, "fn": fn, "precision": tp / (tp + fp) if tp + fp else 1.0,
            "recall": tp / (tp + fn) if tp + fn else 1.0}


def score(items, profile, gaz) -> dict:
    facts_n, absent_n, diffs = [0, 0, 0], [0, 0, 0], []
    for item in items:
        facts, absent = read_item(item, profile, gaz)
        counts = _compare([_key(f) for f in facts], item["facts"], _key, item, "", diffs)
        facts_n = [a + b for a, b in zip(facts_n, counts)]
        counts = _compare(absent, item["absent"], lambda a: (a["sender"], a["host_country"]), item, "absent ", diffs)
        absent_n = [a + b for a, b in zip(absent_n, counts)]
    return {"sentences": len(items), **_ratios(*facts_n), "absent": _ratios(*absent_n), "diffs": diffs}


def load_items(path: Path = LABELS) -> list[dict]:
    items = json.loads(path.read_text("utf-8"))["sentences"]
    if path == LABELS5:
        # bn_real5's labeller wrote notes in ``context`` ("'এই দূতাবাস' = the UAE embassy"), not the
        # page's sentence before: no page holds them, so they are not read
        items = [{**i, "context": None} for i in items]
    return items


def adjudicated_items(n: int) -> list[dict]:
    """bn_real{n}.json with the adjudicated labels where its two annotators disagreed (the agreed
    sentences keep the labels both gave)."""
    adj = {s["id"]: s for s in json.loads(ADJUDICATED[n].read_text("utf-8"))["sentences"]}
    return [{**i, **{k: adj[i["id"]].get(k) or [] for k in ("facts", "absent", "planned")}} if i["id"] in adj else i
            for i in load_items(ROOT / "fixtures" / "facts" / f"bn_real{n}.json")]


def _print(name: str, items, profile, gaz, misses: bool) -> None:
    for source in ("wikipedia", "news", None):
        part = [i for i in items if source is None or i["source"] == source]
        r = score(part, profile, gaz)
        a = r["absent"]
        print(f"{name:16} {source or 'together':10} sentences {r['sentences']:4}  "
              f"P {r['precision']:.3f}  R {r['recall']:.3f}  (tp {r['tp']}, fp {r['fp']}, fn {r['fn']})   "
              f"absent P {a['precision']:.3f} R {a['recall']:.3f} (tp {a['tp']}, fp {a['fp']}, fn {a['fn']})")
        if misses and source is None:
            for d in r["diffs"]:
                print("  ", *d)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--misses", action="store_true", help="print bn_real.json's differences")
    for n in TUNED_SETS:
        ap.add_argument(f"--misses{n}", action="store_true", help=f"print bn_real{n}.json's differences")
    ap.add_argument("--set", nargs="+", type=Path, metavar="FILE",
                    help="score only these labelled files (the bn_real*.json format), each and together")
    ap.add_argument("--diffs", action="store_true", help="with --set: print the differences too (spends a fresh set)")
    args = ap.parse_args()
    profile, gaz = load_profile("bn"), Gazetteer.load("bn")
    if args.set:
        try:
            sets = [(path.name, load_items(path)) for path in args.set]
        except (OSError, ValueError, KeyError, TypeError) as e:
            ap.error(f"--set: not a labelled file: {e}")  # one line, exit status 2
        for name, items in sets:
            _print(name, items, profile, gaz, args.diffs)
        if len(sets) > 1:
            _print("together", [i for _, items in sets for i in items], profile, gaz, False)
        return
    items = load_items()
    for split in ("tune", "holdout"):
        _print(f"bn_real {split}", [i for i in items if i["split"] == split], profile, gaz, False)
    _print("bn_real (tuned)", items, profile, gaz, args.misses)
    for n, path in TUNED_SETS.items():
        _print(f"bn_real{n} (tuned)", load_items(path), profile, gaz, getattr(args, f"misses{n}"))
    fresh = [load_items(path) for path in FRESH if path.exists()]
    for n, items in zip(FRESH_SETS, fresh):  # never tuned on: the differences are not printed
        _print(f"bn_real{n} (fresh)", items, profile, gaz, False)
    if len(fresh) > 1:
        _print("fresh together", [i for items in fresh for i in items], profile, gaz, False)
    latest = [i for n, items in zip(FRESH_SETS, fresh) if n in LATEST_SETS for i in items]
    if latest:
        _print("latest together", latest, profile, gaz, False)
    ninth = [i for n, items in zip(FRESH_SETS, fresh) if n in NINTH_SETS for i in items]
    if ninth:
        _print("ninth together", ninth, profile, gaz, False)
    ninth2 = [i for n, items in zip(FRESH_SETS, fresh) if n in NINTH2_SETS for i in items]
    if ninth2:
        _print("ninth2 together", ninth2, profile, gaz, False)
    tenth = [i for n, items in zip(FRESH_SETS, fresh) if n in TENTH_SETS for i in items]
    if tenth:
        _print("tenth together", tenth, profile, gaz, False)
    for n in ADJUDICATED:
        _print(f"bn_real{n} (adjudicated)", adjudicated_items(n), profile, gaz, False)


if __name__ == "__main__":
    main()
