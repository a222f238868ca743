"""Mission facts on real Bengali sentences nobody here wrote (issue 22): precision and recall stay
above floors. Scoring is bench/bench_facts_real.py's: a fact is found when sender, kind, host country
and host city (as written, NFC, without its case ending) agree; ``sure: false`` labels count in
neither.

- fixtures/facts/bn_real.json: the grammar was tuned on all of it (round 2), so its floors are
  tune numbers, rounded down a little.
- fixtures/facts/bn_real2.json: labelled from other pages and measured once, after round 2's
  grammar was frozen; its floors are what that measurement gave, rounded down a little. Issue 22's
  goal there is P >= 0.95 and R >= 0.92 (see bench/bench_facts_real.py and bench/RESULTS.md)."""

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



#: bn_real2.json (never tuned on), measured once after round 2 (2026-12-07): news P 0.762 / R 0.719,
#: absent P 1.000 / R 0.243; its 4 Wikipedia sentences state no fact. Far below the goal (and below
#: the spent holdout's 0.957 / 0.957): these floors only keep what is reached from slipping back.
FRESH = [("news", 0.75, 0.71, 0.95, 0.24), (None, 0.75, 0.71, 0.95, 0.24)]


@pytest.mark.parametrize("source,p,r,ap,ar", FRESH, ids=["news", "together"])
def test_untuned_floors(source, p, r, ap, ar, profile, gaz):
    _check(B.load_items(B.LABELS2), source, p, r, ap, ar, profile, gaz)
