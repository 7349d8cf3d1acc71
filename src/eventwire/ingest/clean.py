"""Turn raw article text into the cleaned text eventwire codes, keeping a map back to the raw.

Cleaning drops scraped-web furniture (teaser labels such as ``RELATED:`` and the headline link
after them, share prompts, bylines), splits a paragraph that runs straight into such a label,
normalises whitespace and typographic quotes, and joins the kept paragraphs with one newline.
Every kept character is copied from one raw character, so each cleaned offset maps back to a raw
offset through ``OffsetMap``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from eventwire.lexicons import read_tsv
from eventwire.records import OffsetMap, Segment

# One-for-one character replacements: typographic quotes and odd spaces become ASCII.
_CHAR_MAP = {
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00ab": '"', "\u00bb": '"',
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ", "\t": " ",
    "\u3000": " ",
}
# Characters dropped outright: zero-width characters, soft hyphens and C0/C1 controls.
_DROP = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SPACE = re.compile(r"\s")
_LINE_BREAK = re.compile(r"\r\n|\r|\n|\u2028|\u2029")
# A headline-like line: short, no sentence-final punctuation.
_HEADLINE_MAX_WORDS = 20
_SENTENCE_END = re.compile(r"""[.!?]["')\]]*$""")


@dataclass(frozen=True)
class _Rules:
    label: re.Pattern[str]
    prompt: re.Pattern[str]
    inline: re.Pattern[str]


@cache
def _rules() -> _Rules:
    rows = read_tsv("boilerplate.tsv")

    def either(patterns: list[str]) -> re.Pattern[str]:
        # Each row may carry its own inline (?i) flag, so wrap rows as scoped groups.
        return re.compile("|".join(_scoped(p) for p in patterns))

    labels = [r["pattern"] for r in rows if r["kind"] == "label"]
    prompts = [r["pattern"] for r in rows if r["kind"] == "prompt"]
    inline = [r["pattern"] for r in rows if r["kind"] == "label" and r["inline"] == "yes"]
    return _Rules(
        label=either(labels),
        prompt=either(prompts),
        # Glued to prose: a word character or dash right before the label, no space.
        inline=re.compile(r"(?<=[\w.,;!?\"')])[-\u2013\u2014]?(?:" + "|".join(inline) + ")"),
    )


def _scoped(pattern: str) -> str:
    if pattern.startswith("(?i)"):
        return f"(?i:{pattern[4:]})"
    return f"(?:{pattern})"


@dataclass(frozen=True)
class Cleaned:
    text: str
    offset_map: OffsetMap
    dropped_lines: int


class _Builder:
    """Accumulates cleaned characters and the raw offset each was copied from."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.segments: list[list[int]] = []
        self.length = 0

    def add(self, char: str, raw_pos: int) -> None:
        last = self.segments[-1] if self.segments else None
        if last is not None and last[0] + last[2] == self.length and last[1] + last[2] == raw_pos:
            last[2] += 1
        else:
            self.segments.append([self.length, raw_pos, 1])
        self.parts.append(char)
        self.length += 1

    def result(self) -> tuple[str, OffsetMap]:
        segs: tuple[Segment, ...] = tuple((s[0], s[1], s[2]) for s in self.segments)
        return "".join(self.parts), OffsetMap(segs)


def _raw_lines(raw: str) -> list[tuple[int, int]]:
    """(start, end) of each line of ``raw``, without its line break."""
    spans = []
    pos = 0
    for m in _LINE_BREAK.finditer(raw):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(raw)))
    return spans


def _normalised(raw: str, start: int, end: int) -> tuple[str, list[int]]:
    """The line's characters after mapping/dropping, with each one's raw position.

    Whitespace runs collapse to their first character; leading/trailing whitespace goes.
    """
    chars: list[str] = []
    where: list[int] = []
    for i in range(start, end):
        ch = raw[i]
        if _DROP.match(ch):
            continue
        ch = _CHAR_MAP.get(ch, ch)
        if _SPACE.match(ch):
            if not chars or chars[-1] == " ":
                continue
            ch = " "
        chars.append(ch)
        where.append(i)
    while chars and chars[-1] == " ":
        chars.pop()
        where.pop()
    return "".join(chars), where


def _split_inline(line: str) -> list[tuple[int, int]]:
    """Split a line where prose runs straight into a teaser label ("...region-RELATED:")."""
    m = _rules().inline.search(line)
    if m is None:
        return [(0, len(line))]
    cut = m.start()
    label_start = cut + 1 if line[cut] in "-\u2013\u2014" else cut
    return [(0, cut), (label_start, len(line))]


def _is_label(line: str) -> bool:
    m = _rules().label.match(line)
    return m is not None


def _is_prompt(line: str) -> bool:
    return _rules().prompt.fullmatch(line) is not None


def _looks_like_headline(line: str) -> bool:
    words = line.split()
    return 0 < len(words) <= _HEADLINE_MAX_WORDS and not _SENTENCE_END.search(line)


@dataclass
class _Piece:
    """A logical line: its cleaned characters, each one's raw position, and the raw position
    of the line break that ended it (``None`` if the line was split off mid-line)."""

    text: str
    where: list[int]
    brk: int | None


def _pieces(raw: str) -> list[_Piece]:
    pieces: list[_Piece] = []
    for start, end in _raw_lines(raw):
        text, where = _normalised(raw, start, end)
        splits = _split_inline(text)
        for k, (a, b) in enumerate(splits):
            piece = text[a:b].strip(" ")
            if not piece:
                continue
            offset = a + (len(text[a:b]) - len(text[a:b].lstrip(" ")))
            brk = end if k == len(splits) - 1 and end < len(raw) else None
            pieces.append(_Piece(piece, where[offset : offset + len(piece)], brk))
    return pieces


def clean_text(raw: str) -> Cleaned:
    """Clean ``raw`` and map every kept character back to its raw offset."""
    kept: list[_Piece] = []
    dropped = 0
    drop_headline = False
    for piece in _pieces(raw):
        text = piece.text
        if drop_headline and _looks_like_headline(text) and not _is_label(text):
            drop_headline = False
            dropped += 1
            continue
        drop_headline = False
        if _is_label(text):
            dropped += 1
            # A bare label ("RELATED:") introduces a headline link on the next line.
            drop_headline = _rules().label.fullmatch(text) is not None
            if kept:
                _strip_dangling_dash(kept[-1])
            continue
        if _is_prompt(text):
            dropped += 1
            continue
        kept.append(piece)

    builder = _Builder()
    for n, piece in enumerate(kept):
        if n:
            # The paragraph break maps to the raw line break that ended the previous
            # paragraph, or just after its last character when it was split mid-line.
            prev = kept[n - 1]
            builder.add("\n", prev.brk if prev.brk is not None else prev.where[-1] + 1)
        for ch, pos in zip(piece.text, piece.where, strict=True):
            builder.add(ch, pos)
    cleaned, offset_map = builder.result()
    return Cleaned(cleaned, offset_map, dropped)


def _strip_dangling_dash(piece: _Piece) -> None:
    """Drop the dash a scraper left where a paragraph ran into a teaser label."""
    text = piece.text
    if len(text) > 1 and text[-1] in "-\u2013\u2014" and text[-2] != " ":
        piece.text, piece.where = text[:-1], piece.where[:-1]
