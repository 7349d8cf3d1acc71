"""Render results for people and programs: JSON lines, CSV of events, plain-text tables."""

from __future__ import annotations

import csv
import json
import textwrap
from collections.abc import Iterable
from typing import Any, TextIO

from eventwire.evaluation import Score
from eventwire.records import ArticleResult, Mention
from eventwire.store.schema import tables, to_row

FORMATS = ("json", "jsonl", "table", "csv")


def write_results(results: Iterable[ArticleResult], fmt: str, out: TextIO) -> dict[str, int]:
    """Write ``results`` to ``out`` as they arrive; returns counts of articles by status."""
    counts = {"ok": 0, "skipped": 0, "error": 0}
    csv_writer = None
    for result in results:
        counts[result.status] += 1
        if fmt in ("json", "jsonl"):
            out.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
        elif fmt == "csv":
            csv_writer = csv_writer or _csv_writer(out)
            events = tables()["events"]
            for n, event in enumerate(result.events):
                csv_writer.writerow([result.article.id, n, *to_row(events, event)])
        else:
            out.write(render_table(result))
        out.flush()
    return counts


def _csv_writer(out: TextIO) -> Any:
    writer = csv.writer(out)
    writer.writerow(["article_id", "n", *(c.name for c in tables()["events"].columns)])
    return writer


def render_table(result: ArticleResult) -> str:
    """A compact human-readable summary of one article's results."""
    a = result.article
    lines = [
        f"article {a.id}  [{a.status}{': ' + a.reason if a.reason else ''}]"
        f"  {a.published or 'no date'}  {a.title or a.origin or ''}".rstrip()
    ]
    if a.detail:
        lines.append(f"  {a.detail}")
    for w in a.warnings:
        lines.append(f"  warning: {w}")
    if a.status == "ok":
        lines.append(
            f"  {len(a.text):,} chars; {len(result.events)} events, {len(result.quotes)} quotes, "
            f"{len(result.mentions)} actor mentions, {len(result.places)} places, "
            f"{len(result.times)} times"
        )
    if result.events:
        lines.append(f"  {'cameo':<6}{'type':<11}{'source':<11}   {'target':<11}{'date':<11}"
                     f"{'place':<14}trigger [modality]")
    for e in result.events:
        src = e.source.code if e.source else "-"
        tgt = e.target.code if e.target else "-"
        when = e.date.value if e.date and e.date.value else "-"
        where = (e.location.name or e.location.text) if e.location else "-"
        flags = [k for k in ("negated", "future", "hypothetical", "historical")
                 if getattr(e.modality, k)]
        if e.modality.attributed_to:
            flags.append(f"per {e.modality.attributed_to}")
        lines.append(
            f"  {e.cameo.code:<6}{e.plover.type or '-':<11}{src:<11}-> {tgt:<11}{when:<11}"
            f"{where[:13]:<14}{e.trigger.text!r}{' [' + ', '.join(flags) + ']' if flags else ''}"
        )
        evidence = " ".join(e.evidence.text.split())
        lines.append(f"      {evidence[:94] + '...' if len(evidence) > 97 else evidence}")
    if result.mentions:
        actors = ", ".join(f"{m.text} [{m.code or '?'}]" for m in result.mentions)
        lines.extend(textwrap.wrap(f"actors: {actors}", width=100, initial_indent="  ",
                                   subsequent_indent="    "))
    for q in result.quotes:
        who = q.speaker.name or q.speaker.text if q.speaker else "unattributed"
        lines.append(f"  quote [{who}]: {q.text[:90]!r}")
    if result.places:
        places = ", ".join(f"{p.text} [{p.country or '?'}" + (f" {p.geonames_id}]" if p.geonames_id else "]")
                           for p in result.places)
        lines.extend(textwrap.wrap(f"places: {places}", width=100, initial_indent="  ",
                                   subsequent_indent="    "))
    if result.times:
        times = ", ".join(f"{t.text} = {t.value or '?'}" for t in result.times)
        lines.extend(textwrap.wrap(f"times: {times}", width=100, initial_indent="  ",
                                   subsequent_indent="    "))
    return "\n".join(lines) + "\n\n"


def render_stats(stats: dict[str, Any]) -> str:
    rec = stats["records"]
    by = stats["articles_by_status"]
    lines = [
        f"store {stats['path']}",
        f"  articles  {rec['articles']:>8,}   ok {by['ok']:,}  skipped {by['skipped']:,}  "
        f"error {by['error']:,}",
    ]
    for name in ("events", "quotes", "mentions", "places", "times"):
        lines.append(f"  {name:<9} {rec[name]:>8,}")
    if stats["published_from"]:
        lines.append(f"  published {stats['published_from']} .. {stats['published_to']}")
    for r in stats["not_ok_reasons"]:
        lines.append(f"  {r['status']}: {r['reason']} x{r['count']}")
    lines.append(f"  pipeline versions: {', '.join(stats['pipeline_versions']) or 'none'}")
    return "\n".join(lines) + "\n"


def render_mentions(mentions: Iterable[Mention]) -> str:
    rows = [f"{'start':>6} {'end':>6}  {'code':<12} {'kind':<12} {'text':<40} name"]
    for m in mentions:
        rows.append(f"{m.start:>6} {m.end:>6}  {m.code or '-':<12} {m.kind or '-':<12} "
                    f"{m.text:<40} {m.name or ''}")
    return "\n".join(rows) + "\n"


def render_scores(total: Score, by_topic: dict[str, Score]) -> str:
    width = max([14, *(len(k) + 1 for k in by_topic)])
    rows = [f"{'set':<{width}}{'gold':>7}{'pred':>7}{'match':>7}{'P':>8}{'R':>8}{'F1':>8}"]
    for name, s in [("overall", total), *sorted(by_topic.items())]:
        rows.append(f"{name:<{width}}{s.gold:>7}{s.predicted:>7}{s.matched:>7}"
                    f"{s.precision:>8.3f}{s.recall:>8.3f}{s.f1:>8.3f}")
    return "\n".join(rows) + "\n"


def render_rows(names: list[str], rows: list[tuple[Any, ...]], width: int = 40) -> str:
    """A plain text table; long values are cut to ``width`` characters."""
    cells = [[_cell(v, width) for v in row] for row in rows]
    widths = [max([len(n), *(len(r[i]) for r in cells)]) for i, n in enumerate(names)]
    lines = ["  ".join(n.ljust(w) for n, w in zip(names, widths, strict=True)).rstrip()]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in cells]
    return "\n".join(lines) + "\n"


def _cell(value: Any, width: int) -> str:
    text = "" if value is None else str(value)
    text = " ".join(text.split())
    return text if len(text) <= width else text[:width - 3] + "..."


def render_events(rows: list[dict[str, Any]]) -> str:
    """The ``eventwire events`` table: one line per event."""
    names = ["day", "cameo", "type", "source", "target", "place", "trigger", "article"]
    keys = ["day", "cameo_code", "plover_type", "source_code", "target_code", "location_name",
            "trigger_text", "article_id"]
    return render_rows(names, [tuple(r[k] for k in keys) for r in rows], width=24)
