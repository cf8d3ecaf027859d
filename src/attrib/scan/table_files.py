"""The scan's tables on disk: one folder per table, one file per partition
(``statements/part-00007.parquet``), which DuckDB (``'out/statements/*.parquet'``) and
pandas (``read_parquet('out/statements')``) read as one table.

A partition's files are written under hidden temporary names (a leading dot, which
pyarrow, pandas and DuckDB's ``*.parquet`` all pass over) and renamed into place only
when the whole partition is done, so a crash leaves no half-written file where a reader
looks. Rows are flushed in row groups as they come, so a partition of any size costs the
same memory.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq

from ..errors import OutputError
from .scan_options import TableFormat
from .table_rows import COLUMNS

ROW_GROUP = 20_000  # rows buffered before they are written out

_TYPES = {"string": pa.string(), "int32": pa.int32(), "float64": pa.float64(), "date32": pa.date32(),
          "list<string>": pa.list_(pa.string())}


def schema(columns: Sequence[tuple[str, str]]) -> pa.Schema:
    return pa.schema([pa.field(name, _TYPES[kind]) for name, kind in columns])


SCHEMAS = {name: schema(cols) for name, cols in COLUMNS.items()}


def suffix(fmt: TableFormat) -> str:
    return ".parquet" if fmt is TableFormat.PARQUET else ".jsonl"


def _json_default(value: object) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


class _TableFile:
    """One table's file for one partition, written to a temporary name first."""

    def __init__(self, final: Path, fmt: TableFormat, table_schema: pa.Schema):
        self.final, self.fmt, self.schema = final, fmt, table_schema
        final.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{final.name}.", suffix=".tmp", dir=final.parent)
        self.tmp = Path(tmp)
        self.rows: list[dict[str, Any]] = []
        self.parquet: pq.ParquetWriter | None = None
        self.text: IO[str] | None = None
        if fmt is TableFormat.PARQUET:
            os.close(fd)
            self.parquet = pq.ParquetWriter(self.tmp, table_schema, compression="zstd")
        else:
            self.text = os.fdopen(fd, "w", encoding="utf-8")

    def add(self, rows: Sequence[dict[str, Any]]) -> None:
        if self.text is not None:
            for row in rows:
                self.text.write(json.dumps(row, ensure_ascii=False, default=_json_default) + "\n")
            return
        self.rows.extend(rows)
        if len(self.rows) >= ROW_GROUP:
            self._flush()

    def _flush(self) -> None:
        if self.parquet is not None and self.rows:
            self.parquet.write_table(pa.Table.from_pylist(self.rows, schema=self.schema))
            self.rows = []

    def close(self) -> None:
        if self.parquet is not None:
            self._flush()
            self.parquet.close()
        elif self.text is not None:
            self.text.flush()
            os.fsync(self.text.fileno())
            self.text.close()

    def discard(self) -> None:
        try:
            self.close()
        finally:
            self.tmp.unlink(missing_ok=True)


class PartitionFiles:
    """Every table's file for one partition: ``add`` rows, then ``commit`` renames them
    all into place (or ``discard`` drops them)."""

    def __init__(self, out: Path, part: str, fmt: TableFormat, tables: Sequence[str] = tuple(COLUMNS)):
        try:
            self.files = {t: _TableFile(out / t / f"{part}{suffix(fmt)}", fmt, SCHEMAS[t]) for t in tables}
        except OSError as exc:
            raise OutputError(f"{out}: cannot write the tables ({exc.strerror})") from None

    def add(self, table: str, rows: Sequence[dict[str, Any]]) -> None:
        if rows:
            self.files[table].add(rows)

    def commit(self) -> None:
        for f in self.files.values():
            f.close()
        for f in self.files.values():
            os.replace(f.tmp, f.final)

    def discard(self) -> None:
        for f in self.files.values():
            f.discard()


def write_table(path: Path, fmt: TableFormat, table_schema: pa.Schema, rows: Sequence[dict[str, Any]]) -> None:
    """A whole table in one file, atomically (the quote clusters)."""
    f = _TableFile(path, fmt, table_schema)
    try:
        f.add(rows)
        f.close()
        os.replace(f.tmp, f.final)
    except BaseException:
        f.tmp.unlink(missing_ok=True)
        raise


def read_table(out: Path, name: str, fmt: TableFormat, columns: Sequence[str] | None = None) -> pa.Table:
    """One table of a scan, every partition's file together (only ``columns``, if given)."""
    folder = out / name
    files = sorted(p for p in folder.glob(f"*{suffix(fmt)}") if not p.name.startswith("."))
    table_schema = SCHEMAS.get(name)
    if fmt is TableFormat.PARQUET:
        if not files:
            return _empty(table_schema, columns)
        return pq.read_table(files, columns=list(columns) if columns else None, schema=table_schema)
    import pyarrow.json as pj

    parts = []
    for f in files:
        if f.stat().st_size:
            opts = pj.ParseOptions(explicit_schema=table_schema) if table_schema is not None else None
            t = pj.read_json(f, parse_options=opts)
            parts.append(t.select(list(columns)) if columns else t)
    return pa.concat_tables(parts) if parts else _empty(table_schema, columns)


def _empty(table_schema: pa.Schema | None, columns: Sequence[str] | None) -> pa.Table:
    if table_schema is None:
        return pa.table({})
    t = table_schema.empty_table()
    return t.select(list(columns)) if columns else t


def leftovers(out: Path) -> list[Path]:
    """Temporary files a crashed run left behind."""
    return [p for p in out.glob("*/.*.tmp")]
