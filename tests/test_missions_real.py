"""Mission facts on real Bengali sentences nobody here wrote (issue 22): precision and recall stay
above floors. Scoring is bench/bench_facts_real.py's: a fact is found when sender, kind, host country
and host city (as written, NFC, without its case ending) agree; ``sure: false`` labels count in
neither.

- fixtures/facts/bn_real.json: the grammar was tuned on all of it (round 2), so its floors are
  tune numbers, rounded down a little.
- fixtures/facts/bn_real2.json: labelled from other pages and measured once, after round 2's
  grammar was frozen (P 0.762 / R 0.719); round 3 then tuned on all of it, so its floors are tune
  numbers too, rounded down a little.
- fixtures/facts/bn_real3.json: measured untuned after rounds 2 and 3, tuned on whole in round 4:
  tune numbers.
- fixtures/facts/bn_real4.json: measured untuned after rounds 3 and 4, tuned on whole in round 5:
  tune numbers; so are bn_real4.json's (round 5).
- fixtures/facts/bn_real5.json: measured untuned after round 5, tuned on in round 6; bn_real6.json and
  bn_real7.json: measured untuned after round 6, tuned on in round 7: tune numbers.
- fixtures/facts/bn_real8.json: measured untuned after rounds 5, 6 and 7, tuned on in round 8; so was
  bn_real9.json, measured untuned with the session's starting grammar and after round 8's first part
  (P 0.900 / R 0.900 both): tune numbers.
- fixtures/facts/bn_real10.json: measured untuned after rounds 7 and 8, tuned on in round 9: tune
  numbers.
- fixtures/facts/bn_real11.json: measured untuned after rounds 8 and 9, tuned on in round 10: tune
  numbers.
- fixtures/facts/bn_real12.json: measured untuned after rounds 8, 9 and 10, tuned on in round 11: tune
  numbers.
- fixtures/facts/bn_real13.json: measured untuned after rounds 8–11, tuned on in round 12;
  fixtures/facts/bn_real15.json: measured untuned after rounds 11 and 12, tuned on in round 13: tune
  numbers.
- fixtures/facts/bn_real16.json: measured untuned after rounds 11–13, tuned on in round 14;
  bn_real17.json: measured untuned after rounds 11–14, tuned on in round 15: tune numbers.
- fixtures/facts/bn_real19.json: measured untuned after rounds 11 and 15, tuned on in round 16;
  bn_real21.json: measured untuned after rounds 11 and 16, tuned on in round 17; bn_real20.json: measured
  untuned after rounds 11, 16 and 17, tuned on in round 18; bn_real23.json: measured untuned after rounds
  16 and 18, tuned on in round 19; bn_real24.json: measured untuned after rounds 16 and 19, tuned on in
  round 20; bn_real26.json: measured untuned after rounds 16, 19 and 20, tuned on in round 21: tune numbers.
- fixtures/facts/bn_real14.json, bn_real18.json, bn_real22.json, bn_real25.json and bn_real27.json …
  bn_real33.json but bn_real30.json (tuned on in round 22): never tuned on,
  their differences never read: the measure of text not tuned on, where issue 22's goal is P >= 0.95 and
  R >= 0.92 (see bench/RESULTS.md)."""

from __future__ import annotations

import sys

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
import bench_facts_real as B  # noqa: E402

# (source or None for both, precision floor, recall floor, absent precision floor, absent recall floor)
TUNED = [  # bn_real.json, tune numbers (round 2): P/R 1.000/0.914, 0.969/0.949, 0.976/0.941
    ("wikipedia", 0.99, 0.90, 0.95, 0.70),
    ("news", 0.96, 0.94, 0.95, 0.60),
    (None, 0.97, 0.93, 0.95, 0.65),
]
IDS = ["wikipedia", "news", "together"]


def _check(items, source, p, r, ap, ar, profile, gaz):
    part = [i for i in items if source is None or i["source"] == source]
    got = B.score(part, profile, gaz)
    assert got["precision"] >= p and got["recall"] >= r, {k: got[k] for k in ("precision", "recall", "tp", "fp", "fn")}
    assert got["absent"]["precision"] >= ap and got["absent"]["recall"] >= ar, got["absent"]


@pytest.mark.parametrize("source,p,r,ap,ar", TUNED, ids=IDS)
def test_tuned_floors(source, p, r, ap, ar, profile, gaz):
    _check(B.load_items(), source, p, r, ap, ar, profile, gaz)



#: bn_real2.json, tuned on in round 3 (2026-12-07): P 0.915 / R 0.843, absent P 1.000 / R 0.541;
#: with the mission cities of cities.bn.json merged: P 0.905 / R 0.854 (one sure: false "দূতাবাস অফিস" in লভিভ now read)
#: (before round 3, its one untuned measurement: 0.762 / 0.719, absent 1.000 / 0.243); its 4
#: Wikipedia sentences state no fact. Tune numbers, below the goal: what is left is mostly city
#: spellings the gazetteer lacks and sentences that need the one before (bench/RESULTS.md).
#: After round 4 (tuned on bn_real3.json): P 0.907 / R 0.876, absent P 1.000 / R 0.622.
#: Round 9 reads a closure the host orders (চেংদুতে মার্কিন কনস্যুলেট বন্ধের নির্দেশ দিল চীন) as the
#: mission still there, as bn_real3's and bn_real10's labellers do; bn_real2's labeller read two such
#: sentences as no fact, so its P went from 0.909 to 0.889 (tp 80, fp 10, fn 9) on purpose.
TUNED2 = [("news", 0.88, 0.87, 0.95, 0.62), (None, 0.88, 0.87, 0.95, 0.62)]


@pytest.mark.parametrize("source,p,r,ap,ar", TUNED2, ids=["news", "together"])
def test_tuned2_floors(source, p, r, ap, ar, profile, gaz):
    _check(B.load_items(B.LABELS2), source, p, r, ap, ar, profile, gaz)


#: bn_real3.json (419 sentences, news mostly, 9 from Wikipedia): measured untuned after rounds 2 and 3
#: (P 0.852 / R 0.702, absent P 0.812 / R 0.419 after round 3), tuned on whole in round 4
#: (2026-12-07): P 0.983 / R 0.863, absent P 0.905 / R 0.613; its Wikipedia part P 1.000 / R 0.750
#: (4 sure facts). Tune numbers: text not tuned on is measured on a fresh set (bench/RESULTS.md).
TUNED3 = [("wikipedia", 0.99, 0.75, 0.99, 0.99), ("news", 0.98, 0.86, 0.90, 0.61),
          (None, 0.98, 0.86, 0.90, 0.61)]


@pytest.mark.parametrize("source,p,r,ap,ar", TUNED3, ids=IDS)
def test_tuned3_floors(source, p, r, ap, ar, profile, gaz):
    _check(B.load_items(B.LABELS3), source, p, r, ap, ar, profile, gaz)


#: bn_real4.json (538 sentences, news, 2 from Wikipedia with absent labels only): measured untuned
#: after rounds 3 and 4 (P 0.875 / R 0.795, absent P 0.714 / R 0.417 after round 4), tuned on whole
#: in round 5 (2026-12-07): P 0.907 / R 0.886, absent P 0.714 / R 0.417. Tune numbers: text not
#: tuned on is measured on a fresh set (bench/RESULTS.md, "Round 5"). Round 10 reads a non-resident
#: envoy (ঢাকায় নিযুক্ত সিঙ্গাপুরের অনাবাসিক হাইকমিশনার) as no mission there; one bn_real4 sentence,
#: whose labeller put no absent on it, costs absent P 0.714 -> 0.625 on purpose.
TUNED4 = [("news", 0.90, 0.88, 0.62, 0.50), (None, 0.90, 0.88, 0.62, 0.41)]


@pytest.mark.parametrize("source,p,r,ap,ar", TUNED4, ids=["news", "together"])
def test_tuned4_floors(source, p, r, ap, ar, profile, gaz):
    _check(B.load_items(B.LABELS4), source, p, r, ap, ar, profile, gaz)


#: bn_real5.json (421 sentences, news only): labelled while round 5 was made, measured untuned after
#: round 5 (P 0.901 / R 0.887, absent P 0.889 / R 0.667), then tuned on whole in round 6
#: (2026-12-07, second day): P 0.955 / R 0.955, absent P 0.889 / R 0.667. Its ``context`` fields are
#: the labeller's notes, not page text, so the bench does not read them.
#: Its precision floor went from 0.95 to 0.94 in round 28: with the city spellings added then (টরেন্টো,
#: ইকাতেরিনবার্গ) two headlines of a Toronto consulate to come (labelled planned from the story around them) and a
#: garbled machine translation read as missions there (three extras; the grammar read nothing while the city was unknown).
TUNED5 = [(None, 0.94, 0.95, 0.88, 0.66)]


@pytest.mark.parametrize("source,p,r,ap,ar", TUNED5, ids=["together"])
def test_tuned5_floors(source, p, r, ap, ar, profile, gaz):
    _check(B.load_items(B.LABELS5), source, p, r, ap, ar, profile, gaz)


#: bn_real6.json (372 news sentences, Bangladesh sender or host) and bn_real7.json (372 news sentences,
#: Bangladesh neither), labelled while round 6 was made: measured untuned after round 6 (bn_real6
#: P 0.927 / R 0.884, absent 0.571 / 0.571; bn_real7 P 0.850 / R 0.740, absent 0.483 / 0.737), then
#: tuned on whole in round 7: bn_real6 P 0.960 / R 0.938, absent 1.000 / 0.571; bn_real7 P 0.901 /
#: R 0.886, absent 0.667 / 0.842.
#: bn_real8.json (339 sentences, 336 news and 3 Wikipedia; Bangladesh sender or host in about 69 % of
#: the labelled ones): labelled while round 7 was made, measured untuned with the round-5 grammar
#: (P 0.830 / R 0.703), round 6 (0.832 / 0.712) and round 7 (0.835 / 0.730, absent 0.667 / 0.667), then
#: tuned on in round 8 (third day): P 0.978 / R 0.811 (tp 90, fp 2, fn 21). Its labeller read temporary
#: and progressive closures (সাময়িক বন্ধ, বন্ধ করে দিচ্ছে) as facts, the other sets as none: those stay
#: misses (see fixtures/facts/README.md).
#: bn_real9.json (348 news sentences, Bangladesh sender or host): labelled while round 8 was made,
#: measured untuned with the third day's starting grammar and after round 8's first part (tuned on
#: bn_real8): P 0.900 / R 0.900 (tp 81, fp 9, fn 9) both times, absent 1.000 / 0.571; then tuned on
#: in round 8: P 0.977 / R 0.944 (tp 85, fp 2, fn 5), absent 1.000 / 0.714.
#: bn_real10.json (311 sentences, 305 news and 6 Wikipedia; Bangladesh neither sender nor host; about a
#: third machine-translated pages): labelled while round 8 was made, measured untuned with the third
#: day's starting grammar (P 0.908 / R 0.731) and after round 8 (P 0.897 / R 0.722, absent 0.444 /
#: 0.800), then tuned on in round 9 (fourth day): P 0.971 / R 0.917 (tp 99, fp 3, fn 9), absent
#: 0.714 / 1.000.
#: bn_real11.json (305 sentences, 295 news and 10 Wikipedia; Bangladesh sender or host in about half):
#: labelled while round 9 was made, measured untuned with the fourth day's starting grammar and after
#: round 9 (P 0.958 / R 0.611, tp 69, fp 3, fn 44; absent 0.500 / 0.333, then 0.571 / 0.444), then
#: tuned on in round 10: P 0.967 / R 0.779 (tp 88, fp 3, fn 25), absent 0.714 / 0.556. Its labeller
#: reads temporary and war-time closures as the mission still there (13 of the 25 misses), as
#: bn_real8's did; the other sets read no fact there, and so does relbot.
#: bn_real12.json (223 news sentences, Bangladesh in 82 % of the labelled ones): labelled while round 9
#: was made, measured untuned after rounds 8, 9 and 10 (P 0.940 / R 0.829, the same, 0.941 / 0.842),
#: then tuned on in round 11: P 0.973 / R 0.934 (tp 71, fp 2, fn 5); no sure absent label (absent P 0
#: with 2 absent statements read: those floors say nothing). A second annotator of it reads P 0.938 /
#: R 0.987 against the first (fixtures/facts/agreement.py --set bn_real12).
#: bn_real13.json (250 sentences, 249 news and 1 Wikipedia; Bangladesh sender or host in 56 % of the
#: labelled ones): labelled while round 11 was made, measured untuned after rounds 8, 9 and 10 (P 0.959 /
#: R 0.789) and 11 (0.960 / 0.800), then tuned on in round 12 (fifth day): P 0.988 / R 0.878 (tp 79, fp 1,
#: fn 11); its 2 sure absent labels (a quiz, a "no embassy with" form) are still missed.
#: bn_real15.json (219 news sentences, Bangladesh neither sender nor host): labelled while round 12 was
#: made, measured untuned after round 11 (P 0.938 / R 0.811) and round 12 (P 0.940 / R 0.851, tp 63,
#: fp 4, fn 11), then tuned on in round 13: P 0.946 / R 0.946 (tp 70, fp 4, fn 4), absent 1.000 / 1.000.
#: bn_real16.json (258 news sentences, Bangladesh neither sender nor host, 12 % machine-translated):
#: labelled while round 13 was made, measured untuned after rounds 11, 12 and 13 (P 0.769 / R 0.789, tp 60,
#: fp 18, fn 16, each time), then tuned on in round 14: P 0.872 / R 0.895 (tp 68, fp 10, fn 8); its
#: labeller reads withdrawals in progress and decided temporary moves as facts, the other sets as none.
#: bn_real17.json (271 news sentences, Bangladesh sender or host in 99 of the 100 labelled ones):
#: labelled while round 13 was made, measured untuned after rounds 11, 12, 13 and 14 (P 0.924 / R 0.847,
#: tp 61, fp 5, fn 11, each time), then tuned on in round 15: P 0.944 / R 0.931 (tp 67, fp 4, fn 5); no
#: sure absent label.
#: bn_real19.json (255 news sentences, Bangladesh a party): labelled while round 15 was made, measured
#: untuned after round 11 (P 0.939 / R 0.886) and round 15 (P 0.940 / R 0.900, tp 63, fp 4, fn 7), then tuned
#: on in round 16: P 0.985 / R 0.957 (tp 67, fp 1, fn 3).
#: bn_real21.json (238 news sentences, Bangladesh neither, 17 % machine-translated): labelled while round 16
#: was made, measured untuned after round 11 (P 0.931 / R 0.720) and round 16 (P 0.900 / R 0.720, tp 54, fp 6,
#: fn 21), then tuned on in round 17 (sixth day): P 0.931 / R 0.893 (tp 67, fp 5, fn 8), absent 1.000 / 0.800.
#: bn_real20.json (275 news sentences, Bangladesh a party): labelled while round 16 was made, measured
#: untuned after rounds 11, 16 and 17 (P 0.821 / R 0.918, tp 78, fp 17, fn 7, each time; against its
#: adjudicated gold, bn_real20_adjudicated.json, 0.828 / 0.895), then tuned on in round 18: P 0.888 / R 0.929
#: (tp 79, fp 10, fn 6); against the adjudicated gold 0.897 / 0.907. No sure absent label is read.
#: bn_real23.json (142 news sentences, Bangladesh neither, 8 % machine-translated): labelled while round 18
#: was made, measured untuned with rounds 16 and 18 (P 0.875 / R 0.583, tp 28, fp 4, fn 20, both times),
#: then tuned on in round 19: P 1.000 / R 0.896 (tp 43, fp 0, fn 5); no sure absent label.
#: bn_real24.json (160 sentences, 2 Wikipedia; reference, explainer, 1971-archive, blog and opinion pages,
#: 29 % machine-translated): labelled while round 19 was made, measured untuned with rounds 16 and 19
#: (P 0.889 / R 0.681, tp 32, fp 4, fn 15, both times), then tuned on in round 20: P 0.905 / R 0.809 (tp 38,
#: fp 4, fn 9).
#: bn_real26.json (151 news sentences, Bangladesh neither): labelled while round 20 was made, measured untuned
#: with rounds 16, 19 and 20 (P 0.978 / R 0.818, tp 45, fp 1, fn 10, each time), then tuned on in round 21:
#: P 0.981 / R 0.964 (tp 53, fp 1, fn 2).
#: bn_real30.json (136 news sentences, Bangladesh neither): labelled after round 21, measured untuned with
#: rounds 16 and 21 (P 0.846 / R 0.611, then 0.825 / 0.611), then tuned on in round 22: P 1.000 / R 0.815
#: (tp 44, fp 0, fn 10). Round 22 counts Greenland's missions in Denmark, as bn_real30's labeller and the
#: Hong Kong rule do; bn_real11's labeller wrote Greenland (GL) for two facts, which now read as a miss and an
#: extra each there (bn_real11 P 0.957 / R 0.779 after round 22, 0.978 / 0.796 before).
#: (set number, P, R, absent P, absent R floors), each set read whole
#: bn_real16's precision floor went from 0.87 to 0.86 in round 31: সেখানকার (of there) reads the one country
#: the sentence or the one before names, which places m0203's Indian mission in Indonesia with no city (its
#: labeller: Bali, unsure), one extra; the word found one fact elsewhere.
#: bn_real16's precision floor went from 0.88 to 0.87 in round 24: a capital in the genitive after the host's
#: city names the sender (তেহরানে রিয়াদের দূতাবাস), which reads m0115's closed premises (রিয়াদে তেহরানের
#: দূতাবাস, to be reopened) as Iran's embassy in Riyadh, one extra; the form found four facts elsewhere.
#: bn_real10's went from 0.97 to 0.96 in round 27: staff called home from a place (ইরান থেকে দূতাবাস কর্মীদের
#: সরিয়ে নিচ্ছে যুক্তরাজ্য) now leave a fact there, as most sets label it; bn_real10's labeller gave none (one extra).
#: bn_real20's went from 0.88 to 0.87 and bn_real21's from 0.93 to 0.92 in round 28, each one extra from a city
#: spelling added then: São Paulo as the place of ব্রাজিলের বাংলাদেশ মিশন (the labeller: a monument's place), and
#: staff moved from Sittwe's consulate (সিত্তওয়ে), a fact by round 27's reading, none by bn_real21's labeller.
#: bn_real37's went from 0.74 to 0.72 in round 29: the assistant high commissioner's office is read as the mission
#: (`সহকারী হাই কমিশনারের অফিস`), and in s0063 (a typo, `অফিসে সামনে বাংলাদেশে …`) a place two words after it as its
#: host, one extra; a rule that cut the host at `সামনে` lost six right readings in review and was taken out.
#: bn_real14 (fresh until the ninth day) was tuned on in round 28: P 0.979 / R 0.922 before, 0.993 / 0.961 after.
TUNED_LATER = [(6, 0.96, 0.94, 0.99, 0.57), (7, 0.90, 0.88, 0.76, 0.84), (8, 0.97, 0.81, 0.66, 0.66),
               (9, 0.98, 0.95, 0.99, 0.71), (10, 0.96, 0.91, 0.71, 0.99), (11, 0.95, 0.77, 0.71, 0.55),
               (12, 0.97, 0.93, 0.0, 1.0), (13, 0.98, 0.87, 0.99, 0.0), (15, 0.94, 0.94, 0.99, 0.99),
               (16, 0.86, 0.89, 0.0, 0.0), (17, 0.94, 0.93, 0.0, 0.0), (19, 0.98, 0.95, 0.99, 0.99),
               (20, 0.87, 0.92, 0.0, 0.0), (21, 0.92, 0.89, 0.99, 0.79), (23, 0.99, 0.89, 0.0, 0.0),
               (24, 0.90, 0.80, 0.5, 0.99), (26, 0.98, 0.96, 0.99, 0.99), (30, 0.99, 0.81, 0.0, 0.99),
               (27, 0.98, 0.98, 0.99, 0.99), (28, 0.96, 0.90, 0.99, 0.99), (29, 0.98, 0.97, 0.99, 0.99),
               (31, 0.94, 0.94, 0.99, 0.99), (35, 0.87, 0.80, 0.99, 0.99), (37, 0.72, 0.66, 0.66, 0.66),
               (41, 0.91, 0.85, 0.8, 0.99), (42, 0.84, 0.80, 0.99, 0.0), (14, 0.99, 0.96, 0.99, 0.99),
               (50, 0.99, 0.96, 0.99, 0.99), (51, 0.90, 0.89, 0.94, 0.99)]


@pytest.mark.parametrize("n,p,r,ap,ar", TUNED_LATER, ids=[f"bn_real{t[0]}" for t in TUNED_LATER])
def test_tuned_later_floors(n, p, r, ap, ar, profile, gaz):
    _check(B.load_items(getattr(B, f"LABELS{n}")), None, p, r, ap, ar, profile, gaz)


#: bn_real14.json (380 news sentences, Bangladesh sender or host in all but one labelled sentence):
#: labelled while round 12 was made and not tuned on until the ninth day (round 28, below). Measured
#: with the fifth day's starting grammar (round 11), after round 12 and after round 13: P 0.979 / R 0.922
#: (tp 141, fp 3, fn 12) each time; absent P 0.500 / R 1.000 (1 sure label). Issue 22's goal is
#: P >= 0.95 / R >= 0.92 on text not tuned on: met here, on a Bangladesh set; bn_real15, labelled at the
#: same time with Bangladesh neither sender nor host, read 0.940 / 0.851 before round 13 tuned on it.
#: bn_real17 (labelled at the same time as bn_real16, Bangladesh a party) read 0.924 / 0.847 untuned after
#: rounds 11–14 before round 15 tuned on it. Measured after round 15: bn_real14 unchanged.
#: bn_real18.json (54 news sentences, Bangladesh neither; its labeller found little unused text) and
#: bn_real19.json (255 news sentences, Bangladesh a party): labelled while round 15 was made and NEVER
#: tuned on. With the fifth day's starting grammar (round 11): bn_real18 P 0.750 / R 0.643, bn_real19
#: P 0.939 / R 0.886; after round 15: bn_real18 P 0.786 / R 0.786 (tp 11, fp 3, fn 3), bn_real19 P 0.940 /
#: R 0.900 (tp 63, fp 4, fn 7). The three fresh sets together (689 sentences, 237 sure facts): P 0.956 /
#: R 0.907 (tp 215, fp 10, fn 22) after round 15, P 0.955 / R 0.895 with round 11. Then bn_real19 was
#: tuned on (round 16); two of bn_real18's six differences were printed once by mistake while doing so and
#: were left alone (no change aimed at them). After round 16: bn_real14 and bn_real18 unchanged.
#: bn_real20.json (275 news sentences, Bangladesh a party) and bn_real21.json (238 news sentences,
#: Bangladesh neither, 17 % machine-translated): labelled while round 16 was made and NEVER tuned on.
#: With the fifth day's starting grammar (round 11): bn_real20 P 0.821 / R 0.918 (tp 78, fp 17, fn 7),
#: bn_real21 P 0.931 / R 0.720 (tp 54, fp 4, fn 21); after round 16: bn_real20 the same, bn_real21 P 0.900
#: / R 0.720 (tp 54, fp 6, fn 21: round 12's first part read one more fact and two extras there, round 14
#: lost one fact). The four fresh sets together (947 sentences, 327 sure facts): P 0.907 / R 0.869 (tp 284,
#: fp 29, fn 43) after round 16, P 0.913 / R 0.862 with round 11. Issue 22's goal is not met on them.
#: Then bn_real21 was tuned on (round 17, sixth day). After round 17: bn_real14 and bn_real20 unchanged,
#: bn_real18 P 0.800 / R 0.857 (tp 12, fp 3, fn 2: one more fact); the three left together (709 sentences,
#: 252 sure facts) P 0.909 / R 0.917 (tp 231, fp 23, fn 21), with round 16 P 0.909 / R 0.913. Then bn_real20
#: was tuned on (round 18); bn_real14 and bn_real18 unchanged by it.
#: bn_real22.json (205 news sentences, Bangladesh a party) and bn_real23.json (142, Bangladesh neither):
#: labelled while round 18 was made. Measured untuned with round 16 and with round 18 (the same both times):
#: bn_real22 P 0.973 / R 0.948 (tp 73, fp 2, fn 4), bn_real23 P 0.875 / R 0.583 (tp 28, fp 4, fn 20); the four
#: sets then fresh (14, 18, 22, 23; 292 sure facts) together P 0.955 / R 0.870 (tp 254, fp 12, fn 38). Then
#: bn_real23 was tuned on (round 19); bn_real14, bn_real18 and bn_real22 unchanged by it. The three left
#: (639 sentences, 244 sure facts) read P 0.966 / R 0.926 together: the goal's numbers, but on the sets left
#: after the hardest fresh one (bn_real23, other pairs) was spent; the sets labelled next decide.
#: bn_real24.json (160 sentences of reference and feature pages), labelled while round 19 was made, read
#: P 0.889 / R 0.681 untuned (rounds 16 and 19 alike); with it the four fresh sets (14, 18, 22, 24) read
#: P 0.956 / R 0.887 together. Then it was tuned on (round 20); bn_real14, 18 and 22 unchanged by it.
#: bn_real25.json (233 news sentences, Bangladesh a party) and bn_real26.json (151, Bangladesh neither, China
#: the sender of half the labels): labelled while round 20 was made; bn_real25 never tuned on. With round 16:
#: bn_real25 P 0.983 / R 0.921, bn_real26 P 0.978 / R 0.818; with rounds 19 and 20: bn_real25 P 0.983 / R 0.937
#: (tp 59, fp 1, fn 4), bn_real26 the same (tp 45, fp 1, fn 10). The five sets never tuned on (14, 18, 22, 25,
#: 26; 1,023 sentences, 362 sure facts) read P 0.971 / R 0.912 together (tp 330, fp 10, fn 32). Each of the
#: five sets labelled on the sixth day read before any tuning on it (22 0.973 / 0.948, 23 0.875 / 0.583, 24
#: 0.889 / 0.681, 25 0.983 / 0.937, 26 0.978 / 0.818): P 0.952 / R 0.817 together (tp 237, fp 12, fn 53).
#: Then bn_real26 was tuned on (round 21); bn_real14, 18, 22 and 25 unchanged by it. The four left (872
#: sentences, 307 sure facts, all but bn_real18 Bangladesh a party) read P 0.969 / R 0.928 (tp 285, fp 9, fn 22).
#: bn_real27.json (181 news sentences, Bangladesh a party) and bn_real28.json (160, Bangladesh neither):
#: labelled after round 21 and NEVER tuned on. With round 21 (and 22): bn_real27 P 0.985 / R 0.985
#: (tp 64, fp 1, fn 1), bn_real28 P 0.950 / R 0.905 (tp 57, fp 3, fn 6); round 16 reads both the same. The two
#: together (LATEST_TOGETHER): P 0.968 / R 0.945 (tp 121, fp 4, fn 7). The six sets never tuned on together
#: (1,213 sentences, 435 sure facts): P 0.969 / R 0.933 (tp 406, fp 13, fn 29).
#: bn_real29.json (212, Bangladesh a party, 2019–2026), bn_real30.json (136, Bangladesh neither, mostly the
#: March 2026 Gulf closures) and bn_real31.json (210, Bangladesh a party, 2011–2018): labelled after round 21
#: too, NEVER tuned on. With round 21: bn_real29 P 0.935 / R 0.935 (tp 72, fp 5, fn 5), bn_real30 P 0.825 /
#: R 0.611 (tp 33, fp 7, fn 21; round 16: one extra fewer), bn_real31 P 0.897 / R 0.912 (tp 52, fp 6, fn 5).
#: Before they were read, the rule was set: the goal counts as met if the five sets labelled after the last
#: round read P >= 0.95 and R >= 0.92 together. They read P 0.927 / R 0.880 (899 sentences, 316 sure facts;
#: tp 278, fp 22, fn 38; round 16: 0.930 / 0.880): not met. The nine sets never tuned on together (1,771
#: sentences, 623 sure facts): P 0.948 / R 0.904 (tp 563, fp 31, fn 60). Then bn_real30 was tuned on (round
#: 22); the other fresh sets read the same after it. The eight left (1,635 sentences, 569 sure facts): P 0.957 /
#: R 0.931 (tp 530, fp 24, fn 39); the four labelled after round 21 (27, 28, 29, 31): P 0.942 / R 0.935.
#: bn_real32.json (82 news sentences, Bangladesh a party) and bn_real33.json (54, Bangladesh neither):
#: labelled after round 22 (the search budget ran out, so they are small), NEVER tuned on. With round 22:
#: bn_real32 P 0.941 / R 0.941 (tp 16, fp 1, fn 1), bn_real33 P 0.857 / R 1.000 (tp 6, fp 1, fn 0); round 16
#: reads both the same. The ten sets never tuned on (1,771 sentences, 592 sure facts): P 0.955 / R 0.932
#: (tp 552, fp 26, fn 40).
#: Seventh day. bn_real27, 28, 29 and 31, spent by the sixth day's fixed test, were tuned on in round 23
#: (TUNED_LATER). Before any sentence of them existed, a test was fixed: bn_real34 (165, Bangladesh a party),
#: bn_real35 (75, neither Bangladesh nor India), bn_real36 (89, India a party) and bn_real37 (95, reference
#: pages, three-quarters 1971 archive items), read once together with round 23: P 0.901 / R 0.781 (tp 118,
#: fp 13, fn 33; 34: 0.968 / 0.924, 35: 0.824 / 0.538, 36: 0.966 / 0.966, 37: 0.682 / 0.500); round 22 reads
#: them the same. Not met. bn_real35 and 37 were then tuned on (round 24); 34 and 36 NEVER tuned on. A second
#: test, fixed the same way: bn_real38 (168, Bangladesh a party), bn_real39 (57, neither) and bn_real40 (45,
#: India a party), labelled while round 24 was made, read once together after it (LATEST_TOGETHER): P 0.925 /
#: R 0.822 (tp 74, fp 6, fn 16; 38: 0.896 / 0.811, 39: 0.941 / 0.762, 40: 1.000 / 0.938); round 22 reads them
#: the same. Not met. The eleven sets never tuned on (1,532 sentences, 515 sure facts): P 0.959 / R 0.913
#: (tp 470, fp 20, fn 45). Round 25 (misspelt mission words, ইংল্যান্ড, চিন, দামেশক, from tuned sets) read
#: after it, numbers only: bn_real40 P 1.000 / R 1.000 (one fact more), the others the same; the eleven
#: together P 0.959 / R 0.915 (tp 471, fp 20, fn 44).
#: A third test, fixed the same way: bn_real41 (138, Bangladesh a party), bn_real42 (73, neither) and bn_real43
#: (65, India a party), labelled after round 25, read once together with it: P 0.787 / R 0.700 (tp 63, fp 17,
#: fn 27; 41: 0.800 / 0.735, 42: 0.714 / 0.500, 43: 0.810 / 0.810); round 22: 0.778 / 0.700. Not met. bn_real41
#: and 42 were then tuned on (round 26); 43 NEVER tuned on. Every set of the day read before any tuning on
#: it (34–43): P 0.876 / R 0.770 (tp 255, fp 36, fn 76). After round 26 the twelve sets never tuned on
#: (1,597 sentences, 536 sure facts): P 0.953 / R 0.910 (tp 488, fp 24, fn 48). Eighth day: round 27, tuned on
#: spent sets only, reads them exactly the same; a one-letter typo reader tried that day cost bn_real38 one
#: extra (P 0.878) and found nothing fresh, so it was left out (bench/RESULTS.md, "Eighth day").
#: Ninth day. A fourth test, fixed the same way before any sentence of it existed: bn_real44 (183, Bangladesh a
#: party), bn_real45 (74, neither Bangladesh nor India) and bn_real46 (56, India a party), labelled after round 27
#: (the searches found little unused text: 45 and 46 are small), read once together with it (NINTH_TOGETHER):
#: P 0.955 / R 0.922 (tp 107, fp 5, fn 9; 44: 0.943 / 0.892, 45: 0.963 / 0.963, 46: 1.000 / 1.000), the goal's
#: numbers on 116 sure facts. The fifteen sets never tuned on (1,910 sentences, 652 sure facts): P 0.954 /
#: R 0.913 (tp 595, fp 29, fn 57): the goal's recall is not met on the whole untuned part. Then bn_real14 was
#: spent and tuned on (round 28, with city spellings from the tuned sets' labels). The fourteen sets left never
#: tuned on (1,530 sentences, 499 sure facts) read P 0.946 / R 0.910 (tp 454, fp 26, fn 45) before round 28 and
#: P 0.946 / R 0.912 (tp 455, fp 26, fn 44) after it: one fact more, in bn_real38 on a Toronto spelling (two of
#: its sentences were seen while checking city spellings, so that fact is not evidence). Three Bangladeshi
#: divisional cities added with the spellings cost bn_real34 one extra (found by bisecting, numbers only) and
#: were taken out again. The fresh precision floor follows from the set taken out (bn_real14 read 0.979).
#: A second test of the day, fixed the same way: bn_real47 (191, Bangladesh's missions abroad) and bn_real48 (173,
#: foreign missions in Bangladesh), labelled while round 28 was made, read once together after it
#: (NINTH2_TOGETHER): P 0.976 / R 0.910 (tp 122, fp 3, fn 12; 47: 0.959 / 0.887, 48: 1.000 / 0.944). The goal's
#: recall is not met. The sixteen sets never tuned on (1,894 sentences, 633 sure facts): P 0.952 / R 0.912
#: (tp 577, fp 29, fn 56).
#: A third test of the day, fixed the same way: bn_real49 (143, older news of 2012–2018, any pair) and bn_real50 (67,
#: Indian outlets, mostly Bangladesh's mission in Agartala), labelled after round 28, read once together with it:
#: P 0.947 / R 0.855 (tp 71, fp 4, fn 12; 49: 0.926 / 0.909, 50: 1.000 / 0.750). Not met. bn_real50 was then tuned on
#: (round 29: the assistant or deputy high commissioner's office as that mission, -স্হিত, the nukta of জ়; 50 reads
#: 1.000 / 0.964 after it); bn_real49 NEVER tuned on. The seventeen sets never tuned on (2,037 sentences, 688 sure
#: facts): P 0.950 / R 0.913 (tp 628, fp 33, fn 60) after round 29, one fact more than before it.
#: A fourth test of the day, fixed the same way: bn_real51 (177, visas and missions accredited from elsewhere; 32
#: absent labels) and bn_real52 (182, missions named in passing), labelled after round 29, read once together with
#: it: P 0.935 / R 0.908 (tp 129, fp 9, fn 13; 51: 0.897 / 0.897, absent 0.938 / 0.882; 52: 1.000 / 0.927). Not met.
#: bn_real51 was then tuned on (round 30: ছিল না denies, খোলা হতে পারে before a mission is to come, এ্যামবাসি; 51 reads
#: 0.907 / 0.897, absent 0.944 / 1.000 after it); bn_real52 NEVER tuned on. The eighteen sets never tuned on (2,219
#: sentences, 743 sure facts): P 0.954 / R 0.914 (tp 679, fp 33, fn 64), the same before round 30 and after it.
#: A fifth test of the day: bn_real53 (43, encyclopedic pages: biographies, Wikisource, one bn.wikipedia article) and
#: bn_real54 (146, foreign state services' Bengali news and the missions they name), labelled after round 30, read
#: once with it (the day's last grammar): P 0.957 / R 0.815 (tp 44, fp 2, fn 10; 53: 1.000 / 0.875, 54: 0.938 / 0.789).
#: Not met. The twenty sets never tuned on (2,408 sentences, 797 sure facts): P 0.954 / R 0.907 (tp 723, fp 35,
#: fn 74); the day's five fixed tests, each read before any tuning on it: P 0.954 / R 0.894 (tp 473, fp 23, fn 56).
#: FRESH_TOGETHER's recall floor went 0.91 → 0.90 and its absent precision floor 0.62 → 0.58 with bn_real53 and 54
#: (bn_real53 reads two absent statements its labeller did not give; not read, the set stays fresh), not with a
#: grammar change.
#: Tenth day: round 31, tuned on the sets spent before it (no set spent for it), read the twenty once after it,
#: numbers only: P 0.951 / R 0.910 (tp 725, fp 37, fn 72), two facts and two extras more (bn_real36: one extra,
#: P 0.966 → 0.933; bn_real47: two facts and one extra, 0.959 / 0.887 → 0.948 / 0.912). Their floors follow;
#: nothing was bisected on them.
#: The tenth day's fixed test: bn_real56 (70, missions in less-covered regions and kinds; read once with round 31
#: at 970a68a: P 0.818 / R 0.750, tp 9, fp 2, fn 3; round 30 reads it the same), bn_real57 (1 sentence of a
#: bn.wikipedia bilateral article, two facts, both found) and bn_real58 (182, culture, sports, education and
#: business desks: 0.937 / 0.937, tp 59, fp 4, fn 4), 57 and 58 read once with d63bdc1 (round 31 and কুটনীতিক).
#: Together (TENTH_TOGETHER): P 0.921 / R 0.909 (tp 70, fp 6, fn 7). Not met. The twenty-three sets never tuned
#: on (2,661 sentences, 874 sure facts): P 0.949 / R 0.910 (tp 795, fp 43, fn 79), so FRESH_TOGETHER's precision
#: floor is 0.94 (precision misses the goal by one extra in 870).
#: A reviewer helper (373 sentences of its own, never shown the labelled sets) then found 32 wrong readings from
#: round 31: রাজধানী skipped before a city of another country than the one named (the city became the host, the
#: country the sender), states as topics or people's and shared regions, সেখানকার taking a speaker's country. Fixed
#: (রাজধানী is skipped only before a city of the country named in the genitive; a state is a place only in the
#: locative or right before its mission phrase, never for an absent reading; Kurdistan, Balochistan and রাখাইন out;
#: সেখানকার out). The twenty-three read once after it, numbers only: P 0.950 / R 0.907 (tp 793, fp 42, fn 81; bn_real25
#: one fact and one extra less right, 36 one extra fewer, 47 one fact and one extra fewer); floors follow.
#: Floors hold what the untuned grammar reaches, so that a change that loses on fresh text fails here.
#: (set number, P, R, absent P, absent R floors), each set read whole
FRESH = [(18, 0.80, 0.85, 0.99, 0.99), (22, 0.97, 0.94, 0.99, 0.99),
         (25, 0.96, 0.92, 0.99, 0.99), (32, 0.94, 0.94, 0.99, 0.99), (33, 0.85, 0.99, 0.99, 0.99),
         (34, 0.96, 0.92, 0.5, 0.99), (36, 0.96, 0.96, 0.99, 0.99), (38, 0.89, 0.81, 0.0, 0.0),
         (39, 0.94, 0.76, 0.99, 0.0), (40, 0.99, 0.99, 0.99, 0.99), (43, 0.80, 0.80, 0.99, 0.99),
         (44, 0.94, 0.89, 0.99, 0.99), (45, 0.96, 0.96, 0.99, 0.99), (46, 0.99, 0.99, 0.99, 0.99),
         (47, 0.95, 0.90, 0.5, 0.99), (48, 0.99, 0.94, 0.99, 0.99),
         (49, 0.92, 0.90, 0.99, 0.99), (52, 0.99, 0.92, 0.99, 0.99), (53, 0.99, 0.87, 0.0, 0.99),
         (54, 0.93, 0.78, 0.99, 0.99), (56, 0.81, 0.75, 0.99, 0.99), (57, 0.99, 0.99, 0.99, 0.99),
         (58, 0.93, 0.93, 0.99, 0.99)]
#: the fresh sets read as one (P, R, absent P, absent R floors)
FRESH_TOGETHER = (0.94, 0.90, 0.58, 0.71)
#: the seventh day's second fixed test (bn_real38–40, labelled while round 24 was made), read as one (P, R floors);
#: issue 22's goal is P >= 0.95 and R >= 0.92 on text not tuned on: not met
LATEST_TOGETHER = (0.92, 0.82)
#: the ninth day's fixed test (bn_real44–46, labelled after round 27), read as one (P, R floors): the goal's numbers
NINTH_TOGETHER = (0.95, 0.92)
#: the ninth day's second fixed test (bn_real47 and 48, labelled while round 28 was made), read as one (P, R floors)
NINTH2_TOGETHER = (0.97, 0.91)
#: the tenth day's fixed test (bn_real56–58, labelled after round 31's first part), read as one (P, R floors)
TENTH_TOGETHER = (0.92, 0.90)


@pytest.mark.parametrize("n,p,r,ap,ar", FRESH, ids=[f"bn_real{t[0]}" for t in FRESH])
def test_fresh_floors(n, p, r, ap, ar, profile, gaz):
    path = B.ROOT / "fixtures" / "facts" / f"bn_real{n}.json"
    assert path in B.FRESH
    _check(B.load_items(path), None, p, r, ap, ar, profile, gaz)


def test_fresh_together_floors(profile, gaz):
    assert {t[0] for t in FRESH} == {n for n, path in zip(B.FRESH_SETS, B.FRESH) if path.exists()}
    items = [i for n, *_ in FRESH for i in B.load_items(B.ROOT / "fixtures" / "facts" / f"bn_real{n}.json")]
    _check(items, None, *FRESH_TOGETHER, profile, gaz)


def test_latest_together_floors(profile, gaz):
    assert set(B.LATEST_SETS) <= set(B.FRESH_SETS)
    items = [i for n in B.LATEST_SETS for i in B.load_items(B.ROOT / "fixtures" / "facts" / f"bn_real{n}.json")]
    _check(items, None, *LATEST_TOGETHER, 0.0, 0.0, profile, gaz)


def test_ninth_together_floors(profile, gaz):
    assert set(B.NINTH_SETS) <= set(B.FRESH_SETS)
    items = [i for n in B.NINTH_SETS for i in B.load_items(B.ROOT / "fixtures" / "facts" / f"bn_real{n}.json")]
    _check(items, None, *NINTH_TOGETHER, 0.0, 0.0, profile, gaz)


def test_ninth2_together_floors(profile, gaz):
    assert set(B.NINTH2_SETS) <= set(B.FRESH_SETS)
    items = [i for n in B.NINTH2_SETS for i in B.load_items(B.ROOT / "fixtures" / "facts" / f"bn_real{n}.json")]
    _check(items, None, *NINTH2_TOGETHER, 0.0, 0.0, profile, gaz)


def test_tenth_together_floors(profile, gaz):
    assert set(B.TENTH_SETS) <= set(B.FRESH_SETS)
    items = [i for n in B.TENTH_SETS for i in B.load_items(B.ROOT / "fixtures" / "facts" / f"bn_real{n}.json")]
    _check(items, None, *TENTH_TOGETHER, 0.0, 0.0, profile, gaz)
