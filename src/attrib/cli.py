"""The ``attrib`` command line. Errors the user can fix are one line and exit 2."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from . import __version__
from .errors import AttribError, InputError
from .files import write_atomic
from .ingest import load_article
from .pipeline import check
from .render import FORMATS
from .render.scorer import scorer_line
from .rulebook import load_rulebook


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, exit 2, like every other error
        self.exit(2, f"attrib: error: {message} (see attrib --help)\n")


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="attrib", description="Find who said what in a news article, "
                "flag vague or missing sourcing, and check quotes against other coverage.")
    p.add_argument("--version", action="version", version=f"attrib {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    c = sub.add_parser("check", help="report on one article (a path, or - for stdin)")
    c.add_argument("article", help="a .txt file, or - to read standard input")
    c.add_argument("--format", "-f", choices=sorted(FORMATS), default="text")
    c.add_argument("--output", "-o", metavar="FILE", help="write the report here (atomically)")
    c.add_argument("--rules", action="append", default=[], metavar="DIR",
                   help="an extra directory of rule files (repeatable)")

    e = sub.add_parser("extract", help="attributions of many documents, for corpus work")
    e.add_argument("inputs", nargs="+", metavar="FILE_OR_DIR",
                   help=".txt files, or directories searched for them")
    e.add_argument("--format", choices=["jsonl"], default="jsonl")
    e.add_argument("--output", "-o", metavar="FILE")
    e.add_argument("--rules", action="append", default=[], metavar="DIR")

    t = sub.add_parser("tui", help="review an article's findings in the terminal "
                       "(short form: attrib ARTICLE)")
    t.add_argument("article", help="a .txt file")
    t.add_argument("--coverage", action="append", default=[], metavar="URL_OR_FILE",
                   help="other coverage to check quotes against (repeatable)")
    t.add_argument("--discover", action="store_true",
                   help="look for other coverage of the same story")
    t.add_argument("--rules", action="append", default=[], metavar="DIR")
    return p


def _documents(inputs: Sequence[str]) -> Iterator[Path]:
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            yield from sorted(path.rglob("*.txt"))
        elif path.exists():
            yield path
        else:
            raise InputError(f"{item}: no such file or directory")


def cmd_check(args: argparse.Namespace) -> int:
    rules = load_rulebook(args.rules)
    article = load_article(args.article)
    report = check(article, rules)
    rendered = FORMATS[args.format](report)
    if args.output:
        write_atomic(args.output, rendered)
    else:
        sys.stdout.write(rendered)
    return 0


def cmd_extract(args: argparse.Namespace) -> int:
    from .extract.engine import extract

    rules = load_rulebook(args.rules)
    lines = []
    for path in _documents(args.inputs):
        article = load_article(str(path))
        lines.append(scorer_line(path.stem, extract(article, rules)) + "\n")
    data = "".join(lines)
    if args.output:
        write_atomic(args.output, data)
    else:
        sys.stdout.write(data)
    return 0


def cmd_tui(args: argparse.Namespace) -> int:
    from .tui.launch import run_tui  # Textual is imported only when the UI is wanted

    return run_tui(args)


COMMANDS = {"check": cmd_check, "extract": cmd_extract, "tui": cmd_tui}


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
