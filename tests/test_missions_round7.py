"""Round 7 of the Bengali mission grammar (issue 22, tuned on fixtures/facts/bn_real6.json and
bn_real7.json): each class of form it added, in sentences written here in that form (not copied from
the labelled sets), with exactly the facts and the absent missions each states, and near misses that
must stay silent. Read by the whole pipeline (``bot.facts.facts_for`` / ``absent_for``)."""

from __future__ import annotations

import pytest

from mission_readers import absent, prose

# (sentence, facts {(sender, host city as written, host country, kind)}, absent {(sender, host)})
CASES = [
    # a move to come: still where it moves from
    ("লিসবন থেকে পোর্তোতে দূতাবাস স্থানান্তর করবে কেনিয়া", {("KE", "লিসবন", "PT", "embassy")}, set()),
    # … a move done: no longer there, and not yet a fact where it went
    ("লিসবন থেকে পোর্তোতে দূতাবাস স্থানান্তর করেছে কেনিয়া", set(), set()),
    # a withdrawal from a place with no destination: absent there (to come: still there too)
    ("পর্তুগাল থেকে দূতাবাস সরিয়ে নিচ্ছে কেনিয়া", set(), {("KE", "PT")}),
    ("পর্তুগাল থেকে দূতাবাস সরিয়ে নেবে কেনিয়া", {("KE", None, "PT", "embassy")}, {("KE", "PT")}),
    ("পর্তুগাল থেকে দূতাবাস গুটিয়ে ফেলবে কেনিয়া", {("KE", None, "PT", "embassy")}, {("KE", "PT")}),
    # the place before a mission taken away is where it goes
    ("মাদ্রিদে কেনিয়ার দূতাবাস সরিয়ে নিয়ে যাওয়া হয়েছিল", set(), set()),
    # staff taken out of a mission leave the mission there
    ("লিসবনের দূতাবাস থেকে কূটনীতিক সরানো শুরু করেছে কেনিয়া", {("KE", "লিসবন", "PT", "embassy")}, set()),
    # … and so do staff taken out of a city (round 27, as most labelled sets read it; round 7 read nothing)
    ("লিসবন থেকে নিজেদের দূতাবাস কর্মীদের সরিয়ে নিল কেনিয়া", {("KE", "লিসবন", "PT", "embassy")}, set()),
    # a closure being considered, or denied with the sender between, leaves the mission a fact
    ("কেনিয়ার প্রশাসন লিসবনে কেনিয়ার দূতাবাস বন্ধ করে দেয়ার বিষয়টি ভাবছে", {("KE", "লিসবন", "PT", "embassy")}, set()),
    ("কেনিয়া জানিয়েছে, লিসবনে দূতাবাস বন্ধের কোনো ইচ্ছা তাদের নেই", {("KE", "লিসবন", "PT", "embassy")}, set()),
    # an event's place before a mission is not its host
    ("লিসবনে হামলার প্রতিবাদে কেনিয়ার দূতাবাসের সামনে বিক্ষোভ হয়", set(), set()),
    # all of a sender's missions closed: no one host
    ("পর্তুগালে হামলার জেরে বিশ্বব্যাপী সব দূতাবাস বন্ধ করলো কেনিয়া", set(), set()),
    # … while one named closure stays absent
    ("পর্তুগালে দূতাবাস বন্ধ করলো কেনিয়া", set(), {("KE", "PT")}),
    # kind words of the press: সহকারি (short i), কূটনৈতিক দফতর, বাণিজ্য দূতাবাস
    ("শিলংয়ে কেনিয়ার সহকারি হাইকমিশন রয়েছে", {("KE", "শিলং", "IN", "assistant-high-commission")}, set()),
    ("লিসবনে কেনিয়ার কূটনৈতিক দফতর উদ্বোধন করা হয়", {("KE", "লিসবন", "PT", "other")}, set()),
    ("পোর্তোতে কেনিয়ার বাণিজ্য দূতাবাস রয়েছে", {("KE", "পোর্তো", "PT", "other")}, set()),
    # a mission word with 'towards' joined (দূতাবাসমুখী মিছিল)
    ("লিসবনে কেনিয়ার দূতাবাসমুখী মিছিল হয়", {("KE", "লিসবন", "PT", "embassy")}, set()),
    # … 'হতে পারে' after a mission word is no 'from'
    ("লিসবনে কেনিয়ার দূতাবাস হতে পারে", set(), set()),
    # a mission moved for the time being is a fact in neither place; its staff moved leave it there
    ("পর্তুগালের কেনিয়া দূতাবাস সাময়িকভাবে লিসবন থেকে পোর্তোতে স্থানান্তরের প্রক্রিয়া চলছে", set(), set()),
    ("লিসবনে অবস্থিত দূতাবাসের কর্মীদের সাময়িকভাবে বিদেশে সরিয়ে নিয়েছে কেনিয়া", {("KE", "লিসবন", "PT", "embassy")},
     set()),
    # a genitive city before an area in the locative, after the mission word
    ("কেনিয়ার দূতাবাসটি লিসবনের ‘বেলেম’ এলাকায় খোলা হয়েছে", {("KE", "লিসবন", "PT", "embassy")}, set()),
    # an order to close: still there, said to close
    ("পর্তুগাল থেকে দূতাবাস গুটিয়ে ফেলতে আদেশ দিয়েছে কেনিয়া", {("KE", None, "PT", "embassy")}, {("KE", "PT")}),
    # a press spelling of Tel Aviv
    ("তেল-আবিবে কেনিয়ার দূতাবাস রয়েছে", {("KE", "তেল-আবিব", "IL", "embassy")}, set()),
    # a service closed before the mission word is the service's: the mission is there
    ("পোর্তোতে কেনিয়ার ভিসা সেন্টার বন্ধ করে দিলো কেনিয়ার কনস্যুলেট", {("KE", "পোর্তো", "PT", "consulate")}, set()),
    ("আজ থেকে ভিসা কার্যক্রম বন্ধ ঘোষণা করেছে পোর্তোস্থ কেনিয়ার কনস্যুলেট", {("KE", "পোর্তো", "PT", "consulate")},
     set()),
    # the press's '<sender> <kind> <host>': the country right after the bare mission word
    ("কেনিয়া দূতাবাস পর্তুগাল সংবর্ধনার আয়োজন করে", {("KE", None, "PT", "embassy")}, set()),
    ("কেনিয়া দূতাবাস পর্তুগালের সভাকক্ষে অনুষ্ঠান হয়", {("KE", None, "PT", "embassy")}, set()),
    # … not after a genitive sender, nor before a postposition
    ("কেনিয়ার দূতাবাস পর্তুগালের নির্বাচন নিয়ে বিবৃতি দেয়", set(), set()),
    ("কেনিয়া দূতাবাস পর্তুগালের সঙ্গে বৈঠক করে", set(), set()),
    # a comma with words before it ends the mission's phrase; a bare comma does not
    ("কেনিয়ার দূতাবাসের কর্মকর্তা, লিসবনে অবস্থিত কয়েকটি সংস্থার প্রতিনিধিরা অংশ নেন", set(), set()),
    ("বাংলাদেশ হাইকমিশন, প্রিটোরিয়াতে নিযুক্ত হাইকমিশনার অংশ নেন", {("BD", "প্রিটোরিয়া", "ZA", "high-commission")},
     set()),
    # diplomats posted to a place: theirs, not the mission's; a mission posted there: its own
    ("তিনি কেনিয়া দূতাবাস ও পর্তুগালে নিযুক্ত কেনিয়ার কূটনীতিকদের সঙ্গে কথা বলেন", set(), set()),
    ("লিসবনে নিযুক্ত কেনিয়ার দূতাবাস জানায়", {("KE", "লিসবন", "PT", "embassy")}, set()),
]


@pytest.mark.parametrize("text,want,gone", CASES, ids=range(len(CASES)))
def test_round7_forms(text, want, gone, profile, gaz):
    assert prose(text, profile, gaz) == want
    assert absent(text, profile, gaz) == gone
