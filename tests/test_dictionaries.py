"""TABARI/PETRARCH dictionaries driving the engine: conversion into lexicon objects, coding
with them, the CLI flags and config file, and PETRARCH2's unit suite held at a pinned floor.

The small dictionaries here are written for these tests (invented states and people)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventwire import code_text
from eventwire.cli import cli
from eventwire.errors import InputError
from eventwire.lexicons.dictionaries import event_lexicon, read_config, surfaces
from eventwire.lexicons.events import load_event_lexicon
from eventwire.lexicons.petrarch import read_verbs
from eventwire.options import Options
from eventwire.stages import load_resources

GATES = json.loads((Path(__file__).with_name("quality_gates.json")).read_text(encoding="utf-8"))

VERBS = """\
&TIEKINDS
+TRADE
+CULTURAL

&NOTS
+DID N'T
+WILL NOT

--- RESTORE  [064]  ---
RESTORE
- * &TIEKINDS TIES [903]
- &NOTS_EVER * [913]
- &NOTS * [912]

--- ACT  [100]  ---
ACT
- * ON RESOLUTION [102]

--- LEFT  [032:033]  ---
LEFT

--- PRAISE  [051]  ---
PRAISE
- * ^ EFFORTS [052]
- * + FOR EFFORTS [053]

--- CRITICISE  [111]  ---
CRITICISE
- STRONGLY_* [122]

--- BURN  [---]  ---
BURN
- * DOWN [222]

--- FREE  [066]  ---
FREE
- + * FROM $ [067]

--- CELEBRATE  [181]  ---
CELEBRATE
- + HOSTING * HARVEST $ [046]
- * FEAST AT ^ WITH + [043]
- * FEAST IN ^ + [045]

--- WELCOME  [041]  ---
WELCOME
- * ASSURANCES FROM + [913]
- * ASSURANCES [914]

--- ARREST  [212]  ---
ARREST

--- INTERCEPT  [1711]  ---
INTERCEPT
WIRE_+TAP {WIRE_+TAPPED WIRE_+TAPPING}
- WILL NOT * [081]

--- AGREE  [081]  ---
AGREE
- * WITH % [031]
- % * [030:030]
"""

ACTORS = """\
VELORIA  [VEL]
KASTMARK_  [KSM]
TARNOR  [TRN]
FENDOR  [FEN]
KAR-DUM  [KDM]
WORLD_BANK  [WBK]
TARNOR_GUILD  [TRNGLD]
ODRIN_PELL
  [VELMIL 20120101 - 20120301]
  [VELGOV 20100101 - 20151231]
  [VELOPP >20160101]
"""

AGENTS = """\
!MINST! = MINISTER, MINISTRY
FOREIGN_!MINST! [~GOVFRM]
POLICE {} [~COP]
STUDENT [~EDU]
AMBASSADOR [~GOV]
ICRC [~HLH]
MDA {} [NGO~]
MEDIA {} [~MED]
GOVERNMENT [~GOV]
"""

DISCARDS = """\
FOOTBALL
+HOROSCOPE
"""


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("dictionaries")
    out = {}
    for kind, text in (("verbs", VERBS), ("actors", ACTORS), ("agents", AGENTS),
                       ("discards", DISCARDS)):
        path = folder / f"test.{kind}.txt"
        path.write_text(text, encoding="utf-8")
        out[kind] = str(path)
    return out


@pytest.fixture(scope="module")
def coded(files, nlp):
    options = Options(actor_files=(files["actors"],), verb_files=(files["verbs"],),
                      agent_files=(files["agents"],), discard_files=(files["discards"],),
                      check_language=False)
    resources = load_resources(options, nlp)

    def code(text: str, day: date = date(2014, 5, 2)) -> set[tuple[str, str, str]]:
        result = code_text(text, options, nlp, resources, published=day)
        return {(e.source.code if e.source else "---", e.target.code if e.target else "---",
                 e.cameo.code) for e in result.events if not e.modality.negated}

    return code


def test_patterns_become_rules_on_the_parse(files):
    conv = event_lexicon(read_verbs(files["verbs"]), load_event_lexicon().codes,
                         {"left": "leave"}, "test.verbs.txt")
    restore = {r.code: r for r in conv.lexicon.verbs["restore"]}
    assert restore["903"].modifiers == (frozenset({"trade", "cultural"}), frozenset({"tie", "ties"}))
    assert restore["912"].before == (frozenset({"did n't", "will not"}),)
    assert restore["064"].target == "obj" and not restore["064"].modifiers
    act = {r.code: r for r in conv.lexicon.verbs["act"]}
    assert act["102"].via == frozenset({"on"}) and act["102"].modifiers == (frozenset({"resolution"}),)
    left = conv.lexicon.verbs["leave"][0]
    assert (left.code, left.reverse, left.word) == ("032", "033", "left")
    # the most specific rule is tried first, and codes outside CAMEO are kept as written
    assert conv.lexicon.verbs["restore"][0].code == "913"  # "did n't ever": three words
    assert conv.lexicon.info("903").cameo.code == "903" and conv.lexicon.info("903").plover.type is None
    assert conv.lexicon.info("1717").cameo.code == "1717"
    assert conv.lexicon.info("1717").cameo.goldstein == load_event_lexicon().info("17").cameo.goldstein
    # "^" between words is a gap
    assert {r.code: r for r in conv.lexicon.verbs["praise"]}["052"].modifiers == (
        frozenset({"efforts", "effort"}),)
    # what cannot be converted is reported, with the line
    line = VERBS.splitlines().index("- * + FOR EFFORTS [053]") + 1
    assert any(f"line {line}:" in s and "after the last slot" in s for s in conv.skipped), \
        conv.skipped


def test_actor_names_as_news_writes_them():
    assert surfaces("THE_AU") >= {"AU", "Au"}
    assert "Caras Galadhon" in surfaces("CARAS_GALADHON")
    assert "Prince of Dol Amroth" in surfaces("PRINCE OF DOL AMROTH")


def test_codes_with_the_dictionaries(coded):
    assert coded("Veloria restored full trade ties with Kastmark on Monday.") == {("VEL", "KSM", "903")}
    assert coded("Veloria restored relations with Kastmark.") == {("VEL", "KSM", "064")}
    assert coded("Veloria acted on a resolution against Kastmark.") == {("VEL", "KSM", "102")}
    # a negation the pattern names is the event, not a negated one
    assert coded("Veloria didn't restore relations with Kastmark.") == {("VEL", "KSM", "912")}
    # "_" joins words that must be adjacent
    assert coded("Veloria will not ever restore relations with Kastmark.") == {("VEL", "KSM", "913")}
    assert coded("Veloria will not now ever restore relations with Kastmark.") == {
        ("VEL", "KSM", "912")}
    # "_" joins a word to the verb: right before it
    assert coded("Veloria strongly criticised Kastmark.") == {("VEL", "KSM", "122")}
    assert coded("Veloria strongly and repeatedly criticised Kastmark.") == {("VEL", "KSM", "111")}
    # "WIRE_+TAP": "+" marks the verb, and the words before it come right before it
    assert coded("Veloria wire tapped the phone lines of Kastmark.") == {("VEL", "KSM", "1711")}
    assert coded("Veloria will not wire tap the phone lines of Kastmark.") == {("VEL", "KSM", "081")}
    assert coded("Veloria tapped the phone lines of Kastmark.") == set()
    # pattern words match as written, not by lemma: "RESOLUTION" does not hold for
    # "resolutions"; a plural in the dictionary ("TIES") also holds for its singular
    assert coded("Veloria acted on resolutions against Kastmark.") == {("VEL", "KSM", "100")}
    assert coded("Veloria restored a trade tie with Kastmark.") == {("VEL", "KSM", "903")}


def test_paired_codes_stems_and_agents(coded):
    # "VELORIA" has no closing "_", so it is a stem: "Velorian" is Veloria's; with an agent
    # dictionary, the built-in actor nouns and titles do not apply ("envoy" is not listed)
    assert coded("The Velorian envoy left for Kastmark on Sunday.") == {
        ("VEL", "KSM", "032"), ("KSM", "VEL", "033")}
    assert coded("Kastmark's new mayor left for Veloria on Sunday.") == {
        ("KSM", "VEL", "032"), ("VEL", "KSM", "033")}
    # "KASTMARK_" ends in "_": the exact word only
    assert not any("KSM" in (s, t) for s, t, _ in coded("Kastmarkian envoys left for Veloria."))
    assert coded("Kastmark's foreign minister criticised Veloria.") == {("KSMGOVFRM", "VEL", "111")}


def test_date_restricted_codes_use_the_article_date(coded):
    text = "Odrin Pell criticised Kastmark."
    assert coded(text, date(2011, 3, 1)) == {("VELGOV", "KSM", "111")}
    # restrictions that overlap: the first listed that holds wins
    assert coded(text, date(2012, 2, 1)) == {("VELMIL", "KSM", "111")}
    assert coded(text, date(2017, 3, 1)) == {("VELOPP", "KSM", "111")}


def test_discards_drop_a_sentence_or_the_story(coded):
    assert coded("Veloria criticised Kastmark. The football match was delayed.") == {
        ("VEL", "KSM", "111")}
    assert coded("Veloria criticised Kastmark after the football final.") == set()
    assert coded("Veloria criticised Kastmark. Your horoscope for Tuesday follows.") == set()


def test_cli_codes_with_dictionary_flags_and_a_config(files, tmp_path):
    article = tmp_path / "story.txt"
    article.write_text("Veloria restored full cultural ties with Kastmark on Monday.\n",
                       encoding="utf-8")
    flags = ["--verbs", files["verbs"], "--actors", files["actors"], "--agents", files["agents"],
             "--discards", files["discards"], "--no-language-check", "--published", "2014-05-02"]
    out = CliRunner().invoke(cli, ["code", str(article), "--format", "json", *flags])
    assert out.exit_code == 0, out.output
    event = json.loads(out.output.splitlines()[0])["events"][0]
    assert (event["source"]["code"], event["target"]["code"], event["cameo"]["code"]) == ("VEL", "KSM", "903")

    config = Path(files["verbs"]).parent / "dictionaries.toml"
    config.write_text('[dictionaries]\nverbs = "test.verbs.txt"\nactors = ["test.actors.txt"]\n',
                      encoding="utf-8")
    assert read_config(config)["actors"] == (str(config.parent / "test.actors.txt"),)
    out = CliRunner().invoke(cli, ["code", str(article), "--format", "json", "--dictionaries",
                                   str(config), "--no-language-check"])
    assert out.exit_code == 0, out.output
    assert json.loads(out.output.splitlines()[0])["events"][0]["cameo"]["code"] == "903"


def test_a_bad_config_is_a_clear_error(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('[dictionaries]\nverbs = "missing.txt"\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"missing\.txt does not exist"):
        read_config(bad)
    bad.write_text('[dictionaries]\nnouns = "x.txt"\n', encoding="utf-8")
    with pytest.raises(InputError, match="unknown key"):
        read_config(bad)
    out = CliRunner().invoke(cli, ["code", "-", "--dictionaries", str(bad)], input="Text.")
    assert out.exit_code != 0 and "unknown key" in out.output


def test_petrarch_unit_suite_meets_the_pinned_floor(shared, nlp):
    from eventwire.evaluation.petrarch_suite import read_suite, run_suite, suite_options

    suite = read_suite(shared / "data" / "petrarch_validation" / "PETR.UnitTest.records.xml")
    report = run_suite(suite, suite_options(suite), nlp)
    assert len(report.results) >= 270
    gate = GATES["petrarch_suite"]
    assert report.rate >= gate["pass_rate"], report.by_category()


def test_names_the_model_joins_and_passives_without_an_agent(coded):
    # the model takes "Tarnor and Fendor" for one name: a list is not a name
    assert coded("Veloria restored diplomatic ties with Tarnor and Fendor.") == {
        ("VEL", "TRN", "064"), ("VEL", "FEN", "064")}
    # with no "by" phrase, the subject of a passive is the source, as PETRARCH reads it
    assert coded("Veloria was heavily criticised over its quarrel with Kastmark.") == {
        ("VEL", "KSM", "111")}


def test_clauses_inside_a_coded_verb_phrase_are_part_of_its_event(coded):
    # as PETRARCH2 nests them: the clause is no event of its own under a coded verb
    assert coded("Veloria restored full cultural ties with Kastmark years after Tarnor crowds "
                 "burned down its embassy.") == {("VEL", "KSM", "903")}
    assert coded("Veloria is about to restore full cultural ties with Kastmark years after "
                 "Tarnor crowds burned down its embassy.") == {("VEL", "KSM", "903")}
    # under a verb that codes nothing, it is
    assert coded("Veloria improved its ties with Kastmark years after Tarnor crowds burned "
                 "down its embassy.") == {("TRN", "---", "222")}
    # the verb above names no target: the clause's actor is what it is about
    assert coded("Veloria restored full cultural ties with the north years after Tarnor crowds "
                 "burned down its embassy.") == {("VEL", "TRN", "903")}
    # coordinated verbs are each an event
    assert coded("Veloria criticised Kastmark and burned down its embassy.") == {
        ("VEL", "KSM", "111"), ("VEL", "---", "222")}


def test_pattern_slots_before_and_after_the_verb(coded):
    # "+" before the verb: the subject is the target; "FROM $": the source
    assert coded("Tarnor's envoy was freed from Veloria.") == {("VEL", "TRN", "067")}
    # "+ HOSTING": the actor before "hosting"; "HARVEST $": the actor after "harvest"; a
    # dictionary's 046 is coded one way, as written
    assert coded("Kastmark will be hosting Tarnor to celebrate the harvest with Fendor.") == {
        ("FEN", "KSM", "046")}
    # "AT ^": "at" and any phrase; "IN ^ +": the actor after the one "in" names
    assert coded("Veloria celebrated the feast at Tarnor with Kastmark.") == {("VEL", "KSM", "043")}
    assert coded("Veloria celebrated the feast in Tarnor with the envoys of Kastmark.") == {
        ("VEL", "KSM", "045")}
    # a pattern naming the target's preposition is more specific than "% *"
    assert coded("Veloria agrees with Tarnor that the talks should resume.") == {
        ("VEL", "TRN", "031")}
    assert coded("Veloria and Tarnor agree that the talks should resume.") == {
        ("VEL", "TRN", "030"), ("TRN", "VEL", "030")}
    # "FROM +": the preposition may hang anywhere in the verb's phrase
    assert coded("Veloria welcomed assurances on cultural issues from Kastmark on its role in "
                 "the talks.") == {("VEL", "KSM", "913")}
    # a hyphenated name is also written with its second part in lower case
    assert coded("Veloria criticised Kar-dum.") == {("VEL", "KDM", "111")}


def test_the_users_dictionaries_say_who_is_who(coded):
    # a name or an agent the user's dictionaries define replaces the built-in entry
    assert coded("Veloria criticised the World Bank.") == {("VEL", "WBK", "111")}
    assert coded("The Kastmark ICRC criticised Veloria.") == {("KSMHLH", "VEL", "111")}
    # an agent with no state named is an actor of its own, with no country guessed from the
    # article (the suite writes it ---EDU)
    assert coded("Kastmark police arrested students on Monday.") == {("KSMCOP", "EDU", "212")}
    # an abbreviation in brackets is the actor it follows, not the built-in entry of its own
    assert coded("Veloria criticised the World Bank (IBRD).") == {("VEL", "WBK", "111")}
    # "{}": the agent has no other form than the one written
    assert coded("Veloria criticised Kastmark's police.") == {("VEL", "KSMCOP", "111")}
    assert coded("Veloria criticised Kastmark's polices.") == {("VEL", "KSM", "111")}
    # an agent is matched as written too ("media", which the lemmatiser makes "medium"), and
    # coordinated agents share the country word before the first
    assert coded("Velorian media and government criticised Kastmark.") == {
        ("VELMED", "KSM", "111"), ("VELGOV", "KSM", "111")}
    # an agent adds its code to a longer actor code too
    assert coded("Tarnor Guild students criticised Veloria.") == {("TRNGLDEDU", "VEL", "111")}
    assert coded("The students of the Tarnor Guild criticised Veloria.") == {
        ("TRNGLDEDU", "VEL", "111")}
    # "of" names whose agents they are, for each state listed
    assert coded("The ambassadors of Veloria and Tarnor criticised Kastmark.") == {
        ("VELGOV", "KSM", "111"), ("TRNGOV", "KSM", "111")}


def test_the_suite_writes_an_agent_with_no_state_as_petrarch_does(files, nlp):
    from eventwire.evaluation.petrarch_suite import Coding, codings

    options = Options(actor_files=(files["actors"],), verb_files=(files["verbs"],),
                      agent_files=(files["agents"],), check_language=False)
    result = code_text("Kastmark police arrested students on Monday.", options, nlp,
                       published=date(2014, 5, 2))
    assert codings(result) == {Coding("KSMCOP", "---EDU", "212")}


def test_a_prefix_agent_goes_before_the_state(coded):
    # "[NGO~]": the agent's code comes before the state's, and before another agent's role
    assert coded("MDA Veloria criticised Kastmark.") == {("NGOVEL", "KSM", "111")}
    assert coded("An MDA Veloria ambassador criticised Kastmark.") == {("NGOVELGOV", "KSM", "111")}
