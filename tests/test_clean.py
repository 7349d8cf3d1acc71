from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from eventwire.ingest.clean import clean_text


def _mapped_ok(raw: str) -> None:
    cleaned = clean_text(raw)
    for clean_start, raw_start, length in cleaned.offset_map.segments:
        for i in range(length):
            c, r = cleaned.text[clean_start + i], raw[raw_start + i]
            # One-for-one copies, except normalised quotes/spaces and paragraph breaks.
            assert c == r or c in "\"' \n", (c, r)


def test_drops_teaser_label_and_the_headline_link_after_it():
    raw = (
        "Troops crossed the river at dawn, officials said.\n"
        "RELATED:\n"
        "Border Talks Stall As Winter Nears\n"
        "The crossing was the first in three years."
    )
    cleaned = clean_text(raw)
    assert cleaned.text == (
        "Troops crossed the river at dawn, officials said.\n"
        "The crossing was the first in three years."
    )
    assert cleaned.dropped_lines == 2
    _mapped_ok(raw)


def test_splits_a_paragraph_that_runs_into_a_label():
    raw = "Shelling resumed near the port on Friday-RELATED: Port City Braces For Storm\nMore text."
    cleaned = clean_text(raw)
    assert cleaned.text == "Shelling resumed near the port on Friday\nMore text."


def test_dangling_dash_before_a_label_line_is_removed():
    raw = "The ceasefire held in the region-\nRELATED:\nA Headline About Something\nNext."
    assert clean_text(raw).text == "The ceasefire held in the region\nNext."


def test_watch_read_more_share_and_byline_lines_are_dropped():
    raw = "\n".join([
        "By Amina Farouk and Tomas Lind",
        "Police detained 40 protesters outside parliament on Sunday.",
        "WATCH: Scenes From The Capital",
        "Read more: Why the protests began",
        "Share this article",
        "Share on Facebook",
        "Sign up for our morning briefing",
        "The interior ministry said the detentions were lawful.",
        "(Reporting by Joel Park; Editing by Ruth Ames)",
    ])
    assert clean_text(raw).text == (
        "Police detained 40 protesters outside parliament on Sunday.\n"
        "The interior ministry said the detentions were lawful."
    )


def test_prose_that_mentions_watch_or_related_words_is_kept():
    raw = (
        "Human Rights Watch said the related cases would be reviewed.\n"
        "Officials said they would watch the border closely."
    )
    assert clean_text(raw).text == raw


def test_whitespace_and_quotes_are_normalised_with_offsets_kept():
    raw = "  \u201cWe will not leave,\u201d  said\u00a0the\tmayor.\u200b \r\n\r\n  Talks\u2019 end.  "
    cleaned = clean_text(raw)
    assert cleaned.text == "\"We will not leave,\" said the mayor.\nTalks' end."
    start = cleaned.text.index("mayor")
    raw_start, raw_end = cleaned.offset_map.span_to_raw(start, start + len("mayor"))
    assert raw[raw_start:raw_end] == "mayor"
    _mapped_ok(raw)


def test_empty_and_whitespace_only_input():
    assert clean_text("").text == ""
    assert clean_text(" \n\t\n ").text == ""


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_any_text_cleans_with_a_consistent_offset_map(raw):
    cleaned = clean_text(raw)
    segments = cleaned.offset_map.segments
    assert sum(length for _, _, length in segments) == len(cleaned.text)
    previous_raw = -1
    for _, raw_start, length in segments:
        assert raw_start > previous_raw  # raw positions only move forward
        previous_raw = raw_start + length - 1
        assert raw_start + length <= len(raw)
    _mapped_ok(raw)


@given(st.lists(st.sampled_from([
    "Rebels shelled the town on Monday.", "RELATED:", "A Short Headline Line",
    "WATCH: Video", "Read more", "  ", "The army said \u201cno comment\u201d.",
    "Share on X", "text-RELATED: glued",
]), max_size=12))
def test_cleaned_text_never_keeps_a_teaser_line(lines):
    text = clean_text("\n".join(lines)).text
    for line in text.split("\n"):
        assert not line.startswith(("RELATED:", "WATCH:", "Read more", "Share on"))
