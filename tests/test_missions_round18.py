"""Round 18 of the Bengali mission grammar (issue 22, tuned on fixtures/facts/bn_real20.json, fresh until
then, after a third reader adjudicated its two annotators' disagreements): each class of form it added, in
sentences written here in that form (not copied from the labelled sets), with exactly the facts each
states, and near misses that must keep their reading. Read by the whole pipeline
(``bot.facts.facts_for`` / ``absent_for``)."""

from __future__ import annotations

import pytest

from mission_readers import absent, prose

# (sentence, facts {(sender, host city as written, host country, kind)}, absent {(sender, host)})
CASES = [
    # a mission to be established: demanded, decided, asked for, wished, the topic of a talk: no fact
    ("জাপানে নেপালের দূতাবাস প্রতিষ্ঠার দাবি জানিয়েছেন প্রবাসীরা", set(), set()),
    ("পর্তুগালে নেপালের একটি দূতাবাস প্রতিষ্ঠার সিদ্ধান্ত নিয়েছে সরকার", set(), set()),
    ("যত দ্রুত সম্ভব পর্তুগালে নেপালের দূতাবাস প্রতিষ্ঠার জন্য আবেদন করা হয়েছে", set(), set()),
    ("প্রবাসীদের দাবি: পর্তুগালে স্থাপিত হোক নেপালের দূতাবাস", set(), set()),
    ("প্রবাসীরা নেপাল দূতাবাস স্থাপন প্রসঙ্গে পর্তুগালে সভা করেছেন", set(), set()),
    # … while one established is a fact, and so is one since whose founding things happened
    ("১৯৯০ সালে পর্তুগালে নেপালের দূতাবাস প্রতিষ্ঠা করা হয়", {("NP", None, "PT", "embassy")}, set()),
    ("পর্তুগালে নেপালের দূতাবাস প্রতিষ্ঠার পর থেকে বাণিজ্য বেড়েছে", {("NP", None, "PT", "embassy")}, set()),
    # a city, then its country with -স্থ: the mission is in that city
    ("লিসবন পর্তুগালস্থ নেপাল দূতাবাস এক বিজ্ঞপ্তিতে জানিয়েছে", {("NP", "লিসবন", "PT", "embassy")}, set()),
]


@pytest.mark.parametrize("text,want,gone", CASES, ids=range(len(CASES)))
def test_round18_forms(text, want, gone, profile, gaz):
    assert prose(text, profile, gaz) == want
    assert absent(text, profile, gaz) == gone
