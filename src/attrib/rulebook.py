"""Load and validate the data in ``rules/``: lexicons and cue groups.

Rule data is YAML. The bundled directory ships inside the wheel; users add directories
with ``--rules DIR``. A lexicon in a user directory with the id of a bundled one extends
it (``entries``) or trims it (``remove``). Every problem is a RuleError naming the file,
the rule and the key, never a traceback.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from .errors import RuleError
from .model import Severity

# What a rule file may hold; each kind is read by the stage that owns it.
KINDS = ("lexicon", "cues", "flags", "outlets", "score")
CUE_CLASSES = ("speech", "belief", "intention", "evidence", "reaction", "writing")


def bundled_rules_dir() -> Path:
    """``attrib/rules`` in an installed wheel, ``rules/`` at the top of a checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "rules", here.parents[1] / "rules"):
        if candidate.is_dir():
            return candidate
    raise RuleError(str(here / "rules"), "the bundled rules directory is missing")


@dataclass(frozen=True, slots=True)
class Lexicon:
    id: str
    entries: frozenset[str]
    description: str = ""
    files: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CueGroup:
    """A set of cue forms that behave alike.

    ``needs: subject`` counts a form only right after a source-like phrase (``Smith
    believes``, not ``I believe``). ``not_before`` lists words that, right after the
    form, show it is not a cue ("continued to"); ``only_before`` the words it must be
    followed by ("ruled that"); ``not_object`` nouns that, in the noun phrase after the
    form (up to its end, and not as the subject of a clause: "denied the vaccine was
    unsafe"), show it names an act, not a statement ("wrote a novel", "denied him bail").
    ``layout`` reads the sentence another way: ``passive`` ("is seen by many as"),
    ``source-after`` ("according to X"), ``nominal`` (a noun: "Trump's claim that ...")."""

    id: str
    cls: str
    forms: tuple[str, ...]
    needs: str | None = None
    not_before: frozenset[str] = frozenset()
    only_before: frozenset[str] = frozenset()
    alone: bool = True
    layout: str | None = None
    file: str = ""
    not_object: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True, eq=False)
class Rulebook:
    lexicons: Mapping[str, Lexicon]
    cues: tuple[CueGroup, ...]
    dirs: tuple[str, ...] = ()
    documents: Mapping[str, tuple[tuple[str, Any], ...]] = field(default_factory=dict)
    """Raw documents of other kinds (``flags``, ``outlets``), by kind, for the stages that
    own them to validate: (file, data) pairs in load order."""

    def bundled(self, file: str) -> bool:
        """A file of the rules shipped with attrib (``dirs[0]``), which the tests check."""
        return bool(self.dirs) and file.startswith(self.dirs[0].rstrip("/\\") + os.sep)

    def lexicon(self, name: str) -> frozenset[str]:
        try:
            return self.lexicons[name].entries
        except KeyError:
            raise RuleError("rules", f"no lexicon named {name!r}") from None


# libyaml's loader where PyYAML was built with it (the wheels are): rules load at every start.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path) -> Any:
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)  # a safe loader
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise RuleError(str(path), f"invalid YAML{where}: {exc.problem}") from None
    except yaml.YAMLError as exc:
        raise RuleError(str(path), f"invalid YAML: {exc}") from None
    except RecursionError:
        raise RuleError(str(path), "nested too deeply to be a rule file") from None
    except UnicodeDecodeError:
        raise RuleError(str(path), "not UTF-8 text") from None
    except OSError as exc:
        raise RuleError(str(path), f"cannot read ({exc.strerror})") from None


def expect(value: Any, kind: type | tuple[type, ...], file: str, rule: str | None, key: str) -> Any:
    if not isinstance(value, kind):
        names = " or ".join(k.__name__ for k in (kind if isinstance(kind, tuple) else (kind,)))
        shown = "nothing" if value is None else type(value).__name__
        raise RuleError(file, f"must be {names.replace('str', 'text').replace('list', 'a list')}, "
                              f"got {shown}", rule, key)
    return value


def string_list(value: Any, file: str, rule: str | None, key: str) -> list[str]:
    items = expect(value, list, file, rule, key)
    for n, item in enumerate(items):
        if isinstance(item, bool):
            raise RuleError(file, f"item {n + 1} was read as {str(item).lower()}: quote words "
                                  "such as \"no\", \"on\", \"off\" and \"yes\"", rule, key)
        if not isinstance(item, str) or not item.strip():
            raise RuleError(file, f"item {n + 1} must be non-empty text", rule, key)
    return [item.strip() for item in items]


def severity(value: Any, file: str, rule: str | None, key: str) -> Severity:
    if value not in [s.value for s in Severity]:
        raise RuleError(file, "must be one of: info, warning, error", rule, key)
    return Severity(value)


def whole_number(data: Mapping[str, Any], key: str, default: int | None, file: str, rule: str | None,
                 low: int = 0) -> int | None:
    value = data.get(key, default)
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or value < low:
        raise RuleError(file, f"must be a whole number of at least {low}", rule, key)
    return value


def check_keys(data: Mapping, allowed: Iterable[str], file: str, rule: str | None) -> None:
    for key in data:
        if key not in allowed:
            raise RuleError(file, f"unknown key (expected one of: {', '.join(allowed)})", rule, str(key))


def _rule_files(directory: Path) -> list[Path]:
    """``*.yaml`` and ``*.yml`` under ``directory``, skipping hidden folders (.git,
    .venv, .github) so a rule pack can live in any checkout."""
    found = []
    for folder, subdirs, files in os.walk(directory):
        subdirs[:] = [d for d in subdirs if not d.startswith(".")]
        found += [Path(folder, f) for f in files if f.endswith((".yaml", ".yml")) and not f.startswith(".")]
    return sorted(found)


def _documents(dirs: Sequence[Path]) -> list[tuple[str, dict]]:
    out = []
    for d in dirs:
        if not d.is_dir():
            raise RuleError(str(d), "not a directory of rule files")
        for path in _rule_files(d):
            data = read_yaml(path)
            if data is None:
                continue
            if not isinstance(data, dict):
                raise RuleError(str(path), "must be a mapping with a 'kind' key")
            kind = data.get("kind")
            if kind not in KINDS:
                raise RuleError(str(path), f"must say what it holds, one of: "
                                           f"{', '.join('kind: ' + k for k in KINDS)}", key="kind")
            out.append((str(path), data))
    return out


def _merge_lexicon(lexicons: dict[str, Lexicon], file: str, data: dict) -> None:
    check_keys(data, ("kind", "id", "description", "entries", "remove", "source"), file, None)
    lid = expect(data.get("id"), str, file, None, "id")
    add = string_list(data.get("entries", []), file, lid, "entries")
    remove = string_list(data.get("remove", []), file, lid, "remove")
    old = lexicons.get(lid, Lexicon(lid, frozenset()))
    entries = (old.entries | {e.lower() for e in add}) - {e.lower() for e in remove}
    lexicons[lid] = Lexicon(lid, frozenset(entries), data.get("description", old.description),
                            (*old.files, file))


def _cue_groups(file: str, data: dict) -> list[CueGroup]:
    check_keys(data, ("kind", "description", "groups"), file, None)
    groups = []
    for n, item in enumerate(expect(data.get("groups"), list, file, None, "groups")):
        expect(item, dict, file, f"#{n + 1}", "groups")
        gid = expect(item.get("id"), str, file, f"#{n + 1}", "id")
        check_keys(item, ("id", "class", "forms", "needs", "not_before", "only_before", "not_object", "alone",
                           "layout", "description"), file, gid)
        cls = expect(item.get("class"), str, file, gid, "class")
        if cls not in CUE_CLASSES:
            raise RuleError(file, f"unknown class {cls!r} (expected one of: {', '.join(CUE_CLASSES)})",
                            gid, "class")
        needs = item.get("needs")
        if needs not in (None, "subject"):  # the one guard the engine reads (extract/reader.py)
            raise RuleError(file, "must be: subject", gid, "needs")
        forms = tuple(f.lower() for f in string_list(item.get("forms"), file, gid, "forms"))
        not_before = frozenset(w.lower() for w in string_list(item.get("not_before", []), file, gid,
                                                                "not_before"))
        only_before = frozenset(w.lower() for w in string_list(item.get("only_before", []), file, gid,
                                                                 "only_before"))
        not_object = frozenset(w.lower() for w in string_list(item.get("not_object", []), file, gid,
                                                                "not_object"))
        alone = expect(item.get("alone", True), bool, file, gid, "alone")
        layout = item.get("layout")
        if layout not in (None, "passive", "source-after", "nominal"):
            raise RuleError(file, "must be: passive, source-after or nominal", gid, "layout")
        groups.append(CueGroup(gid, cls, forms, needs, not_before, only_before, alone, layout, file,
                               not_object))
    return groups


def load_rulebook(extra_dirs: Sequence[str | Path] = ()) -> Rulebook:
    key = tuple(str(Path(d).resolve()) for d in extra_dirs)
    return _load(key)


@lru_cache(maxsize=8)
def _load(extra: tuple[str, ...]) -> Rulebook:
    dirs = [bundled_rules_dir(), *(Path(d) for d in extra)]
    lexicons: dict[str, Lexicon] = {}
    cues: list[CueGroup] = []
    other: dict[str, list[tuple[str, Any]]] = {}
    for file, data in _documents(dirs):
        kind = data["kind"]
        if kind == "lexicon":
            _merge_lexicon(lexicons, file, data)
        elif kind == "cues":
            cues.extend(_cue_groups(file, data))
        else:
            other.setdefault(kind, []).append((file, data))
    return Rulebook(lexicons, tuple(cues), tuple(str(d) for d in dirs),
                    {k: tuple(v) for k, v in other.items()})
