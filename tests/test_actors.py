"""The actors stage on short original sentences, one rule at a time."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.options import Options
from eventwire.pipeline import code_text
from eventwire.stages import load_resources


@pytest.fixture(scope="module")
def resources(nlp):
    return load_resources(Options(), nlp)


@pytest.fixture
def mentions(nlp, resources):
    def run(text, published=date(2016, 9, 17)):
        result = code_text(text, Options(check_language=False), nlp=nlp, resources=resources,
                           published=published)
        return [(m.text, m.code) for m in result.mentions]

    return run


def test_country_names_abbreviations_and_compounds(mentions):
    got = mentions("The U.S. and Russia traded accusations while the UK and Egypt stayed silent.")
    assert got == [("U.S.", "USA"), ("Russia", "RUS"), ("UK", "GBR"), ("Egypt", "EGY")]


def test_lower_case_words_are_not_countries(mentions):
    got = mentions("Let us wait and see what the turkey farmers chad about.")
    assert got == [("farmers", "AGR")]  # an actor noun, but no country: not us, Turkey or Chad


def test_capitals_as_government_but_not_as_places(mentions):
    got = mentions("Moscow rejected the plan. Talks were held in Moscow and Kyiv. Beijing said "
                   "little.")
    assert got == [("Moscow", "RUSGOV"), ("Beijing", "CHNGOV")]


def test_seats_of_government(mentions):
    got = mentions("The Kremlin denied it, the Pentagon declined to comment and the White House "
                   "called for calm.")
    assert [c for _, c in got] == ["RUSGOV", "USAMIL", "USAGOV"]


def test_country_word_plus_actor_noun(mentions):
    got = mentions("Syrian soldiers and Iraqi police met Israel's military and the Russian Foreign "
                   "Ministry.")
    assert got == [("Syrian soldiers", "SYRMIL"), ("Iraqi police", "IRQCOP"),
                   ("Israel's military", "ISRMIL"), ("Russian Foreign Ministry", "RUSGOV")]


def test_demonym_before_a_non_actor_noun_is_not_a_mention(mentions):
    assert mentions("Traders said Syrian territory and Russian gas were discussed.") == []


def test_led_and_backed_compounds(mentions):
    got = mentions("U.S.-led coalition air strikes hit Iran-backed militias near the border.")
    assert got[0] == ("U.S.-led coalition", "USAMIL")
    assert ("Iran", "IRN") in got


def test_title_and_apposition_teach_later_surname_mentions(mentions):
    text = ("Chile's ambassador to the United Nations, Ana Ruiz, spoke first. Ruiz said the "
            "vote would wait. Ambassador Ruiz then left.")
    got = mentions(text)
    assert got[0] == ("Chile's ambassador to the United Nations, Ana Ruiz", "CHLGOV")
    assert ("Ruiz", "CHLGOV") in got and ("Ambassador Ruiz", "CHLGOV") in got
    assert ("United Nations", "IGOUNO") not in got  # a destination inside the title


def test_title_before_the_name_with_an_organisation(mentions):
    got = mentions("UN Secretary-General Mariam Tesfaye met Defence Minister Olek Baran of Poland.")
    assert got[0] == ("UN Secretary-General Mariam Tesfaye", "IGOUNO")


def test_pronoun_resolves_only_when_unambiguous(mentions):
    one = mentions("Kenya's foreign minister, Grace Wanjiru, arrived on Monday. She met aid groups.")
    assert ("She", "KENGOV") in one
    two = mentions("Kenya's foreign minister, Grace Wanjiru, met Uganda's foreign minister, "
                   "Ruth Okello. She said little.")
    assert all(text != "She" for text, _ in two)


def test_title_only_reference(mentions):
    got = mentions("Foreign Minister Lina Haddad of Jordan arrived. The minister said talks went well.")
    assert got[-1] == ("The minister", "JORGOV")


def test_organisations_and_armed_groups_with_aliases(mentions):
    got = mentions("UNHCR and Amnesty International said ISIL and Daesh are one group, unlike "
                   "Hezbollah.")
    codes = [c for _, c in got]
    assert codes[:2] == ["IGOUNOREFHCR", "NGOHRIAMN"]
    assert codes[2:4] == ["IMGMUSISI", "IMGMUSISI"] and codes[4] == "LBNREB"


def test_group_fighters_code_to_the_group(mentions):
    assert mentions("Islamic State fighters overran the post.") == [
        ("Islamic State fighters", "IMGMUSISI")]


def test_bare_role_takes_the_dominant_country(mentions):
    got = mentions("Syria's government said the Syrian army repelled an attack. Syria's leaders "
                   "praised the army.")
    assert got[-1] == ("army", "SYRMIL")
    alone = mentions("The rebels said the army fired first.")
    assert alone == [("rebels", "REB"), ("army", "MIL")]


def test_people_are_coded_by_the_office_held_on_the_date(mentions):
    early = mentions("Joe Biden met the press.", published=date(2012, 5, 1))
    between = mentions("Joe Biden met the press.", published=date(2018, 5, 1))
    later = mentions("Joe Biden met the press.", published=date(2022, 5, 1))
    assert early == [("Joe Biden", "USAGOV")]
    assert between == [("Joe Biden", "USAELI")]
    assert later == [("Joe Biden", "USAGOV")]


def test_user_actor_file_adds_and_overrides(nlp, tmp_path):
    extra = tmp_path / "mine.tsv"
    extra.write_text("name\taliases\tcode\tkind\tcountry\tsector\tgender\tstart\tend\n"
                     "Northern Front\tNF\tITLREB\tgroup\t\tREB\t\t\t\n")
    options = Options(actor_files=(str(extra),), check_language=False)
    result = code_text("The Northern Front and the NF denied it.", options, nlp=nlp,
                       resources=load_resources(options, nlp))
    assert [(m.text, m.code, m.kind) for m in result.mentions] == [
        ("Northern Front", "ITLREB", "group"), ("NF", "ITLREB", "group")]


def test_offsets_point_at_the_text(mentions, nlp, resources):
    text = "Australia offered condolences to the families of Syrian soldiers."
    result = code_text(text, nlp=nlp, resources=resources)
    for m in result.mentions:
        assert result.article.text[m.start:m.end] == m.text


def test_former_officials_code_as_elites(mentions):
    got = mentions("Former Syrian president Bashar al-Assad was not seen. Assad left.",
                   published=date(2025, 3, 14))
    assert got == [("Former Syrian president Bashar al-Assad", "SYRELI"), ("Assad", "SYRELI")]


def test_possessive_pronoun_gives_the_owner(mentions):
    got = mentions("Hezbollah denied that its fighters fired first.")
    assert got == [("Hezbollah", "LBNREB"), ("its fighters", "LBNREB")]
