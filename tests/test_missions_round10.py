"""Round 10 of the Bengali mission grammar (issue 22, tuned on fixtures/facts/bn_real11.json): each
class of form it added, in sentences written here in that form (not copied from the labelled sets),
with exactly the facts and the absent missions each states, and near misses that must stay silent.
Read by the whole pipeline (``bot.facts.facts_for`` / ``absent_for``)."""

from __future__ import annotations

import pytest

from mission_readers import absent, prose

# (sentence, facts {(sender, host city as written, host country, kind)}, absent {(sender, host)})
CASES = [
    # a closure ordered with no one named (a headline) is the host's order: there until then
    ("লিসবনে কেনিয়ার কনস্যুলেট বন্ধের নির্দেশ", {("KE", "লিসবন", "PT", "consulate")}, {("KE", "PT")}),
    ("পোর্তোতে কেনিয়ার কনস্যুলেট বন্ধ করার আদেশ দিয়েছেন পর্তুগালের পররাষ্ট্রমন্ত্রী",
     {("KE", "পোর্তো", "PT", "consulate")}, {("KE", "PT")}),
    # … but by a ministry of no named country, or carried out already, it is closed
    ("পর্তুগালে কেনিয়ার দূতাবাস বন্ধ করতে পররাষ্ট্রমন্ত্রণালয় নির্দেশ দিয়েছে", set(), {("KE", "PT")}),
    ("পর্তুগাল লিসবনে কেনিয়ার দূতাবাস বন্ধ করার নির্দেশ দিয়েছিল এবং সেটি এরই মধ্যে বন্ধ করে দেওয়া হয়েছে",
     set(), {("KE", "PT")}),
    # a closure decided is to come: the missions are there until then
    ("কেনিয়া পর্তুগাল ও স্পেনে তাদের দূতাবাস বন্ধ করার সিদ্ধান্ত নিয়েছে",
     {("KE", None, "PT", "embassy"), ("KE", None, "ES", "embassy")}, {("KE", "PT"), ("KE", "ES")}),
    # … unless only for a while (neither)
    ("কেনিয়া লিসবনে তাদের দূতাবাস সাময়িকভাবে বন্ধ করার সিদ্ধান্ত নিয়েছে", set(), set()),
    # closed for years, then opened again before the mission word: there
    ("দীর্ঘ ১০ বছর বন্ধ থাকার পরে লিসবনে ফের চালু করা হলো কেনিয়ার দূতাবাস", {("KE", "লিসবন", "PT", "embassy")}, set()),
    # a non-resident envoy posted to a country: no mission of the sender there
    ("পর্তুগালে নিযুক্ত কেনিয়ার অনাবাসিক রাষ্ট্রদূত প্রেসিডেন্টের সঙ্গে সাক্ষাৎ করেন", set(), {("KE", "PT")}),
    ("পর্তুগালে কেনিয়ার অনাবাসিক হাইকমিশনার পরিচয়পত্র পেশ করেন", set(), {("KE", "PT")}),
    # … but envoys in the plural, or a resident one, say nothing of that
    ("পর্তুগালে নিযুক্ত কেনিয়ার অনাবাসিক রাষ্ট্রদূতদের সঙ্গে বৈঠক হয়েছে", set(), set()),
    ("পর্তুগালে নিযুক্ত কেনিয়ার রাষ্ট্রদূত প্রেসিডেন্টের সঙ্গে সাক্ষাৎ করেন", set(), set()),
    # a state named as the place: its country, no city (the city when one is named too)
    ("ত্রিপুরায় কেনিয়ার কনস্যুলেট রয়েছে", {("KE", None, "IN", "consulate")}, set()),
    ("ত্রিপুরার আগরতলায় কেনিয়ার কনস্যুলেট রয়েছে", {("KE", "আগরতলা", "IN", "consulate")}, set()),
    # a capital names its country as the sender after a genitive city of another country
    ("লিসবনের নাইরোবি দূতাবাসে বিক্ষোভ হয়েছে", {("KE", "লিসবন", "PT", "embassy")}, set()),
    # … while after a genitive country it is the place
    ("কেনিয়ার লিসবন দূতাবাসে বিক্ষোভ হয়েছে", {("KE", "লিসবন", "PT", "embassy")}, set()),
    # a list of cities each with its country before it
    ("পর্তুগালের লিসবন, স্পেনের মাদ্রিদ এবং ইতালির রোমে অবস্থিত কেনিয়ার দূতাবাস ভিসা দেয়",
     {("KE", "লিসবন", "PT", "embassy"), ("KE", "মাদ্রিদ", "ES", "embassy"), ("KE", "রোম", "IT", "embassy")}, set()),
    # a count equal to the cities, with a place noun and the sender before it: one in each
    ("লিসবন এবং পোর্তো শহরে কেনিয়ার দুটি কনস্যুলেট রয়েছে",
     {("KE", "লিসবন", "PT", "consulate"), ("KE", "পোর্তো", "PT", "consulate")}, set()),
    ("লিসবন এবং পোর্তো শহরে কেনিয়ার পাঁচটি কনস্যুলেট রয়েছে", set(), set()),
    # spellings met in real text
    ("ইসলামাবাদে কেনিয়ার হাই-কমিশন রয়েছে", {("KE", "ইসলামাবাদ", "PK", "high-commission")}, set()),
    ("দিল্লিতে অবস্থিত কেনিয়ান এমব্যাসিতে তিনি কাজ করেন", {("KE", "দিল্লি", "IN", "embassy")}, set()),
    ("জিম্বাবুয়েতে কূটনৈতিক ফাঁড়ি খুলেছে কেনিয়া", {("KE", None, "ZW", "other")}, set()),
    ("কায়েরোর কেনিয়া দূতাবাস জানায়", {("KE", "কায়েরো", "EG", "embassy")}, set()),
    ("স্টোকহোমের কেনিয়া দূতাবাস জানায়", {("KE", "স্টোকহোম", "SE", "embassy")}, set()),
    ("ভ্লাদিভোস্টকে কেনিয়ার কনস্যুলেট রয়েছে", {("KE", "ভ্লাদিভোস্টক", "RU", "consulate")}, set()),
    ("নাইরোবিতে দূতাবাস খুলল অ্যামেরিকা", {("US", "নাইরোবি", "KE", "embassy")}, set()),
]


@pytest.mark.parametrize("text,want,gone", CASES, ids=range(len(CASES)))
def test_round10_forms(text, want, gone, profile, gaz):
    assert prose(text, profile, gaz) == want
    assert absent(text, profile, gaz) == gone

