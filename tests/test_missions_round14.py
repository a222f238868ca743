"""Round 14 of the Bengali mission grammar (issue 22, tuned on fixtures/facts/bn_real16.json after its fresh
reading): each class of form it added, in sentences written here in that form (not copied from the labelled
sets), with exactly the facts and the absent missions each states, and near misses that must stay silent.
Read by the whole pipeline (``bot.facts.facts_for`` / ``absent_for``)."""

from __future__ import annotations

import pytest

from mission_readers import absent, prose

# (sentence, facts {(sender, host city as written, host country, kind)}, absent {(sender, host)})
CASES = [
    # a place 'located' before another noun (অবস্থিত একটি জাদুঘরের …, থাকা … নাগরিকদের) is that noun's
    ("নাইরোবিতে অবস্থিত একটি বড় জাদুঘরের বাইরে আহত হয়েছেন তুর্কি দূতাবাসের দুই কর্মী", set(), set()),
    ("নাইরোবিতে থাকা তুর্কিদের শহর ছাড়ার পরামর্শ দিয়েছে তুর্কি দূতাবাস", set(), set()),
    ("মোগাদিশুতে আটকে পড়া তুর্কি পড়ুয়াদের উদ্দেশে নির্দেশিকা জারি করেছে তুর্কি দূতাবাস", set(), set()),
    # … while the mission's own place stays its place
    ("নাইরোবিতে অবস্থিত তুর্কি দূতাবাস নাগরিকদের পরামর্শ দিয়েছে", {("TR", "নাইরোবি", "KE", "embassy")}, set()),
    ("নাইরোবিতে অবস্থিত তাদের দূতাবাস বন্ধের ঘোষণা দিয়েছে তুরস্ক", set(), {("TR", "KE")}),
    # a clause ending in a finite verb is no short place phrase before the mission word
    ("নাইরোবি ছাড়ার পরামর্শ দিয়েছে তুর্কি দূতাবাস", set(), set()),
    # a closure past and over: the mission's work begun again
    ("পাঁচ বছর বন্ধ থাকার পর কেনিয়ায় তুরস্কের দূতাবাস পুনরায় কার্যক্রম শুরু করেছে", {("TR", None, "KE", "embassy")}, set()),
    # the staff's whereabouts denied, not the mission
    ("নাইরোবিতে তুর্কি দূতাবাসের দুই কর্মীর খোঁজ নেই", {("TR", "নাইরোবি", "KE", "embassy")}, set()),
    # … while the mission's own existence denied is denied
    ("নাইরোবিতে তুর্কি দূতাবাসের কোনো অস্তিত্ব নেই", set(), {("TR", "KE")}),
    # a duty ahead (… করতে হবে) is not a mission to come
    ("কেনিয়া জানিয়েছিল, নাইরোবির তুর্কি দূতাবাস এবং অন্য সংস্থা থেকে কর্মী ছাঁটাই করতে হবে", {("TR", "নাইরোবি", "KE", "embassy")}, set()),
    # … while an opening that must be made is not made
    ("নাইরোবিতে তুর্কি দূতাবাস খুলতে হবে", set(), set()),
    # the country in the objective (-কে) is not the sender; দেশটিতে is that country
    ("তুরস্ক সোমালিল্যান্ডকে স্বীকৃতি না দিলেও মিশরকে এখনও পর্যন্ত সমর্থন দিয়ে দেশটিতে দূতাবাস চালু রেখেছে",
     {("TR", None, "EG", "embassy")}, set()),
    # a province that bears a city's name: the country, no city
    ("তুরস্কের ইজমির প্রদেশে অবস্থিত মিশরের কনস্যুলেটে হামলা হয়েছে", {("EG", None, "TR", "consulate")}, set()),
    # the consular section is a service: its closure leaves the mission there
    ("নাইরোবিতে মিশরীয় দূতাবাসের কনস্যুলার বিভাগটি অস্থায়ীভাবে বন্ধ ঘোষণা করেছে মিশর", {("EG", "নাইরোবি", "KE", "embassy")}, set()),
    # a re-establishment to come is planned
    ("কেনিয়ায় মিশরের দূতাবাসের পুনর্গঠনের জন্য সময়সীমা রয়েছে", set(), set()),
    # a closure for a short while, over: neither there nor gone
    ("নাইরোবির মিশরীয় দূতাবাস কিছু সময়ের জন্য বন্ধ করতে হয়েছিল", set(), set()),
    # the head of mission is a person
    ("মিশরের হেড অফ মিশন নাইরোবির উপর হামলার নিন্দা জানান", set(), set()),
    # a city spelling met in real text
    ("বেরুইটে মিশরের দূতাবাসের সঙ্গে যোগাযোগ রাখুন", {("EG", "বেরুইট", "LB", "embassy")}, set()),
]


@pytest.mark.parametrize("text,want,gone", CASES, ids=range(len(CASES)))
def test_round14_forms(text, want, gone, profile, gaz):
    assert prose(text, profile, gaz) == want
    assert absent(text, profile, gaz) == gone
