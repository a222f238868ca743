"""Gazetteer: names from CLDR plus curated data, and matching in bn/en prose."""
import json
import time
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from bot.gazetteer import Gazetteer, Place, PlaceMatch

DATA = Path(__file__).resolve().parents[1] / "bot" / "data"
# MediaWiki's NFC keeps য় decomposed; some input has the precomposed letter instead.
YA_NFC, YA_PRE = "\u09af\u09bc", "\u09df"


@pytest.fixture(scope="module")
def bn():
    return Gazetteer.load("bn")


@pytest.fixture(scope="module")
def en():
    return Gazetteer.load("en")


def found(g, text):
    return [(m.surface, m.place.id, m.case) for m in g.find(text)]


# --- prose matching (bn) -------------------------------------------------------------------

@pytest.mark.parametrize("text, place_id, case, suffix", [
    ("বাকুতে", "AZ:baku", "locative", "তে"),
    ("ঢাকায়", "BD:dhaka", "locative", "য়"),
    ("বুয়েনোস আইরেস-এ", "AR:buenos-aires", "locative", "-এ"),
    ("বুয়েনোস আইরেসে", "AR:buenos-aires", "locative", "ে"),
    ("আর্জেন্টিনার", "AR", "genitive", "র"),
    ("আর্জেন্টিনায়", "AR", "locative", "য়"),
    ("আজারবাইজানের", "AZ", "genitive", "ের"),
    ("বাংলাদেশের", "BD", "genitive", "ের"),
    ("ওয়ারশে", "PL:warsaw", "locative", "ে"),
    ("আজারবাইজান", "AZ", "nominative", ""),
    ("আজারবাইজানসহ", "AZ", "nominative", "সহ"),
    ("ভারতের", "IN", "genitive", "ের"),
    ("ঢাকাস্থ", "BD:dhaka", "locative", "স্থ"),
    ("মিয়ানমারের", "MM", "genitive", "ের"),
    ("মার্কিন যুক্তরাষ্ট্রের", "US", "genitive", "ের"),
    ("নয়াদিল্লিতে", "IN:new-delhi", "locative", "তে"),
])
def test_single_forms(bn, text, place_id, case, suffix):
    (m,) = bn.find(text)
    assert (m.start, m.end, m.place.id, m.case, m.suffix) == (0, len(text), place_id, case, suffix)
    assert m.surface == text and m.stem_end == len(text) - len(suffix)


def test_mission_sentences(bn):
    text = "আজারবাইজানের রাজধানী বাকুতে আর্জেন্টিনার একটি দূতাবাস রয়েছে।"
    assert found(bn, text) == [("আজারবাইজানের", "AZ", "genitive"),
                               ("বাকুতে", "AZ:baku", "locative"),
                               ("আর্জেন্টিনার", "AR", "genitive")]
    text = "২০১০ সালের অক্টোবর মাসে বুয়েনোস আইরেসে আজারবাইজান তাদের দূতাবাস স্থাপন করে।"
    ms = bn.find(text)
    assert [(m.place.id, m.case) for m in ms] == [("AR:buenos-aires", "locative"), ("AZ", "nominative")]
    assert text[ms[0].start:ms[0].stem_end] == "বুয়েনোস আইরেস"
    assert found(bn, "ঢাকায় ভুটানের একটি দূতাবাস রয়েছে। ওয়ারশে বাংলাদেশের দূতাবাস রয়েছে।") == [
        ("ঢাকায়", "BD:dhaka", "locative"), ("ভুটানের", "BT", "genitive"),
        ("ওয়ারশে", "PL:warsaw", "locative"), ("বাংলাদেশের", "BD", "genitive")]


def test_titles_with_dash_and_hyphen(bn):
    assert [m.place.id for m in bn.find("আজারবাইজান–আর্জেন্টিনা সম্পর্ক")] == ["AZ", "AR"]
    assert [m.place.id for m in bn.find("বাংলাদেশ-মিয়ানমার সম্পর্ক")] == ["BD", "MM"]


@pytest.mark.parametrize("word", ["ভারতীয়", "চীনা", "পাকিস্তানি", "বাংলাদেশী", "আর্জেন্টিনীয়"])
def test_word_boundaries(bn, word):
    assert bn.find(word) == []
    assert bn.find(f"তিনি {word} নাগরিক।") == []


def test_no_match_inside_a_word(bn):
    # "ভারত" is at the end of "মহাভারত": the name must not start inside a word.
    assert bn.find("মহাভারত") == []


def test_blocked_phrases(bn, en):
    assert found(bn, "ভারত মহাসাগরে") == []
    assert found(bn, "পূর্ব পাকিস্তানের") == []
    assert found(bn, "চাদরে") == []
    assert found(bn, "চাদের রাজধানী") == [("চাদের", "TD", "genitive")]
    assert found(en, "New Jersey and Jersey") == [("Jersey", "JE", "nominative")]


def test_precomposed_and_nfc_input_give_same_places(bn):
    nfc = "আর্জেন্টিনায় ও মালয়েশিয়ার মিয়ানমারে দূতাবাস রয়েছে। ঢাকায়"
    assert unicodedata.is_normalized("NFC", nfc) and YA_NFC in nfc
    pre = nfc.replace(YA_NFC, YA_PRE)
    assert len(pre) < len(nfc)
    a, b = bn.find(nfc), bn.find(pre)
    assert [m.place.id for m in a] == [m.place.id for m in b] == ["AR", "MY", "MM", "BD:dhaka"]
    assert [m.case for m in a] == [m.case for m in b] == ["locative", "genitive", "locative", "locative"]
    for text, ms in ((nfc, a), (pre, b)):  # offsets point into the string as given
        for m in ms:
            assert text[m.start:m.end] == m.surface
            assert text[m.stem_end:m.end] == m.suffix
    assert b[0].surface == "আর্জেন্টিনা" + YA_PRE and b[0].suffix == YA_PRE
    assert b[-1] == PlaceMatch(pre.index("ঢাকা"), len(pre), len(pre) - 1, a[-1].place,
                               "ঢাকা" + YA_PRE, YA_PRE, "locative")


def test_decomposed_o_vowel_sign(bn):
    # ো written as ে + া (NFD) still matches, offsets unchanged.
    text = unicodedata.normalize("NFD", "মরক্কোর")
    (m,) = bn.find(text)
    assert (m.place.id, m.end, m.case) == ("MA", len(text), "genitive")


def test_buenos_aires_spellings_share_an_id(bn, en):
    ids = {bn.city(n).id for n in ("বুয়েনোস আইরেস", "বুয়েনোস আয়েরেস", "বুয়েনস আইরেস")}
    assert ids == {"AR:buenos-aires"} == {en.city("Buenos Aires").id}
    assert bn.city("বুয়েনোস আয়েরেস").country == "AR"
    assert bn.place("AR:buenos-aires") == Place("city", "AR:buenos-aires", "AR", "বুয়েনোস আইরেস")
    assert en.place("AR:buenos-aires").name == "Buenos Aires"


def test_country_preferred_over_city(bn, en):
    assert found(bn, "সিঙ্গাপুরে") == [("সিঙ্গাপুরে", "SG", "locative")]
    assert found(bn, "কুয়েতের") == [("কুয়েতের", "KW", "genitive")]
    assert found(en, "Singapore and Kuwait") == [("Singapore", "SG", "nominative"),
                                                  ("Kuwait", "KW", "nominative")]
    assert en.city("Singapore").id == "SG:singapore" and en.city("Kuwait").id == "KW:kuwait-city"


def test_ambiguous_city_keeps_capital(en):
    assert en.city("St. John's").id == "AG:st-johns"  # not St. John's, Newfoundland


FRAGMENTS = ["আজারবাইজানের", "বাকুতে", "ঢাকায়", "বুয়েনোস আইরেসে", "মিয়ানমার", "মরক্কোর", "ভারতীয়",
             "চীনা", "দূতাবাস", "রয়েছে", "।", " ", " ", "-", "[[", "]]", "এ", "র", "Baku", "Brazil's", "ও"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=14))
def test_matches_are_consistent_under_any_normalisation(bn, parts):
    text = "".join(parts)
    variants = [text, text.replace(YA_NFC, YA_PRE), unicodedata.normalize("NFD", text)]
    ids = None
    for t in variants:
        ms = bn.find(t)
        for a, b in zip(ms, ms[1:]):
            assert a.end <= b.start  # ordered, non-overlapping
        for m in ms:
            assert m.start < m.stem_end <= m.end and t[m.start:m.end] == m.surface
            assert t[m.stem_end:m.end] == m.suffix
        assert ids is None or [m.place.id for m in ms] == ids
        ids = [m.place.id for m in ms]


# --- whole values ------------------------------------------------------------------------------

@pytest.mark.parametrize("value, code", [
    ("আজারবাইজান", "AZ"), ("Azerbaijan", "AZ"), ("  আজারবাইজান\n", "AZ"), ("[[আজারবাইজান]]", "AZ"),
    ("আজারবাইজানের", "AZ"), ("Argentina", "AR"), ("United States", "US"), ("USA", "US"),
    ("মার্কিন যুক্তরাষ্ট্র", "US"), ("যুক্তরাষ্ট্র", "US"), ("যুক্তরাজ্য", "GB"), ("UK", "GB"),
    ("মায়ানমার", "MM"), ("মিয়ানমার", "MM"), ("Burma", "MM"), ("Turkey", "TR"), ("Türkiye", "TR"),
    ("Bosnia and Herzegovina", "BA"), ("Côte d'Ivoire", "CI"), ("Cote d’Ivoire", "CI"),
    ("{{flag|Bangladesh}}", "BD"), ("bangladesh", "BD"), ("BD", "BD"), ("Atlantis", None), ("", None),
])
def test_country_values(bn, value, code):
    assert bn.country(value) == code


def test_country_value_nfc_insensitive(bn):
    assert bn.country("মালয়েশিয়া".replace(YA_NFC, YA_PRE)) == "MY"
    assert bn.country(unicodedata.normalize("NFD", "মরক্কো")) == "MA"


def test_city_values(bn, en):
    assert bn.city("বাকু").id == "AZ:baku" == en.city("Baku").id
    assert bn.city("ঢাকায়") == bn.place("BD:dhaka")
    assert bn.city("ওয়ারশো").id == bn.city("ওয়ারশ").id == "PL:warsaw"
    assert bn.city("নতুন দিল্লি").id == bn.city("নয়াদিল্লি").id == "IN:new-delhi"
    assert bn.city("Washington, D.C.").id == bn.city("ওয়াশিংটন ডি.সি.").id == "US:washington-dc"
    assert bn.city("আর্জেন্টিনা") is None


# --- data: names, genitives, Commonwealth, capitals ---------------------------------------------

def test_display_names(bn, en):
    assert bn.name("US") == "মার্কিন যুক্তরাষ্ট্র" and bn.name("MM") == "মিয়ানমার"
    assert en.name("GB") == "United Kingdom" and en.name("TR") == "Turkey"
    assert bn.place("AZ") == Place("country", "AZ", "AZ", "আজারবাইজান")
    assert bn.name("ZZ") is None and bn.place("EU") is None and bn.place("001") is None
    assert "মায়ানমার" in bn.names("MM") and "Myanmar" in bn.names("MM")
    assert bn.names("AR:buenos-aires")[0] == "বুয়েনোস আইরেস"


@pytest.mark.parametrize("code, form", [
    ("BD", "বাংলাদেশের"), ("AR", "আর্জেন্টিনার"), ("AZ", "আজারবাইজানের"), ("IN", "ভারতের"),
    ("PK", "পাকিস্তানের"), ("BT", "ভুটানের"), ("NP", "নেপালের"), ("CN", "চীনের"), ("JP", "জাপানের"),
    ("RU", "রাশিয়ার"), ("US", "মার্কিন যুক্তরাষ্ট্রের"), ("GB", "যুক্তরাজ্যের"), ("PL", "পোল্যান্ডের"),
    ("TR", "তুরস্কের"), ("IR", "ইরানের"), ("MY", "মালয়েশিয়ার"), ("LK", "শ্রীলঙ্কার"),
    ("MM", "মিয়ানমারের"), ("CA", "কানাডার"), ("AU", "অস্ট্রেলিয়ার"), ("BR", "ব্রাজিলের"),
    ("EG", "মিশরের"), ("SA", "সৌদি আরবের"), ("DE", "জার্মানির"), ("FR", "ফ্রান্সের"),
    ("IT", "ইতালির"), ("ES", "স্পেনের"),
])
def test_genitives(bn, code, form):
    assert bn.genitive(code) == form
    (m,) = bn.find(form)  # every curated genitive is itself matched as genitive
    assert (m.place.id, m.case, m.end) == (code, "genitive", len(form))


def test_genitive_coverage(bn):
    raw = json.loads((DATA / "gazetteer.bn.json").read_text(encoding="utf-8"))
    commonwealth = json.loads((DATA / "gazetteer.en.json").read_text(encoding="utf-8"))["commonwealth"]
    assert len(raw["genitive"]) >= 60
    assert all(bn.genitive(c) for c in [*commonwealth, "AF", "BT", "NP", "MM", "CN", "US", "RU"])
    assert bn.genitive("AQ") is None and bn.genitive("XX") is None
    for code, form in raw["genitive"].items():  # data is NFC and matches back to its country
        assert unicodedata.is_normalized("NFC", form)
        assert [(m.place.id, m.case) for m in bn.find(form)] == [(code, "genitive")], form


def test_commonwealth(bn, en):
    for code in ("BD", "IN", "GB", "RW", "MZ", "GA", "TG", "CA", "AU"):
        assert bn.is_commonwealth(code) and en.is_commonwealth(code)
    for code in ("AR", "AZ", "US", "MM", "IE"):
        assert not bn.is_commonwealth(code)
    assert len(bn._commonwealth) == 56


def test_capitals(bn, en):
    assert bn.capital("AZ") == "AZ:baku" and bn.capital("AR") == "AR:buenos-aires"
    assert bn.capital("IN") == "IN:new-delhi" and bn.capital("BD") == "BD:dhaka"
    assert bn.capital("US") == "US:washington-dc" and bn.capital("XX") is None
    assert bn.place(bn.capital("PL")).name == "ওয়ারশ"
    sovereign = [c for c in en._countries if c in en._commonwealth] + ["AR", "AZ", "CN", "US", "BR"]
    for code in sovereign:
        cid = en.capital(code)
        assert cid and en.place(cid).country == code, code


def test_same_city_ids_in_both_languages(bn, en):
    assert set(bn._cities) == set(en._cities)
    assert all(bn.place(c).country == en.place(c).country for c in en._cities)


def test_every_curated_bn_city_is_known_in_en():
    raw = json.loads((DATA / "gazetteer.bn.json").read_text(encoding="utf-8"))
    en = Gazetteer.load("en")
    for cc, cities in raw["cities"].items():
        for en_name in cities:
            place = en.city(en_name)
            assert place is not None and place.country == cc, en_name


# --- English -------------------------------------------------------------------------------------

def test_english_prose(en):
    assert found(en, "Brazil has an embassy in Baku.") == [("Brazil", "BR", "nominative"),
                                                           ("Baku", "AZ:baku", "nominative")]
    assert found(en, "India has a high commission in New Delhi") == [
        ("India", "IN", "nominative"), ("New Delhi", "IN:new-delhi", "nominative")]
    assert found(en, "Brazil's embassy") == [("Brazil's", "BR", "genitive")]
    assert found(en, "Brazilian") == []
    assert found(en, "the embassy in Washington, D.C.") == [
        ("Washington, D.C.", "US:washington-dc", "nominative")]
    assert found(en, "in Bogotá and Reykjavik") == [("Bogotá", "CO:bogota", "nominative"),
                                                    ("Reykjavik", "IS:reykjavik", "nominative")]
    assert en.country("Azerbaijan") == "AZ" and en.country("আজারবাইজান") is None


def test_qualified_link_targets(en):
    assert en.city("Kingston, Jamaica").id == "JM:kingston"
    assert en.city("St. John's, Antigua and Barbuda").id == "AG:st-johns"
    assert en.city("Split (city)").id == "HR:split" == en.city("Split, Croatia").id
    assert en.city("Kingston, Ontario") is None  # qualifier is not the city's country
    assert en.city("Chişinău").id == en.city("Chisinau").id == "MD:chisinau"  # cedilla, no diacritics


def test_bn_gazetteer_matches_english_names(bn):
    assert found(bn, "মানচিত্র Argentina এবং Bangladesh অবস্থান") == [
        ("Argentina", "AR", "nominative"), ("Bangladesh", "BD", "nominative")]


# --- speed ----------------------------------------------------------------------------------------

def test_load_is_cached():
    assert Gazetteer.load("bn") is Gazetteer.load("bn")
    assert Gazetteer.load() is Gazetteer.load("bn")


def test_find_is_fast(bn):
    s = ("আজারবাইজানের রাজধানী বাকুতে আর্জেন্টিনার একটি দূতাবাস রয়েছে। [[ঢাকা]]য় ভুটানের একটি দূতাবাস "
         "রয়েছে। দুই দেশের মধ্যে বাণিজ্যিক ও সাংস্কৃতিক সম্পর্ক বৃদ্ধি পেয়েছে। ")
    text = (s * (100_000 // len(s) + 1))[:100_000]
    t = time.perf_counter()
    ms = bn.find(text)
    assert time.perf_counter() - t < 0.5  # measured ~15 ms
    assert len(ms) > 2000 and all(text[m.start:m.end] == m.surface for m in ms[:50])
