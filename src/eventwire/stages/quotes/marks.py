"""Direct quotations as the quotation marks delimit them, paragraph by paragraph.

Marks pair up inside a paragraph: a straight double quote opens when none is open and closes
otherwise; curly ones say which they are. A quotation still open at the end of its paragraph
runs to that end, and a paragraph that then opens with a mark continues it (the newswire
convention for a quote running over several paragraphs). Single quotes are quotations nested
inside a quotation and stay part of it.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

OPENING = "\u201c"
CLOSING = "\u201d"
STRAIGHT = '"'


@dataclass(frozen=True)
class Part:
    """One quoted stretch of one paragraph."""

    open: int  # offset of the opening mark
    close: int | None  # offset of the closing mark; None when the paragraph ends first
    start: int  # the quoted words, without the marks, surrounding space, or a final , or .
    end: int
    paragraph: int
    continues: bool  # whether it carries on the quotation left open by the paragraph before

    @property
    def outer_end(self) -> int:
        """End of the whole quotation, closing mark included."""
        return self.close + 1 if self.close is not None else self.end


def quotation_parts(text: str) -> list[Part]:
    """Every direct quotation in ``text``, in order."""
    parts: list[Part] = []
    offset = 0
    for number, paragraph in enumerate(text.split("\n")):
        opened: int | None = None
        for i, ch in enumerate(paragraph):
            if ch not in (STRAIGHT, OPENING, CLOSING):
                continue
            at = offset + i
            if opened is None and ch != CLOSING:
                opened = at
            elif opened is not None and ch != OPENING:
                parts.extend(_part(text, opened, at, number))
                opened = None
            elif ch == OPENING:  # an opening mark while one is open: the first was stray
                opened = at
        if opened is not None:
            parts.extend(_part(text, opened, None, number, offset + len(paragraph)))
        offset += len(paragraph) + 1
    return _mark_continuations(text, parts)


def _part(text: str, opened: int, closed: int | None, paragraph: int,
          paragraph_end: int | None = None) -> list[Part]:
    start = opened + 1
    end = closed if closed is not None else paragraph_end
    assert end is not None
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start and text[end - 1] in ",.":
        end -= 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return [Part(opened, closed, start, end, paragraph, False)] if end > start else []


def _mark_continuations(text: str, parts: list[Part]) -> list[Part]:
    """A paragraph's first quotation continues an open one when nothing but space precedes it."""
    out: list[Part] = []
    for i, part in enumerate(parts):
        before = parts[i - 1] if i else None
        line_start = text.rfind("\n", 0, part.open) + 1
        if (before is not None and before.close is None and before.paragraph == part.paragraph - 1
                and not text[line_start:part.open].strip()):
            part = dataclasses.replace(part, continues=True)
        out.append(part)
    return out
