"""Round 8 of the Bengali mission grammar (issue 22, tuned on fixtures/facts/bn_real8.json, then
bn_real9.json): each
class of form it added, in sentences written here in that form (not copied from the labelled sets),
with exactly the facts and the absent missions each states, and near misses that must stay silent.
Read by the whole pipeline (``bot.facts.facts_for`` / ``absent_for``)."""

from __future__ import annotations

import pytest

from mission_readers import absent, prose

# (sentence, facts {(sender, host city as written, host country, kind)}, absent {(sender, host)})
CASES = [
    # a closure for a while (সাময়িক, অনির্দিষ্টকালের জন্য) says neither that the mission is there nor gone
    ("লিসবনে কেনিয়ার দূতাবাস সাময়িক বন্ধ ঘোষণা", set(), set()),
    ("লিসবনে অবস্থিত কেনিয়ার দূতাবাস অনির্দিষ্টকালের জন্য বন্ধ ঘোষণা করা হয়েছে", set(), set()),
    ("সাময়িকভাবে বন্ধ করা হলো লিসবনের কেনিয়া দূতাবাস", set(), set()),
    # … while a closure with no such word is one
    ("লিসবনে অবস্থিত কেনিয়ার দূতাবাস বন্ধ ঘোষণা করা হয়েছে", set(), {("KE", "PT")}),
    ("বন্ধ করা হলো লিসবনের কেনিয়া দূতাবাস", set(), {("KE", "PT")}),
    # … and a temporary move still to come leaves the mission where it is
    ("পোর্তোতে কেনিয়ার কনস্যুলেট শিগগিরই লিসবনে অস্থায়ী ভিত্তিতে স্থানান্তর করা হবে",
     {("KE", "পোর্তো", "PT", "consulate")}, set()),
    # compound kind words in every spelling and join of their parts
    ("পোর্তোতে কেনিয়ার কন্স্যুলেট-জেনারেলের অফিস রয়েছে", {("KE", "পোর্তো", "PT", "consulate-general")}, set()),
    # a spelling no kind lists, one typing slip from কনস্যুলেট: read as that word (round 31), the compound too
    ("পোর্তোতে কেনিয়ার কনস্যূলেট জেনারেল রয়েছে", {("KE", "পোর্তো", "PT", "consulate-general")}, set()),
    ("মুম্বাইয়ে কেনিয়ার ডেপুটি হাই কমিশন রয়েছে", {("KE", "মুম্বাই", "IN", "deputy-high-commission")}, set()),
    ("শিলংয়ে কেনিয়ার অ্যাসিস্ট্যান্ট-হাইকমিশন রয়েছে", {("KE", "শিলং", "IN", "assistant-high-commission")}, set()),
    # an opening going on, wished for, or said to be needed: no mission yet
    ("লিসবনে কেনিয়ার দূতাবাস স্থাপন করা হচ্ছে", set(), set()),
    ("ব্যবসা বাড়াতে লিসবনে দূতাবাস স্থাপন করতে চায় কেনিয়া", set(), set()),
    ("লিসবনে কেনিয়ার দূতাবাস চালু করা খুবই জরুরি", set(), set()),
    # … but the mission's own wish is no such thing
    ("লিসবনে কেনিয়ার দূতাবাস সবার সহযোগিতা চায়", {("KE", "লিসবন", "PT", "embassy")}, set()),
    # … and an opening one was glad to do is done
    ("লিসবনে কেনিয়ার দূতাবাস চালু হতে এত দেরি হলো কেন", {("KE", "লিসবন", "PT", "embassy")}, set()),
    # a name in brackets after the mission word shares its predicate
    ("লিসবনে কেনিয়া ও উগান্ডার যৌথ দূতাবাস (পূর্ব আফ্রিকা দূতাবাস) আগামী সপ্তাহে উদ্বোধন হতে যাচ্ছে", set(), set()),
    ("লিসবনে কেনিয়া ও উগান্ডার যৌথ দূতাবাস (পূর্ব আফ্রিকা দূতাবাস) গত সপ্তাহে উদ্বোধন হয়েছে",
     {("KE", "লিসবন", "PT", "embassy"), ("UG", "লিসবন", "PT", "embassy")}, set()),
    # a copula: the second mission word says what the first is, no second mission
    ("লিসবনে কেনিয়ার হাইকমিশন হলো পর্তুগালে কেনিয়ার প্রধান কূটনৈতিক দূতাবাস", {("KE", "লিসবন", "PT", "high-commission")},
     set()),
    # a general word (মিশন) said again by its kind: the kind
    ("লিসবনের কেনিয়া মিশন জানায়, লিসবনের কেনিয়া দূতাবাসে আজ সংবর্ধনা হয়", {("KE", "লিসবন", "PT", "embassy")}, set()),
    # … but a gloss in brackets leaves the word used first
    ("পোর্তোতে কেনিয়ার উপ-দূতাবাস (কনস্যুলেট) রয়েছে", {("KE", "পোর্তো", "PT", "other")}, set()),
    # a section of the mission moved: the mission stays
    ("লিসবনস্থ কেনিয়া দূতাবাসের ভিসা সেকশন মাদ্রিদে স্থানান্তর করা হয়েছে", {("KE", "লিসবন", "PT", "embassy")}, set()),
    ("লিসবনস্থ কেনিয়া দূতাবাস মাদ্রিদে স্থানান্তর করা হয়েছে", set(), set()),
    # 1971: Dhaka was in Pakistan until December
    ("১৯৭১ সালের এপ্রিলে ঢাকার কেনিয়া কনস্যুলেট থেকে একটি টেলিগ্রাম পাঠানো হয়", {("KE", "ঢাকা", "PK", "consulate")}, set()),
    ("১৯৭২ সালে ঢাকায় কেনিয়ার কনস্যুলেট খোলা হয়", {("KE", "ঢাকা", "BD", "consulate")}, set()),
    # … a holiday closure is one for a while too
    ("ঈদ উপলক্ষে বন্ধ থাকবে কেনিয়া হাইকমিশন, লিসবন", set(), set()),
    # a governing mission word (হাইকমিশনের কনস্যুলেট অফিস) after a city's quarter and a date
    ("পোর্তো নগরীর রিবেইরায় ২০০১ সাল থেকে কেনিয়া হাইকমিশনের কনস্যুলেট অফিস চালু করা হয়",
     {("KE", "পোর্তো", "PT", "consulate")}, set()),
    ("পোর্তোর রিবেইরায় ২০০১ সাল থেকে কেনিয়ার দূতাবাস রয়েছে", {("KE", "পোর্তো", "PT", "embassy")}, set()),
    # consular help (কনস্যুলেট সহায়তা) is a service, no mission
    ("কেনিয়ার নাগরিকদের জন্য পোর্তোতে তাদের কনস্যুলেট সহায়তা অব্যাহত থাকবে", set(), set()),
    # a name ending in স takes -স্থ as ্থ (লস এঞ্জেলেস্থ), and the press's লস এঞ্জেলস
    ("লস এঞ্জেলেস্থ কেনিয়া কনস্যুলেট জেনারেলের নিজস্ব ভবন উদ্বোধন", {("KE", "লস এঞ্জেলেস", "US", "consulate-general")},
     set()),
    ("লস এঞ্জেলসে কেনিয়ার কনস্যুলেট রয়েছে", {("KE", "লস এঞ্জেলস", "US", "consulate")}, set()),
    # two mission words side by side (কনস্যুলেট মিশনগুলো) share one predicate
    ("লিসবনে অবস্থিত কেনিয়ার কনস্যুলেট মিশনগুলো বন্ধ করে দেয়া হয়েছে", set(), {("KE", "PT")}),
    # (bn_real9) a continent or a region named with a country's word is no host
    ("দক্ষিণ আমেরিকাতে কেনিয়ার একমাত্র দূতাবাস রয়েছে", set(), set()),
    # a bare city right after a bare mission word is its name: the host country's city
    ("পর্তুগালে প্রবাসীদের সেবা দিচ্ছে কেনিয়া কনস্যুলেট জেনারেল পোর্তো ও উত্তর পর্তুগাল",
     {("KE", "পোর্তো", "PT", "consulate-general")}, set()),
    # the press's ত্রিপলি
    ("ত্রিপলির কেনিয়া দূতাবাস এ তথ্য জানিয়েছে", {("KE", "ত্রিপলি", "LY", "embassy")}, set()),
    # people stranded in, returned from, or living in a country are theirs, not the mission's
    ("কেনিয়া দূতাবাস লিবিয়ায় আটকে পড়া কেনীয় নাগরিকদের সহায়তা করছে", set(), set()),
    ("পোল্যান্ডের কেনিয়া দূতাবাস ইউক্রেন ফেরত নাগরিকদের আশ্রয় দিয়েছে", {("KE", None, "PL", "embassy")}, set()),
    ("কেনিয়া দূতাবাস ইউক্রেন প্রবাসী নাগরিকদের সহায়তা দিয়েছে", set(), set()),
    # a mission in a genitive city that serves another country from there: none in that country
    ("এখন থেকে নয়াদিল্লির কেনিয়ার দূতাবাস থেকে বাংলাদেশের বিষয়গুলো দেখভাল করবে দেশটি",
     {("KE", "নয়াদিল্লি", "IN", "embassy")}, {("KE", "BD")}),
    # English-sounding names and demonyms (সাউথ আফ্রিকা, নিউ দিল্লি)
    ("নিউ দিল্লির সাউথ আফ্রিকান হাই কমিশনে সংবর্ধনা হয়", {("ZA", "নিউ দিল্লি", "IN", "high-commission")}, set()),
    ("সিউলে সাউথ আফ্রিকার দূতাবাস রয়েছে", {("ZA", "সিউল", "KR", "embassy")}, set()),
]


@pytest.mark.parametrize("text,want,gone", CASES, ids=range(len(CASES)))
def test_round8_forms(text, want, gone, profile, gaz):
    assert prose(text, profile, gaz) == want
    assert absent(text, profile, gaz) == gone
