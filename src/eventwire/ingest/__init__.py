"""Read articles from files, directories, globs and stdin, in any supported format.

``read_articles`` streams: files are opened one at a time and structured files are read one
record at a time, so a directory of 10,000 files or a multi-gigabyte JSONL file runs in
constant memory. Every input yields at least one ``Article``; inputs that cannot be coded
come out with status "skipped" or "error" and a reason.
"""

from __future__ import annotations

import glob
import gzip
import io
import logging
import os
import sys
import typing
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from eventwire.errors import InputError
from eventwire.ingest.build import Failure, RawRecord, build_article
from eventwire.ingest.readers import (
    read_csv,
    read_html,
    read_json,
    read_jsonl,
    read_parquet,
    read_rss,
    read_txt,
    read_warc,
)
from eventwire.options import Options
from eventwire.records import Article

__all__ = ["detect_format", "read_articles", "read_text"]

log = logging.getLogger(__name__)

_EXTENSIONS = {
    ".txt": "txt", ".text": "txt",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".json": "json",
    ".csv": "csv",
    ".rss": "rss", ".atom": "rss", ".xml": "rss",
    ".warc": "warc", ".arc": "warc",
    ".parquet": "parquet", ".pq": "parquet",
}
_GLOB_CHARS = frozenset("*?[")


def detect_format(name: str, head: bytes = b"") -> str:
    """The reader for a file name, falling back to sniffing its first bytes."""
    lower = name.lower()
    if lower.endswith((".warc.gz", ".arc.gz")):
        return "warc"
    if lower.endswith(".gz"):
        lower = lower[:-3]
    # os.path, not pathlib: pathlib interns every path part, which grows without bound
    # over a walk of many thousands of files.
    fmt = _EXTENSIONS.get(os.path.splitext(lower)[1])
    if fmt == "rss" and head and not _is_feed(head):
        return _sniff(head)
    return fmt or _sniff(head)


def _is_feed(head: bytes) -> bool:
    probe = head[:2048].lower()
    return b"<rss" in probe or b"<feed" in probe or b"<rdf:rdf" in probe


def _sniff(head: bytes) -> str:
    if head.startswith(b"WARC/"):
        return "warc"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"{"):
        first = stripped.split(b"\n", 1)[0].strip()
        return "jsonl" if first.endswith(b"}") else "json"
    if stripped.startswith(b"["):
        return "json"
    if stripped.startswith(b"<"):
        return "rss" if _is_feed(stripped) else "html"
    return "txt"


def read_articles(paths: Iterable[str | os.PathLike[str]], options: Options) -> Iterator[Article]:
    """Yield one ``Article`` per input article, in input order."""
    for path in paths:
        for source in _expand(str(path)):
            for raw in _records(source, options):
                yield build_article(raw, options)


def read_text(text: str, options: Options, **fields: object) -> Article:
    """An ``Article`` from a string (``fields`` may give id, title, url, source, published)."""
    raw = RawRecord("<text>", text if text.strip() else None, fields=dict(fields), seed=text,
                    failure=None if text.strip() else Failure("skipped", "empty", "no text"))
    return build_article(raw, options)


def _is_url(path: str) -> bool:
    """A path fsspec opens (s3://, gs://, https://, memory://...), not a local file."""
    scheme, sep, _ = path.partition("://")
    return bool(sep) and scheme.isalnum() and scheme != "file" and len(scheme) > 1


def _fsspec() -> Any:
    try:
        import fsspec
    except ImportError:
        raise InputError("reading a URL needs fsspec (pip install fsspec, plus s3fs or gcsfs "
                         "for object storage)") from None
    return fsspec


def _expand(path: str) -> Iterator[str]:
    """Files named by a path, directory (recursive) or glob, local or a URL fsspec knows
    (s3://bucket/news/*.jsonl); ``-`` is stdin."""
    if path == "-":
        yield path
        return
    if path.startswith("file://"):
        path = path[len("file://"):]
    if _is_url(path):
        fs, _, found = _fsspec().get_fs_token_paths(path)
        protocol = fs.protocol if isinstance(fs.protocol, str) else fs.protocol[0]
        hits = sorted(found) if found else []
        if len(hits) == 1 and fs.isdir(hits[0]):
            hits = sorted(f for f in fs.find(hits[0]) if not os.path.basename(f).startswith("."))
        if not hits:
            raise InputError(f"nothing found at {path!r}")
        for hit in hits:
            yield hit if "://" in hit else f"{protocol}://{hit}"
        return
    p = Path(path)
    if p.is_dir():
        yield from _walk(p)
    elif p.exists():
        yield str(p)
    elif _GLOB_CHARS & set(path):
        matched = False
        for hit in glob.iglob(path, recursive=True):
            matched = True
            if Path(hit).is_dir():
                yield from _walk(Path(hit))
            else:
                yield hit
        if not matched:
            raise InputError(f"no files match {path!r}; check the pattern (quote it in the shell)")
    else:
        raise InputError(f"no such file or directory: {path!r}")


def _walk(root: Path) -> Iterator[str]:
    """Files under ``root`` in a stable order; hidden files and folders are left out."""
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if not name.startswith("."):
                yield os.path.join(dirpath, name)


@contextmanager
def _open(source: str) -> Iterator[IO[bytes]]:
    if source == "-":
        stdin = sys.stdin.buffer
        # Format sniffing peeks at the first bytes; a replaced stdin may not support that.
        yield stdin if hasattr(stdin, "peek") else typing.cast(IO[bytes], io.BufferedReader(stdin))
    elif _is_url(source):
        compression = "gzip" if source.endswith(".gz") and not source.endswith(
            (".warc.gz", ".arc.gz")) else None
        with _fsspec().open(source, "rb", compression=compression) as fh:
            yield typing.cast(IO[bytes], fh if hasattr(fh, "peek") else io.BufferedReader(fh))
    elif source.endswith(".gz") and not source.endswith((".warc.gz", ".arc.gz")):
        with gzip.open(source, "rb") as fh:
            yield typing.cast(IO[bytes], fh)
    else:
        with open(source, "rb") as fh:
            yield fh


def _records(source: str, options: Options) -> Iterator[RawRecord]:
    origin = "<stdin>" if source == "-" else source
    try:
        with _open(source) as stream:
            head = stream.peek(4096)[:4096]  # type: ignore[attr-defined]
            if len(head) < 4096 and not head.strip():  # the whole input is blank
                yield RawRecord(origin, None, seed=origin, failure=Failure(
                    "skipped", "empty", "the input is empty"))
                return
            fmt: str = options.input_format
            if fmt == "auto":
                fmt = detect_format(origin if source != "-" else "", head)
            if fmt in ("jsonl", "csv", "warc", "parquet"):
                reader = {"jsonl": read_jsonl, "csv": read_csv, "warc": read_warc,
                          "parquet": read_parquet}[fmt]
                yield from reader(stream, origin, options)
                return
            data = stream.read()
    except OSError as exc:
        yield RawRecord(origin, None, seed=origin, failure=Failure(
            "error", "unreadable", f"cannot read the file ({exc.strerror or exc})"))
        return
    whole = {"txt": read_txt, "html": read_html, "json": read_json, "rss": read_rss}[fmt]
    yield from whole(data, origin, options)
