from __future__ import annotations

import pytest

from eventwire.lexicons.gazetteer import load_gazetteer


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


def test_cities_resolve_offline_to_their_country(gazetteer):
    assert gazetteer.country_of("Kharkiv") == "UKR"
    assert gazetteer.country_of("Deir ez-Zor") == "SYR"
    hit = gazetteer.lookup("Geneva")
    assert hit is not None and hit.country == "CHE" and hit.geonames_id == 2660646


def test_shared_names_go_to_the_most_populous_place(gazetteer):
    assert gazetteer.country_of("Tripoli") == "LBY"  # not Tripoli, Lebanon
    assert gazetteer.country_of("Paris") == "FRA"


def test_unknown_and_lower_case_names_are_not_places(gazetteer):
    assert gazetteer.lookup("Ithilen") is None
    assert gazetteer.lookup("paris") is None
