"""Round 26 of the Bengali mission grammar (issue 22, seventh day; tuned on bn_real41 and bn_real42 after the
day's third fixed test had read them): each class of form it added, in sentences written here in that form
(not copied from the labelled sets), with exactly the facts and the absent missions each states, and near
misses that must keep their reading. Read by the whole pipeline (``bot.facts.facts_for`` / ``absent_for``)."""

from __future__ import annotations

import pytest

from mission_readers import absent, prose

# (sentence, facts {(sender, host city as written, host country, kind)}, absent {(sender, host)})
CASES = [
    # a compound kind's first word before the sender's demonym: সহকারী ভারতীয় হাই কমিশন is an assistant high commission
    ("রাজশাহীতে সহকারী ভারতীয় হাইকমিশনে স্বাধীনতা দিবস পালিত হয়েছে",
     {("IN", "রাজশাহী", "BD", "assistant-high-commission")}, set()),
    ("সিলেটস্থ সহকারী ভারতীয় হাই কমিশন ভিসা সেবা চালু রেখেছে", {("IN", "সিলেট", "BD", "assistant-high-commission")}, set()),
    # near miss: no such word, the base kind
    ("ঢাকায় ভারতীয় হাই কমিশন রয়েছে", {("IN", "ঢাকা", "BD", "high-commission")}, set()),
    # a city after one mission phrase that leads the next one is the next one's, not the first's
    ("জাপানে চীনা দূতাবাস, এবং ওসাকায় চীনের কনস্যুলেট জেনারেল বিবৃতি দিয়েছে",
     {("CN", None, "JP", "embassy"), ("CN", "ওসাকা", "JP", "consulate-general")}, set()),
    # a mission whose founding date is not known is none yet
    ("ফিজিতে বাংলাদেশের দূতাবাস কবে স্থাপন করা যাবে তা এখনো নিশ্চিত নয়", set(), set()),
    # spellings met in real text: কনসিউলেট, কিরগিজিস্তান, বামিংহাম; Khulshi is Chattogram's
    ("করাচীস্থ মার্কিন কনসিউলেটের কাছে বিস্ফোরণ ঘটেছে", {("US", "করাচী", "PK", "consulate")}, set()),
    ("কিরগিজিস্তানে চীনা দূতাবাস বিবৃতি দিয়েছে", {("CN", None, "KG", "embassy")}, set()),
    ("বামিংহামস্থ বাংলাদেশ কনস্যুলেটে সভা হয়", {("BD", "বামিংহাম", "GB", "consulate")}, set()),
    ("নগরীর খুলশীস্থ ভারতীয় সহকারী হাইকমিশনে সভা হয়", {("IN", "চট্টগ্রাম", "BD", "assistant-high-commission")}, set()),
]


@pytest.mark.parametrize("text,want,gone", CASES, ids=range(len(CASES)))
def test_round26_forms(text, want, gone, profile, gaz):
    assert prose(text, profile, gaz) == want
    assert absent(text, profile, gaz) == gone
