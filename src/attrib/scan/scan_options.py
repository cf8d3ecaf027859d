"""What a scan was asked to do, as typed values: built once by the command line."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any

from ..ingest import MAX_BYTES

PARTITION_SIZE = 500  # documents per partition: about 10 s of work on one core for news articles


class TableFormat(StrEnum):
    PARQUET = "parquet"
    JSONL = "jsonl"


@dataclass(frozen=True, slots=True)
class Fields:
    """The field names of a JSON Lines input (``--field text=body`` renames one)."""

    id: str = "id"
    text: str = "text"
    html: str = "html"
    url: str = "url"
    outlet: str = "outlet"
    date: str = "date"
    title: str = "title"


@dataclass(frozen=True, slots=True)
class Where:
    """Where the partitions run: a local process pool (the default), a Dask LocalCluster
    of ``workers`` processes, or an existing Dask cluster at ``scheduler``."""

    processes: int | None = None  # the local pool's size (default: the cores)
    workers: int | None = None  # --workers N
    scheduler: str | None = None  # --scheduler ADDRESS


@dataclass(frozen=True, slots=True)
class ScanOptions:
    inputs: tuple[str, ...]
    output: str
    table_format: TableFormat = TableFormat.PARQUET
    partition_size: int = PARTITION_SIZE
    max_bytes: int = MAX_BYTES  # a document larger than this goes to the errors table
    fields: Fields = field(default_factory=Fields)
    where: Where = field(default_factory=Where)
    resume: bool = False
    rule_dirs: tuple[str, ...] = ()
    config: str | None = None
    clusters: bool = True  # quote clusters and the corpus report after the partitions

    def identity(self) -> dict[str, Any]:
        """What must not change between a scan and its ``--resume``: anything that
        changes which document lands in which partition, or what a row holds."""
        return {"inputs": list(self.inputs), "table_format": self.table_format.value,
                "partition_size": self.partition_size, "max_bytes": self.max_bytes,
                "fields": asdict(self.fields), "rules": list(self.rule_dirs), "config": self.config}
