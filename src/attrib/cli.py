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
    from .request import CheckRequest

FORMATS = ("html", "json", "md", "text")
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

    c = sub.add_parser("check", help="report on one article (a path, or - for stdin)")
    c.add_argument("article", help="a .txt or .html file, an http(s) URL, or - to read standard input")
    c.add_argument("--format", "-f", choices=sorted(FORMATS), default="text")
    c.add_argument("--output", "-o", metavar="FILE", help="write the report here (atomically)")
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
    e.add_argument("--output", "-o", metavar="FILE")
    _rules_and_config(e, "settings file (rule directories)")

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


def cmd_check(args: argparse.Namespace) -> int:
    from .assess import at_or_above
    from .model import Severity
    from .render import render
    from .request import prepare

    ready = prepare(check_request(args))
    for note in ready.notes:
        warn(note)
    report = ready.checker.check(ready.article, coverage=ready.coverage, on_note=warn)
    if args.with_reviews:
        from .reviewed import with_reviews

        report = with_reviews(ready.checker, report)
    _write(args.output, render(report, args.format))
    fail_on = ready.settings.fail_on if args.fail_on is None else (
        None if args.fail_on == "never" else Severity(args.fail_on))
    from .review import dismissed

    counted = [f for f in report.flags if f.id not in dismissed(report)[1]]
    return ExitCode.FINDINGS if fail_on is not None and at_or_above(counted, fail_on) else ExitCode.OK


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


COMMANDS = {"check": cmd_check, "extract": cmd_extract, "rules": cmd_rules, "tui": cmd_tui,
            "reviews": cmd_reviews}


def _short_form(argv: list[str]) -> list[str]:
    """``attrib ARTICLE`` means ``attrib tui ARTICLE`` when ARTICLE is an existing file
    (or a folder of articles)."""
    if argv and argv[0] not in COMMANDS and not argv[0].startswith("-") \
            and (Path(argv[0]).is_file() or Path(argv[0]).is_dir()):
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
