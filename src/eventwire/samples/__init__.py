"""The bundled sample corpus: original, fictional news stories with hand annotations."""

from __future__ import annotations

import json
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

ARTICLES = "articles.jsonl"
GOLD = "gold.jsonl"


def sample_path(name: str = ARTICLES) -> Path:
    """Filesystem path of a file of the sample corpus."""
    return Path(str(resources.files(__package__).joinpath(name)))


def read_records(name: str) -> Iterator[dict[str, Any]]:
    """The JSON records of a JSONL file of the sample corpus, one per line."""
    with sample_path(name).open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def stories_by_id() -> dict[str, dict[str, Any]]:
    """The sample stories (``articles.jsonl``) keyed by id."""
    return {story["id"]: story for story in read_records(ARTICLES)}
