"""The times stage: normalisation rules one by one, and dates in coded articles."""

from __future__ import annotations

import functools
from datetime import date

import pytest

from eventwire.stages.times.normalise import normalise

SAT = date(2016, 9, 17)  # a Saturday


@pytest.mark.parametrize(("text", "future", "value", "precision"), [
    ("Monday", False, "2016-09-12", "day"),  # past tense: the latest Monday
    ("Monday", True, "2016-09-19", "day"),  # future: the next one
    ("Saturday", False, "2016-09-17", "day"),  # the publication day itself counts
    ("Saturday", True, "2016-09-24", "day"),
    ("late Wednesday", False, "2016-09-14", "day"),
    ("Thursday morning", False, "2016-09-15", "day"),
    ("earlier in the day", False, "2016-09-17", "day"),
    ("yesterday", False, "2016-09-16", "day"),
    ("overnight", False, "2016-09-16", "day"),
    ("tomorrow", True, "2016-09-18", "day"),
    ("three days ago", False, "2016-09-14", "day"),
    ("last week", False, "2016-09-05", "week"),
    ("next week", True, "2016-09-19", "week"),
    ("the weekend", False, "2016-09-12", "week"),
    ("last month", False, "2016-08", "month"),
    ("the end of the month", True, "2016-09", "month"),
    ("October", False, "2015-10", "month"),  # a past October is last year's
    ("October", True, "2016-10", "month"),
    ("last December", False, "2015-12", "month"),
    ("March 3", False, "2016-03-03", "day"),
    ("14 May 2013", False, "2013-05-14", "day"),
    ("February 2021", False, "2021-02", "month"),
    ("2011", False, "2011", "year"),
    ("early 2022", False, "2022", "year"),
    ("last year", False, "2015", "year"),
    ("the end of the year", True, "2016-12", "month"),
    ("two months ago", False, "2016-07", "month"),
])
def test_expressions_resolve_against_the_publication_date(text, future, value, precision):
    got = normalise(text, SAT, future)
    assert (got.value, got.precision) == (value, precision)


@pytest.mark.parametrize("text", ["in its sixth year", "for three years", "every Friday",
                                  "two decades", "recent weeks", "the past year", "soon"])
def test_durations_and_vague_words_stay_null(text):
    assert normalise(text, SAT, False).value is None


def test_leap_day_and_year_boundaries():
    assert normalise("February 29", date(2024, 3, 4), False).value == "2024-02-29"
    assert normalise("November", date(2023, 1, 10), False).value == "2022-11"
    assert normalise("yesterday", date(2020, 3, 1), False).value == "2020-02-29"


@pytest.fixture
def code(code):
    """Published on Saturday 17 September 2016 unless a test says otherwise."""
    return functools.partial(code, published=SAT)


def test_tense_of_the_clause_sets_the_direction(code):
    r = code("Rebels attacked the depot on Monday. The council will meet on Monday to "
             "discuss the attack.")
    values = [t.value for t in r.times if t.text == "Monday"]
    assert values == ["2016-09-12", "2016-09-19"]


def test_event_date_is_its_own_expression_else_the_publication_date(code):
    r = code("Ukrainian officials said on Friday that Russian forces shelled Kharkiv late "
             "Wednesday. Russia also accused Ukraine of sabotage.")
    shelled = next(e for e in r.events if e.trigger.text == "shelled")
    assert shelled.date is not None and shelled.date.value == "2016-09-14"
    assert shelled.date.text == "late Wednesday"
    accused = next(e for e in r.events if e.trigger.text == "accused")
    assert accused.date is not None and (accused.date.value, accused.date.precision) == \
        ("2016-09-17", "published")


def test_without_a_publication_date_relative_times_stay_null(code):
    r = code("Police arrested four men on Tuesday.", published=None)
    assert [(t.text, t.value) for t in r.times] == [("Tuesday", None)]
