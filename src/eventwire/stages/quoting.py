"""Where direct quotation marks open and close, as the stages that need it read them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.stages.grammar import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Token


def inside_quotation(token: Token) -> bool:
    """Whether ``token`` stands inside a direct quotation: more opening than closing curly
    quotes, or an odd number of straight ones, in its paragraph before it."""
    text = doc_text(token.doc)
    before = text[text.rfind("\n", 0, token.idx) + 1:token.idx]
    return before.count("\u201c") > before.count("\u201d") or before.count('"') % 2 == 1
