"""The ``attrib`` command line. Errors the user can fix are one line and exit 2.

Each command imports what it uses when it runs, so ``attrib --help`` and a check of a
plain-text file never load the HTTP client, the HTML extractor or the review screen."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from . import __version__
from .errors import AttribError, ExitCode, InputError

if TYPE_CHECKING:
    from .model import Severity
    from .request import CheckRequest

FORMATS = ("html", "json", "md", "text")
FIELDS = ("id", "text", "html", "url", "outlet", "date", "title")
LEVELS = ("info", "warning", "error")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        """One line and exit 2, like every other error."""
        self.exit(ExitCode.ERROR, f"attrib: error: {message} (see attrib --help)\n")


def _positive(kind: type[int] | type[float]) -> Callable[[str], float]:
    def parse(text: str) -> float:
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
        if not value > 0 or value == float("inf"):
            raise argparse.ArgumentTypeError(f"must be a finite number above zero: {text!r}")
        return value
    return parse


def _rules_and_config(p: argparse.ArgumentParser, config_help: str = "settings file") -> None:
    p.add_argument("--rules", action="append", default=[], metavar="DIR",
                   help="an extra directory of rule files (repeatable)")
    p.add_argument("--config", metavar="FILE", help=config_help)


def _coverage_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("fetching and coverage")
    g.add_argument("--coverage", action="append", default=[], metavar="URL_OR_FILE",
                   help="another outlet's report of the story, to check quotes against (repeatable)")
    g.add_argument("--coverage-dir", action="append", default=[], metavar="DIR",
                   help="a directory of saved coverage pages (.html, .htm, .txt)")
    g.add_argument("--discover", action="store_true",
                   help="search for other coverage (GDELT DOC 2.0 article list)")
    g.add_argument("--discover-endpoint", metavar="URL",
                   help="search endpoint (default: $ATTRIB_DISCOVER_ENDPOINT, config, or GDELT)")
    g.add_argument("--discover-max", type=_positive(int), default=20, metavar="N",
                   help="at most N discovered pages (default 20)")
    g.add_argument("--allow-private", action="store_true",
                   help="also fetch discovered URLs on loopback or private addresses")
    g.add_argument("--refresh", action="store_true", help="fetch again, ignoring the cache")
    g.add_argument("--timeout", type=_positive(float), default=10.0, metavar="SECONDS",
                   help="connect and read time-out per request (default 10)")
    g.add_argument("--jobs", type=_positive(int), default=4, metavar="N",
                   help="pages fetched at once (default 4)")


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="attrib", description="Find who said what in a news article, "
                "flag vague or missing sourcing, and check quotes against other coverage.")
    p.add_argument("--version", action="version", version=f"attrib {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    c = sub.add_parser("check", help="report on one article (a path, or - for stdin), or a table of several")
    c.add_argument("article", nargs="+", help="a .txt or .html file, an http(s) URL, or - to read standard "
                   "input; several, or a folder, give one row per article (or with --format json, one "
                   "report per line)")
    c.add_argument("--format", "-f", choices=sorted(FORMATS), default="text")
    c.add_argument("--output", "-o", metavar="FILE", help="write the report here (atomically)")
    _rules_and_config(c, "settings file (default: attrib.toml here, [tool.attrib] in "
                         "./pyproject.toml, or the user config directory)")
    _coverage_options(c)
    c.add_argument("--fail-on", choices=[*LEVELS, "never"], default=None, metavar="LEVEL",
                   help="exit 1 when a flag is at or above LEVEL (info, warning, error; "
                        "default: never, or fail-on in attrib.toml)")

    r = sub.add_parser("rules", help="list the flag rules, or check a rule pack")
    _rules_and_config(r)
    r.add_argument("--check", metavar="DIR", help="validate the rule files in DIR and run "
                   "their examples (exit 2: invalid, 1: an example fails)")

    e = sub.add_parser("extract", help="attributions of many documents, for corpus work")
    e.add_argument("inputs", nargs="+", metavar="FILE_OR_DIR",
                   help=".txt files, or directories searched for them")
    e.add_argument("--format", choices=["jsonl"], default="jsonl")
    e.add_argument("--output", "-o", metavar="FILE")
    _rules_and_config(e, "settings file (rule directories)")

    _scan_parser(sub)

    t = sub.add_parser("tui", help="review an article's findings in the terminal "
                       "(short form: attrib ARTICLE)")
    t.add_argument("article", help="a .txt or .html file, or an http(s) URL")
    _rules_and_config(t, "settings file, [tui] included (default: as for attrib check)")
    _coverage_options(t)  # coverage is then checked in the background
    return p


def _field(text: str) -> tuple[str, str]:
    name, sep, key = text.partition("=")
    if not sep or not key.strip() or name not in FIELDS:
        raise argparse.ArgumentTypeError(f"{text!r}: write NAME=KEY, NAME one of {', '.join(FIELDS)}")
    return name, key.strip()


def _scan_parser(sub: argparse._SubParsersAction) -> None:
    s = sub.add_parser("scan", help="a corpus: tables of statements, flags and quote clusters, and a report",
                       description="Check every article of a corpus (folders of .txt and .html, JSON Lines, "
                       "WARC) and write tables a researcher can query, quote clusters across the corpus "
                       "and an HTML report. Needs the scan extra: pip install \"attrib[scan]\".")
    s.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="a folder, or a .txt, .html, .jsonl or .warc(.gz) file")
    s.add_argument("--output", "-o", required=True, metavar="DIR", help="a new or empty folder for the tables")
    s.add_argument("--format", choices=["parquet", "jsonl"], default="parquet",
                   help="table files (default parquet)")
    s.add_argument("--resume", action="store_true", help="finish the scan in DIR: redo only unfinished partitions")
    where = s.add_mutually_exclusive_group()
    where.add_argument("--workers", type=_positive(int), metavar="N", help="start a Dask LocalCluster of N workers")
    where.add_argument("--scheduler", metavar="ADDRESS", help="use a running Dask cluster (tcp://host:8786)")
    where.add_argument("--processes", type=_positive(int), metavar="N",
                       help="size of the local process pool (default: the cores)")
    s.add_argument("--partition-size", type=_positive(int), default=500, metavar="N",
                   help="documents per partition (default 500)")
    s.add_argument("--max-bytes", type=_positive(int), default=10 * 1024 * 1024, metavar="N",
                   help="a larger document goes to the errors table (default 10 MiB)")
    s.add_argument("--field", action="append", type=_field, default=[], metavar="NAME=KEY",
                   help=f"a JSON Lines field name ({', '.join(FIELDS)}), e.g. --field text=body")
    s.add_argument("--no-clusters", action="store_true", help="skip quote clustering and the report")
    s.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="a live progress line (default: when stderr is a terminal)")
    _rules_and_config(s, "settings file (rules switched off, severities)")


def check_request(args: argparse.Namespace) -> CheckRequest:
    """The typed request behind ``check`` and ``tui``, built once from the arguments."""
    from .ingest.fetch_options import FetchOptions
    from .request import CheckRequest, CoverageWanted

    return CheckRequest(
        target=args.article, rule_dirs=tuple(args.rules), config=args.config,
        fetch=FetchOptions(timeout=args.timeout, refresh=args.refresh, allow_private=args.allow_private),
        coverage=CoverageWanted(tuple(args.coverage), tuple(args.coverage_dir), args.discover,
                                args.discover_endpoint, args.discover_max, args.jobs))


def warn(message: str) -> None:
    from .safety import clean

    print(f"attrib: warning: {' '.join(clean(message).split())}", file=sys.stderr)


def _write(output: str | None, rendered: str) -> None:
    from .files import write_atomic

    if output:
        write_atomic(output, rendered)
    else:
        sys.stdout.write(rendered)


def _fail_on(args: argparse.Namespace, settings_fail_on: Severity | None) -> Severity | None:
    from .model import Severity

    if args.fail_on is None:
        return settings_fail_on
    return None if args.fail_on == "never" else Severity(args.fail_on)


def cmd_check(args: argparse.Namespace) -> int:
    if len(args.article) > 1 or Path(args.article[0]).is_dir():
        return cmd_check_many(args)
    args.article = args.article[0]
    from .assess import at_or_above
    from .render import render
    from .request import prepare

    ready = prepare(check_request(args))
    for note in ready.notes:
        warn(note)
    report = ready.checker.check(ready.article, coverage=ready.coverage, on_note=warn)
    _write(args.output, render(report, args.format))
    fail_on = _fail_on(args, ready.settings.fail_on)
    return ExitCode.FINDINGS if fail_on is not None and at_or_above(report.flags, fail_on) else ExitCode.OK


def cmd_check_many(args: argparse.Namespace) -> int:
    """Several articles: one row each, or one JSON report per line."""
    from .checker import Checker
    from .files import atomic_open
    from .many_articles import MANY_FORMATS, check_many
    from .settings import load_settings

    if args.format not in MANY_FORMATS:
        raise AttribError(f"--format {args.format}: one article at a time; for several use text or json")
    if args.coverage or args.coverage_dir or args.discover:
        raise AttribError("coverage options take one article at a time")
    if "-" in args.article:
        raise AttribError("- (standard input) cannot be one of several articles")
    settings = load_settings(args.config)
    checker = Checker(args.rules, settings)
    fail_on = _fail_on(args, settings.fail_on)
    fmt = "json" if args.format == "json" else "text"
    if args.output:
        with atomic_open(args.output) as fh:
            return check_many(checker, args.article, fmt, fh, fail_on, warn)
    return check_many(checker, args.article, fmt, sys.stdout, fail_on, warn)


def cmd_scan(args: argparse.Namespace) -> int:
    from .scan import need_extra

    need_extra()  # one line naming what to install, before anything else is read
    from .scan.scan_options import Fields, ScanOptions, TableFormat, Where
    from .scan.scan_progress import ProgressLine, summary
    from .scan.scan_run import run_scan

    opts = ScanOptions(
        inputs=tuple(args.inputs), output=args.output, table_format=TableFormat(args.format),
        partition_size=args.partition_size, max_bytes=args.max_bytes, fields=Fields(**dict(args.field)),
        where=Where(processes=args.processes, workers=args.workers, scheduler=args.scheduler),
        resume=args.resume, rule_dirs=tuple(args.rules), config=args.config, clusters=not args.no_clusters)
    live = sys.stderr.isatty() if args.progress is None else args.progress
    line = ProgressLine(sys.stderr, live)
    try:
        result = run_scan(opts, line.update)
    except KeyboardInterrupt:
        line.end()
        print(f"attrib: interrupted: {line.partitions_done()}; run the same command with --resume "
              "to finish", file=sys.stderr)
        return ExitCode.INTERRUPTED
    line.end()
    sys.stdout.write(summary(result))
    return ExitCode.FINDINGS if result.errors else ExitCode.OK


def cmd_rules(args: argparse.Namespace) -> int:
    from .checker import Checker
    from .rule_listing import check_pack, list_rules
    from .settings import load_settings

    if args.check:
        out, code = check_pack(args.check)
        sys.stdout.write(out)
        return code
    sys.stdout.write(list_rules(Checker(args.rules, load_settings(args.config))))
    return ExitCode.OK


def _documents(inputs: Sequence[str]) -> Iterator[Path]:
    """The ``.txt`` documents named or found under the inputs. Their stems are the
    document ids of the scorer's format, so two files with one stem are refused."""
    seen: dict[str, Path] = {}
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            found = sorted(path.rglob("*.txt"))
        elif path.exists():
            if path.suffix != ".txt":
                raise InputError(f"{item}: extract reads plain-text .txt documents only "
                                 "(offsets must index the file as it is)")
            found = [path]
        else:
            raise InputError(f"{item}: no such file or directory")
        for doc in found:
            if doc.stem in seen and seen[doc.stem] != doc:
                raise InputError(f"{doc}: same document id {doc.stem!r} as {seen[doc.stem]}")
            seen[doc.stem] = doc
            yield doc


def cmd_extract(args: argparse.Namespace) -> int:
    """One JSON line per document, written as each is read: memory stays flat however
    large the corpus."""
    from .checker import Checker
    from .files import atomic_open
    from .render.scorer import scorer_line
    from .settings import load_settings

    checker = Checker(args.rules, load_settings(args.config))

    def run(out: TextIO) -> None:
        for path in _documents(args.inputs):
            out.write(scorer_line(path.stem, checker.extract(checker.read(path))) + "\n")

    if args.output:
        with atomic_open(args.output) as fh:
            run(fh)
    else:
        run(sys.stdout)
    return ExitCode.OK


def cmd_tui(args: argparse.Namespace) -> int:
    from .tui.launch import run_tui  # Textual is imported only when the UI is wanted

    return run_tui(check_request(args))


COMMANDS = {"check": cmd_check, "extract": cmd_extract, "rules": cmd_rules, "scan": cmd_scan, "tui": cmd_tui}


def _short_form(argv: list[str]) -> list[str]:
    """``attrib ARTICLE`` means ``attrib tui ARTICLE`` when ARTICLE is an existing file."""
    if argv and argv[0] not in COMMANDS and not argv[0].startswith("-") \
            and Path(argv[0]).is_file():
        return ["tui", *argv]
    return argv


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(_short_form(list(sys.argv[1:] if argv is None else argv)))
    if args.command is None:
        parser.print_help()
        return ExitCode.ERROR
    try:
        return COMMANDS[args.command](args)
    except AttribError as exc:
        print(f"attrib: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return ExitCode.INTERRUPTED
    except BrokenPipeError:
        return ExitCode.OK


if __name__ == "__main__":
    sys.exit(main())
