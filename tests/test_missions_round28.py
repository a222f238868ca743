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
    ("পোল্যান্ডের রাজধানী ওয়ার্সে অবস্থিত বাংলাদেশ দূতাবাসে বিজয় দিবস পালিত হয়েছে", {("BD", "ওয়ার্স", "PL", "embassy")}, set()),
    ("ইকাতেরিনবার্গে ভারতের কনস্যুলেট জেনারেল কাজ করছে", {("IN", "ইকাতেরিনবার্গ", "RU", "consulate-general")}, set()),
    # a mission that will start work (the honorific future শুরু করবেন) is to come; one that started is there
    ("ভারতীয় কনস্যুলেট জেনারেল আগামী মাসে কাজানে কাজ শুরু করবেন", set(), set()),
    ("ভারতীয় কনস্যুলেট জেনারেল গত মাসে কাজানে কাজ শুরু করেছে", {("IN", "কাজান", "RU", "consulate-general")}, set()),
    # a year in a quoted title holding no mission word dates nothing (the host is the state of today) …
    ("বাংলাদেশে জাপান দূতাবাসের সহযোগিতায় ‘পুরোনো ছবি ১৯৬৫’ শিরোনামে একটি প্রদর্শনী শুরু হয়েছে",
     {("JP", None, "BD", "embassy")}, set()),
    # … but a quoted statement about the mission is dated by its year (Dhaka then in Pakistan)
    ("“১৯৬২ সালে ঢাকায় একটি মার্কিন কনস্যুলেট খোলা হয়”, বলেন তিনি", {("US", "ঢাকা", "PK", "consulate")}, set()),
    # countries named 'including' (-সহ) before a count of countries: each a host
    ("যুক্তরাজ্য, কানাডাসহ ১২ দেশের বাংলাদেশি দূতাবাসে চিঠি পাঠানো হয়েছে",
     {("BD", None, "GB", "embassy"), ("BD", None, "CA", "embassy")}, set()),
    ("কাতারসহ ৮টি দেশের দূতাবাস রয়েছে ঢাকায়", {("QA", "ঢাকা", "BD", "embassy")}, set()),
    # a bare mission word whose clause ends with হচ্ছে is to come; হচ্ছে with more after it is a copula
    ("অস্ট্রেলিয়ার সিডনিতে বাংলাদেশের নতুন মিশন হচ্ছে", set(), set()),
    ("বাংলাদেশে সবচেয়ে বড় দূতাবাস হচ্ছে ঢাকায় অবস্থিত মার্কিন দূতাবাস", {("US", "ঢাকা", "BD", "embassy")}, set()),
    # an envoy of the mission withdrawn leaves the mission there; the mission withdrawn is gone
    ("সৌদি আরবের বাংলাদেশ দূতাবাসের রাষ্ট্রদূতকে প্রত্যাহার করা হয়েছে", {("BD", None, "SA", "embassy")}, set()),
    ("সৌদি আরব থেকে বাংলাদেশ দূতাবাস প্রত্যাহার করা হয়েছে", set(), {("BD", "SA")}),
    # a demonym right before a sender's bare name is the host; two demonyms alone name no host
    ("মালয়েশিয়ান বাংলাদেশ হাইকমিশনের শ্রম শাখা নতুন নিয়ম জানিয়েছে", {("BD", None, "MY", "high-commission")}, set()),
    ("মার্কিন ও ব্রিটিশ দূতাবাস নিরাপত্তা সতর্কতা দিয়েছে", set(), set()),
]


@pytest.mark.parametrize("text,want,gone", CASES, ids=range(len(CASES)))
def test_round28_forms(text, want, gone, profile, gaz):
    assert prose(text, profile, gaz) == want
    assert absent(text, profile, gaz) == gone
