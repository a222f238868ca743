"""Round 15 of the Bengali mission grammar (issue 22, tuned on fixtures/facts/bn_real17.json after its fresh
reading): each class of form it added, in sentences written here in that form (not copied from the labelled
sets), with exactly the facts and the absent missions each states, and near misses that must stay silent.
Read by the whole pipeline (``bot.facts.facts_for`` / ``absent_for``)."""

from __future__ import annotations

import pytest

from mission_readers import absent, prose

# (sentence, facts {(sender, host city as written, host country, kind)}, absent {(sender, host)})
CASES = [
    # a city spelling met in real text, after a comma (the news form)
    ("বাংলাদেশ দূতাবাস, দি হেগ বিজয় দিবস উদযাপন করেছে", {("BD", "দি হেগ", "NL", "embassy")}, set()),
    # a year in brackets dates something else: Dhaka stays in Bangladesh
    ("ঢাকায় ভিয়েতনামী দূতাবাস জাতীয় দিবসের ৮০তম বার্ষিকী (২ সেপ্টেম্বর, ১৯৪৫) উদযাপন করে",
     {("VN", "ঢাকা", "BD", "embassy")}, set()),
    # … while a year of the sentence itself dates the mission
    ("১৯৬৫ সালে ঢাকায় ভিয়েতনামী দূতাবাস খোলা হয়", {("VN", "ঢাকা", "PK", "embassy")}, set()),
    # a bare consulate said again after the consulate general is the same mission
    ("ইস্তাম্বুলে বাংলাদেশ কনস্যুলেট জেনারেল নাগরিকদের কনস্যুলেটের হটলাইনে যোগাযোগ করতে বলেছে",
     {("BD", "ইস্তাম্বুল", "TR", "consulate-general")}, set()),
    # an event to be held at the mission: the event is to come, the mission is there
    ("আগামীকাল একটি অনুষ্ঠান বাংলাদেশ হাইকমিশন অটোয়ায় অনুষ্ঠিত হবে", {("BD", "অটোয়া", "CA", "high-commission")}, set()),
    # … while the mission itself to be opened is planned
    ("আগামী মাসে বাংলাদেশ হাইকমিশন অটোয়ায় চালু হবে", set(), set()),
    # something else the mission opens (a group, a hotline) is not the mission to come
    ("প্রবাসীদের জন্য একটি ফেসবুক গ্রুপ খুলছে ঢাকাস্থ ভিয়েতনাম দূতাবাস", {("VN", "ঢাকা", "BD", "embassy")}, set()),
    # … while a mission opening is to come
    ("আগামী মাসে খুলছে ঢাকাস্থ ভিয়েতনাম দূতাবাস", set(), set()),
]


@pytest.mark.parametrize("text,want,gone", CASES, ids=range(len(CASES)))
def test_round15_forms(text, want, gone, profile, gaz):
    assert prose(text, profile, gaz) == want
    assert absent(text, profile, gaz) == gone
