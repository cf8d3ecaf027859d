"""The ``attrib`` command line. Errors the user can fix are one line and exit 2."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TextIO

from . import __version__
from .assess.commands import check_pack, list_rules
from .assess.engine import at_or_above
from .config import LEVELS, Settings, load_settings
from .corroborate import options as coverage_options
from .errors import AttribError, InputError
from .extract import extract
from .files import atomic_open, write_atomic
from .ingest import load_article
from .ingest.cache import PageCache
from .model import Severity
from .pipeline import check
from .render import FORMATS
from .render.scorer import scorer_line
from .rulebook import Rulebook, load_rulebook


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, exit 2, like every other error
        self.exit(2, f"attrib: error: {message} (see attrib --help)\n")


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="attrib", description="Find who said what in a news article, "
                "flag vague or missing sourcing, and check quotes against other coverage.")
    p.add_argument("--version", action="version", version=f"attrib {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    c = sub.add_parser("check", help="report on one article (a path, or - for stdin)")
    c.add_argument("article", help="a .txt or .html file, an http(s) URL, or - to read standard input")
    c.add_argument("--format", "-f", choices=sorted(FORMATS), default="text")
    c.add_argument("--output", "-o", metavar="FILE", help="write the report here (atomically)")
    c.add_argument("--rules", action="append", default=[], metavar="DIR",
                   help="an extra directory of rule files (repeatable)")
    coverage_options.add_arguments(c)
    c.add_argument("--fail-on", choices=[*LEVELS, "never"], default=None, metavar="LEVEL",
                   help="exit 1 when a flag is at or above LEVEL (info, warning, error; "
                        "default: never, or fail-on in attrib.toml)")
    c.add_argument("--config", metavar="FILE", help="settings file (default: attrib.toml "
                   "here, [tool.attrib] in ./pyproject.toml, or the user config directory)")

    r = sub.add_parser("rules", help="list the flag rules, or check a rule pack")
    r.add_argument("--rules", action="append", default=[], metavar="DIR",
                   help="an extra directory of rule files (repeatable)")
    r.add_argument("--check", metavar="DIR", help="validate the rule files in DIR and run "
                   "their examples (exit 2: invalid, 1: an example fails)")
    r.add_argument("--config", metavar="FILE", help="settings file")

    e = sub.add_parser("extract", help="attributions of many documents, for corpus work")
    e.add_argument("inputs", nargs="+", metavar="FILE_OR_DIR",
                   help=".txt files, or directories searched for them")
    e.add_argument("--format", choices=["jsonl"], default="jsonl")
    e.add_argument("--output", "-o", metavar="FILE")
    e.add_argument("--rules", action="append", default=[], metavar="DIR",
                   help="an extra directory of rule files (repeatable)")
    e.add_argument("--config", metavar="FILE", help="settings file (rule directories)")

    t = sub.add_parser("tui", help="review an article's findings in the terminal "
                       "(short form: attrib ARTICLE)")
    t.add_argument("article", help="a .txt or .html file, or an http(s) URL")
    t.add_argument("--rules", action="append", default=[], metavar="DIR",
                   help="an extra directory of rule files (repeatable)")
    t.add_argument("--config", metavar="FILE", help="settings file, [tui] included "
                   "(default: as for attrib check)")
    coverage_options.add_arguments(t)  # coverage is then checked in the background
    return p


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


def _settings_and_rules(args: argparse.Namespace) -> tuple[Settings, Rulebook]:
    settings = load_settings(args.config)
    return settings, load_rulebook([*settings.rule_dirs, *args.rules])


def cmd_check(args: argparse.Namespace) -> int:
    settings, rules = _settings_and_rules(args)
    cache = PageCache.default() if coverage_options.needs_cache(args) else None
    article = load_article(args.article, fetch=coverage_options.fetch_options(args), cache=cache)

    def gather(statements):  # called by the pipeline once the article's statements are known
        return coverage_options.coverage_from_args(args, article, statements, rules, cache, settings.discover)

    report = check(article, rules, settings=settings,
                   coverage=gather if coverage_options.wants_coverage(args) else None)
    if cache is not None and cache.problem:
        coverage_options.warn(cache.problem)
    rendered = FORMATS[args.format](report)
    if args.output:
        write_atomic(args.output, rendered)
    else:
        sys.stdout.write(rendered)
    fail_on = settings.fail_on if args.fail_on is None else (
        None if args.fail_on == "never" else Severity(args.fail_on))
    return 1 if fail_on is not None and at_or_above(report.flags, fail_on) else 0


def cmd_rules(args: argparse.Namespace) -> int:
    if args.check:
        out, code = check_pack(args.check)
        sys.stdout.write(out)
        return code
    settings, rules = _settings_and_rules(args)
    sys.stdout.write(list_rules(rules, settings))
    return 0


def cmd_extract(args: argparse.Namespace) -> int:
    """One JSON line per document, written as each is read: memory stays flat however
    large the corpus."""
    _, rules = _settings_and_rules(args)

    def run(out: TextIO) -> None:
        for path in _documents(args.inputs):
            out.write(scorer_line(path.stem, extract(load_article(str(path)), rules)) + "\n")

    if args.output:
        with atomic_open(args.output) as fh:
            run(fh)
    else:
        run(sys.stdout)
    return 0


def cmd_tui(args: argparse.Namespace) -> int:
    from .tui.launch import run_tui  # Textual is imported only when the UI is wanted

    return run_tui(args)


COMMANDS = {"check": cmd_check, "extract": cmd_extract, "rules": cmd_rules, "tui": cmd_tui}


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
        return 2
    try:
        return COMMANDS[args.command](args)
    except AttribError as exc:
        print(f"attrib: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
