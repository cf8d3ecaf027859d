"""What ``attrib rules`` prints: the rule listing, and the check of a rule pack."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .assess.examples import run_examples
from .assess.ruleset import parse_rules
from .errors import ExitCode
from .plural import counted
from .rulebook import bundled_rules_dir
from .safety import clean

if TYPE_CHECKING:
    from .checker import Checker


def shown_path(file: str) -> str:
    """Bundled files as ``bundled:flags/x.yaml``; others relative to the working directory."""
    path = Path(file).resolve()
    for base, prefix in ((bundled_rules_dir().resolve(), "bundled:"), (Path.cwd().resolve(), "")):
        if path.is_relative_to(base):
            return prefix + str(path.relative_to(base))
    return str(path)


def list_rules(checker: Checker) -> str:
    ruleset, settings = checker.ruleset, checker.settings
    active = {r.id: r for r in checker.flag_rules}
    rows = [("ID", "CATEGORY", "SEVERITY", "FILE")]
    for rule in sorted(ruleset.rules, key=lambda r: (ruleset.categories().index(r.category), r.id)):
        on = active.get(rule.id)
        rows.append((rule.id, rule.category, on.level.value if on else "off", shown_path(rule.file)))
    widths = [max(len(r[i]) for r in rows) for i in range(3)]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row[:3], widths)) + "  " + row[3] for row in rows]
    lines.append(f"{counted(len(ruleset.rules), 'rule')}, {len(active)} on"
                 + (f" (settings: {settings.file})" if settings.file else ""))
    return clean("\n".join(lines)) + "\n"


def check_pack(directory: str) -> tuple[str, int]:
    """Validate a rule pack (bundled rules plus DIR) and run the examples of DIR's flag
    rules. Invalid files raise RuleError (exit 2); failing examples give exit 1. The pack
    is compiled exactly as ``attrib check --rules DIR`` compiles it (cues, lexicons, flag
    rules, score, outlets), so what passes here loads there."""
    from .checker import Checker

    checker = Checker([directory])
    rules = checker.rules
    base = Path(directory).resolve()
    mine = tuple((f, d) for f, d in rules.documents.get("flags", ())
                 if Path(f).resolve().is_relative_to(base))
    pack = parse_rules(rules, mine)
    results = [res for rule in pack.rules for res in run_examples(rule, checker.prepared)]
    failures = [r for r in results if not r.ok]
    lines = [clean(r.describe()) for r in failures]
    verdict = "all pass" if not failures else f"{len(failures)} failed"
    lines.append(f"{directory}: {counted(len(pack.rules), 'rule')}, {counted(len(results), 'example')}, {verdict}")
    return "\n".join(lines) + "\n", ExitCode.FINDINGS if failures else ExitCode.OK
