"""Package data: lexicons written for eventwire, one concept per file.

Each file starts with ``#`` comment lines saying what a row means; blank lines are ignored.
"""

from __future__ import annotations

from importlib import resources


def read_lines(name: str) -> list[str]:
    """Non-comment, non-blank lines of a lexicon file, stripped of surrounding whitespace."""
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


def read_tsv(name: str) -> list[dict[str, str]]:
    """Rows of a TSV lexicon as dicts keyed by its header line (the first non-comment line)."""
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    rows = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    if not rows:
        return []
    header = rows[0].split("\t")
    out = []
    for ln in rows[1:]:
        cells = ln.split("\t")
        cells += [""] * (len(header) - len(cells))
        out.append(dict(zip(header, cells, strict=False)))
    return out
