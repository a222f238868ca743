"""Round 29 of the Bengali mission grammar (issue 22, ninth day; tuned on bn_real50, spent that day: Tripura and West
Bengal papers): each class of form it added (a second reviewer's sentences included as near misses), in sentences written here in that form (not copied from the labelled
sets), with exactly the facts each states, and near misses that must keep their reading. Read by the whole
pipeline (``bot.facts.facts_for`` / ``absent_for``)."""

from __future__ import annotations

import pytest

from mission_readers import absent, prose

# (sentence, facts {(sender, host city as written, host country, kind)}, absent {(sender, host)})
CASES = [
    # West Bengal spelling's nukta on জ and ফ (ইজ়রায়েল): the same country as without it
    ("নয়াদিল্লিতে ইজ়রায়েলের দূতাবাস রয়েছে", {("IL", "নয়াদিল্লি", "IN", "embassy")}, set()),
    ("মুম্বইয়ে ইজ়রায়েলি কনস্যুলেট জেনারেলে নিরাপত্তা বাড়ানো হয়েছে", {("IL", "মুম্বই", "IN", "consulate-general")}, set()),
    # -স্হিত / -স্হ typed for -স্থিত / -স্থ
    ("রিয়াদস্হিত বাংলাদেশ দূতাবাসে প্রবাসীদের সভা হয়েছে", {("BD", "রিয়াদ", "SA", "embassy")}, set()),
    ("জেদ্দাস্হ বাংলাদেশ কনস্যুলেটে বিজয় দিবস পালিত হয়েছে", {("BD", "জেদ্দা", "SA", "consulate")}, set()),
    # the assistant or deputy high commissioner's office is that mission
    ("গুয়াহাটিতে বাংলাদেশ সহকারী হাই কমিশনার অফিসে বিজয় দিবস পালিত হয়েছে",
     {("BD", "গুয়াহাটি", "IN", "assistant-high-commission")}, set()),
    ("কলকাতায় বাংলাদেশের ডেপুটি হাইকমিশনারের কার্যালয়ে সভা হয়েছে", {("BD", "কলকাতা", "IN", "deputy-high-commission")}, set()),
    # -স্হিত after a case ending, as -স্থিত
    ("লন্ডনেস্হিত বাংলাদেশ হাইকমিশনে সভা হয়েছে", {("BD", "লন্ডন", "GB", "high-commission")}, set()),
    # near misses: the person; the high commissioner's office alone (its kind unclear in such reports) is not read;
    # a place after a word for 'outside' is still the mission's (a rule that took it for another phrase's was
    # tried and taken out after review)
    ("আগরতলায় বাংলাদেশের সহকারী হাই কমিশনার আরিফ মোহাম্মদ বক্তব্য দেন", set(), set()),
    ("ভারতের আগরতলায় বাংলাদেশ হাইকমিশনারের কার্যালয়ে হামলার ঘটনা ঘটেছে", set(), set()),
    ("মার্কিন দূতাবাসের বাইরে ঢাকায় নিরাপত্তা জোরদার করা হয়েছে", {("US", "ঢাকা", "BD", "embassy")}, set()),
]


@pytest.mark.parametrize("text,want,gone", CASES, ids=range(len(CASES)))
def test_round29_forms(text, want, gone, profile, gaz):
    assert prose(text, profile, gaz) == want
    assert absent(text, profile, gaz) == gone
