"""Round 28 of the Bengali mission grammar (issue 22, ninth day; tuned on bn_real14, spent that day, and the
city spellings the tuned sets' labels write): each class of form it added, in sentences written here in that
form (not copied from the labelled sets), with exactly the facts and the absent missions each states, and near
misses that must keep their reading. Read by the whole pipeline (``bot.facts.facts_for`` / ``absent_for``)."""

from __future__ import annotations

import pytest

from mission_readers import absent, prose

# (sentence, facts {(sender, host city as written, host country, kind)}, absent {(sender, host)})
CASES = [
    # city spellings news writes that the gazetteer did not know (data/cities.bn.json): the city and its country
    ("কানাডার টরেন্টোতে বাংলাদেশ কনস্যুলেট জেনারেলে প্রবাসীদের সভা হয়েছে",
     {("BD", "টরেন্টো", "CA", "consulate-general")}, set()),
    ("নেপালের কাঠমুণ্ডুতে অবস্থিত বাংলাদেশ দূতাবাসে বিজয় দিবস পালিত হয়েছে", {("BD", "কাঠমুণ্ডু", "NP", "embassy")}, set()),
    ("ইকাতেরিনবার্গে ভারতের কনস্যুলেট জেনারেল কাজ করছে", {("IN", "ইকাতেরিনবার্গ", "RU", "consulate-general")}, set()),
    # (ওয়ার্স, a Warsaw spelling, is left out: it is also English 'Wars')
    ("‘স্টার ওয়ার্স’ দিবসে মার্কিন দূতাবাসে শিশুদের মেলা", set(), set()),
    # a mission that started work is there; the honorific future (শুরু করবেন) is a person's, never the mission's
    ("ভারতীয় কনস্যুলেট জেনারেল গত মাসে কাজানে কাজ শুরু করেছে", {("IN", "কাজান", "RU", "consulate-general")}, set()),
    ("রিয়াদে বাংলাদেশ দূতাবাসে নতুন রাষ্ট্রদূত আগামী সপ্তাহে দায়িত্ব পালন শুরু করবেন", {("BD", "রিয়াদ", "SA", "embassy")}, set()),
    # a year in a quoted title (শিরোনামে, শীর্ষক after it) dates nothing (the host is the state of today) …
    ("বাংলাদেশে জাপান দূতাবাসের সহযোগিতায় ‘পুরোনো ছবি ১৯৬৫’ শিরোনামে একটি প্রদর্শনী শুরু হয়েছে",
     {("JP", None, "BD", "embassy")}, set()),
    ('ঢাকায় ভারতীয় হাইকমিশনে "মুক্তিযুদ্ধ ১৯৭১" শীর্ষক প্রদর্শনী হয়েছে', {("IN", "ঢাকা", "BD", "high-commission")}, set()),
    # … but a quoted statement or date about the mission dates it (Dhaka then in Pakistan)
    ("“১৯৬২ সালে ঢাকায় একটি মার্কিন কনস্যুলেট খোলা হয়”, বলেন তিনি", {("US", "ঢাকা", "PK", "consulate")}, set()),
    ("ঢাকায় মার্কিন কনস্যুলেট জেনারেল ‘১৯৫০ সালে’ প্রতিষ্ঠিত হয় বলে জানা যায়", {("US", "ঢাকা", "PK", "consulate-general")}, set()),
    # countries named 'including' (-সহ) before a count of countries: each a host
    ("যুক্তরাজ্য, কানাডাসহ ১২ দেশের বাংলাদেশি দূতাবাসে চিঠি পাঠানো হয়েছে",
     {("BD", None, "GB", "embassy"), ("BD", None, "CA", "embassy")}, set()),
    ("সৌদি আরব, ওমানসহ ছয় দেশের বাংলাদেশ দূতাবাসে হটলাইন চালু হয়েছে",
     {("BD", None, "SA", "embassy"), ("BD", None, "OM", "embassy")}, set()),
    ("কাতারসহ ৮টি দেশের দূতাবাস রয়েছে ঢাকায়", {("QA", "ঢাকা", "BD", "embassy")}, set()),
    # a bare mission word after its place whose clause ends with হচ্ছে is to come; হচ্ছে with more after it, or
    # without a place before the mission, is a copula
    ("অস্ট্রেলিয়ার সিডনিতে বাংলাদেশের নতুন মিশন হচ্ছে", set(), set()),
    ("গুলশানের ওই লাল ভবনটি ঢাকার ব্রিটিশ হাইকমিশন হচ্ছে", {("GB", "ঢাকা", "BD", "high-commission")}, set()),
    ("বাংলাদেশে সবচেয়ে বড় দূতাবাস হচ্ছে ঢাকায় অবস্থিত মার্কিন দূতাবাস", {("US", "ঢাকা", "BD", "embassy")}, set()),
    # an envoy of the mission withdrawn leaves the mission there; the mission withdrawn is gone
    ("সৌদি আরবের বাংলাদেশ দূতাবাসের রাষ্ট্রদূতকে প্রত্যাহার করা হয়েছে", {("BD", None, "SA", "embassy")}, set()),
    ("সৌদি আরব থেকে বাংলাদেশ দূতাবাস প্রত্যাহার করা হয়েছে", set(), {("BD", "SA")}),
    # (an envoy who is the agent, not the object, leaves the closure the mission's)
    ("কায়রোতে মার্কিন দূতাবাসের কার্যক্রম রাষ্ট্রদূতের নির্দেশে বন্ধ করে দেওয়া হয়েছে", set(), {("US", "EG")}),
    ("কাবুলে ভারতীয় দূতাবাসের রাষ্ট্রদূত দিল্লি থেকে বন্ধ ঘোষণা করেছেন", set(), {("IN", "AF")}),
    # a mission upgraded (-কে … উন্নীত) takes the country ending the clause as its sender: the mission that is, and
    # after an upgrade done what it became; what it is to become never renames it
    ("চট্টগ্রামে কনস্যুলেটকে কনস্যুলেট জেনারেলে উন্নীত করার ঘোষণা দিয়েছে জাপান", {("JP", "চট্টগ্রাম", "BD", "consulate")}, set()),
    ("চট্টগ্রামে কনস্যুলেটকে কনস্যুলেট জেনারেলে উন্নীত করেছে জাপান", {("JP", "চট্টগ্রাম", "BD", "consulate-general")}, set()),
    ("কান্দাহারে মিশনকে কনস্যুলেটে উন্নীত করবে ভারত", {("IN", "কান্দাহার", "AF", "other")}, set()),
    ("চট্টগ্রামে কনস্যুলেটকে উন্নীত করার দাবি জানিয়েছে বাংলাদেশ", set(), set()),
    # (nor is an upgrade another verb's noun: the country closing the clause judges it, it is no sender)
    ("জেরুজালেমে কনস্যুলেটকে দূতাবাসে উন্নীত করার সিদ্ধান্তের নিন্দা জানিয়েছে তুরস্ক", set(), set()),
    # staff with a quantifier (সমস্ত, সব) are still the mission's staff, called home from where it is
    ("সুদান থেকে দূতাবাসের সমস্ত কর্মীকে সরিয়ে নিয়েছে কানাডা", {("CA", None, "SD", "embassy")}, set()),
    ("ঢাকায় সব দেশের দূতাবাস বন্ধ", set(), set()),
    # (but the mission withdrawn with its staff (-সহ) is gone, and 'all' elsewhere makes no statement generic)
    ("কাবুল থেকে দূতাবাস সমস্ত কর্মকর্তাসহ সরিয়ে নিয়েছে ভারত", set(), {("IN", "AF")}),
    ("সমস্ত ঝুঁকি এড়াতে কাবুলে দূতাবাস বন্ধ করেছে ভারত", set(), {("IN", "AF")}),
    # a demonym right before a sender's bare name is the host; after a count it is people; two demonyms name no host
    ("মালয়েশিয়ান বাংলাদেশ হাইকমিশনের শ্রম শাখা নতুন নিয়ম জানিয়েছে", {("BD", None, "MY", "high-commission")}, set()),
    ("আটক তিন ভারতীয় বাংলাদেশ দূতাবাসের সহায়তা চেয়েছেন", set(), set()),
    ("মার্কিন ও ব্রিটিশ দূতাবাস নিরাপত্তা সতর্কতা দিয়েছে", set(), set()),
]


@pytest.mark.parametrize("text,want,gone", CASES, ids=range(len(CASES)))
def test_round28_forms(text, want, gone, profile, gaz):
    assert prose(text, profile, gaz) == want
    assert absent(text, profile, gaz) == gone
