"""HTML to article text: whole pages through trafilatura, feed fragments through lxml."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

_BLOCK_TAGS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr")


@dataclass(frozen=True)
class Extracted:
    text: str
    fields: dict[str, Any] = field(default_factory=dict)


def html_to_article(page: str) -> Extracted:
    """Main text and metadata of a web page (no network access: trafilatura works offline)."""
    import trafilatura  # imported here: only HTML inputs need it, and it is slow to import

    extracted = trafilatura.bare_extraction(
        page, include_comments=False, include_tables=False, with_metadata=True
    )
    doc: dict[str, Any]
    if extracted is None:
        doc = {}
    elif isinstance(extracted, dict):
        doc = extracted
    else:
        doc = extracted.as_dict()
    if not doc:
        return Extracted("")
    fields = {"title": doc.get("title"), "url": doc.get("url"), "source": doc.get("sitename"),
              "published": doc.get("date")}
    return Extracted(doc.get("text") or "", fields)


def html_fragment_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed entry), one paragraph per block element."""
    if "<" not in fragment:
        return fragment
    import lxml.html
    from lxml.etree import ParserError

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (ParserError, ValueError):
        return fragment
    for el in root.iter(*_BLOCK_TAGS):
        el.tail = "\n" + (el.tail or "")
    text: str = root.text_content()
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())
