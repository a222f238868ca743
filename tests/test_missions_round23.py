"""Round 23 of the Bengali mission grammar (issue 22, seventh day; tuned on the sets spent before it:
bn_real27–31 after the sixth day's fixed test, and the tuned sets' remaining differences): each class of
form it added, in sentences written here in that form (not copied from the labelled sets), with exactly
the facts and the absent missions each states, and near misses that must keep their reading. Read by the
whole pipeline (``bot.facts.facts_for`` / ``absent_for``)."""

from __future__ import annotations

import pytest

from mission_readers import absent, prose

# (sentence, facts {(sender, host city as written, host country, kind)}, absent {(sender, host)})
CASES = [
    # 'of that country' right before a named sender is the host: the one other country named before
    ("সৌদি আরবে কর্মরত শ্রমিকদের জন্য নতুন নির্দেশনা দিয়েছে দেশটির বাংলাদেশ দূতাবাস",
     {("BD", None, "SA", "embassy")}, set()),
    ("ইতালির পররাষ্ট্র মন্ত্রণালয় ও সেদেশের বাংলাদেশ দূতাবাস বিষয়টি নিশ্চিত করেছে",
     {("BD", None, "IT", "embassy")}, set()),
    # near miss: with no sender named after it, the pronoun is the sender's (and unknown here)
    ("কানাডায় বসবাসরত ভারতীয়দের জন্য সতর্কতা জারি করেছে দেশটির দূতাবাস", set(), set()),
    # 'deputy embassy' written apart is a mission of another kind, as উপদূতাবাস
    ("চট্টগ্রামে ভারতের উপ দূতাবাস রয়েছে", {("IN", "চট্টগ্রাম", "BD", "other")}, set()),
    # an event's place a word or two before the event word is not the mission's city
    ("লন্ডনে সন্ত্রাসী হামলার পর যুক্তরাজ্যের বাংলাদেশ হাইকমিশন হটলাইন চালু করেছে",
     {("BD", None, "GB", "high-commission")}, set()),
    ("ইস্তাম্বুলে ভূমিকম্পের পর তুরস্কের বাংলাদেশ দূতাবাস জরুরি সেবা চালু করেছে",
     {("BD", None, "TR", "embassy")}, set()),
    # … a shooting's place too (the staff member shot there, not the mission)
    ("রাজধানীর বনানীতে দুর্বৃত্তদের গুলিতে কাতার দূতাবাসের এক কর্মকর্তা আহত হয়েছেন", set(), set()),
    # near misses: the event at the mission, or by it, keeps the city
    ("বনানীতে কাতার দূতাবাসের সামনে গুলিতে একজন আহত হয়েছেন", {("QA", "ঢাকা", "BD", "embassy")}, set()),
    ("ঢাকায় মার্কিন দূতাবাসে হামলার পর নিরাপত্তা জোরদার করা হয়েছে", {("US", "ঢাকা", "BD", "embassy")}, set()),
    ("কাবুলে ভারতীয় দূতাবাসের কাছে হামলা হয়েছে", {("IN", "কাবুল", "AF", "embassy")}, set()),
    # a city's hotel or hall is the event's city: the mission keeps its country only, before or after it
    ("রোমের একটি হোটেলে ইতালির বাংলাদেশ দূতাবাস স্বাধীনতা দিবসের সংবর্ধনার আয়োজন করে",
     {("BD", None, "IT", "embassy")}, set()),
    ("সৌদি আরবে বাংলাদেশ দূতাবাসের উদ্যোগে রিয়াদের ইন্টারকন্টিনেন্টাল হোটেলে সংবর্ধনা অনুষ্ঠিত হয়",
     {("BD", None, "SA", "embassy")}, set()),
    # near miss: the mission's own hall keeps the city
    ("টোকিওতে বাংলাদেশ দূতাবাসের মিলনায়তনে আলোচনা সভা হয়", {("BD", "টোকিও", "JP", "embassy")}, set()),
]


@pytest.mark.parametrize("text,want,gone", CASES, ids=range(len(CASES)))
def test_round23_forms(text, want, gone, profile, gaz):
    assert prose(text, profile, gaz) == want
    assert absent(text, profile, gaz) == gone
