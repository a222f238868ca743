"""Round 20 of the Bengali mission grammar (issue 22, tuned on fixtures/facts/bn_real24.json, reference and
feature pages, after its fresh reading): each class of form it added, in sentences written here in that
form (not copied from the labelled sets), with exactly the facts and the absent missions each states, and
near misses that must keep their reading. Read by the whole pipeline (``bot.facts.facts_for`` /
``absent_for``)."""

from __future__ import annotations

import pytest

from mission_readers import absent, prose

# (sentence, facts {(sender, host city as written, host country, kind)}, absent {(sender, host)})
CASES = [
    # 1971: the Mujibnagar government is Bangladesh's; old spellings of London and Beijing
    ("মুজিবনগর সরকার কলকাতায় একটি মিশন স্থাপন করে", {("BD", "কলকাতা", "IN", "other")}, set()),
    ("লণ্ডনস্থ পাকিস্তান দূতাবাস জানিয়েছে", {("PK", "লণ্ডন", "GB", "embassy")}, set()),
    ("পিকিং এ ভারতীয় দূতাবাসে কর্মরত কর্মচারীরা ফিরেছেন", {("IN", "পিকিং", "CN", "embassy")}, set()),
    # a move promised or planned, its origin after the mission word: still there
    ("ফ্রান্সের দূতাবাস তেল আবিব থেকে জেরুজালেমে স্থানান্তরের প্রতিশ্রুতি দিয়েছেন প্রার্থী",
     {("FR", "তেল আবিব", "IL", "embassy")}, set()),
    ("জাপানের দূতাবাসকে তেল আবিব থেকে জেরুজালেমে সরিয়ে নেয়ার পরিকল্পনা করা হয়েছে",
     {("JP", "তেল আবিব", "IL", "embassy")}, set()),
    # … and a withdrawal planned: there until then, not gone
    ("ইরান থেকে দূতাবাস সরিয়ে নেওয়ার পরিকল্পনা করছে কানাডা", {("CA", None, "IR", "embassy")}, set()),
    # … while a move done leaves no fact where it was, and a withdrawal done is an absence
    ("ফ্রান্সের দূতাবাস তেল আবিব থেকে জেরুজালেমে স্থানান্তর করা হয়েছে", set(), set()),
    ("ইরান থেকে দূতাবাস সরিয়ে নিয়েছে কানাডা", set(), {("CA", "IR")}),
    # outside a city is not in it; a quarter of it is
    ("ঢাকার বাইরে একটি ভারতীয় কনস্যুলেট প্রতিষ্ঠা করা হয়েছে", set(), set()),
    ("ঢাকার বারিধারায় একটি ভারতীয় কনস্যুলেট প্রতিষ্ঠা করা হয়েছে", {("IN", "ঢাকা", "BD", "consulate")}, set()),
]


@pytest.mark.parametrize("text,want,gone", CASES, ids=range(len(CASES)))
def test_round20_forms(text, want, gone, profile, gaz):
    assert prose(text, profile, gaz) == want
    assert absent(text, profile, gaz) == gone
