"""Format readers. Each takes the bytes source of one input and yields ``RawRecord``s.

Readers never raise for a bad article or a damaged file: they yield a record with a
``failure``. The only exception is a malformed line in a structured file when
``skip_bad_lines`` is off, which raises ``BadLineError`` naming the file and line.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterable, Iterator
from typing import IO, Any

from eventwire.errors import BadLineError
from eventwire.ingest.build import Failure, RawRecord, decode, is_binary
from eventwire.ingest.html import html_fragment_text, html_to_article
from eventwire.options import ARTICLE_FIELDS, Options


def read_txt(data: bytes, origin: str, options: Options) -> Iterator[RawRecord]:
    if is_binary(data):
        yield _binary(origin, data)
        return
    warnings: list[str] = []
    text = decode(data, warnings)
    if not text.strip():
        yield RawRecord(origin, None, warnings=warnings, seed=origin,
                        failure=Failure("skipped", "empty", "the file is empty"))
        return
    yield RawRecord(origin, text, warnings=warnings)


def read_html(data: bytes, origin: str, options: Options) -> Iterator[RawRecord]:
    if is_binary(data):
        yield _binary(origin, data)
        return
    warnings: list[str] = []
    page = decode(data, warnings)
    yield _from_html(page, origin, warnings)


def _from_html(
    page: str,
    origin: str,
    warnings: list[str],
    override: dict[str, Any] | None = None,
    fallback: dict[str, Any] | None = None,
) -> RawRecord:
    """A record from a whole HTML page; ``override`` wins over the page's own metadata,
    which wins over ``fallback``."""
    extracted = html_to_article(page)
    merged = {k: v for k, v in (fallback or {}).items() if v}
    merged.update({k: v for k, v in extracted.fields.items() if v})
    merged.update({k: v for k, v in (override or {}).items() if v})
    if not extracted.text.strip():
        return RawRecord(origin, None, fields=merged, warnings=warnings, seed=page,
                         failure=Failure("skipped", "empty", "no article text found in the HTML"))
    return RawRecord(origin, extracted.text, fields=merged, warnings=warnings)


def _binary(origin: str, data: bytes) -> RawRecord:
    return RawRecord(origin, None, seed=origin + str(len(data)),
                     failure=Failure("skipped", "binary", "the input looks like a binary file"))


def _record_from_mapping(obj: Any, origin: str, options: Options, seed: str) -> RawRecord:
    """A record from one JSON object or CSV row, honouring the field mapping."""
    if not isinstance(obj, dict):
        return RawRecord(origin, None, seed=seed, failure=Failure(
            "error", "not-an-object", f"expected a JSON object, found {type(obj).__name__}"))
    fields = {f: obj.get(options.field_name(f)) for f in ARTICLE_FIELDS if f != "text"}
    text_key = options.field_name("text")
    text = obj.get(text_key)
    if text is None:
        present = ", ".join(sorted(map(str, obj))[:12]) or "none"
        return RawRecord(origin, None, fields=fields, seed=seed, failure=Failure(
            "error", "no-text",
            f"no '{text_key}' field (fields present: {present}); map one with --field text=NAME"))
    if not isinstance(text, str):
        return RawRecord(origin, None, fields=fields, seed=seed, failure=Failure(
            "error", "no-text", f"field '{text_key}' is {type(text).__name__}, not text"))
    if not text.strip():
        return RawRecord(origin, None, fields=fields, seed=seed, failure=Failure(
            "skipped", "empty", f"field '{text_key}' is empty"))
    return RawRecord(origin, text, fields=fields)


def read_jsonl(stream: IO[bytes], origin: str, options: Options) -> Iterator[RawRecord]:
    for n, line in enumerate(stream, 1):
        if not line.strip():
            continue
        warnings: list[str] = []
        text = decode(line, warnings)
        where = f"{origin}:{n}"
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as exc:
            if not options.skip_bad_lines:
                raise BadLineError(origin, n, f"{exc.msg} at column {exc.colno}") from exc
            yield RawRecord(where, None, seed=text, warnings=warnings, failure=Failure(
                "error", "bad-line", f"line {n} is not valid JSON ({exc.msg} at column {exc.colno})"))
            continue
        record = _record_from_mapping(obj, where, options, seed=text)
        record.warnings[:0] = warnings
        yield record


def read_parquet(stream: IO[bytes], origin: str, options: Options) -> Iterator[RawRecord]:
    """One article per row, read a row group at a time; columns as in JSONL (``--field``)."""
    import pyarrow.parquet as pq

    try:
        table = pq.ParquetFile(stream)
    except Exception as exc:  # pyarrow raises several types for a damaged file
        yield RawRecord(origin, None, seed=origin, failure=Failure(
            "error", "unreadable", f"not a readable Parquet file ({exc})"))
        return
    n = 0
    for batch in table.iter_batches(batch_size=1024):
        for row in batch.to_pylist():
            n += 1
            seed = json.dumps(row, sort_keys=True, default=str)
            yield _record_from_mapping(row, f"{origin}:{n}", options, seed=seed)


def read_json(data: bytes, origin: str, options: Options) -> Iterator[RawRecord]:
    warnings: list[str] = []
    text = decode(data, warnings)
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        if not options.skip_bad_lines:
            raise BadLineError(origin, exc.lineno, f"{exc.msg} at column {exc.colno}") from exc
        yield RawRecord(origin, None, seed=text, failure=Failure(
            "error", "bad-line", f"not valid JSON ({exc.msg} at line {exc.lineno})"))
        return
    items: Iterable[Any]
    if isinstance(obj, list):
        items = obj
    elif isinstance(obj, dict) and isinstance(obj.get("articles"), list):
        items = obj["articles"]
    else:
        items = [obj]
    for n, item in enumerate(items):
        record = _record_from_mapping(item, f"{origin}[{n}]", options, seed=json.dumps(item)[:4096])
        record.warnings[:0] = warnings
        yield record


def read_csv(stream: IO[bytes], origin: str, options: Options) -> Iterator[RawRecord]:
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    wrapper = io.TextIOWrapper(stream, encoding="utf-8-sig", errors="replace", newline="")
    reader = csv.DictReader(wrapper)
    try:
        for row in reader:
            where = f"{origin}:{reader.line_num}"
            clean_row = {k: v for k, v in row.items() if k is not None}
            yield _record_from_mapping(clean_row, where, options, seed=json.dumps(clean_row))
    except csv.Error as exc:
        if not options.skip_bad_lines:
            raise BadLineError(origin, reader.line_num, str(exc)) from exc
        yield RawRecord(f"{origin}:{reader.line_num}", None, seed=f"{origin}:{reader.line_num}",
                        failure=Failure("error", "bad-line", f"CSV error: {exc}"))


def read_rss(data: bytes, origin: str, options: Options) -> Iterator[RawRecord]:
    import feedparser  # imported here: only feeds need it, and it is slow to import

    feed = feedparser.parse(data)
    if feed.bozo and not feed.entries:
        yield RawRecord(origin, None, seed=origin + str(len(data)), failure=Failure(
            "error", "corrupt", f"not a readable RSS/Atom feed ({feed.bozo_exception})"))
        return
    for n, entry in enumerate(feed.entries):
        where = f"{origin}#{n}"
        body = ""
        if entry.get("content"):
            body = " ".join(c.get("value", "") for c in entry["content"])
        body = body or entry.get("summary", "") or entry.get("description", "")
        text = html_fragment_text(body)
        fields = {
            "id": entry.get("id") or None,
            "title": entry.get("title"),
            "url": entry.get("link"),
            "source": feed.feed.get("title"),
            "published": entry.get("published") or entry.get("updated"),
        }
        if not text.strip():
            yield RawRecord(where, None, fields=fields, seed=where + str(fields["title"]),
                            failure=Failure("skipped", "empty", "the feed entry has no text"))
            continue
        yield RawRecord(where, text, fields=fields)


def read_warc(stream: IO[bytes], origin: str, options: Options) -> Iterator[RawRecord]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        for record in ArchiveIterator(stream):
            if record.rec_type != "response" or record.http_headers is None:
                continue
            ctype = (record.http_headers.get_header("Content-Type") or "").lower()
            if "html" not in ctype:
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            where = f"{origin}#{url}"
            warnings: list[str] = []
            page = decode(record.content_stream().read(), warnings)
            # The crawl date only stands in when the page carries no date of its own.
            crawled = {"published": record.rec_headers.get_header("WARC-Date")}
            yield _from_html(page, where, warnings, override={"url": url}, fallback=crawled)
    except ArchiveLoadFailed as exc:
        # Records read before the damage are kept; the damage itself gets a row.
        yield RawRecord(origin, None, seed=f"{origin}:{exc}", failure=Failure(
            "error", "corrupt", f"not a readable WARC file ({exc})"))
