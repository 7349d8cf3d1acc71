"""PETRARCH2's unit-test suite (``PETR.UnitTest.records.xml``), read as data: each record's
text, date, category and expected codings, and the dictionaries its ``<Environment>`` names.

Only the text is used for coding; the embedded CoreNLP parses are ignored (eventwire parses
with spaCy). Records marked ``sentence="false"`` are not counted in the pass rate.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from eventwire.errors import InputError
from eventwire.options import Options
from eventwire.records import ActorRef, Article, ArticleResult

if TYPE_CHECKING:
    from spacy.language import Language


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


# ---- running the suite ---------------------------------------------------------------------


@dataclass(frozen=True)
class RecordResult:
    record: SuiteRecord
    got: frozenset[Coding]
    passed: bool

    @property
    def missing(self) -> frozenset[Coding]:
        return frozenset(self.record.expected) - self.got

    @property
    def extra(self) -> frozenset[Coding]:
        return self.got - frozenset(self.record.expected)


@dataclass(frozen=True)
class SuiteReport:
    results: tuple[RecordResult, ...]

    @property
    def passed(self) -> int:
        return sum(r.passed for r in self.results)

    @property
    def rate(self) -> float:
        return self.passed / len(self.results) if self.results else 0.0

    def by_category(self) -> dict[str, tuple[int, int]]:
        """Category -> (passed, records)."""
        out: dict[str, tuple[int, int]] = {}
        for r in self.results:
            done, total = out.get(r.record.category, (0, 0))
            out[r.record.category] = (done + r.passed, total + 1)
        return dict(sorted(out.items()))


def scored(record: SuiteRecord) -> bool:
    """Records in the pass rate: marked ``sentence="true"`` and expecting events or none (not
    an error condition)."""
    return record.counted and record.error is None and (bool(record.expected) or record.no_events)


def suite_options(suite: Suite, options: Options | None = None) -> Options:
    """``options`` with the suite's dictionaries (its ``<Environment>``) as the lexicons."""
    files = suite.dictionaries
    missing = [k for k in ("verbs", "actors") if k not in files]
    if missing:
        raise InputError(f"the suite's <Environment> names no {' or '.join(missing)} dictionary")
    for kind, path in files.items():
        if not path.exists():
            raise InputError(f"the suite's {kind} dictionary {path} is missing (it is read "
                             "from beside the suite file)")
    return (options or Options()).with_(
        actor_files=(str(files["actors"]),), verb_files=(str(files["verbs"]),),
        agent_files=(str(files["agents"]),) if "agents" in files else (),
        discard_files=(str(files["discards"]),) if "discards" in files else (),
        check_language=False)


def codings(result: ArticleResult) -> frozenset[Coding]:
    """An article's events as the suite writes them: source, target and event codes, "---"
    for a missing actor and for the missing country of an agent ("students": ---EDU).
    Negated events are not codings (PETRARCH does not code them)."""
    return frozenset(Coding(_code(e.source), _code(e.target), e.cameo.code)
                     for e in result.events if not e.modality.negated)


def _code(actor: ActorRef | None) -> str:
    if actor is None or not actor.code:
        return "---"
    if actor.country is None and actor.sector is not None and actor.code == actor.sector:
        return "---" + actor.code
    return actor.code


def run_suite(suite: Suite, options: Options, nlp: Language | None = None,
              categories: Iterable[str] = ()) -> SuiteReport:
    """Code every scored record's text (dated as the record is) and compare its codings."""
    from eventwire.pipeline import code_articles

    wanted = set(categories)
    records = [r for r in suite.records if scored(r) and (not wanted or r.category in wanted)]
    articles = [Article(id=f"{r.id}#{n}", text=r.text, published=r.day)
                for n, r in enumerate(records)]
    results = []
    for record, result in zip(records, code_articles(articles, options, nlp), strict=True):
        got = codings(result)
        results.append(RecordResult(record, got, got == frozenset(record.expected)))
    return SuiteReport(tuple(results))
