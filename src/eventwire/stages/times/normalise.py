"""One time expression's words -> a calendar value, relative to the publication date.

Values by precision: day "YYYY-MM-DD", week the Monday of that week "YYYY-MM-DD", month
"YYYY-MM", year "YYYY". Direction comes from the clause: a weekday or month named in past
reporting is the latest one on or before the publication date, in future or planned context
the next one. Durations, ages and frequencies ("for three years", "in its sixth year", "every
Friday") are not points in time and stay null, as does anything not understood.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from eventwire.records import Precision

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december")
_MONTH_ABBR = {m[:3]: i + 1 for i, m in enumerate(MONTHS)} | {"sept": 9}
_NUMBER_WORDS = {"eighteen": 18}
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
            "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
            "several": None, "few": None}
_DURATION = re.compile(
    r"^(for|within|over|during|in its|in their|nearly|almost|about|around|some|more than|"
    r"less than|up to|every|each|recent|past)\b"
    r"|^the (past|last|next|coming) ((\w+ )?(days|weeks|months|years)|week|month|year|decade)$"
    r"|\b(decades?|centuries|hours|minutes)\b|\bin (its|their) \w+ (year|month|week|day)\b"
    r"|^(\w+|\d+) (days|weeks|months|years)( long| old)?$|\byear-old\b|\bweek-old\b")
_PART_OF_DAY = r"(?:morning|afternoon|evening|night|midday|noon)"


_WEEKDAY = "|".join(WEEKDAYS)
_MONTH = "|".join([*MONTHS, *(m[:3] for m in MONTHS), "sept"])
# Expressions that may stand inside a longer entity the parser drew ("shortly before midnight
# yesterday", "14 May 2023 to five years"), tried when the whole entity means nothing.
PIECES = re.compile(
    rf"\b(?:(?:early|late|last|next|this) )?(?:{_WEEKDAY})(?: (?:morning|afternoon|evening|night))?"
    rf"|\b\d{{1,2}} (?:{_MONTH})\.?(?: \d{{4}})?|\b(?:{_MONTH})\.? \d{{1,2}}(?:st|nd|rd|th)?(?:, \d{{4}})?"
    rf"|\b(?:{_MONTH}),? \d{{4}}|\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|eighteen|\d+) (?:day|week|month|year)s? ago"
    rf"|\byesterday(?: (?:morning|afternoon|evening))?|\btonight|\btoday|\blast night"
    r"|\b(?:shortly |just )?(?:before |after )?(?:\d{1,2}(?::\d{2})? ?[ap]\.?m\.?|midnight|noon|dawn)",
    re.IGNORECASE)


def is_duration(text: str) -> bool:
    """Whether an expression is a length of time or a frequency, not a point in time."""
    return bool(_DURATION.search(" ".join(text.lower().split())))


@dataclass(frozen=True)
class Value:
    value: str | None
    precision: Precision | None


NULL = Value(None, None)


def day(d: date) -> Value:
    return Value(d.isoformat(), "day")


def week(d: date) -> Value:
    return Value((d - timedelta(days=d.weekday())).isoformat(), "week")


def month(year: int, number: int) -> Value:
    return Value(f"{year:04d}-{number:02d}", "month")


def year(y: int) -> Value:
    return Value(f"{y:04d}", "year")


def _month_number(word: str) -> int | None:
    word = word.lower().rstrip(".")
    if word in MONTHS:
        return MONTHS.index(word) + 1
    return _MONTH_ABBR.get(word) if len(word) >= 3 else None


def _shift_months(d: date, months: int) -> tuple[int, int]:
    total = d.year * 12 + d.month - 1 + months
    return total // 12, total % 12 + 1


def _number(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return _NUMBERS.get(word, _NUMBER_WORDS.get(word))


def normalise(text: str, published: date, future: bool, anchor: date | None = None) -> Value:
    """The calendar value of a time expression (see the module docstring).

    ``future`` says whether its clause speaks of what has not happened yet; ``anchor`` is the
    day another expression of the sentence names, for "a day after" and bare clock times.
    """
    t = " ".join(text.lower().replace("\u2019", "'").split())
    t = re.sub(r"^(on|at|by|since|until|from|in|of|as of)\s+", "", t)
    base = anchor or published

    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", t)
    if m:
        return _safe_day(int(m[1]), int(m[2]), int(m[3]))
    if re.search(r"\bago\b", t):
        return _ago(t, published)
    if _DURATION.search(t):
        return NULL
    if re.fullmatch(rf"(earlier |later )?(today|tonight|this {_PART_OF_DAY})|earlier in the day|"
                    rf"later in the day|this {_PART_OF_DAY}", t):
        return day(published)
    if re.fullmatch(r"on the day|the same day|later the same day|(shortly |just )?(before|after) "
                    r"(dawn|midnight|noon|midday)|dawn|dusk|midnight|noon|midday|"
                    rf"{_PART_OF_DAY}|(early|late) (in the )?{_PART_OF_DAY}", t):
        return day(base)
    if re.fullmatch(rf"yesterday( {_PART_OF_DAY})?|last night|overnight", t):
        return day(published - timedelta(days=1))
    if re.fullmatch(rf"tomorrow( {_PART_OF_DAY})?", t):
        return day(published + timedelta(days=1))
    if re.fullmatch(r"the previous day|the day before|the eve", t):
        return day(base - timedelta(days=1))
    if re.fullmatch(r"the (next|following) day|a day later|the day after", t):
        return day(base + timedelta(days=1))
    m = re.fullmatch(r"(a|one|two|three|four|five|six|seven|\d+) days? (after|before|later|earlier)", t)
    if m:
        n = _number(m[1]) or 1
        sign = 1 if m[2] in ("after", "later") else -1
        return day(base + timedelta(days=sign * n))
    if re.fullmatch(r"(shortly |just |about |around |until |before |after )*\d{1,2}(:\d{2})? ?"
                    r"(a\.?m\.?|p\.?m\.?|hours|h)?( local time| gmt| utc)?", t):
        return day(base)

    return (_weekday(t, published, future) or _week(t, published, future)
            or _month_or_date(t, published, future) or _year(t, published) or NULL)


def _safe_day(y: int, mo: int, d: int) -> Value:
    try:
        return day(date(y, mo, d))
    except ValueError:
        return NULL


def _ago(t: str, published: date) -> Value:
    m = re.fullmatch(r"(?:about |nearly |some |more than )?(\w+) (day|week|month|year)s? ago", t)
    if not m:
        return NULL
    n = _number(m[1])
    if n is None:
        return NULL
    unit = m[2]
    if unit == "day":
        return day(published - timedelta(days=n))
    if unit == "week":
        return week(published - timedelta(weeks=n))
    if unit == "month":
        return month(*_shift_months(published, -n))
    return year(published.year - n)


def _weekday(t: str, published: date, future: bool) -> Value | None:
    m = re.fullmatch(rf"(?:(last|next|this|early|late|earlier|later) )?(?:on )?({'|'.join(WEEKDAYS)})"
                     rf"(?:,? ?(?:'s)? ?(?:early |late )?(?:{_PART_OF_DAY}|night))?", t)
    if not m:
        m = re.fullmatch(rf"(?:early|late) ({'|'.join(WEEKDAYS)}) {_PART_OF_DAY}", t)
        if not m:
            return None
        which, name = None, m[1]
    else:
        which, name = m[1], m[2]
    target = WEEKDAYS.index(name)
    if which == "next" or (future and which != "last"):
        delta = (target - published.weekday()) % 7 or 7
        return day(published + timedelta(days=delta))
    delta = (published.weekday() - target) % 7
    if which == "last" and delta == 0:
        delta = 7
    return day(published - timedelta(days=delta))


def _week(t: str, published: date, future: bool) -> Value | None:
    if re.fullmatch(r"last week|the previous week|the week before|late last week|early last week", t):
        return week(published - timedelta(weeks=1))
    if re.fullmatch(r"(earlier |later )?this week|the week|this week's", t):
        return week(published)
    if re.fullmatch(r"(early |late )?next week|the (next|following|coming) week", t):
        return week(published + timedelta(weeks=1))
    m = re.fullmatch(r"(the |this |last |next )?weekend", t)
    if m:
        ahead = m[1] == "next " or (m[1] != "last " and future)
        if ahead:  # the coming Saturday (today if it is one)
            saturday = published + timedelta(days=(5 - published.weekday()) % 7)
        else:  # the last Saturday before today (or today's weekend)
            saturday = published - timedelta(days=(published.weekday() - 5) % 7)
        return week(saturday)
    return None


def _month_or_date(t: str, published: date, future: bool) -> Value | None:
    if re.fullmatch(r"(earlier |later |early |late |mid-?)?this month|the end of the month|"
                    r"the end of this month|the month|the start of the month|the beginning of the month", t):
        return month(published.year, published.month)
    if re.fullmatch(r"(early |late |mid-?)?last month|the previous month|the end of last month", t):
        return month(*_shift_months(published, -1))
    if re.fullmatch(r"(early |late |mid-?)?next month|the (next|following|coming) month", t):
        return month(*_shift_months(published, 1))
    words = r"(?:(last|next|this|early|late|mid|the end of|the start of|the beginning of|the middle of)[- ])?"
    m = re.fullmatch(rf"{words}(?:the )?(\d{{1,2}})(?:st|nd|rd|th)? (?:of )?([a-z]+)\.?,? ?(\d{{4}})?", t) \
        or None
    if m and _month_number(m[3]):
        return _dated(published, future, _month_number(m[3]) or 1, int(m[2]), m[4], m[1])
    m = re.fullmatch(rf"{words}([a-z]+)\.? (\d{{1,2}})(?:st|nd|rd|th)?,? ?(\d{{4}})?", t)
    if m and _month_number(m[2]):
        return _dated(published, future, _month_number(m[2]) or 1, int(m[3]), m[4], m[1])
    m = re.fullmatch(rf"{words}([a-z]+)\.?,? (?:of )?(\d{{4}})", t)
    if m and _month_number(m[2]):
        return month(int(m[3]), _month_number(m[2]) or 1)
    m = re.fullmatch(rf"{words}([a-z]+)", t)
    if m and _month_number(m[2]) and len(m[2]) >= 3:
        number = _month_number(m[2]) or 1
        which = m[1]
        if which == "last":
            y = published.year if number < published.month else published.year - 1
        elif which == "next":
            y = published.year if number > published.month else published.year + 1
        elif which == "this":
            y = published.year
        elif future:
            y = published.year if number >= published.month else published.year + 1
        else:
            y = published.year if number <= published.month else published.year - 1
        return month(y, number)
    return None


def _dated(published: date, future: bool, mo: int, d: int, y: str | None, which: str | None) -> Value:
    if y:
        return _safe_day(int(y), mo, d)
    for candidate_year in ((published.year, published.year + 1) if future
                           else (published.year, published.year - 1)):
        try:
            candidate = date(candidate_year, mo, d)
        except ValueError:
            continue
        if (future and candidate > published) or (not future and candidate <= published):
            return day(candidate)
    return _safe_day(published.year, mo, d)


def _year(t: str, published: date) -> Value | None:
    if re.fullmatch(r"the end of (the|this) year|(late|later) this year|the end of the year", t):
        return month(published.year, 12) if "end" in t else year(published.year)
    if re.fullmatch(r"(earlier |later |early |late )?this year|the year|this year's", t):
        return year(published.year)
    if re.fullmatch(r"(early |late )?last year|the previous year|last year's", t):
        return year(published.year - 1)
    if re.fullmatch(r"(early |late )?next year|the (next|following|coming) year", t):
        return year(published.year + 1)
    m = re.fullmatch(r"(?:the end of |early |late |mid-?|the start of |the summer of |the spring of |"
                     r"the autumn of |the fall of |the winter of |summer |spring |autumn |winter )?"
                     r"(?:the )?((?:19|20)\d{2})(?:'s)?", t)
    if m:
        if t.startswith("the end of"):
            return month(int(m[1]), 12)
        return year(int(m[1]))
    return None
