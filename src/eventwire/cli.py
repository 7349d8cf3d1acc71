"""The ``eventwire`` command. Each command parses options, calls one library function, formats."""

from __future__ import annotations

import csv
import dataclasses
import json
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from eventwire.engines import LocalEngine, default_workers
from eventwire.errors import EventwireError
from eventwire.ingest import read_articles, read_text
from eventwire.options import DEFAULT_MAX_CHARS, Options, parse_date, parse_field_map
from eventwire.output import (
    FORMATS,
    render_events,
    render_mentions,
    render_rows,
    render_scores,
    render_stats,
    write_results,
)
from eventwire.pipeline import code_text
from eventwire.runner import ingest as ingest_articles
from eventwire.samples import sample_path
from eventwire.store import DEFAULT_DB, open_store
from eventwire.version import PIPELINE_VERSION, __version__

F = TypeVar("F", bound=Callable[..., Any])


class _Group(click.Group):
    """Turns eventwire's own errors into one clear line and exit status 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except EventwireError as exc:
            click.echo(f"error: {exc}", err=True)
            ctx.exit(1)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("-v", "--verbose", count=True, help="More log output (-v info, -vv debug).")
def cli(verbose: int) -> None:
    """eventwire: turn English news reports into political event data.

    Reads articles (text, HTML, JSONL/JSON, CSV, RSS/Atom, WARC, directories, globs or - for
    stdin), codes who did what to whom, when and where, and who said what (CAMEO and PLOVER),
    with every field traceable to the characters it came from.

    \b
    Quick start:
      eventwire code article.txt --format table
      eventwire ingest stories.jsonl --db events.duckdb
      eventwire stats --db events.duckdb
    """
    level = [logging.WARNING, logging.INFO, logging.DEBUG][min(verbose, 2)]
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    if verbose < 2:
        # HTML extraction logs every page it cannot use as an error; eventwire records those
        # pages as skipped articles already, so their logs are only wanted when debugging.
        for noisy in ("trafilatura", "htmldate", "courlan"):
            logging.getLogger(noisy).setLevel(logging.CRITICAL)


_actors_option = click.option(
    "--actors", "actor_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
    help="Extra actor lexicon: TSV (name, aliases, code, kind, country, sector, gender, start, "
         "end) or a TABARI/PETRARCH actor dictionary; entries win over the built-in ones. "
         "Repeatable.")


def _dictionary_options(fn: F) -> F:
    """TABARI/PETRARCH dictionaries (docs/dictionaries.md)."""
    existing = click.Path(exists=True, dir_okay=False)
    decorators = [
        click.option("--verbs", "verb_files", multiple=True, type=existing,
                     help="TABARI/PETRARCH verb dictionary: replaces the built-in event "
                          "lexicon. Repeatable."),
        click.option("--agents", "agent_files", multiple=True, type=existing,
                     help="TABARI/PETRARCH agent dictionary (\"FOREIGN_MINISTER [~GOVFRM]\"). "
                          "Repeatable."),
        click.option("--discards", "discard_files", multiple=True, type=existing,
                     help="TABARI/PETRARCH discard list: sentences (and, with '+', stories) "
                          "holding a phrase get no events. Repeatable."),
        click.option("--dictionaries", "dictionary_config", type=existing, metavar="CONFIG.toml",
                     help="A TOML file naming the dictionaries: [dictionaries] verbs, actors, "
                          "agents, discards (a path or a list; relative to the file)."),
    ]
    for deco in reversed(decorators):
        fn = deco(fn)
    return fn


def _input_options(fn: F) -> F:
    """Options shared by every command that reads articles."""
    decorators = [
        click.argument("paths", nargs=-1, type=str),
        click.option("--sample", is_flag=True,
                     help="Also read the bundled sample corpus (40+ original stories)."),
        click.option("--input-format", default="auto", show_default=True,
                     type=click.Choice(["auto", "txt", "html", "jsonl", "json", "csv", "rss", "warc",
                                       "parquet"]),
                     help="Reader to use; auto picks by file extension, then by content."),
        click.option("--field", "fields", multiple=True, metavar="OURS=THEIRS",
                     help="Map an article field to the input's name for it, e.g. "
                          "--field text=body --field published=date (repeatable)."),
        click.option("--published", metavar="YYYY-MM-DD",
                     help="Publication date for articles that carry none (relative dates "
                          "such as 'on Monday' resolve against it)."),
        click.option("--skip-bad-lines", is_flag=True,
                     help="Record malformed JSONL/JSON/CSV records as errors and go on, "
                          "instead of stopping at the first one."),
        click.option("--max-chars", type=int, default=DEFAULT_MAX_CHARS, show_default=True,
                     help="Truncate longer articles (with a recorded warning)."),
        click.option("--no-language-check", is_flag=True,
                     help="Code every article, even ones that do not look English."),
        click.option("--batch-size", type=int, default=32, show_default=True,
                     help="Articles per spaCy batch."),
        click.option("--workers", type=click.IntRange(1), default=None,
                     help="Code in a pool of this many processes, one model each (default: "
                          "the cores this machine gives eventwire). Short inputs are coded in "
                          "this process."),
        click.option("--unordered", is_flag=True,
                     help="Emit results as workers finish them, not in input order."),
        _actors_option,
    ]
    for deco in reversed(decorators):
        fn = deco(fn)
    return _dictionary_options(fn)


def _with_dictionaries(options: Options, kw: dict[str, Any]) -> Options:
    """``options`` with the lexicon files of the flags, after those a --dictionaries config
    names."""
    from eventwire.lexicons.dictionaries import read_config

    named = read_config(kw["dictionary_config"]) if kw.get("dictionary_config") else {}
    return options.with_(**{
        f"{kind[:-1]}_files": named.get(kind, ()) + tuple(kw.get(f"{kind[:-1]}_files") or ())
        for kind in ("actors", "verbs", "agents", "discards")})


def _options(kw: dict[str, Any]) -> Options:
    return _with_dictionaries(Options(
        input_format=kw["input_format"],
        field_map=parse_field_map(kw["fields"]),
        published=parse_date(kw["published"]) if kw["published"] else None,
        skip_bad_lines=kw["skip_bad_lines"],
        max_chars=kw["max_chars"],
        check_language=not kw["no_language_check"],
        batch_size=kw["batch_size"],
        workers=kw["workers"] or default_workers(),
    ), kw)


def _paths(kw: dict[str, Any]) -> list[str]:
    paths = list(kw["paths"])
    if kw["sample"]:
        paths.append(str(sample_path()))
    if not paths:
        raise click.UsageError("give at least one PATH (a file, directory, glob or -), or --sample")
    return paths


@cli.command()
@_input_options
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="json", show_default=True,
              help="json/jsonl: one JSON record per article per line; csv: one row per event; "
                   "table: a readable summary.")
def code(fmt: str, **kw: Any) -> None:
    """Code articles and print the results (nothing is stored).

    \b
    Examples:
      eventwire code story.txt --published 2016-09-17 --format table
      cat feed.jsonl | eventwire code - --format jsonl
    """
    options = _options(kw)
    engine = LocalEngine(options, options.workers, ordered=not kw["unordered"])
    write_results(engine.code(read_articles(_paths(kw), options)), fmt, sys.stdout)


@cli.command()
@_input_options
@click.option("--db", default=DEFAULT_DB, show_default=True, help="DuckDB store file.")
@click.option("--engine", "engine_name", type=click.Choice(["local", "ray"]), default="local",
              show_default=True,
              help="local: a pool of processes on this machine; ray: Ray Data on a local Ray "
                   "(started on the fly) or the cluster at --address (needs the ray extra).")
@click.option("--address", metavar="ADDR",
              help="Ray cluster to join (auto, or ray://HOST:10001); implies --engine ray.")
@click.option("--parquet-out", metavar="DIR_OR_URL",
              help="Also write each stored batch's events as a Parquet file here "
                   "(a folder, or s3://..., gs://... with the fsspec driver installed).")
def ingest(db: str, engine_name: str, address: str | None, parquet_out: str | None,
           **kw: Any) -> None:
    """Code articles and add them to the store.

    Idempotent: articles already stored under this pipeline version are not added again
    (ones stored as errors are retried), so an interrupted run resumes where it stopped.
    Every input gets a row with its status.

    \b
    Examples:
      eventwire ingest ../shared/data/voa/voa_stories.jsonl --db voa.duckdb
      eventwire ingest 's3://bucket/news/*.jsonl' --engine ray --address auto --db news.duckdb
    """
    options = _options(kw)
    engine: Any
    if engine_name == "ray" or address:
        from eventwire.engines.ray import RayEngine

        engine = RayEngine(options, kw["workers"], address=address)
    else:
        engine = LocalEngine(options, options.workers, ordered=not kw["unordered"])
    with open_store(db) as store, _progress() as bar:
        report = ingest_articles(read_articles(_paths(kw), options), store, options,
                                 on_result=lambda _: bar.update(), engine=engine,
                                 parquet_out=parquet_out)
    c = report.coded
    click.echo(
        f"{report.read} articles: {report.written} new ({c['ok']} ok, {c['skipped']} skipped, "
        f"{c['error']} error), {report.already_stored} already stored in {db} "
        f"(pipeline {PIPELINE_VERSION})",
        err=True,
    )
    if report.parquet_files:
        click.echo(f"{len(report.parquet_files)} Parquet files written to {parquet_out}", err=True)
    if report.clustered is not None and report.clustered.events:
        d = report.clustered
        click.echo(f"{d.events} new events: {d.clusters_new} new real-world events, "
                   f"{d.clusters_grown} already reported ones seen again", err=True)


def _progress() -> Any:
    from tqdm import tqdm

    return tqdm(unit=" articles", file=sys.stderr, disable=None, dynamic_ncols=True)


def _day(value: str | None) -> Any:
    return parse_date(value) if value else None


@cli.command()
@click.option("--db", default=DEFAULT_DB, show_default=True, help="DuckDB store file.")
@click.option("--actor", metavar="CODE", help="Source or target code starts with CODE (USA, RUSMIL).")
@click.option("--source", metavar="CODE", help="Source code starts with CODE.")
@click.option("--target", metavar="CODE", help="Target code starts with CODE.")
@click.option("--type", "plover_type", metavar="PLOVER", help="PLOVER type (ASSAULT, PROTEST...).")
@click.option("--cameo", metavar="PREFIX", help="CAMEO code starts with PREFIX (19: any assault).")
@click.option("--since", metavar="YYYY-MM-DD", help="Events on or after this day.")
@click.option("--until", metavar="YYYY-MM-DD", help="Events on or before this day.")
@click.option("--country", metavar="ISO3", help="Events located in this country.")
@click.option("--near", metavar="LAT,LON,KM", help="Events located within KM of a point.")
@click.option("--include-negated", is_flag=True, help="Also list events the text denies.")
@click.option("--limit", type=click.IntRange(min=0), default=100, show_default=True,
              help="At most this many events (0: all).")
@click.option("--offset", type=click.IntRange(min=0), default=0, help="Skip this many first.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table",
              show_default=True)
def events(db: str, limit: int, offset: int, fmt: str, **kw: Any) -> None:
    """List stored events, newest first, filtered.

    Codes match as prefixes. An event's day is its own date (a month or year counts from its
    first day), or the publication date when the text gives none.

    \b
    Examples:
      eventwire events --db voa.duckdb --actor USA --type ASSAULT --since 2024-01-01
      eventwire events --db voa.duckdb --near 35.33,40.14,50 --format csv > deir_ez_zor.csv
    """
    from eventwire.store.query import COLUMNS, EventFilter, count_events, find_events, parse_near

    flt = EventFilter(
        actor=kw["actor"], source=kw["source"], target=kw["target"], type=kw["plover_type"],
        cameo=kw["cameo"], since=_day(kw["since"]), until=_day(kw["until"]), country=kw["country"],
        near=parse_near(kw["near"]) if kw["near"] else None,
        include_negated=kw["include_negated"])
    with open_store(db, read_only=True) as store:
        rows = find_events(store, flt, limit=limit or None, offset=offset)
        total = count_events(store, flt)
    if fmt == "json":
        click.echo(json.dumps(rows, default=str, indent=1))
    elif fmt == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=list(COLUMNS))
        writer.writeheader()
        writer.writerows(rows)
    else:
        click.echo(render_events(rows), nl=False)
        click.echo(f"{len(rows)} of {total} matching events", err=True)


@cli.command()
@click.option("--db", default=DEFAULT_DB, show_default=True, help="DuckDB store file.")
@click.option("--format", "fmt", type=click.Choice(["parquet", "csv", "jsonl", "gdelt", "plover"]),
              required=True, help="parquet/csv/jsonl: every event column; gdelt: GDELT 2.0 event "
              "TSV (61 columns, no header); plover: PLOVER/POLECAT-style JSON lines.")
@click.option("--out", required=True, type=click.Path(dir_okay=False), help="File to write.")
@click.option("--pipeline-version", help="Export this pipeline version's events (default: the newest).")
def export(db: str, fmt: str, out: str, pipeline_version: str | None) -> None:
    """Export the stored events to a file, streaming (constant memory at any size).

    \b
    Examples:
      eventwire export --db voa.duckdb --format parquet --out events.parquet
      eventwire export --db voa.duckdb --format gdelt --out events.tsv
    """
    from eventwire.store.export import export_events

    with open_store(db, read_only=True) as store:
        n = export_events(store, fmt, out, pipeline_version)
    click.echo(f"{n} events written to {out} ({fmt})", err=True)


@cli.command()
@click.option("--db", default=DEFAULT_DB, show_default=True, help="DuckDB store file.")
@click.option("--rebuild", is_flag=True, help="Forget the clusters and cluster every event again.")
def dedup(db: str, rebuild: bool) -> None:
    """Group the stored events that report the same real-world event (ingest does this for
    each new batch; run it after changing the rules or with --rebuild).

    The clusters are in the tables event_clusters and event_cluster_members.
    """
    from eventwire.store.dedup import update_clusters

    with open_store(db) as store:
        d = update_clusters(store, rebuild=rebuild)
        total = store.con.execute("SELECT count(*) FROM event_clusters").fetchone()
    click.echo(f"{d.events} events clustered: {d.clusters_new} new clusters, {d.clusters_grown} "
               f"grown; {total[0] if total else 0} real-world events in {db}", err=True)



@cli.command()
@click.option("--db", default=DEFAULT_DB, show_default=True, help="DuckDB store file.")
@click.option("--dyad", required=True, metavar="A:B", help="Two actor code prefixes, e.g. USA:RUS.")
@click.option("--by", type=click.Choice(["day", "week", "month"]), default="month", show_default=True)
@click.option("--directed", is_flag=True, help="Only A acting on B (default: both ways).")
@click.option("--since", metavar="YYYY-MM-DD")
@click.option("--until", metavar="YYYY-MM-DD")
@click.option("--chart", type=click.Path(dir_okay=False), help="Also draw the trend to this SVG file.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table",
              show_default=True)
def trend(db: str, dyad: str, by: str, directed: bool, since: str | None, until: str | None,
          chart: str | None, fmt: str) -> None:
    """Events between two actors over time: counts by quad class, summed and mean Goldstein.

    \b
    Example:
      eventwire trend --db voa.duckdb --dyad USA:RUS --by month --chart usa_rus.svg
    """
    from eventwire.analytics import QUADS, parse_dyad
    from eventwire.analytics import trend as dyad_trend
    from eventwire.analytics.svg import trend_svg

    pair = parse_dyad(dyad)
    with open_store(db, read_only=True) as store:
        rows = dyad_trend(store, pair, by, directed, _day(since), _day(until))  # type: ignore[arg-type]
    names = ["period", *(f"q{q}" for q in QUADS), "events", "goldstein_sum", "goldstein_mean"]
    table = [(r.period.isoformat(), *(r.counts[q] for q in QUADS), r.total, r.goldstein_sum,
              r.goldstein_mean) for r in rows]
    if fmt == "json":
        click.echo(json.dumps([dict(zip(names, t, strict=True)) for t in table], indent=1))
    elif fmt == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(names)
        writer.writerows(table)
    else:
        click.echo(render_rows(names, table), nl=False)
    if chart:
        arrow = "->" if directed else "<->"
        Path(chart).write_text(trend_svg(rows, f"{pair[0]} {arrow} {pair[1]}: events per {by}", by),
                               encoding="utf-8")
        click.echo(f"chart written to {chart}", err=True)


@cli.command()
@click.option("--db", default=DEFAULT_DB, show_default=True, help="DuckDB store file.")
@click.option("--since", metavar="YYYY-MM-DD")
@click.option("--until", metavar="YYYY-MM-DD")
@click.option("--min-count", type=click.IntRange(min=1), default=1, show_default=True,
              help="Leave out actor pairs with fewer events.")
@click.option("--top", type=click.IntRange(min=2), default=40, show_default=True,
              help="Keep the busiest actors only.")
@click.option("--chart", type=click.Path(dir_okay=False), help="Draw the network to this SVG file.")
@click.option("--graphml", type=click.Path(dir_okay=False), help="Write the network as GraphML.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True)
def network(db: str, since: str | None, until: str | None, min_count: int, top: int,
            chart: str | None, graphml: str | None, fmt: str) -> None:
    """Who acts on whom: actor-to-actor edges weighted by event count and mean Goldstein.

    \b
    Example:
      eventwire network --db voa.duckdb --since 2024-01-01 --chart net.svg --graphml net.graphml
    """
    from eventwire.analytics import graphml as to_graphml
    from eventwire.analytics import network as actor_network
    from eventwire.analytics.svg import network_svg

    with open_store(db, read_only=True) as store:
        nodes, edges = actor_network(store, _day(since), _day(until), min_count, top)
    if fmt == "json":
        click.echo(json.dumps({"nodes": [{"id": c, "events": n} for c, n in nodes],
                               "edges": [dataclasses.asdict(e) for e in edges]}, indent=1))
    else:
        click.echo(render_rows(["source", "target", "events", "goldstein_mean"],
                               [(e.source, e.target, e.count, e.goldstein_mean) for e in edges]),
                   nl=False)
    if chart:
        Path(chart).write_text(network_svg(nodes, edges, "Who acts on whom"), encoding="utf-8")
        click.echo(f"chart written to {chart}", err=True)
    if graphml:
        Path(graphml).write_text(to_graphml(nodes, edges), encoding="utf-8")
        click.echo(f"GraphML written to {graphml}", err=True)


@cli.command("map")
@click.option("--db", default=DEFAULT_DB, show_default=True, help="DuckDB store file.")
@click.option("--since", metavar="YYYY-MM-DD")
@click.option("--until", metavar="YYYY-MM-DD")
@click.option("--type", "plover_type", metavar="PLOVER", help="Only events of this PLOVER type.")
@click.option("--out", default="events_map.svg", show_default=True, type=click.Path(dir_okay=False),
              help="SVG file to write.")
def map_command(db: str, since: str | None, until: str | None, plover_type: str | None,
                out: str) -> None:
    """Draw the located events on a world map (offline: the land is drawn from GeoNames data
    that ships with eventwire's dependencies).

    \b
    Example:
      eventwire map --db voa.duckdb --type ASSAULT --out assaults.svg
    """
    from eventwire.analytics import map_points
    from eventwire.analytics.svg import map_svg

    with open_store(db, read_only=True) as store:
        points = map_points(store, _day(since), _day(until), plover_type)
    title = f"{plover_type.upper() if plover_type else 'All'} events by place"
    Path(out).write_text(map_svg(points, title), encoding="utf-8")
    click.echo(f"{sum(p.count for p in points)} located events at {len(points)} places drawn to {out}",
               err=True)


@cli.command()
@click.argument("query")
@click.option("--db", default=DEFAULT_DB, show_default=True, help="DuckDB store file.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table",
              show_default=True)
def sql(query: str, db: str, fmt: str) -> None:
    """Run one SQL query on the store, opened read-only (the schema is in the README).

    \b
    Example:
      eventwire sql --db voa.duckdb "SELECT plover_type, count(*) FROM events GROUP BY 1"
    """
    from eventwire.store.query import read_only_sql

    names, rows = read_only_sql(db, query)
    if fmt == "json":
        click.echo(json.dumps([dict(zip(names, r, strict=True)) for r in rows], default=str, indent=1))
    elif fmt == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(names)
        writer.writerows(rows)
    else:
        click.echo(render_rows(names, rows), nl=False)


@cli.command()
@click.option("--db", default=DEFAULT_DB, show_default=True,
              help="DuckDB store to serve (opened read-only; created empty if missing).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. The default is this machine only; 0.0.0.0 opens it "
                   "to the network.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--max-body", default=None, type=click.IntRange(1024), metavar="BYTES",
              help="Largest request body accepted; larger ones get 413.  [default: 2 MiB]")
def serve(db: str, host: str, port: int, max_body: int | None) -> None:
    """Serve the web UI and the REST API over a store.

    \b
    Pages: /            paste or upload an article and see it annotated
           /events      browse and filter the stored events
           /dashboard   dyad trend, actor network, map, top actors and types
    API:   /v1/...      JSON; the OpenAPI documentation is at /docs

    \b
    Example:
      eventwire serve --db eventwire.duckdb --port 8000
    """
    import uvicorn

    from eventwire.web import MAX_BODY_BYTES, create_app

    app = create_app(db, max_body=max_body or MAX_BODY_BYTES)
    click.echo(f"eventwire is serving {db} at http://{host}:{port}/  (API docs: /docs; "
               "Ctrl-C stops it)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


@cli.command()
@click.option("--db", default=DEFAULT_DB, show_default=True, help="DuckDB store file.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True)
def stats(db: str, fmt: str) -> None:
    """Summarise a store: articles by status and reason, records per table, date range."""
    with open_store(db, read_only=True) as store:
        summary = store.stats()
    click.echo(json.dumps(summary, indent=2) if fmt == "json" else render_stats(summary), nl=False)


@cli.command()
@click.argument("text")
@click.option("--published", metavar="YYYY-MM-DD",
              help="The text's date: people are coded by the office they held then.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True)
@_actors_option
def actors(text: str, published: str | None, fmt: str, actor_files: tuple[str, ...]) -> None:
    """Show the actor mentions found in TEXT (or - to read the text from stdin).

    \b
    Example:
      eventwire actors "Russia's U.N. Ambassador Vitaly Churkin met Syrian officials."
    """
    if text == "-":
        text = sys.stdin.read()
    options = Options(actor_files=actor_files, check_language=False)
    result = code_text(text, options, published=parse_date(published) if published else None)
    if fmt == "json":
        for m in result.mentions:
            click.echo(json.dumps(dataclasses.asdict(m), ensure_ascii=False))
        return
    click.echo(render_mentions(result.mentions), nl=False)


@cli.command()
@click.argument("text")
@click.option("--published", help="The article's date (YYYY-MM-DD), for dated actor codes.")
@_actors_option
@_dictionary_options
def explain(text: str, published: str | None, **kw: Any) -> None:
    """Show how TEXT is coded: the parse, the actors, which event rule fired for each verb or
    why none did, and the events.

    \b
    Example:
      eventwire explain "Russia accused the United States of shielding Islamic State."
    """
    from eventwire.nlp import load
    from eventwire.pipeline import code_doc
    from eventwire.stages import load_resources
    from eventwire.stages.events import find_events

    if text == "-":
        text = sys.stdin.read()
    options = _with_dictionaries(Options(check_language=False), kw)
    nlp = load(options.model)
    resources = load_resources(options, nlp)
    article = read_text(text, options, published=parse_date(published) if published else None)
    doc = nlp(article.text)
    result = code_doc(doc, article, resources)
    click.echo("parse:")
    for t in doc:
        click.echo(f"  {t.i:>3} {t.text:<16} {t.lemma_:<14} {t.pos_:<6} {t.dep_:<10} -> {t.head.i}")
    click.echo("actors:")
    click.echo(render_mentions(result.mentions), nl=False)
    click.echo("verbs:")
    trace: list[str] = []
    find_events(doc, article, result.mentions, resources.event_lexicon, resources.gazetteer, trace,
                actor_lexicon=resources.actor_matcher.lexicon)
    for line in trace:
        click.echo(f"  {line}")
    click.echo("events:")
    for e in result.events:
        flags = [k for k, v in dataclasses.asdict(e.modality).items() if v]
        click.echo(f"  {e.cameo.code} {e.plover.type or '-'} "
                   f"{e.source.code if e.source else None} -> {e.target.code if e.target else None} "
                   f"[{e.trigger.text}] {' '.join(flags)}")


@cli.group("eval")
def evaluate() -> None:
    """Measure eventwire against annotated data."""


@evaluate.command("actors")
@click.option("--misses", type=int, default=20, show_default=True,
              help="How many disagreements to list.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True)
def eval_actors(misses: int, fmt: str) -> None:
    """Score actor mentions (resolved code) on the annotated sample corpus and cases."""
    from eventwire.evaluation.actors import evaluate as run_eval
    from eventwire.evaluation.actors import load_gold

    total, by_topic, wrong = run_eval(load_gold())
    if fmt == "json":
        click.echo(json.dumps({"overall": total.as_dict(),
                               "by_topic": {k: v.as_dict() for k, v in sorted(by_topic.items())},
                               "misses": [dataclasses.asdict(m) for m in wrong]}, indent=2))
        return
    click.echo(render_scores(total, by_topic), nl=False)
    for m in wrong[:misses]:
        other = f" (other side: {m.other})" if m.other else ""
        click.echo(f"  {m.kind:<14} {m.doc:<12} {m.text!r} {m.code}{other}")


@evaluate.command("golden")
@click.option("--misses", type=int, default=20, show_default=True,
              help="How many disagreements to list.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True)
def eval_golden(misses: int, fmt: str) -> None:
    """Score events on the golden set (the sample stories' annotated events).

    "full" matches an event's PLOVER type (STATEMENT/APPEAL for CAMEO 01x/02x), source and
    target codes in the same sentence; "type" matches the type alone. Rows per type are full
    matches.
    """
    from eventwire.evaluation.events import evaluate as run_eval
    from eventwire.evaluation.events import load_golden

    scores, wrong = run_eval(load_golden())
    if fmt == "json":
        click.echo(json.dumps({"full": scores.full.as_dict(), "type": scores.typed.as_dict(),
                               "by_type": {k: v.as_dict() for k, v in sorted(scores.by_label.items())},
                               "by_set": {k: v.as_dict() for k, v in sorted(scores.by_set.items())},
                               "dates": scores.dates.as_dict(),
                               "locations": scores.locations.as_dict(),
                               "misses": [dataclasses.asdict(m) for m in wrong]}, indent=2))
        return
    click.echo(render_scores(scores.full, {"type only": scores.typed, **scores.by_set}), nl=False)
    click.echo("on the full matches (P: of the dates/places given, R: of those annotated):")
    for name, sc in (("date", scores.dates), ("location", scores.locations)):
        click.echo(f"  {name:<9} given {sc.predicted:>4}  annotated {sc.gold:>4}  same {sc.matched:>4}"
                   f"  P {sc.precision:.3f}  R {sc.recall:.3f}")
    click.echo("full matches per type:")
    click.echo(render_scores(scores.full, scores.by_label).split("\n", 2)[2], nl=False)
    for m in wrong[:misses]:
        click.echo(f"  {m.kind:<14} {m.doc:<11} {m.label:<10} {m.source}->{m.target} "
                   f"[{m.trigger}] {m.sentence[:90]!r}")


@evaluate.command("petrarch-suite")
@click.argument("suite", type=click.Path(exists=True, dir_okay=False))
@click.option("--category", "categories", multiple=True,
              help="Run only this category (DEMO, SYNSET, ...). Repeatable.")
@click.option("--show", type=click.Choice(["failed", "all", "none"]), default="failed",
              show_default=True, help="Which records to list with their codings.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True)
def eval_petrarch_suite(suite: str, categories: tuple[str, ...], show: str, fmt: str) -> None:
    """Run PETRARCH2's unit-test suite (PETR.UnitTest.records.xml) with the dictionaries its
    <Environment> names, read from beside it.

    Each record's text is parsed by spaCy (the embedded CoreNLP parses are not used) and coded
    with the record's date. A record passes when its codings (source, target, event) are
    exactly the expected ones, or none where it expects no events. Records marked
    sentence="false" and those expecting an error condition are not scored.

    \b
    Example:
      eventwire eval petrarch-suite ../shared/data/petrarch_validation/PETR.UnitTest.records.xml
    """
    from eventwire.evaluation.petrarch_suite import read_suite, run_suite, suite_options

    loaded = read_suite(suite)
    report = run_suite(loaded, suite_options(loaded), categories=categories)

    def fmt_codings(codings: Any) -> str:
        return ", ".join(f"{c.source}>{c.target}:{c.event}" for c in sorted(
            codings, key=lambda c: (c.event, c.source, c.target))) or "(none)"

    if fmt == "json":
        click.echo(json.dumps({
            "passed": report.passed, "records": len(report.results), "rate": round(report.rate, 4),
            "by_category": {k: {"passed": p, "records": n} for k, (p, n) in report.by_category().items()},
            "records_detail": [{"id": r.record.id, "category": r.record.category, "passed": r.passed,
                                "expected": fmt_codings(r.record.expected), "got": fmt_codings(r.got)}
                               for r in report.results]}, indent=2))
        return
    for r in report.results:
        if show == "all" or (show == "failed" and not r.passed):
            click.echo(f"{'PASS' if r.passed else 'FAIL'} {r.record.id:<20} {r.record.text[:90]}")
            if not r.passed:
                click.echo(f"     expected {fmt_codings(r.record.expected)}")
                click.echo(f"     got      {fmt_codings(r.got)}")
    click.echo(f"{'category':<12}{'passed':>8}{'records':>9}{'rate':>8}")
    for category, (passed, n) in report.by_category().items():
        click.echo(f"{category:<12}{passed:>8}{n:>9}{passed / n:>8.3f}")
    click.echo(f"{'all':<12}{report.passed:>8}{len(report.results):>9}{report.rate:>8.3f}")


@evaluate.command("quotes")
@click.option("--set", "sets", type=click.Choice(["stories", "heldout"]), multiple=True,
              help="Score only these annotated sets (repeatable; default: all).")
@click.option("--misses", type=int, default=20, show_default=True,
              help="How many wrong speakers to list.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True)
def eval_quotes(sets: tuple[str, ...], misses: int, fmt: str) -> None:
    """Score quotes: content spans (character F1 per kind) and speakers (accuracy on the
    gold quotes: same full name for named people, same actor code otherwise)."""
    from eventwire.evaluation.quotes import evaluate as run_eval
    from eventwire.evaluation.quotes import load_gold

    docs = [d for d in load_gold() if not sets or d.topic in sets]
    scores, wrong = run_eval(docs)
    if fmt == "json":
        click.echo(json.dumps({
            "span": {"all": scores.span_total.as_dict(),
                     **{k: v.as_dict() for k, v in sorted(scores.span.items())}},
            "speaker_accuracy": {k: {"quotes": v.gold, "right": v.matched,
                                     "accuracy": round(v.recall, 4)}
                                 for k, v in sorted(scores.speakers.items())},
            "direct_speaker_accuracy_by_set": {k: round(v.recall, 4)
                                               for k, v in sorted(scores.by_set.items())},
            "misses": [dataclasses.asdict(m) for m in wrong]}, indent=2))
        return
    click.echo("content spans (characters)")
    click.echo(render_scores(scores.span_total, scores.span), nl=False)
    click.echo("\nspeaker accuracy      quotes   right  accuracy")
    rows = [*((f"{k} quotes", v) for k, v in sorted(scores.speakers.items())),
            *((f"  direct, {k}", v) for k, v in sorted(scores.by_set.items()))]
    for name, v in rows:
        click.echo(f"{name:<20}{v.gold:>8}{v.matched:>8}{v.recall:>10.3f}")
    for m in wrong[:misses]:
        click.echo(f"  {m.doc:<10} {m.text[:70]!r} gold={m.gold} predicted={m.predicted}")


@evaluate.command("times")
@click.option("--set", "sets", type=click.Choice(["stories", "cases", "heldout"]), multiple=True,
              help="Score only these annotated sets (repeatable; default: all).")
@click.option("--misses", type=int, default=20, show_default=True,
              help="How many wrong values to list.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True)
def eval_times(sets: tuple[str, ...], misses: int, fmt: str) -> None:
    """Score time expressions: value accuracy (same value and precision as the annotation;
    null annotations must stay null) and detection precision."""
    from eventwire.evaluation.times import evaluate as run_eval
    from eventwire.evaluation.times import load_gold

    def wanted(topic: str) -> bool:
        return not sets or ("cases" if topic.startswith("case") else topic) in sets

    scores, wrong = run_eval([d for d in load_gold() if wanted(d.topic)])
    if fmt == "json":
        click.echo(json.dumps({
            "accuracy": round(scores.accuracy.recall, 4), "expressions": scores.accuracy.gold,
            "detection": scores.detection.as_dict(),
            "by_set": {k: {"expressions": v.gold, "accuracy": round(v.recall, 4)}
                       for k, v in sorted(scores.by_set.items())},
            "misses": [{**dataclasses.asdict(m), "published": m.published.isoformat()}
                       for m in wrong]}, indent=2))
        return
    click.echo(f"{'set':<26}{'expressions':>12}{'right':>8}{'accuracy':>10}")
    for name, v in [("overall", scores.accuracy), *sorted(scores.by_set.items())]:
        click.echo(f"{name:<26}{v.gold:>12}{v.matched:>8}{v.recall:>10.3f}")
    d = scores.detection
    click.echo(f"detection: {d.predicted} expressions found, {d.matched} on an annotated one "
               f"(precision {d.precision:.3f})")
    for m in wrong[:misses]:
        click.echo(f"  {m.doc:<11} published {m.published}  {m.text!r}: gold {m.gold}, "
                   f"predicted {m.predicted}")


@evaluate.command("dedup")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True)
def eval_dedup(fmt: str) -> None:
    """Score deduplication on the labelled event pairs: pairwise precision, recall and F1 of
    "same real-world event", accuracy per kind of pair, and the pairs it gets wrong."""
    from eventwire.evaluation.dedup import evaluate as run_eval

    total, by_kind, misses = run_eval()
    if fmt == "json":
        click.echo(json.dumps({"pairwise": total.as_dict(),
                               "by_kind": {k: v.as_dict() for k, v in sorted(by_kind.items())},
                               "misses": [dataclasses.asdict(m) for m in misses]}, indent=2))
        return
    click.echo(f"pairs labelled same: {total.gold}, said same: {total.predicted}, both: {total.matched}")
    click.echo(f"pairwise P {total.precision:.3f}  R {total.recall:.3f}  F1 {total.f1:.3f}")
    for m in misses:
        click.echo(f"  {m.id} [{m.kind}] {m.why}")


@cli.command()
def version() -> None:
    """Print eventwire's version and its pipeline version."""
    click.echo(f"eventwire {__version__} (pipeline {PIPELINE_VERSION})")


def main() -> None:
    cli(prog_name="eventwire")
