"""Round 11 of the Bengali mission grammar (issue 22, tuned on fixtures/facts/bn_real12.json): each
class of form it added, in sentences written here in that form (not copied from the labelled sets),
with exactly the facts and the absent missions each states, and near misses that must stay silent.
Read by the whole pipeline (``bot.facts.facts_for`` / ``absent_for``)."""

from __future__ import annotations

import pytest

from mission_readers import absent, prose

# (sentence, facts {(sender, host city as written, host country, kind)}, absent {(sender, host)})
CASES = [
    # an opening about to start, its verb before the mission phrase: to come
    ("আগামী মাসে যাত্রা শুরু হতে যাচ্ছে মোম্বাসায় কেনিয়ার নতুন কনস্যুলেট", set(), set()),
    ("আগামী মাসে চালু হতে যাচ্ছে মোম্বাসায় ভারতের নতুন কনস্যুলেট", set(), set()),
    # কূটনৈতিক স্থাপনা (diplomatic premises) is a mission, and a vowel-final word takes -য়
    ("নাইরোবিতে ভারতের কূটনৈতিক স্থাপনায় হামলার নিন্দা জানিয়েছে দিল্লি", {("IN", "নাইরোবি", "KE", "other")}, set()),
    ("নাইরোবিতে ভিয়েতনামের প্রতিনিধি সংস্থায় নাগরিকরা যোগাযোগ করছেন", {("VN", "নাইরোবি", "KE", "other")}, set()),
    # a generic word before a host in the locative belongs to another noun (যে কোনো প্রয়োজনে)
    ("যে কোনো প্রয়োজনে কেনিয়ায় ভারতীয় দূতাবাসের নম্বরে ফোন করতে বলা হয়েছে", {("IN", None, "KE", "embassy")}, set()),
    # … while before the mission phrase with no host it stays generic
    ("যে কোনো দেশের দূতাবাসে যোগাযোগ করা যাবে", set(), set()),
    # a service named right after the closure word is what closed
    ("মোম্বাসাস্থিত ভারতীয় কনস্যুলেট অফিস আপাতত বন্ধ করে দেওয়া হয়েছে ভিসা দেওয়ার কাজ",
     {("IN", "মোম্বাসা", "KE", "consulate")}, set()),
    # … and so is the mission's service named after the mission word, with the closure before it
    ("কেন বন্ধ হয়েছিল মোম্বাসার ভারতীয় কনস্যুলেটের সেবা", {("IN", "মোম্বাসা", "KE", "consulate")}, set()),
    # … while the mission closed with no service named is closed
    ("মোম্বাসাস্থিত ভারতীয় কনস্যুলেট বন্ধ করে দেওয়া হয়েছে", set(), {("IN", "KE")}),
    # দেশটিতে with the one country named earlier in the same sentence
    ("কেনিয়ার রাজধানী নাইরোবিতে বসবাসরত প্রবাসী ভারতীয়দের সতর্ক থাকতে বলেছে দেশটিতে অবস্থিত ভারতীয় দূতাবাস",
     {("IN", None, "KE", "embassy")}, set()),
    # … and সে দেশে (that country) the same way
    ("কেনিয়া সরকার সে দেশে ভারতের দূতাবাসের কর্মীদের বহিষ্কার করেছে", {("IN", None, "KE", "embassy")}, set()),
    # a mission word 'as' a post a person is appointed to is no mission
    ("মোম্বাসায় ভারতীয় সহকারী হাইকমিশন হিসেবে এক কূটনীতিককে নিয়োগ দেয়া হয়েছে", set(), set()),
    # a spelling met in real text
    ("কোপেনহাগেনের কেনিয়া দূতাবাসে স্মারকলিপি দেওয়া হয়েছে", {("KE", "কোপেনহাগেন", "DK", "embassy")}, set()),
]


@pytest.mark.parametrize("text,want,gone", CASES, ids=range(len(CASES)))
def test_round11_forms(text, want, gone, profile, gaz):
    assert prose(text, profile, gaz) == want
    assert absent(text, profile, gaz) == gone
