"""Round 16 of the Bengali mission grammar (issue 22, tuned on fixtures/facts/bn_real19.json after its fresh
reading): each class of form it added, in sentences written here in that form (not copied from the labelled
sets), with exactly the facts and the absent missions each states, and near misses that must stay silent.
Read by the whole pipeline (``bot.facts.facts_for`` / ``absent_for``)."""

from __future__ import annotations

import pytest

from mission_readers import absent, prose

# (sentence, facts {(sender, host city as written, host country, kind)}, absent {(sender, host)})
CASES = [
    # two genitive countries together before the mission word: the host first, the sender second
    ("প্রেস বিজ্ঞপ্তিতে এসব তথ্য জানিয়েছে কেনিয়ার মিশরের দূতাবাস", {("EG", None, "KE", "embassy")}, set()),
    # … while a coordinated pair is no host and sender
    ("কেনিয়ার ও মিশরের দূতাবাস তথ্য জানিয়েছে", set(), set()),
    # a wish (… খোলা হোক) is no mission
    ("কেনিয়াতে মিশরের দূতাবাস খোলা হোক", set(), set()),
    # a country's people (বাংলাদেশের নাগরিকদের) are not what দেশটির stands for
    ("মিশরের ভিসার জন্য কেনিয়ার নাগরিকদের আবেদনপত্র নাইরোবিতে দেশটির দূতাবাসে জমা দিতে হবে",
     {("EG", "নাইরোবি", "KE", "embassy")}, set()),
    # an honorary consul general's office is an honorary consulate
    ("কেনিয়ার মোম্বাসায় মিশরের নবনিযুক্ত অনারারি কনসাল জেনারেল অফিস উদ্বোধন করা হয়েছে",
     {("EG", "মোম্বাসা", "KE", "honorary-consulate")}, set()),
    # a spelling met in real text
    ("কেনিয়ার মিশর দূত্রাবাসে ১৯ জন কর্মরত আছেন", {("EG", None, "KE", "embassy")}, set()),
]


@pytest.mark.parametrize("text,want,gone", CASES, ids=range(len(CASES)))
def test_round16_forms(text, want, gone, profile, gaz):
    assert prose(text, profile, gaz) == want
    assert absent(text, profile, gaz) == gone
