"""The events stage on short original sentences, one rule at a time (docs/events.md)."""

from __future__ import annotations

from datetime import date

import pytest
from click.testing import CliRunner

from eventwire.cli import cli
from eventwire.errors import InputError
from eventwire.options import Options
from eventwire.pipeline import code_text


@pytest.fixture
def events(nlp, resources):
    def run(text, published=date(2023, 5, 10)):
        result = code_text(text, Options(check_language=False), nlp=nlp, resources=resources,
                           published=published)
        return result.events

    return run


def triples(evs):
    return [(e.cameo.code, e.source.code if e.source else None, e.target.code if e.target else None)
            for e in evs]


def test_verb_with_subject_and_object_and_the_record_contract(events):
    evs = events("Russia accused Ukraine of violating the truce.")
    accuse = next(e for e in evs if e.cameo.root == "11")
    assert (accuse.source.code, accuse.target.code) == ("RUSGOV", "UKRGOV")  # a state acting politically
    assert accuse.plover.type == "ACCUSE" and accuse.cameo.quad_class == 3
    assert accuse.cameo.goldstein < 0 and accuse.trigger.text == "accused"
    assert accuse.evidence.text.startswith("Russia accused") and accuse.confidence > 0


def test_passive_with_by_agent(events):
    assert ("190", "IMGMUSISI", "IRQMIL") in triples(
        events("Iraqi soldiers were attacked by Islamic State fighters near Mosul."))


def test_relative_clause_and_an_event_noun_sharpening_the_code(events):
    got = triples(events("Turkish air strikes, which killed six Kurdish fighters, hit northern Iraq."))
    assert any(code == "195" and src == "TURMIL" for code, src, _ in got)


def test_coordinated_sources_give_one_event_each(events):
    got = triples(events("Britain and France condemned the attack on the embassy."))
    assert {src for _, src, _ in got} >= {"GBRGOV", "FRAGOV"}


def test_an_appeal_is_the_event_not_its_infinitive(events):
    got = triples(events("The United Nations urged Israel to open more crossings."))
    assert got and all(code.startswith("02") for code, _, _ in got)
    assert ("020", "IGOUNO", "ISRGOV") in got or any(t == "ISRGOV" for _, _, t in got)


def test_reporting_verbs_are_not_events_but_what_they_report_is(events):
    evs = events("Syria's defence ministry said Israeli jets struck an airbase near Homs.")
    assert all(e.trigger.text != "said" for e in evs)
    strike = next(e for e in evs if e.cameo.root == "19")
    assert strike.source.code == "ISRMIL"
    assert strike.modality.attributed_to == "SYRGOVMIL"


def test_a_town_in_the_target_slot_stands_for_its_country(events):
    assert ("190", "RUSMIL", "UKR") in triples(events("Russian forces struck Kharkiv overnight."))


def test_negation_and_denial_are_flagged_not_dropped(events):
    evs = events("The army did not attack the village. Hamas denied firing rockets at Israel.")
    assert evs and any(e.modality.negated for e in evs)
    denied = [e for e in evs if e.trigger.text == "firing"]
    assert denied and denied[0].modality.negated and denied[0].modality.attributed_to


def test_a_future_meeting_is_an_intent_to_meet(events):
    evs = events("Egypt's foreign minister will meet his Jordanian counterpart in Amman.")
    meet = next(e for e in evs if e.trigger.text == "meet")
    assert meet.cameo.code == "036" and meet.modality.future and meet.plover.type == "AGREE"


def test_a_conditional_is_hypothetical(events):
    evs = events("Israel would release prisoners if Hamas freed the hostages.")
    assert any(e.modality.hypothetical for e in evs)


def test_negotiations_hold_both_ways(events):
    got = triples(events("Armenia negotiated with Azerbaijan in Washington."))
    assert ("046", "ARMGOV", "AZEGOV") in got and ("046", "AZEGOV", "ARMGOV") in got


def test_event_noun_with_a_country_word_and_a_target(events):
    got = triples(events("New US sanctions against Iran took effect on Friday."))
    assert any(src == "USAGOV" and tgt == "IRNGOV" and code.startswith("16") for code, src, tgt in got)


def test_no_event_without_a_coded_actor(events):
    assert events("The storm killed three people and damaged hundreds of homes.") == ()


def test_a_bad_lexicon_row_names_its_file(monkeypatch):
    from eventwire.lexicons import events as lexicon

    real = lexicon.read_tsv
    bad = [{"verb": "strike", "prt": "", "object": "", "target": "sideways", "requires": "",
            "cameo": "190"}]
    monkeypatch.setattr(lexicon, "_event_files",
                        lambda prefix: ["events/verbs_x.tsv"] if prefix == "verbs_" else [])
    monkeypatch.setattr(lexicon, "read_tsv",
                        lambda name: bad if name == "events/verbs_x.tsv" else real(name))
    with pytest.raises(InputError, match=r"verbs_x.tsv row 1"):
        lexicon.load_event_lexicon()


def test_the_lexicon_covers_every_root_and_200_codes(resources):
    lex = resources.event_lexicon
    codes = {r.code for rules in lex.verbs.values() for r in rules} | {c for c, _ in lex.nouns.values()}
    assert {c[:2] for c in codes} == {f"{i:02d}" for i in range(1, 21)}
    assert len(codes) >= 200
    assert sum(len(rules) for rules in lex.verbs.values()) >= 2000
    # every code carries the crosswalk from the reference table
    assert lex.info("195").plover.type == "ASSAULT" and lex.info("195").cameo.goldstein == -10.0


def test_explain_shows_the_rule_that_fired_and_why_others_did_not():
    out = CliRunner().invoke(cli, ["explain", "Russia accused the United States of lying."],
                             catch_exceptions=False).output
    assert "accused (accuse, ROOT): rule events/verbs_" in out
    assert "112 ACCUSE RUSGOV -> USAGOV [accused]" in out


def test_casualties_of_a_coded_attack_are_not_a_second_event_and_ids_are_unique(events):
    evs = events("Two Malian soldiers were killed when their patrol was attacked by JNIM fighters. "
                 "Malian troops later struck a JNIM camp.")
    assert all(e.source is not None for e in evs if e.cameo.root == "19")
    assert len({e.event_id for e in evs}) == len(evs)


def test_a_bodys_it_in_what_it_is_reported_to_say_is_the_body(events):
    evs = events("Hamas said in a statement that it had fired rockets at Israeli positions.")
    fired = next(e for e in evs if e.trigger.text == "fired")
    assert fired.source.code == "PSEREBHMS"


def test_a_strike_by_workers_is_a_labour_strike_not_an_attack(events):
    evs = events("A strike by Kenyan teachers closed schools. Israeli strikes hit Rafah.")
    codes = {e.trigger.text: e.cameo.code for e in evs}
    assert codes.get("strike") == "143" and codes.get("strikes", "190")[:2] == "19"


def test_citing_something_as_evidence_accuses_the_actor_of_the_claim(events):
    evs = events("Kenya cited the seized weapons as evidence that Somalia was arming the rebels.")
    assert ("112", "KENGOV", "SOMGOV") in triples(evs)
    plain = events("Kenya cited rising food prices in its budget speech.")
    assert not any(e.cameo.root == "11" for e in plain)


def test_wounding_joined_to_an_attack_is_that_attack(events):
    got = triples(events("Rebel fighters shelled the town of Kidal, killing four soldiers and "
                         "wounding nine."))
    assert [code[:2] for code, _, _ in got].count("19") == 1


def test_officials_of_two_states_meet_each_other(events):
    got = triples(events("The defence ministers of Chile and Peru met in Lima on Friday."))
    assert {("040", "CHLGOV", "PERGOV"), ("040", "PERGOV", "CHLGOV")} <= set(got)


def test_the_people_a_states_police_act_on_are_that_states(events):
    got = triples(events("Police in Lusaka arrested dozens of protesters on Monday."))
    assert ("173", "ZMBCOP", "ZMBCVL") in got


def test_a_force_noun_inside_the_object_with_its_own_actors_is_coded_too(events):
    got = triples(events("Norway condemned Belarus's arrest of opposition leader Ivan Petrov."))
    assert ("111", "NORGOV", "BLRGOV") in got  # the condemnation is of Belarus
    assert any(code == "173" and src == "BLRGOV" for code, src, _ in got)  # and the arrest itself
    # a cooperative noun in an argument is the verb's business only
    talks = triples(events("Oman hosted talks between Iran and Saudi Arabia in Muscat."))
    assert not any(src in ("IRNGOV", "SAUGOV") for _, src, _ in talks)


def test_a_thing_a_country_word_marks_names_that_state(events):
    assert ("120", "YEMREB", "FRAGOV") in triples(
        events("The Houthis rejected a French proposal to reopen the port."))


def test_a_fight_named_by_the_subject_or_the_victims_fate_brings_its_sides(events):
    got = triples(events("Clashes between Malian troops and JNIM fighters killed nine civilians "
                         "near Mopti."))
    assert any(code[:2] == "19" and (src, tgt) == ("MLIMIL", "MLIREB") for code, src, tgt in got)
    got = triples(events("Three Kenyan soldiers were killed in a gunfight with al-Shabaab "
                         "militants near Lamu."))
    assert any(code[:2] == "19" and (src, tgt) == ("SOMREB", "KENMIL") for code, src, tgt in got)


def test_it_in_a_claim_the_subject_rejects_is_the_subject(events):
    got = triples(events("Nigeria's army rejected claims that it had killed civilians in Borno."))
    assert any(code[:2] == "19" and src == "NGAMIL" for code, src, _ in got)


def test_expelling_troops_or_officials_is_166_and_people_174(events):
    assert ("166", "MLIGOV", "FRAMIL") in triples(
        events("Mali's government expelled French troops last year."))


def test_condolences_to_families_go_to_the_countrys_civilians(events):
    got = triples(events("Peru's interior minister offered condolences to the families of the "
                         "victims in Lima."))
    assert ("018", "PERGOV", "PERCVL") in got


def test_troops_withdrawing_without_an_object_and_a_denial_without_a_target(events):
    assert ("0874", "UKRMIL", None) in triples(
        events("Ukraine's troops withdrew from the village on Sunday."))
    got = triples(events("Chad's army denied shelling a camp in Darfur."))
    assert ("016", "TCDMIL", None) in got


def test_a_show_of_force_faces_the_other_country_named(events):
    got = triples(events("China's navy deployed warships around Taiwan on Monday."))
    assert any(code[:2] == "15" and tgt == "TWN" for code, _, tgt in got)


def test_forces_of_nature_and_participles_are_no_events(events):
    assert not events("An earthquake struck eastern Peru on Friday.")
    got = triples(events("Yemen's internationally recognised government met the envoy."))
    assert not any(code.startswith("05") for code, _, _ in got)


def test_going_on_strike_is_a_labour_strike(events):
    got = triples(events("Thousands of Kenyan nurses went on strike against the government."))
    assert any(code == "143" and src == "KENHLH" for code, src, _ in got)


def test_what_is_said_to_be_evidence_of_an_actors_doing_accuses_it(events):
    got = triples(events('Iran said the drones were "clear evidence" of Israeli involvement.'))
    assert ("112", "IRNGOV", "ISRGOV") in got


def test_actors_coordinated_inside_an_of_phrase_and_mediating_between_two(events):
    got = triples(events("Delegates of the Sudanese government and the SPLM-N negotiated for "
                         "two days in Juba."))
    assert {("046", "SDNGOV", "SDNREB"), ("046", "SDNREB", "SDNGOV")} <= set(got)
    got = triples(events("Egypt mediated between Israel and Hamas in Cairo."))
    assert {("045", "EGYGOV", "ISRGOV"), ("045", "EGYGOV", "PSEREBHMS")} <= set(got)


def test_he_after_an_unnamed_office_holder_is_that_office(events):
    got = triples(events("The UN Secretary-General urged Sudan to open the border crossing. "
                         "He also called on the Rapid Support Forces to free the hostages."))
    assert ("020", "IGOUNO", "SDNREB") in got or any(
        code.startswith("02") and (src, tgt) == ("IGOUNO", "SDNREB") for code, src, tgt in got)


def test_a_reporting_verb_with_an_object_the_lexicon_names_is_an_event(events):
    got = triples(events("Al-Shabaab claimed responsibility for the bombing in Mogadishu."))
    assert ("015", "SOMREB", None) in got
    assert not triples(events("Al-Shabaab claimed that its fighters were in Mogadishu."))


def test_a_relative_clause_acts_on_the_noun_it_hangs_on(events):
    got = triples(events("Canada lifted the sanctions that it imposed on Belarus in 2020."))
    assert ("163", "CANGOV", "BLRGOV") in got


def test_partners_in_a_joint_operation_cooperate_with_each_other(events):
    got = triples(events("Kenyan troops and Somali soldiers launched a joint operation "
                         "against al-Shabaab fighters."))
    assert {("062", "KENMIL", "SOMMIL"), ("062", "SOMMIL", "KENMIL")} <= set(got)


def test_protesters_destroying_property_protest_violently(events):
    got = triples(events("Protesters in Nairobi set fire to a police station on Tuesday."))
    assert any(code == "145" and src == "KENCVL" for code, src, _ in got)


def test_force_a_side_says_it_will_use_is_a_threat_against_the_state(events):
    got = triples(events("Iran threatened on Thursday to strike Israeli air bases."))
    assert ("1384", "IRNGOV", "ISR") in got
    got = triples(events("A Hezbollah spokesman said the group would keep firing rockets at Israel."))
    assert any(code == "1384" and src == "LBNREB" for code, src, _ in got)
    # said by someone else, a conditional attack stays an attack
    got = triples(events("Analysts said Hezbollah could fire rockets at Israel if talks fail."))
    assert any(code[:2] == "19" for code, _, _ in got)


def test_what_a_container_holds_and_who_a_criticism_is_from(events):
    got = triples(events("The World Food Programme sent 30 trucks of food to Sudanese refugees."))
    assert any(code == "073" and src == "IGOUNOWFP" for code, src, _ in got)
    got = triples(events("The arrest of the editor drew criticism from Canada."))
    assert any(code == "111" and src == "CANGOV" for code, src, _ in got)


def test_ordering_someone_to_leave_expels_them(events):
    assert ("166", "MLIGOV", "FRAMIL") in triples(
        events("Mali's junta ordered French troops to leave the country."))


def test_victims_take_the_country_of_the_place_told_anywhere_in_the_clause(events):
    got = triples(events("A car bomb exploded near a market in the Iraqi city of Mosul, "
                         "killing nine people."))
    assert any(code[:2] == "18" and tgt == "IRQCVL" for code, _, tgt in got)


def test_security_ties_are_military_cooperation(events):
    got = triples(events("Niger's junta expelled French troops while deepening security ties "
                         "with Russia."))
    assert any(code == "062" and src == "NERGOV" and tgt.startswith("RUS") for code, src, tgt in got)


def test_ships_belong_to_their_owners_and_schools_hold_civilians(events):
    got = triples(events("A Norwegian-owned tanker was seized by Houthi fighters on Sunday."))
    assert any(code.startswith("171") and tgt == "NORBUS" for code, _, tgt in got)
    got = triples(events("The Houthis attacked two merchant ships in the Red Sea."))
    assert any(code[:2] == "19" and tgt == "MNC" for code, _, tgt in got)
    got = triples(events("Israeli jets struck a school in Gaza City on Monday."))
    assert any(code[:2] == "19" and tgt == "PSECVL" for code, _, tgt in got)
    assert ("163", "IGOEUREEC", "IRNMIL") in triples(
        events("The European Union imposed sanctions on Iran's Revolutionary Guards."))


def test_targets_by_the_kind_of_act(events):
    got = triples(events("Amnesty International demanded that Ethiopia's government free the "
                         "journalists."))
    assert any(code.startswith("10") and (src, tgt) == ("NGOHRIAMN", "ETHGOV")
               for code, src, tgt in got)
    got = triples(events("Kenya hosted talks between Sudan's army and the Rapid Support Forces "
                         "in Nairobi."))
    assert any(code.startswith("04") and src == "KENGOV" and tgt == "SDNMIL" for code, src, tgt in got)
    got = triples(events("Qatar pledged $50 million in aid for Sudan."))
    assert any(code.startswith("03") and tgt == "SDN" for code, _, tgt in got)  # aid goes to the country
    got = triples(events("Chad's army offered its condolences to the families of the dead soldiers."))
    assert ("018", "TCDMIL", "TCDCVL") in got


def test_a_partitive_object_and_the_subject_of_before_withdrawing(events):
    got = triples(events("The EU will suspend part of its financial assistance to Georgia."))
    assert ("162", "IGOEUREEC", "GEOGOV") in got  # the assistance, not the part, is suspended
    got = triples(events("Russian troops occupied the town in 2022 before withdrawing."))
    assert ("0874", "RUSMIL", None) in got
    got = triples(events("Armenia regretted the death of an Azerbaijani shepherd who was shot "
                         "by an Armenian border guard."))
    assert any(code[:2] == "19" and (src, tgt) == ("ARMMIL", "AZECVL") for code, src, tgt in got)


def test_force_targets_from_the_purpose_the_attack_noun_and_the_direction(events):
    got = triples(events("Police in Tbilisi used tear gas on Tuesday to disperse protesters."))
    assert ("175", "GEOCOP", "GEOCVL") in got
    got = triples(events("Iraq's government condemned the US strikes as a dangerous escalation."))
    assert ("111", "IRQGOV", "USAMIL") in got
    got = triples(events("Israeli warplanes struck military sites south of Damascus on Monday."))
    assert ("190", "ISRMIL", "SYRMIL") in got


def test_closing_a_named_crossing_and_cutting_the_internet(events):
    got = triples(events("Egypt's army closed the Rafah crossing on Monday."))
    assert any(code == "191" and src == "EGYMIL" for code, src, _ in got)
    got = triples(events("Iranian authorities suspended mobile internet services in Tehran."))
    assert any(code == "1721" for code, _, _ in got)


def test_never_negates(events):
    evs = events("Belgrade would never recognise Kosovo's independence.")
    assert any(e.cameo.code == "054" and e.modality.negated for e in evs)


def test_acts_only_spoken_of_and_protection_of_ones_own_are_no_events(events):
    got = triples(events("The resolution demanded an immediate halt to attacks on ports in Odesa."))
    assert not any(code[:2] == "19" for code, _, _ in got)
    assert not triples(events('"We will protect our people," the Iraqi army said.'))
    evs = events("Rights groups said Kenya had failed to release the jailed activists.")
    release = [e for e in evs if e.cameo.code == "0841"]
    assert release and all(e.modality.negated for e in release)  # failing to do is not doing


def test_aid_sent_to_a_country_goes_to_the_country(events):
    got = triples(events("Norway will send medical supplies to Moldova next month."))
    assert any(code.startswith("033") and (src, tgt) == ("NORGOV", "MDA") for code, src, tgt in got)
    got = triples(events("Canada delivered medicine to Bolivia on Friday."))
    assert any(code.startswith("07") and (src, tgt) == ("CANGOV", "BOL") for code, src, tgt in got)
    # a political act on the same state is its government's
    assert ("112", "CANGOV", "BOLGOV") in triples(events("Canada accused Bolivia of lying."))


def test_a_meeting_to_come_is_the_intent_of_whoever_states_it(events):
    got = triples(events("Chile's president will meet his Peruvian counterpart in Lima on Monday."))
    assert ("036", "CHLGOV", "PERGOV") in got and ("036", "PERGOV", "CHLGOV") not in got
    # a meeting held is both sides'
    got = triples(events("Chile's president met his Peruvian counterpart in Lima on Monday."))
    assert {("040", "CHLGOV", "PERGOV"), ("040", "PERGOV", "CHLGOV")} <= set(got)


def test_two_subjects_sharing_a_pledge_and_a_joint_noun_go_both_ways(events):
    got = triples(events("Estonia and Latvia will reopen two border crossings and withdraw "
                         "heavy weapons from the frontier zone."))
    assert {("0356", "ESTGOV", "LVAGOV"), ("0356", "LVAGOV", "ESTGOV")} <= set(got)
    withdraw = [e for e in events("Estonia and Latvia will reopen two border crossings and "
                                  "withdraw heavy weapons from the frontier zone.")
                if e.trigger.text == "withdraw"]
    assert withdraw and all(e.cameo.root == "03" and e.modality.future for e in withdraw)
    got = triples(events("Brazilian soldiers began joint training with Paraguayan troops."))
    assert {("062", "BRAMIL", "PRYMIL"), ("062", "PRYMIL", "BRAMIL")} <= set(got)


def test_object_pronouns_take_their_antecedent_in_the_sentence(events):
    got = triples(events("Police in Lagos fired tear gas at students and arrested dozens of them."))
    assert any(code.startswith("17") and (src, tgt) == ("NGACOP", "NGAEDU") for code, src, tgt in got)
    got = triples(events("Three Chadian soldiers were killed when their convoy was ambushed by "
                         "Boko Haram fighters."))
    assert any(code.startswith("19") and tgt == "TCDMIL" for code, _, tgt in got)
    # "them" is never the act's own source, and a person's pronoun takes a person
    got = triples(events("Peru's foreign ministry wrote to the UN Secretary-General and the "
                         "Security Council, urging them to act."))
    assert any(code.startswith("02") and (src, tgt) == ("PERGOV", "IGOUNO") for code, src, tgt in got)


def test_ready_to_act_is_the_act_intended_and_when_clauses_share_the_main_subject(events):
    evs = events("Tehran was ready to share its findings with Baku.")
    assert triples(evs) == [("0314", "IRNGOV", "AZEGOV")] and evs[0].modality.future
    evs = events("Mercosur ministers will review the report when they meet in Asuncion next month.")
    meet = [e for e in evs if e.trigger.text == "meet"]
    assert meet and all(e.cameo.code == "036" and e.source.code.startswith("IGO") for e in meet)
    # a capacity is not an act done
    evs = events("Haiti's minister said 400 Kenyan officers were not enough to retake the capital.")
    retake = [e for e in evs if e.cameo.root == "19"]
    assert retake and all(e.modality.hypothetical for e in retake)


def test_a_pact_signed_is_signed_by_the_parties_the_clause_names(events):
    got = triples(events("Ghana, Togo and Benin began sharing intelligence under a security pact "
                         "signed in Accra."))
    signed = {(s, t) for code, s, t in got if code == "057"}
    assert len(signed) == 6 and ("GHAGOV", "TGOGOV") in signed and ("BENGOV", "GHAGOV") in signed
    # other participles describe the noun
    got = triples(events("Turkish soldiers stationed in Qatar left Doha on Monday."))
    assert not any(code.startswith("15") for code, _, _ in got)


def test_the_city_is_the_place_named_last(events):
    got = triples(events("Crowds gathered in Odesa on Monday. Officials said Russian forces had shelled "
                         "the city overnight."))
    assert any(code.startswith("19") and (src, tgt) == ("RUSMIL", "UKR") for code, src, tgt in got)


def test_whose_demand_was_accepted_and_whose_plans_were_praised(events):
    got = triples(events("Peru's government accepted the students' demand to scrap the new fees."))
    assert any(code.startswith("08") and (src, tgt) == ("PERGOV", "PEREDU") for code, src, tgt in got)
    got = triples(events("Spain's foreign minister met the Moroccan prime minister on Monday and "
                         "praised his plans for reform."))
    assert ("051", "ESPGOV", "MARGOV") in got


def test_an_event_noun_takes_the_phrase_that_names_an_actor(events):
    got = triples(events("Sweden's talks with Iran on prisoner swaps resumed in Muscat."))
    assert ("040", "SWEGOV", "IRNGOV") in got and ("040", "IRNGOV", "SWEGOV") in got
    got = triples(events("UNICEF will resume food deliveries to Haiti next week."))
    assert any(code.startswith("033") and tgt == "HTI" for code, _, tgt in got)


def test_the_two_and_both_sides_are_the_last_two_parties_named(events):
    got = triples(events("Kenya's defence minister hosted his Ugandan counterpart in Nairobi, and "
                         "the two signed an agreement on border patrols."))
    assert ("043", "KENGOVMIL", "UGAGOVMIL") in got  # a counterpart holds the same office
    assert {("057", "KENGOVMIL", "UGAGOVMIL"), ("057", "UGAGOVMIL", "KENGOVMIL")} <= set(got)
    got = triples(events("Officials of Peru and Ecuador said both sides would sign a border "
                         "treaty in May."))
    assert {("037", "PERGOV", "ECUGOV"), ("037", "ECUGOV", "PERGOV")} <= set(got)
    # but not the object of an appeal, whose act is only asked for
    got = triples(events("Brazil and Chile urged both sides to halt the fighting."))
    assert not any(code.startswith("08") for code, _, _ in got)


def test_an_accusation_joined_to_the_reported_clause_is_the_reporters(events):
    got = triples(events("Chile's foreign ministry said three fishermen had been hurt and accused "
                         "Peru of provocation."))
    assert ("112", "CHLGOV", "PERGOV") in got
    # unless the reported clause names someone who could have made it
    got = triples(events("Chile's foreign ministry said Peru had closed the border and accused "
                         "Bolivia of smuggling."))
    assert not any(code.startswith("11") and src == "CHLGOV" for code, src, _ in got)


def test_a_protests_demand_is_the_protests_and_says_whom_it_is_against(events):
    got = triples(events("Hundreds of Chilean students blocked a highway near Santiago, demanding "
                         "that Congress drop the education bill."))
    assert ("144", "CHLEDU", "CHLLEG") in got and not any(code.startswith("10") for code, _, _ in got)
    # a demand of its own stands: whose going it asks for is its target
    got = triples(events("Chile's opposition demanded the resignation of the Chilean interior "
                         "minister."))
    assert any(code.startswith("10") and (src, tgt) == ("CHLOPP", "CHLGOV") for code, src, tgt in got)


def test_talks_named_without_parties_are_those_of_the_clause(events):
    got = triples(events("Ghana and Togo agreed to reopen the border after negotiations in Lome."))
    assert {("046", "GHAGOV", "TGOGOV"), ("046", "TGOGOV", "GHAGOV")} <= set(got)
    got = triples(events("Peru said it would raise the dispute with Chile during talks next month."))
    assert ("036", "PERGOV", "CHLGOV") in got and ("036", "CHLGOV", "PERGOV") not in got


def test_an_amnesty_for_prisoners_and_freeing_them(events):
    got = triples(events("Cuba's government announced an amnesty for 500 prisoners and began "
                         "freeing them on Monday."))
    assert ("080", "CUBGOV", "CUBCVL") in got and ("0841", "CUBGOV", "CUBCVL") in got


def test_a_third_partys_mediation_between_two_sides(events):
    got = triples(events("Oman said it would resume its mediation between Iran and Bahrain."))
    assert {("039", "OMNGOV", "IRNGOV"), ("039", "OMNGOV", "BHRGOV")} <= set(got)
    assert not any(src == "IRNGOV" for _, src, _ in got)  # the sides do not mediate
