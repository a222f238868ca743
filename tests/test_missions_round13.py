"""Round 13 of the Bengali mission grammar (issue 22, tuned on fixtures/facts/bn_real15.json after its fresh
reading): each class of form it added, in sentences written here in that form (not copied from the labelled
sets), with exactly the facts and the absent missions each states, and near misses that must stay silent.
Read by the whole pipeline (``bot.facts.facts_for`` / ``absent_for``)."""

from __future__ import annotations

import pytest

from mission_readers import absent, prose

# (sentence, facts {(sender, host city as written, host country, kind)}, absent {(sender, host)})
CASES = [
    # a body's office (the UN mission) before another mission word leaves the place after it to that one
    ("সোমালিয়ায় জাতিসংঘ মিশন মঙ্গলবার মোগাদিশুতে তুর্কি দূতাবাসের বাইরে হামলার নিন্দা করেছে",
     {("TR", "মোগাদিশু", "SO", "embassy")}, set()),
    # … while the body's office alone is no mission
    ("সোমালিয়ায় জাতিসংঘ মিশন মঙ্গলবার মোগাদিশুতে হামলার নিন্দা করেছে", set(), set()),
    # a diplomatic office (কূটনীতিক কার্যালয়), its closure ordered by the host: there until then
    ("মোম্বাসার তুর্কি কূটনীতিক কার্যালয় বন্ধের নির্দেশ দেয় নাইরোবি", {("TR", "মোম্বাসা", "KE", "other")}, {("TR", "KE")}),
    # a closure that may come (বন্ধ করে দিতে পারে) is not made: the mission is there, no absent
    ("এই সিদ্ধান্তের কারণে নাইরোবিতে থাকা মিশরের দূতাবাস বন্ধ করে দিতে পারে কেনিয়া",
     {("EG", "নাইরোবি", "KE", "embassy")}, set()),
    # a country in the genitive before an event word is the attacker, not the sender
    ("আল-শাবাবের হামলার আশঙ্কায় মোগাদিশুতে দূতাবাস বন্ধ করে দিয়েছে মিশর", set(), {("EG", "SO")}),
    ("ইথিওপিয়ার হামলার আশঙ্কায় মোগাদিশুতে দূতাবাস বন্ধ করে দিয়েছে মিশর", set(), {("EG", "SO")}),
    # city spellings met in real text
    ("নিয়ামেইয়ে অবস্থিত তুর্কি দূতাবাসের সামনে বিক্ষোভ হয়েছে", {("TR", "নিয়ামেই", "NE", "embassy")}, set()),
    ("বেইরুটে থাকা তুর্কি দূতাবাসের সহযোগিতায় উদ্ধারকাজ হয়েছে", {("TR", "বেইরুট", "LB", "embassy")}, set()),
    ("মাজার-ই শরিফে অবস্থিত তুর্কি কনস্যুলেটে হামলা হয়েছে", {("TR", "মাজার-ই শরিফ", "AF", "consulate")}, set()),
]


@pytest.mark.parametrize("text,want,gone", CASES, ids=range(len(CASES)))
def test_round13_forms(text, want, gone, profile, gaz):
    assert prose(text, profile, gaz) == want
    assert absent(text, profile, gaz) == gone
