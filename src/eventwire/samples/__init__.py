"""The bundled sample corpus: original, fictional news stories with hand annotations."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

ARTICLES = "articles.jsonl"
GOLD = "gold.jsonl"


def sample_path(name: str = ARTICLES) -> Path:
    """Filesystem path of a file of the sample corpus."""
    return Path(str(resources.files(__package__).joinpath(name)))
