"""The places and casualties stages on short original passages."""

from __future__ import annotations


def test_news_spellings_resolve_through_the_alias_table(code):
    r = code("Shelling hit a bakery in Deir Ezzor on Monday. Aid convoys arrived in Kiev on Tuesday.")
    by_text = {p.text: p for p in r.places}
    assert by_text["Deir Ezzor"].geonames_id == 170794 and by_text["Deir Ezzor"].country == "SYR"
    assert by_text["Kiev"].name == "Kyiv" and by_text["Kiev"].country == "UKR"


def test_ambiguous_city_follows_the_countries_of_the_article(code):
    lebanon = code("Lebanese troops deployed in Tripoli after clashes between rival gunmen.")
    libya = code("Fighting flared in Tripoli as Libyan rival factions traded fire.")
    assert [p.country for p in lebanon.places if p.text == "Tripoli"] == ["LBN"]
    assert [p.country for p in libya.places if p.text == "Tripoli"] == ["LBY"]


def test_demonyms_and_acting_states_are_not_places_but_locative_ones_are(code):
    r = code("Russia accused Ukraine of shelling homes in Belgorod. Syrian soldiers patrolled in Syria.")
    texts = [p.text for p in r.places]
    assert "Russia" not in texts and "Syrian" not in texts
    assert "Belgorod" in texts and "Syria" in texts


def test_unknown_place_keeps_a_reason_and_event_takes_its_place(code):
    r = code("Colombian troops clashed with ELN rebels near Ithilen on Monday. Rebels of the "
             "ELN attacked an army post in Arauca.")
    unknown = next(p for p in r.places if p.text == "Ithilen")
    assert unknown.geonames_id is None and unknown.reason
    attack = next(e for e in r.events if e.trigger.text == "attacked")
    assert attack.location is not None and attack.location.country == "COL"


def test_casualty_counts_in_figures_and_words(code):
    r = code("Russian missiles struck Kharkiv on Tuesday, killing at least 11 people and "
             "wounding 34. Police arrested 1,200 protesters in Dhaka. An air strike on the "
             "market killed dozens of Syrian soldiers.")
    strike = next(e for e in r.events if e.trigger.text == "struck")
    assert strike.casualties.killed == strike.casualties.killed.__class__(11, True, "at least 11")
    assert (strike.casualties.injured.count, strike.casualties.injured.at_least) == (34, False)
    arrest = next(e for e in r.events if e.trigger.text == "arrested")
    assert arrest.casualties.arrested.count == 1200
    dozens = next(e for e in r.events if e.trigger.text == "killed" and e.casualties.killed)
    assert (dozens.casualties.killed.count, dozens.casualties.killed.at_least) == (24, True)
    assert dozens.casualties.victim is not None and dozens.casualties.victim.code == "SYRMIL"
