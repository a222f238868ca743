"""Round 17 of the Bengali mission grammar (issue 22, tuned on fixtures/facts/bn_real21.json, fresh until
then): each class of form it added, in sentences written here in that form (not copied from the labelled
sets), with exactly the facts and the absent missions each states, and near misses that must keep their
reading. Read by the whole pipeline (``bot.facts.facts_for`` / ``absent_for``)."""

from __future__ import annotations

import pytest

from mission_readers import absent, prose

# (sentence, facts {(sender, host city as written, host country, kind)}, absent {(sender, host)})
CASES = [
    # names news writes: ইজরাইল, কোরিয়া প্রজাতন্ত্র (the South), গণপ্রজাতন্ত্রী কোরিয়া (the North), লিপজিগ
    ("আবুধাবিতে ইজরাইলের দূতাবাস উদ্বোধন করা হয়েছে", {("IL", "আবুধাবি", "AE", "embassy")}, set()),
    ("বেইজিংয়ে কোরিয়া প্রজাতন্ত্রের দূতাবাস রয়েছে", {("KR", "বেইজিং", "CN", "embassy")}, set()),
    ("হ্যানয়ে গণপ্রজাতন্ত্রী কোরিয়ার দূতাবাস আছে", {("KP", "হ্যানয়", "VN", "embassy")}, set()),
    ("লিপজিগ শহরে পোল্যান্ডের কনস্যুলেট রয়েছে", {("PL", "লিপজিগ", "DE", "consulate")}, set()),
    # a hyphenated street name is one word of the place phrase between the city and the mission
    ("দামেস্কের মাজ্জেহ জেলার আবু-রুম্মানেহ রোডে অবস্থিত ইরানি দূতাবাসের সামনে বিক্ষোভ হয়েছে",
     {("IR", "দামেস্ক", "SY", "embassy")}, set()),
    # a closure that is over: opened again after the mission word
    ("আট বছর বন্ধ থাকার পর লিবিয়ায় আবার দূতাবাস খুলেছে ইতালি", {("IT", None, "LY", "embassy")}, set()),
    # … while a closure with no opening is one
    ("ত্রিপোলিতে বন্ধ করে দেওয়া হয়েছে ইতালির দূতাবাস", set(), {("IT", "LY")}),
    # roads to a mission closed: the mission is there, not closed
    ("পুলিশ বাগদাদে মার্কিন দূতাবাসে যাওয়ার সব রাস্তা বন্ধ করে দিয়েছে", {("US", "বাগদাদ", "IQ", "embassy")}, set()),
    ("বাগদাদে মার্কিন দূতাবাস বন্ধ করে দিয়েছে যুক্তরাষ্ট্র", set(), {("US", "IQ")}),
    # a counted closure (some of a sender's consulates, which not said): neither there nor gone
    ("ফ্রান্সে বন্ধ হচ্ছে ইরানের তিনটি কনস্যুলেট", set(), set()),
    ("ফ্রান্সে ইরানের চারটির মধ্যে দুটি কনস্যুলেট বন্ধ করা হবে", set(), set()),
    ("ফ্রান্সে ইরানের ৪টি কনস্যুলেট বন্ধ করে দেওয়া হয়েছে", set(), set()),
    ("ফ্রান্সে ইরানের কনস্যুলেট বন্ধ করে দেওয়া হয়েছে", set(), {("IR", "FR")}),
    # a move wished or tried: still where it would move from (the subject after the verb its sender)
    ("আঙ্কারা থেকে তাদের দূতাবাস সরানোর ইচ্ছা প্রকাশ করেছে সুইডেন", {("SE", "আঙ্কারা", "TR", "embassy")}, set()),
    ("আঙ্কারা থেকে দূতাবাস সরানোর চেষ্টা করছে সুইডেন", {("SE", "আঙ্কারা", "TR", "embassy")}, set()),
    # … while a withdrawal done is an absence
    ("আঙ্কারা থেকে দূতাবাস সরিয়ে নিয়েছে সুইডেন", set(), {("SE", "TR")}),
    # a mission's staff ordered out of a country: the mission is in that country
    ("৪৮ ঘণ্টার মধ্যে নেদারল্যান্ডস ছাড়ার নির্দেশ দেওয়া হয়েছে রাশিয়ার দূতাবাসের দুই কর্মকর্তাকে",
     {("RU", None, "NL", "embassy")}, set()),
    ("লাটভিয়া ছাড়ুন, বেলারুশের দূতাবাসের এক আধিকারিককে নির্দেশ রিগার", {("BY", None, "LV", "embassy")}, set()),
    # … but citizens told to leave say nothing of where the mission is
    ("নাগরিকদের অবিলম্বে লেবানন ছাড়ার নির্দেশ দিয়েছে কানাডার দূতাবাস", set(), set()),
    # staff moved out of a consulate to another city: that city is where they go, not the mission's
    ("কান্দাহারে জাপানের কনস্যুলেট থেকে কাবুলে কর্মীদের সরিয়ে নেওয়া হয়েছে",
     {("JP", "কান্দাহার", "AF", "consulate")}, set()),
]


@pytest.mark.parametrize("text,want,gone", CASES, ids=range(len(CASES)))
def test_round17_forms(text, want, gone, profile, gaz):
    assert prose(text, profile, gaz) == want
    assert absent(text, profile, gaz) == gone
