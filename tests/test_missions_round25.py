"""Round 25 of the Bengali mission grammar (issue 22, seventh day; words from the sets tuned on before it:
bn_real2, 28, 31, 35 and 37): mission words as the press misspells them, and names of places written the
West Bengal or the Arabic way, in sentences written here (not copied from the labelled sets), each with exactly
the facts it states. Read by the whole pipeline (``bot.facts.facts_for`` / ``absent_for``)."""

from __future__ import annotations

import pytest

from mission_readers import absent, prose

# (sentence, facts {(sender, host city as written, host country, kind)})
CASES = [
    # mission words misspelt: a vowel sign dropped or changed, ম for ন, a long vowel for a short one
    ("ঢাকায় জাপানের দূতবাসে সভা হয়", {("JP", "ঢাকা", "BD", "embassy")}),
    ("তেহরানের সৌদি দূতাবোসে হামলা হয়েছে", {("SA", "তেহরান", "IR", "embassy")}),
    ("কলকাতাস্থ মার্কিন কমস্যুলেটে বিক্ষোভ হয়েছে", {("US", "কলকাতা", "IN", "consulate")}),
    ("থিম্পুতে বাংলাদেশ অ্যাম্বেসীর নতুন ভবন উদ্বোধন করা হয়েছে", {("BD", "থিম্পু", "BT", "embassy")}),
    # England for the United Kingdom, চিন for China, দামেশক for Damascus
    ("ইংল্যান্ডে ভারতীয় হাইকমিশন রয়েছে", {("IN", None, "GB", "high-commission")}),
    ("চিনের দূতাবাস রয়েছে দিল্লিতে", {("CN", "দিল্লি", "IN", "embassy")}),
    ("দামেশকে মার্কিন দূতাবাস আবার চালু হয়েছে", {("US", "দামেশক", "SY", "embassy")}),
    # near miss: the place names with no mission word state nothing
    ("ইংল্যান্ডের বিপক্ষে খেলতে বাংলাদেশ দল লন্ডনে পৌঁছেছে", set()),
]


@pytest.mark.parametrize("text,want", CASES, ids=range(len(CASES)))
def test_round25_forms(text, want, profile, gaz):
    assert prose(text, profile, gaz) == want
    assert absent(text, profile, gaz) == set()
