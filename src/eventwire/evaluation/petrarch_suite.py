"""PETRARCH2's unit-test suite (``PETR.UnitTest.records.xml``), read as data: each record's
text, date, category and expected codings, and the dictionaries its ``<Environment>`` names.

Only the text is used for coding; the embedded CoreNLP parses are ignored (eventwire parses
with spaCy). Records marked ``sentence="false"`` are not counted in the pass rate.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from eventwire.errors import InputError


@dataclass(frozen=True)
class Coding:
    source: str
    target: str
    event: str


@dataclass(frozen=True)
class SuiteRecord:
    id: str
    category: str
    day: date | None
    text: str
    counted: bool  # sentence="true": part of the pass rate
    expected: tuple[Coding, ...]  # empty with no_events: expects nothing
    no_events: bool
    error: str | None  # the record expects an error condition


@dataclass(frozen=True)
class Suite:
    records: tuple[SuiteRecord, ...]
    dictionaries: dict[str, Path]  # verbs, actors, agents, discards -> path beside the file
    include: frozenset[str]  # the categories the file's <Include> line runs


def read_suite(path: str | Path) -> Suite:
    path = Path(path)
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        raise InputError(f"cannot read the PETRARCH suite {path}: {exc}") from exc
    env = root.find("Environment")
    files: dict[str, Path] = {}
    include: frozenset[str] = frozenset()
    if env is not None:
        for tag, key in (("Verbfile", "verbs"), ("Actorfile", "actors"), ("Agentfile", "agents"),
                         ("Discardfile", "discards")):
            node = env.find(tag)
            if node is not None and node.text:
                files[key] = path.parent / node.text.strip()
        inc = env.find("Include")
        if inc is not None and inc.text:
            include = frozenset(inc.text.split()) - {"valid"}
    records = []
    for s in root.iter("Sentence"):
        codings, no_events, error = [], False, None
        for c in s.findall("EventCoding"):
            if c.get("noevents", "").strip().lower() == "true":
                no_events = True
            elif c.get("error") is not None:
                error = c.get("error")
            elif c.get("eventcode") is not None:
                codings.append(Coding(c.get("sourcecode", ""), c.get("targetcode", ""),
                                      c.get("eventcode", "")))
        text_node = s.find("Text")
        text = " ".join((text_node.text or "").split()) if text_node is not None else ""
        raw_day = s.get("date", "")
        day = date(int(raw_day[:4]), int(raw_day[4:6]), int(raw_day[6:8])) \
            if len(raw_day) == 8 and raw_day.isdigit() else None
        records.append(SuiteRecord(s.get("id", ""), s.get("category", ""), day, text,
                                   s.get("sentence", "true").lower() == "true",
                                   tuple(codings), no_events, error))
    return Suite(tuple(records), files, include)
