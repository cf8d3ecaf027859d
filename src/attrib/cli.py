"""The ``attrib`` command line. Errors the user can fix are one line and exit 2.

Each command imports what it uses when it runs, so ``attrib --help`` and a check of a
plain-text file never load the HTTP client, the HTML extractor or the review screen."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from . import __version__
from .errors import AttribError, ExitCode
from .plural import counted

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

    from .model import Severity
    from .request import CheckRequest

FORMATS = ("html", "json", "md", "text")
FIELDS = ("id", "text", "html", "url", "outlet", "date", "title")
LEVELS = ("info", "warning", "error")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        """One line and exit 2, like every other error."""
        self.exit(ExitCode.ERROR, f"attrib: error: {message} (see attrib --help)\n")

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        """As argparse's, without swallowing a write error: help written into a broken
        pipe is one error line and exit 2, as a report would be."""
        if message:
            (file or sys.stderr).write(message)


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
    c.add_argument("--output", "-o", metavar="FILE", help="write the report here (a file is replaced "
                   "atomically and keeps its permissions; - is standard output)")
    _rules_and_config(c, "settings file (default: attrib.toml here, [tool.attrib] in "
                         "./pyproject.toml, or the user config directory)")
    _coverage_options(c)
    c.add_argument("--fail-on", choices=[*LEVELS, "never"], default=None, metavar="LEVEL",
                   help="exit 1 when a flag is at or above LEVEL (info, warning, error; "
                        "default: never, or fail-on in attrib.toml)")
    c.add_argument("--with-reviews", action="store_true",
                   help="carry the verdicts and notes saved in attrib tui: dismissed findings "
                        "leave the score and --fail-on")

    r = sub.add_parser("rules", help="list the flag rules, or check a rule pack")
    _rules_and_config(r)
    r.add_argument("--check", metavar="DIR", help="validate the rule files in DIR and run "
                   "their examples (exit 2: invalid, 1: an example fails)")

    e = sub.add_parser("extract", help="attributions of many documents, for corpus work")
    e.add_argument("inputs", nargs="+", metavar="FILE_OR_DIR",
                   help=".txt files, or directories searched for them")
    e.add_argument("--format", choices=["jsonl"], default="jsonl")
    e.add_argument("--output", "-o", metavar="FILE", help="write the lines here (- is standard output)")
    _rules_and_config(e, "settings file (rule directories)")

    k = sub.add_parser("cache", help="show, prune or clear the page cache (fetched pages, search answers)")
    what = k.add_mutually_exclusive_group()
    what.add_argument("--clear", action="store_true", help="delete every cached page")
    what.add_argument("--prune", action="store_true", help="apply the age and size limits now (runs that "
                      "fetch apply them too: $ATTRIB_CACHE_MAX_DAYS, default 30; $ATTRIB_CACHE_MAX_MB, default 200)")
    k.add_argument("--max-age", type=_positive(float), metavar="DAYS",
                   help="with --prune: drop pages stored more than DAYS ago")
    k.add_argument("--max-size", type=_positive(float), metavar="MB",
                   help="with --prune: then drop the oldest pages until the rest take at most MB")
    _scan_parser(sub)

    t = sub.add_parser("tui", help="review an article's findings in the terminal "
                       "(short form: attrib ARTICLE); several, or a folder: one after another")
    t.add_argument("article", help="a .txt or .html file, an http(s) URL, or a folder of articles")
    t.add_argument("more", nargs="*", metavar="ARTICLE",
                   help="more articles (or folders) to review in turn: ] next, [ previous")
    _rules_and_config(t, "settings file, [tui] included (default: as for attrib check)")
    _coverage_options(t)  # coverage is then checked in the background

    v = sub.add_parser("reviews", help="the articles reviewed in attrib tui, with counts; "
                       "--export writes each one's report")
    v.add_argument("--export", metavar="DIR", help="write a report for each reviewed article "
                   "into DIR (read again from where it was reviewed)")
    v.add_argument("--format", "-f", choices=["html", "json", "md"], default="md",
                   help="format of the exported reports (default md)")
    _rules_and_config(v)
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


def _say(kind: str, message: str) -> None:
    """One line on standard error, cleaned like article text (messages quote servers,
    files and rules). Nothing is printed when standard error itself is closed."""
    from .safety import clean

    if sys.stderr is None:
        return
    with suppress(OSError, ValueError):
        print(f"attrib: {kind}: {' '.join(clean(message).split())}", file=sys.stderr, flush=True)


def warn(message: str) -> None:
    _say("warning", message)


@contextmanager
def _output(target: str | None) -> Iterator[TextIO]:
    """Standard output for None or "-", else the file (see files.py)."""
    from .files import atomic_open, standard_output

    opened = standard_output() if target in (None, "-") else atomic_open(target)
    with opened as fh:
        yield fh


def _write(output: str | None, rendered: str) -> None:
    with _output(output) as fh:
        fh.write(rendered)


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
    from .files import check_destination
    from .render import render
    from .request import prepare

    check_destination(args.output)
    ready = prepare(check_request(args))
    for note in ready.notes:
        warn(note)
    report = ready.checker.check(ready.article, coverage=ready.coverage, on_note=warn)
    if args.with_reviews:
        from .reviewed import with_reviews

        report = with_reviews(ready.checker, report)
    _write(args.output, render(report, args.format))
    fail_on = _fail_on(args, ready.settings.fail_on)
    from .review import dismissed

    counted = [f for f in report.flags if f.id not in dismissed(report)[1]]
    return ExitCode.FINDINGS if fail_on is not None and at_or_above(counted, fail_on) else ExitCode.OK


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
        _write(None, out)
        return code
    _write(None, list_rules(Checker(args.rules, load_settings(args.config))))
    return ExitCode.OK


def cmd_extract(args: argparse.Namespace) -> int:
    """One JSON line per document, written as each is read. A document that cannot be
    read is skipped and named on standard error, and the run goes on (exit 1 at the end);
    memory stays flat however many files there are (corpus_walk.py)."""
    from .checker import Checker
    from .corpus_walk import Corpus, Skipped, read_document
    from .errors import InputError
    from .files import check_destination
    from .render.scorer import scorer_line
    from .safety import shown
    from .settings import load_settings

    check_destination(args.output)
    checker = Checker(args.rules, load_settings(args.config))
    corpus = Corpus(args.inputs)
    skipped = 0
    try:
        with _output(args.output) as out:
            for item in corpus:
                if isinstance(item, Skipped):
                    reason = item.reason
                else:
                    try:
                        article = read_document(item)
                        line = scorer_line(item.id, checker.extract(article), article.text)
                    except InputError as exc:
                        reason = str(exc)
                    except Exception as exc:  # a bug met by one document must not end the run
                        reason = f"{item.path}: not extracted (internal error: {type(exc).__name__}: " \
                                 f"{shown(str(exc), 120)})"
                    else:
                        out.write(line + "\n")
                        continue
                skipped += 1
                if corpus.total == 1:  # one document: its reason is the error
                    raise InputError(reason)
                warn(f"skipped {reason}")
            if skipped == corpus.total:  # nothing to write: an old output file stays as it was
                raise InputError(f"none of the {corpus.total} documents could be read")
    finally:
        corpus.close()
    if skipped:
        warn(f"{skipped} of {corpus.total} documents skipped")
        return ExitCode.FINDINGS
    return ExitCode.OK


def cmd_cache(args: argparse.Namespace) -> int:
    """Where the page cache is and what it holds; --prune and --clear make it smaller."""
    import time
    from dataclasses import replace

    from .dirs import cache_dir
    from .ingest.cache import PageCache

    def mb(size: int) -> str:
        return f"{size / 1048576:.1f} MB"

    path = cache_dir() / "fetch.sqlite"
    if not path.exists():
        _write(None, f"page cache: {path} (empty: nothing fetched yet)\n")
        return ExitCode.OK
    cache = PageCache(path)
    try:
        if cache.failure:
            raise AttribError(f"{path}: the page cache cannot be opened ({cache.failure}); "
                              "delete the file to start a new one")
        lines = []
        if args.clear:
            gone = cache.clear()
            lines.append(f"cleared: {counted(gone.pages, 'page')}, {mb(gone.bytes)}")
        elif args.prune or args.max_age or args.max_size:
            limits = cache.limits
            if args.max_age:
                limits = replace(limits, max_age=args.max_age * 86400)
            if args.max_size:
                limits = replace(limits, max_bytes=int(args.max_size * 1048576))
            gone = cache.prune(limits)
            lines.append(f"pruned: {counted(gone.pages, 'page')}, {mb(gone.bytes)}")
        if cache.failure:
            raise AttribError(f"{path}: the page cache cannot be changed ({cache.failure})")
        now = cache.stats()
        oldest = "" if now.oldest is None else \
            f", the oldest stored {time.strftime('%Y-%m-%d', time.localtime(now.oldest))}"
        lines.insert(0, f"page cache: {path}")
        lines.append(f"{counted(now.pages, 'page')}, {mb(now.bytes)}{oldest}")
        lines.append(f"limits: {cache.limits.max_age / 86400:g} days, {mb(cache.limits.max_bytes)} "
                     "($ATTRIB_CACHE_MAX_DAYS, $ATTRIB_CACHE_MAX_MB)")
        _write(None, "\n".join(lines) + "\n")
    finally:
        cache.close()
    return ExitCode.OK


def cmd_tui(args: argparse.Namespace) -> int:
    from .tui.launch import run_tui  # Textual is imported only when the UI is wanted

    return run_tui(check_request(args), tuple(args.more))


def cmd_reviews(args: argparse.Namespace) -> int:
    from .reviewed import export_all, listing
    from .store import ReviewStore

    store = ReviewStore()
    try:
        if not args.export:
            sys.stdout.write(listing(store.articles()))
            return ExitCode.OK
        from .checker import Checker
        from .settings import load_settings

        checker = Checker(args.rules, load_settings(args.config))
        lines, code = export_all(checker, store, Path(args.export), args.format)
        sys.stdout.write(lines)
        return code
    finally:
        store.close()


COMMANDS = {"cache": cmd_cache, "check": cmd_check, "extract": cmd_extract, "reviews": cmd_reviews,
            "rules": cmd_rules, "scan": cmd_scan, "tui": cmd_tui}


def _short_form(argv: list[str]) -> list[str]:
    """``attrib ARTICLE`` means ``attrib tui ARTICLE`` when ARTICLE is an existing file
    (or a folder of articles)."""
    if argv and argv[0] not in COMMANDS and not argv[0].startswith("-") \
            and (Path(argv[0]).is_file() or Path(argv[0]).is_dir()):
        return ["tui", *argv]
    return argv


def _run(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(_short_form(list(sys.argv[1:] if argv is None else argv)))
    if args.command is None:
        with _output(None) as out:
            parser.print_help(out)
        return ExitCode.ERROR
    return COMMANDS[args.command](args)


def main(argv: Sequence[str] | None = None) -> int:
    from .files import os_reason, silence_stdout

    try:
        try:
            code = _run(argv)
        except SystemExit as done:  # argparse after --help, --version or a usage error
            code = done.code if isinstance(done.code, int) else ExitCode.OK if done.code is None else ExitCode.ERROR
        if sys.stdout is not None:
            sys.stdout.flush()  # a write error still buffered surfaces here, not at exit
        return code
    except AttribError as exc:
        _say("error", str(exc))
        return exc.exit_code
    except KeyboardInterrupt:
        return ExitCode.INTERRUPTED
    except OSError as exc:  # standard output failed outside a report (argparse's help, a flush)
        silence_stdout()
        _say("error", f"cannot write to standard output ({os_reason(exc)})")
        return ExitCode.ERROR


if __name__ == "__main__":
    sys.exit(main())
