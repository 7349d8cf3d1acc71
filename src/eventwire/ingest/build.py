"""Assemble an ``Article`` from one raw input record: decode, clean, check, identify."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from eventwire.ingest.clean import clean_text
from eventwire.ingest.language import check_english
from eventwire.options import Options
from eventwire.records import Article, Status

# A file is treated as binary when its first bytes hold a NUL or mostly control bytes.
_SNIFF_BYTES = 8_192
_MAX_CONTROL_SHARE = 0.10
_CONTROL_BYTES = frozenset(range(0, 32)) - {9, 10, 12, 13}


@dataclass(frozen=True)
class Failure:
    status: Status
    reason: str
    detail: str


@dataclass
class RawRecord:
    """What a reader found for one article, before cleaning.

    ``text`` is ``None`` when the record has no usable text; ``failure`` then says why.
    ``seed`` makes a stable id for records that have no text to hash.
    """

    origin: str
    text: str | None
    fields: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    failure: Failure | None = None
    seed: str = ""


def is_binary(data: bytes) -> bool:
    head = data[:_SNIFF_BYTES]
    if not head:
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b in _CONTROL_BYTES)
    return controls / len(head) > _MAX_CONTROL_SHARE


def decode(data: bytes, warnings: list[str]) -> str:
    """Decode UTF-8 (with or without BOM); bad bytes become U+FFFD and a warning."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("utf-8-sig", errors="replace")
        bad = text.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")
        warnings.append(f"invalid UTF-8: {bad} byte sequence(s) replaced with U+FFFD")
        return text


def content_id(text: str) -> str:
    """Stable id from content: the same text always gets the same id."""
    return hashlib.blake2b(text.encode("utf-8", errors="surrogatepass"), digest_size=8).hexdigest()


def parse_published(value: Any) -> date | None:
    """A date from ISO 8601, RFC 2822 (RSS) or a ``date``/``datetime``; ``None`` if unreadable."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        pass
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        return None


def _text_field(value: Any) -> str | None:
    if value is None:
        return None
    return value if isinstance(value, str) else str(value)


def build_article(raw: RawRecord, options: Options) -> Article:
    """Turn a reader's record into an ``Article``: cleaned, checked and given an id."""
    fields = raw.fields
    warnings = list(raw.warnings)
    given_id = _text_field(fields.get("id"))
    published = parse_published(fields.get("published"))
    if fields.get("published") not in (None, "") and published is None:
        warnings.append(f"published date {str(fields['published'])[:40]!r} not understood; ignored")
    if published is None:
        published = options.published
    base = Article(
        id=given_id or "",
        text="",
        title=_text_field(fields.get("title")),
        url=_text_field(fields.get("url")),
        source=_text_field(fields.get("source")),
        published=published,
        origin=raw.origin,
    )

    if raw.failure is not None or raw.text is None:
        failure = raw.failure or Failure("error", "no-text", "the record has no text")
        return replace(
            base,
            id=given_id or content_id(raw.seed or raw.origin),
            status=failure.status,
            reason=failure.reason,
            detail=failure.detail,
            warnings=tuple(warnings),
        )

    base = replace(base, id=given_id or content_id(raw.text))
    raw_text = raw.text
    # Cleaning only ever shortens text a little, so an input far over the limit is cut
    # before cleaning too: the work per article stays bounded however large the input.
    if len(raw_text) > 2 * options.max_chars:
        raw_text = raw_text[: 2 * options.max_chars]
    cleaned = clean_text(raw_text)
    text, offset_map = cleaned.text, cleaned.offset_map
    if not text.strip():
        return replace(base, status="skipped", reason="empty",
                       detail="no article text left after cleaning", warnings=tuple(warnings))
    if len(text) > options.max_chars:
        cut = _truncation_point(text, options.max_chars)
        warnings.append(
            f"text truncated from {len(raw.text):,} raw characters to {cut:,} "
            f"(limit {options.max_chars:,})"
        )
        text = text[:cut]
    base = replace(base, text=text, offset_map=offset_map, warnings=tuple(warnings))
    if options.check_language:
        guess = check_english(text)
        if not guess.is_english:
            return replace(base, status="skipped", reason="language",
                           detail=f"not English: {guess.detail}")
    return replace(base, language="en")


def _truncation_point(text: str, limit: int) -> int:
    """Cut at the last paragraph or sentence break before ``limit``, else at ``limit``."""
    head = text[:limit]
    for sep in ("\n", ". "):
        i = head.rfind(sep)
        if i > limit // 2:
            return i + (1 if sep == ". " else 0)
    return limit
