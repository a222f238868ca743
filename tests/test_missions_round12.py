"""Round 12 of the Bengali mission grammar (issue 22, tuned on fixtures/facts/bn_real13.json, which was the
fresh set until then): each class of form it added, in sentences written here in that form (not copied from
the labelled sets), with exactly the facts and the absent missions each states, and near misses that must
stay silent. Read by the whole pipeline (``bot.facts.facts_for`` / ``absent_for``)."""

from __future__ import annotations

import pytest

from mission_readers import absent, prose

# (sentence, facts {(sender, host city as written, host country, kind)}, absent {(sender, host)})
CASES = [
    # capitals whose CLDR Bengali name is not the one writers use
    ("মালি সরকার বামাকোতে তুরস্কের দূতাবাস পরিদর্শন করেছে", {("TR", "বামাকো", "ML", "embassy")}, set()),
    ("মিশর ওয়াগাডুগুতে তার দূতাবাস চালু করেছে", {("EG", "ওয়াগাডুগু", "BF", "embassy")}, set()),
    ("মোগাদিশুতে কাতারের দূতাবাসের সামনে বিস্ফোরণ", {("QA", "মোগাদিশু", "SO", "embassy")}, set()),
    # a closure with its reopening after it, past: the mission is there
    ("দশ বছর বন্ধ হয়ে যাওয়ার পর মিশর সোমালিয়ায় তাদের দূতাবাস পুনরায় চালু করেছে", {("EG", None, "SO", "embassy")}, set()),
    # … while a reopening to come is no fact yet
    ("মিশর সোমালিয়ায় তাদের দূতাবাস পুনরায় চালু করবে", set(), set()),
    # a closure awaited or recommended is not made: the mission is there
    ("কায়রোতে নরওয়ের দূতাবাস বন্ধ হওয়ার অপেক্ষায় আছে", {("NO", "কায়রো", "EG", "embassy")}, {("NO", "EG")}),
    ("একটি কমিটি মিশরে নরওয়ের দূতাবাস বন্ধ করে দেওয়ার সুপারিশ করেছে", {("NO", None, "EG", "embassy")}, set()),
    # an opening about to come, its verb between the host and the mission word: planned, no fact
    ("এবার মোগাদিশুতে খুলতে যাচ্ছে তুরস্কের দূতাবাস", set(), set()),
    # a negation of another noun after the mission word in the genitive says nothing of the mission
    ("কেনিয়ায় নরওয়েজীয় দূতাবাসের সময়সূচিতে কোনো পরিবর্তন হয়নি", {("NO", None, "KE", "embassy")}, set()),
    # … while a mission denied with কোনো is denied
    ("কেনিয়ায় নরওয়ের কোনো দূতাবাস নেই", set(), {("NO", "KE")}),
    # an opening word whose object is another thing (relations) is not the mission's
    ("কেনিয়ায় নরওয়েজীয় দূতাবাস দুই দেশের মধ্যে সম্পর্ক স্থাপনের কাজে গুরুত্বপূর্ণ ভূমিকা রাখছে",
     {("NO", None, "KE", "embassy")}, set()),
    # … while the mission's own establishment to come is planned
    ("কেনিয়ায় নরওয়ের দূতাবাস স্থাপনের কাজ চলছে", set(), set()),
    # a representative office, in the English loan word
    ("কেনিয়ায় রিপ্রেজেন্টেটিভ অফিস খুলেছে তাইওয়ান", {("TW", None, "KE", "other")}, set()),
    # a Latin gloss in brackets does not part the closure verb from the mission phrase
    ("বৃহস্পতিবার বন্ধ করে দেওয়া হল সোমালিয়ার (Somalia) রাজধানী মোগাদিশুতে (Mogadishu) থাকা মিশরীয় দূতাবাস",
     set(), {("EG", "SO")}),
    # a topic word (বিষয়ক) before a pronoun does not block the country the pronoun stands for
    ("মিশরের পররাষ্ট্র ও প্রবাসী বিষয়ক মন্ত্রী কেনিয়ায় দেশটির দূতাবাস ফের খুলেছেন", {("EG", None, "KE", "embassy")}, set()),
    # … while a topic word right before the mission word still names a body's office
    ("জাতিসংঘের শরণার্থী বিষয়ক হাইকমিশন নাইরোবিতে তাদের অফিস খুলেছে", set(), set()),
    # a mission's building to be opened: the mission is there
    ("নাইরোবিতে মিশরের নতুন দূতাবাস ভবন উদ্বোধন করবেন প্রধানমন্ত্রী", {("EG", "নাইরোবি", "KE", "embassy")}, set()),
    # … while the mission itself to be opened is planned
    ("নাইরোবিতে মিশরের নতুন দূতাবাস উদ্বোধন করবেন প্রধানমন্ত্রী", set(), set()),
    # activated (সক্রিয় করল) is opened
    ("নাইরোবিতে মিশরের দূতাবাস সক্রিয় করল কায়রো", {("EG", "নাইরোবি", "KE", "embassy")}, set()),
    # a finite verb in the past and a conjunction end the mission's clause: হবে after them is another clause's
    ("সোমবার মিশর আনুষ্ঠানিকভাবে কেনিয়ায় তার দূতাবাস খুলেছে এবং এটি অঞ্চলে দেশটির বড় জয় হবে",
     {("EG", None, "KE", "embassy")}, set()),
    # … while হবে in the mission's own clause is to come
    ("সোমবার মিশর আনুষ্ঠানিকভাবে কেনিয়ায় তার দূতাবাস খোলা হবে", set(), set()),
    # the city after a comma that ends the phrase names the place exactly
    ("উৎসবের সঙ্গে বিজয় দিবস উদযাপন করেছে কেনিয়ায় মিশর দূতাবাস, নাইরোবি", {("EG", "নাইরোবি", "KE", "embassy")}, set()),
    # … while a city after a comma that goes on is another phrase's
    ("কেনিয়ায় মিশর দূতাবাস, নাইরোবি বিশ্ববিদ্যালয় ও দূতাবাসের কর্মীরা অংশ নেন", {("EG", None, "KE", "embassy")}, set()),
    # country spellings news uses (বৃটেন, ইউকে, ইউএই)
    ("বৃটেনে কেনিয়ার হাইকমিশন নতুন ভবনে গেছে", {("KE", None, "GB", "high-commission")}, set()),
    ("ইউএইতে কেনিয়ার দূতাবাস প্রবাসীদের সতর্ক করেছে", {("KE", None, "AE", "embassy")}, set()),
    # স্বীকৃতি (recognition) is not স্বীকৃত (accredited)
    ("নাইরোবিস্থ নরওয়ের দূতাবাসের উদ্যোগে ইউনেস্কোর স্বীকৃতির বর্ষপূর্তি উপলক্ষে জাপানি ক্লাবে অনুষ্ঠান হয়",
     {("NO", "নাইরোবি", "KE", "embassy")}, set()),
]


@pytest.mark.parametrize("text,want,gone", CASES, ids=range(len(CASES)))
def test_round12_forms(text, want, gone, profile, gaz):
    assert prose(text, profile, gaz) == want
    assert absent(text, profile, gaz) == gone
