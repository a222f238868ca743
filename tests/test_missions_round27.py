"""Round 27 of the Bengali mission grammar (issue 22, eighth day; tuned on the spent sets' remaining
differences): each class of form it added, in sentences written here in that form (not copied from the
labelled sets), with exactly the facts and the absent missions each states, and near misses that must
keep their reading. (A reader of country names misspelt by one letter was tried in this round and left out:
see "Eighth day" in ``bench/RESULTS.md``.) Read by the whole pipeline (``bot.facts.facts_for`` / ``absent_for``)."""

from __future__ import annotations

import pytest

from mission_readers import absent, prose

# (sentence, facts {(sender, host city as written, host country, kind)}, absent {(sender, host)})
CASES = [
    # a bare city right after a bare mission word names it, over a country before it of another state
    ("মিয়ানমারে আটকে পড়া ২০ বাংলাদেশীকে দেশে ফেরত পাঠিয়েছে বাংলাদেশ দূতাবাস ব্যাংকক",
     {("BD", "ব্যাংকক", "TH", "embassy")}, set()),
    # … and the locative right before the mission word, in another state than that city, is its sender misspelt
    ("স্বাধীনতা দিবস উপলক্ষে বাংলাদেশে দূতাবাস, কায়রো আলোচনা সভার আয়োজন করে",
     {("BD", "কায়রো", "EG", "embassy")}, set()),
    # near misses: a city it works from is no name; a city in the host state only refines the host; a city
    # that does not end the phrase (ঢাকা সফররত), one joined to another (ঢাকা-দিল্লি, কায়রো ও তিউনিসের) is none
    ("ইউক্রেনে ভারতের দূতাবাস ওয়ারশ থেকে কাজ করছে", {("IN", None, "UA", "embassy")}, set()),
    ("ভিয়েতনামে বাংলাদেশ দূতাবাস, হ্যানয়, বিজয় দিবস উদযাপন করেছে", {("BD", "হ্যানয়", "VN", "embassy")}, set()),
    ("কাতারে বাংলাদেশ দূতাবাস ঢাকা সফররত প্রতিনিধিদের সংবর্ধনা দিয়েছে", {("BD", None, "QA", "embassy")}, set()),
    ("লিবিয়ায় বাংলাদেশ দূতাবাস কায়রো ও তিউনিসের সঙ্গে যোগাযোগ রাখছে", {("BD", None, "LY", "embassy")}, set()),
    ("ভারতে হাইকমিশন ঢাকা-দিল্লি সম্পর্ক নিয়ে কাজ করে", set(), set()),
    # staff called home from a place (সরিয়ে, ফিরিয়ে, প্রত্যাহার): the mission stays there, its sender the
    # clause's last word or a country before the mission word
    ("লিবিয়া থেকে দূতাবাস কর্মীদের সরিয়ে নিচ্ছে ইতালি", {("IT", None, "LY", "embassy")}, set()),
    ("বাগদাদ থেকে নিজেদের কনস্যুলেট কর্মীদের ফিরিয়ে আনল ফ্রান্স", {("FR", "বাগদাদ", "IQ", "consulate")}, set()),
    ("সিরিয়া থেকে তুরস্ক তাদের দূতাবাস কর্মীদের প্রত্যাহার করেছে", {("TR", None, "SY", "embassy")}, set()),
    # (the same with the precomposed য় (U+09DF) a file may hold: compared after NFC)
    ("ইউক্রেন থেকে দূতাবাস কর্মীদের সরি\u09dfে নি\u09dfেছে আমেরিকা", {("US", None, "UA", "embassy")}, set()),
    # near misses: the mission itself withdrawn is gone from there; a country after the recall word that
    # does not end the clause is where the staff go, not their sender
    ("ইউক্রেন থেকে দূতাবাস সরিয়ে নিচ্ছে আমেরিকা", set(), {("US", "UA")}),
    ("কিয়েভ থেকে দূতাবাস কর্মীদের সরিয়ে পোল্যান্ড সীমান্তের কাছে নেওয়া হচ্ছে", set(), set()),
    # … nor is a recall another verb's object (a decision, a demand), nor staff brought back to a place
    ("ইউক্রেন থেকে দূতাবাস কর্মীদের সরিয়ে নেওয়ার মার্কিন সিদ্ধান্তের সমালোচনা করেছে রাশিয়া", set(), set()),
    ("ইসরায়েল থেকে দূতাবাস কর্মীদের প্রত্যাহার করার দাবি জানিয়েছে বাংলাদেশ", set(), set()),
    ("জেদ্দা থেকে দূতাবাস কর্মীদের খার্তুমে ফিরিয়ে নিচ্ছে যুক্তরাষ্ট্র", set(), set()),
    # staff moved away to a place leave their mission where it is; two recalls, each its own clause
    ("রাখাইনের সিত্তে থেকে ভারতীয় কনস্যুলেটের কর্মীদের ইয়াঙ্গুনে সরিয়ে নেওয়া হচ্ছে", {("IN", "সিত্তে", "MM", "consulate")}, set()),
    ("ইউক্রেন থেকে দূতাবাস কর্মীদের সরিয়ে নিচ্ছে আমেরিকা, জাপান থেকে দূতাবাস কর্মীদের সরিয়ে নিচ্ছে চীন",
     {("US", None, "UA", "embassy"), ("CN", None, "JP", "embassy")}, set()),
]


@pytest.mark.parametrize("text,want,gone", CASES, ids=range(len(CASES)))
def test_round27_forms(text, want, gone, profile, gaz):
    assert prose(text, profile, gaz) == want
    assert absent(text, profile, gaz) == gone
