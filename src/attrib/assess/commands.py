"""What ``attrib rules`` prints: the rule listing, and the check of a rule pack."""

from __future__ import annotations

from pathlib import Path

from ..config import Settings
from ..rulebook import Rulebook, bundled_rules_dir, load_rulebook
from ..safety import clean
from . import configured
from .examples import run_examples
from .ruleset import parse_rules, ruleset_for
from .score import parse_scoring


def shown_path(file: str) -> str:
    """Bundled files as ``bundled:flags/x.yaml``; others relative to the working directory."""
    path = Path(file).resolve()
    for base, prefix in ((bundled_rules_dir().resolve(), "bundled:"), (Path.cwd().resolve(), "")):
        if path.is_relative_to(base):
            return prefix + str(path.relative_to(base))
    return str(path)


def list_rules(rules: Rulebook, settings: Settings) -> str:
    ruleset = ruleset_for(rules)
    active = {r.id: r for r in configured(ruleset, settings)}
    rows = [("ID", "CATEGORY", "SEVERITY", "FILE")]
    for rule in sorted(ruleset.rules, key=lambda r: (ruleset.categories().index(r.category), r.id)):
        on = active.get(rule.id)
        rows.append((rule.id, rule.category, on.level.value if on else "off", shown_path(rule.file)))
    widths = [max(len(r[i]) for r in rows) for i in range(3)]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row[:3], widths)) + "  " + row[3] for row in rows]
    lines.append(f"{len(ruleset.rules)} rules, {len(active)} on"
                 + (f" (settings: {settings.file})" if settings.file else ""))
    return clean("\n".join(lines)) + "\n"


def check_pack(directory: str) -> tuple[str, int]:
    """Validate a rule pack (bundled rules plus DIR) and run the examples of DIR's flag
    rules. Invalid files raise RuleError (exit 2); failing examples give exit 1."""
    rules = load_rulebook([directory])
    base = Path(directory).resolve()
    mine = tuple((f, d) for f, d in rules.documents.get("flags", ())
                 if Path(f).resolve().is_relative_to(base))
    parse_rules(rules)  # the merged set must load too (ids replaced, lexicons resolved)
    parse_scoring(rules.documents.get("score", ()))
    pack = parse_rules(rules, mine)
    results = [res for rule in pack.rules for res in run_examples(rule, rules)]
    failures = [r for r in results if not r.ok]
    lines = [clean(r.describe()) for r in failures]
    verdict = "all pass" if not failures else f"{len(failures)} failed"
    lines.append(f"{directory}: {len(pack.rules)} rules, {len(results)} examples, {verdict}")
    return "\n".join(lines) + "\n", 1 if failures else 0
