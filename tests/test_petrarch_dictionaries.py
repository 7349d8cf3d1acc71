"""Reading TABARI/PETRARCH dictionaries: PETRARCH2's four validation dictionaries (read in
place from ../shared), round trips, and errors that name the file and line."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.lexicons.petrarch import (
    DictionaryError,
    plural,
    read_actors,
    read_agents,
    read_discards,
    read_verbs,
    words,
    write_actors,
    write_verbs,
)


@pytest.fixture(scope="module")
def base(shared):
    return shared / "data" / "petrarch_validation"


def test_the_validation_verbs_load_with_synsets_forms_and_patterns(base):
    verbs = read_verbs(base / "PETR.Validate.verbs.txt")
    assert len(verbs.blocks) == 261
    assert verbs.synsets["&ACCORDSYN"] == ["&TIETYPES", "CLOSER", "NEARER", "&CURRENCY"]
    accord = next(b for b in verbs.blocks if b.verb == "ACCORD")
    assert accord.code is None  # [---]
    inching = next(p for p in accord.patterns if p.code == "083")
    assert inching.before == ("INCHING", "&ACCORDSYN") and inching.after == ()
    joined = next(p for p in accord.patterns if p.code == "075")
    assert joined.before == ("IN",) and joined.star == "_*"  # "IN_*": the word touches the verb
    ban = next(b for b in verbs.blocks if b.verb == "BAN")
    assert ban.forms[0].forms == ("BANS", "BANNED")
    delay = next(b for b in verbs.blocks if b.verb == "DELAY")
    assert (delay.code, delay.other_codes) == ("120", ("031:031",))
    restore = next(b for b in verbs.blocks if b.verb == "RESTORE")
    assert "###" in {p.code for p in restore.patterns}  # a code, not a comment


def test_actor_codes_restricted_by_date(base):
    actors = read_actors(base / "PETR.Validate.actors.txt")
    gollum = next(a for a in actors if a.names[0] == "GOLLUM")
    assert gollum.names == ["GOLLUM", "SMEAGOL", "SLINKER", "STINKER"]
    assert gollum.code_on(date(1995, 5, 31)) == "HOB"
    assert gollum.code_on(date(1995, 6, 1)) == "HOBGOV"  # "<950601" stops the day before
    assert gollum.code_on(date(1999, 8, 16)) == "HOBREB"
    australia = next(a for a in actors if a.names[0] == "AUSTRALIA")
    assert australia.names == ["AUSTRALIA", "AUSTRALIAN"] and australia.code_on(None) == "AUS"
    prince = next(a for a in actors if a.names[0] == "PRINCE OF DOL AMROTH")
    assert prince.code_on(date(1990, 1, 1)) is None and prince.code_on(date(2000, 1, 1)) == "DOL"
    assert words("GAZA_CITY") == "GAZA CITY"


def test_agents_with_plurals_and_substitution_sets(base):
    agents = read_agents(base / "PETR.Validate.agents.txt")
    assert agents.substitutions["!MINST!"][:2] == ["MINISTER", "MINISTERS"]
    silly = next(a for a in agents.agents if a.name.startswith("!MINST!"))
    assert agents.expanded(silly)[0] == "MINISTER_OF_SILLY_WALKS" and silly.code == "~GOV"
    media = next(a for a in agents.agents if a.name == "MEDIA")
    assert media.plurals == ()  # "{}": no plural
    general = next(a for a in agents.agents if a.name == "ATTORNEY_GENERAL")
    assert general.plurals == ("ATTORNEYS_GENERAL",)
    assert plural("AMBASSADOR") == "AMBASSADORS"
    assert plural("SECURITY_AGENCY") == "SECURITY_AGENCIES" and plural("WITNESS") == "WITNESSES"


def test_discards_story_and_sentence_level(base):
    discards = read_discards(base / "PETR.Validate.discards.txt")
    by_phrase = {d.phrase: d.story for d in discards}
    assert by_phrase["MONTHS LATER"] is False and by_phrase["Manchester United"] is True


def test_round_trips(base, tmp_path):
    verbs = read_verbs(base / "PETR.Validate.verbs.txt")
    again = tmp_path / "verbs.txt"
    again.write_text(write_verbs(verbs), encoding="utf-8")
    reread = read_verbs(again)
    assert reread.synsets == verbs.synsets
    assert [(b.verb, b.code, b.forms, b.patterns) for b in reread.blocks] == \
        [(b.verb, b.code, b.forms, b.patterns) for b in verbs.blocks]
    actors = read_actors(base / "PETR.Validate.actors.txt")
    path = tmp_path / "actors.txt"
    path.write_text(write_actors(actors), encoding="utf-8")
    assert [(a.names, a.codes) for a in read_actors(path)] == [(a.names, a.codes) for a in actors]


def test_errors_name_the_file_and_line(tmp_path):
    bad = tmp_path / "verbs.txt"
    bad.write_text("--- ATTACK [190] ---\nATTACK\n- ON TARGETS [190]\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match=r"verbs.txt line 3: expected '\*'"):
        read_verbs(bad)
    bad.write_text("- * NOW [012]\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match="line 1: a pattern before any"):
        read_verbs(bad)
    actors = tmp_path / "actors.txt"
    actors.write_text("GONDOR [GON <12345]\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match=r"actors\.txt line 1: expected dates"):
        read_actors(actors)
    agents = tmp_path / "agents.txt"
    agents.write_text("# a comment\nMINISTER OF WAR\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match=r"agents\.txt line 2"):
        read_agents(agents)


def test_the_unit_suite_reads_as_records(base):
    from eventwire.evaluation.petrarch_suite import Coding, read_suite

    suite = read_suite(base / "PETR.UnitTest.records.xml")
    assert len(suite.records) == 284
    assert {k: p.name for k, p in suite.dictionaries.items()} == {
        "verbs": "PETR.Validate.verbs.txt", "actors": "PETR.Validate.actors.txt",
        "agents": "PETR.Validate.agents.txt", "discards": "PETR.Validate.discards.txt"}
    assert "AGENTS" not in suite.include and "SYNSET" in suite.include
    first = suite.records[0]
    assert first.id == "DEMO-00" and first.day == date(1995, 1, 1) and first.counted
    assert first.expected == (Coding("ARN", "GON", "064"),)
    assert first.text.startswith("Arnor is about to restore full diplomatic ties with Gondor")
    assert sum(r.counted for r in suite.records) == 279
    assert sum(bool(r.expected) for r in suite.records) == 257
    assert sum(len(r.expected) for r in suite.records) == 359
    assert sum(r.no_events for r in suite.records) == 19
