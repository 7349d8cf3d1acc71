"""The store's tables, derived from the record dataclasses so the two cannot drift apart.

Nested records flatten into prefixed columns: ``Event.source.code`` is ``events.source_code``,
``Event.casualties.killed.count`` is ``events.casualties_killed_count``. Every child table
starts with ``article_id``, ``pipeline_version`` and ``n`` (the record's position in its
article).
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any, cast

from eventwire.records import Article, Event, Mention, OffsetMap, Place, Quote, TimeExpr

_SQL_TYPES: dict[Any, str] = {str: "VARCHAR", int: "BIGINT", float: "DOUBLE", bool: "BOOLEAN",
                              date: "DATE", OffsetMap: "VARCHAR"}


@dataclass(frozen=True)
class Column:
    name: str
    sql_type: str
    path: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    name: str
    record: type[Any]
    columns: tuple[Column, ...]

    def ddl(self) -> str:
        if self.name == "articles":
            keys = "id VARCHAR NOT NULL, pipeline_version VARCHAR NOT NULL"
            rest = [c for c in self.columns if c.name != "id"]
            extra = ", ingested_at TIMESTAMP DEFAULT current_timestamp, "
            extra += "PRIMARY KEY (id, pipeline_version)"
        else:
            keys = "article_id VARCHAR NOT NULL, pipeline_version VARCHAR NOT NULL, n INTEGER NOT NULL"
            rest = list(self.columns)
            extra = ""
        cols = ", ".join(f'"{c.name}" {c.sql_type}' for c in rest)
        return f"CREATE TABLE IF NOT EXISTS {self.name} ({keys}, {cols}{extra})"


def _unwrap_optional(tp: Any) -> tuple[Any, bool]:
    args = typing.get_args(tp)
    if typing.get_origin(tp) in (typing.Union, types.UnionType) and type(None) in args:
        rest = [a for a in args if a is not type(None)]
        return rest[0], True
    return tp, False


def _sql_type(tp: Any) -> str:
    if typing.get_origin(tp) is typing.Literal:
        return "VARCHAR"
    if typing.get_origin(tp) is tuple:
        return f"{_sql_type(typing.get_args(tp)[0])}[]"
    return _SQL_TYPES[tp]


def _columns(cls: type[Any], prefix: tuple[str, ...] = ()) -> list[Column]:
    hints = typing.get_type_hints(cls)
    cols: list[Column] = []
    for f in dataclasses.fields(cls):
        tp, _ = _unwrap_optional(hints[f.name])
        path = (*prefix, f.name)
        if dataclasses.is_dataclass(tp) and tp is not OffsetMap:
            cols.extend(_columns(typing.cast(type[Any], tp), path))
        else:
            cols.append(Column("_".join(path), _sql_type(tp), path))
    return cols


@cache
def tables() -> dict[str, Table]:
    """Every table of the store, by name."""
    specs = {"articles": Article, "events": Event, "quotes": Quote, "mentions": Mention,
             "places": Place, "times": TimeExpr}
    return {name: Table(name, cls, tuple(_columns(cls))) for name, cls in specs.items()}


def to_row(table: Table, record: Any) -> list[Any]:
    """The record's values in column order (nested records flattened)."""
    return list(row_function(table.name)(record))


@cache
def row_function(name: str) -> Callable[[Any], tuple[Any, ...]]:
    """A function flattening one record of table ``name`` into a tuple, compiled once: each
    nested record is fetched once into a local, and read through only when it is present.
    Generated, because it runs for every stored record and a generic walk over the column
    paths costs several times more."""
    table = tables()[name]
    local: dict[tuple[str, ...], str] = {(): "r"}
    lines = ["def flatten(r):"]

    def ref(path: tuple[str, ...]) -> str:
        if path not in local:
            parent = ref(path[:-1])
            var = f"v{len(local)}"
            guard = f"None if {parent} is None else " if _nullable(table.record, path[:-1]) else ""
            lines.append(f"    {var} = {guard}{parent}.{path[-1]}")
            local[path] = var
        return local[path]

    parts = []
    for col in table.columns:
        owner = ref(col.path[:-1])
        value = f"{owner}.{col.path[-1]}"
        if owner != "r" and _nullable(table.record, col.path[:-1]):
            value = f"(None if {owner} is None else {value})"
        if col.sql_type == "VARCHAR" and col.path[-1] == "offset_map":
            value = f"_segments({value})"
        elif col.sql_type.endswith("[]"):
            value = f"_listed({value})"
        parts.append(value)
    lines.append(f"    return ({', '.join(parts)},)")
    namespace: dict[str, Any] = {"_segments": _segments, "_listed": _listed}
    exec(compile("\n".join(lines) + "\n", f"<flatten {name}>", "exec"), namespace)
    return cast(Callable[[Any], tuple[Any, ...]], namespace["flatten"])


def arrow_table(name: str, records: Sequence[Any]) -> Any:
    """Records of table ``name`` as a ``pyarrow.Table`` with the table's column names and
    types, for bulk writes: each record is flattened by the compiled ``row_function`` into a
    tuple, and Arrow converts the tuples as one struct array in C++ (no transposing in Python,
    no type inference)."""
    import pyarrow as pa

    flatten = row_function(name)
    struct = pa.struct([pa.field(c.name, arrow_type(c.sql_type)) for c in tables()[name].columns])
    return pa.Table.from_struct_array(pa.array(list(map(flatten, records)), type=struct))


def arrow_type(sql_type: str) -> Any:
    """The Arrow type of a column's SQL type."""
    import pyarrow as pa

    if sql_type.endswith("[]"):
        return pa.list_(arrow_type(sql_type[:-2]))
    return {"VARCHAR": pa.string(), "BIGINT": pa.int64(), "INTEGER": pa.int32(),
            "DOUBLE": pa.float64(), "BOOLEAN": pa.bool_(), "DATE": pa.date32()}[sql_type]


def _nullable(cls: type[Any], path: tuple[str, ...]) -> bool:
    """Whether any record along ``path`` (below ``cls``) may be None."""
    for part in path:
        cls, optional = _unwrap_optional(typing.get_type_hints(cls)[part])
        if optional:
            return True
    return False


def _segments(value: OffsetMap | None) -> str | None:
    return None if value is None else json.dumps(value.segments, separators=(",", ":"))


def _listed(value: tuple[Any, ...] | None) -> list[Any] | None:
    return None if value is None else list(value)


def from_row(table: Table, values: dict[str, Any]) -> Any:
    """Rebuild a record from a row keyed by column name."""
    return _build(table.record, (), values)


def _build(cls: type[Any], prefix: tuple[str, ...], values: dict[str, Any]) -> Any:
    hints = typing.get_type_hints(cls)
    kwargs: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        tp, optional = _unwrap_optional(hints[f.name])
        path = (*prefix, f.name)
        if tp is OffsetMap:
            raw = values.get("_".join(path))
            kwargs[f.name] = OffsetMap(tuple(tuple(s) for s in json.loads(raw or "[]")))
        elif dataclasses.is_dataclass(tp):
            names = [c.name for c in _columns(typing.cast(type[Any], tp), path)]
            if optional and all(values.get(n) is None for n in names):
                kwargs[f.name] = None
            else:
                kwargs[f.name] = _build(typing.cast(type[Any], tp), path, values)
        else:
            value = values.get("_".join(path))
            if typing.get_origin(tp) is tuple:
                value = tuple(value or ())
            kwargs[f.name] = value
    return cls(**kwargs)
