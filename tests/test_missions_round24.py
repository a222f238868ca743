"""Round 24 of the Bengali mission grammar (issue 22, seventh day; tuned on bn_real35 and bn_real37 after the
day's fixed test had read them): each class of form it added, in sentences written here in that form (not
copied from the labelled sets), with exactly the facts and the absent missions each states, and near misses
that must keep their reading. Read by the whole pipeline (``bot.facts.facts_for`` / ``absent_for``)."""

from __future__ import annotations

import pytest

from mission_readers import absent, prose

# (sentence, facts {(sender, host city as written, host country, kind)}, absent {(sender, host)})
CASES = [
    # a move not done, nor perhaps to be (negated, possible, ordered in the future, a plan dropped): the
    # mission is where it would move from, the destination between or after
    ("ইস্তাম্বুল থেকে আঙ্কারায় সৌদি কনস্যুলেট সরিয়ে নেওয়া হবে না", {("SA", "ইস্তাম্বুল", "TR", "consulate")}, set()),
    ("মার্কিন দূতাবাস তেল আবিব থেকে জেরুজালেমে সরানোর ঘোষণা আসতে পারে", {("US", "তেল আবিব", "IL", "embassy")}, set()),
    ("তেল আবিব থেকে জেরুজালেম শহরে গুয়াতেমালার দূতাবাস সরিয়ে নেয়ার পরিকল্পনা থেকে সরে এসেছে সরকার",
     {("GT", "তেল আবিব", "IL", "embassy")}, set()),
    # near miss: a move done leaves nothing where it was
    ("তেল আবিব থেকে জেরুজালেমে মার্কিন দূতাবাস সরিয়ে নেওয়া হয়েছে", set(), set()),
    # a capital in the genitive after the host's city names the sender …
    ("কাবুলে ইসলামাবাদের দূতাবাসে হামলা হয়েছে", {("PK", "কাবুল", "AF", "embassy")}, set()),
    # … but with a sender named, it is the place
    ("রিয়াদের মার্কিন দূতাবাস বিবৃতি দিয়েছে", {("US", "রিয়াদ", "SA", "embassy")}, set()),
    # the mission itself ordered out of a country, in the objective: that country is its host
    ("সুদানের দূতাবাসকে ৭২ ঘণ্টার মধ্যে দক্ষিণ সুদান ছাড়ার নির্দেশ দেওয়া হয়েছে", {("SD", None, "SS", "embassy")}, set()),
    # a closure decided and made known: there until then, and to go
    ("রাশিয়া সেন্ট পিটার্সবার্গে ফিনল্যান্ডের কনস্যুলেট বন্ধের সিদ্ধান্ত জানিয়েছে",
     {("FI", "সেন্ট পিটার্সবার্গ", "RU", "consulate")}, {("FI", "RU")}),
    # a city-state in a list of cities is one of the cities …
    ("কুয়ালালামপুর, সিঙ্গাপুর ও ব্যাংককে বাংলাদেশ মিশনে তিনি কাজ করেছেন",
     {("BD", "কুয়ালালামপুর", "MY", "other"), ("BD", "সিঙ্গাপুর", "SG", "other"), ("BD", "ব্যাংকক", "TH", "other")}, set()),
    # … and in a list of countries a country
    ("সিঙ্গাপুর ও মালয়েশিয়ায় বাংলাদেশ হাইকমিশন রয়েছে",
     {("BD", None, "SG", "high-commission"), ("BD", None, "MY", "high-commission")}, set()),
    # spellings met in real text
    ("বেজিং-এ মার্কিন দূতাবাস রয়েছে", {("US", "বেজিং", "CN", "embassy")}, set()),
    ("কুইটোতে মেক্সিকোর দূতাবাস রয়েছে", {("MX", "কুইটো", "EC", "embassy")}, set()),
]


@pytest.mark.parametrize("text,want,gone", CASES, ids=range(len(CASES)))
def test_round24_forms(text, want, gone, profile, gaz):
    assert prose(text, profile, gaz) == want
    assert absent(text, profile, gaz) == gone
