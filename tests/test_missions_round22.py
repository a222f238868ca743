"""Round 22 of the Bengali mission grammar (issue 22, tuned on fixtures/facts/bn_real30.json after its fresh
reading): each class of form it added, in sentences written here in that form (not copied from the labelled
sets), with exactly the facts and the absent missions each states, and near misses that must keep their
reading. Read by the whole pipeline (``bot.facts.facts_for`` / ``absent_for``)."""

from __future__ import annotations

import pytest

from mission_readers import absent, prose

# (sentence, facts {(sender, host city as written, host country, kind)}, absent {(sender, host)})
CASES = [
    # Greenland's missions are counted in Denmark, with no city (profile territory_hosts) …
    ("গ্রিনল্যান্ডে কনস্যুলেট খুলেছে আইসল্যান্ড ও নরওয়ে",
     {("IS", None, "DK", "consulate"), ("NO", None, "DK", "consulate")}, set()),
    # … keeping a city of Greenland named as the city
    ("নুক-এ জার্মানির কনস্যুলেট রয়েছে", {("DE", "নুক", "DK", "consulate")}, set()),
    # while Hong Kong stays a region kept as the city (region_hosts)
    ("হংকংয়ে ভারতের কনস্যুলেট রয়েছে", {("IN", "হংকং", "CN", "consulate")}, set()),
    # an attacker's demonym before an event word is no sender; the subject after the verb is
    ("ইরানি হামলার জেরে বাহরাইনে দূতাবাস বন্ধ রেখেছে যুক্তরাজ্য", set(), {("GB", "BH")}),
    # a closure decided (… সিদ্ধান্ত গ্রহণ করেছে): there until then, and to go
    ("প্যারিসে রুশ দূতাবাস বন্ধ করার সিদ্ধান্ত গ্রহণ করেছে ফ্রান্স", {("RU", "প্যারিস", "FR", "embassy")}, {("RU", "FR")}),
    # spellings met in real text
    ("রিয়াধে জাপানের দূতাবাসে হামলা হয়েছে", {("JP", "রিয়াধ", "SA", "embassy")}, set()),
    ("গ্রেট-বৃটেনে ভারতের হাইকমিশন রয়েছে", {("IN", None, "GB", "high-commission")}, set()),
]


@pytest.mark.parametrize("text,want,gone", CASES, ids=range(len(CASES)))
def test_round22_forms(text, want, gone, profile, gaz):
    assert prose(text, profile, gaz) == want
    assert absent(text, profile, gaz) == gone
