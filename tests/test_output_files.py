"""Where reports go, through the real CLI: devices are written, never replaced; symbolic
links are followed; a file keeps its mode; ``-`` is standard output; and every write or
stream failure (a full disk, /dev/full, a closed or broken standard output, an ASCII-only
terminal, a closed standard input) is one line and exit 2, with the old file intact."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT, run_cli

ARTICLE = str(FIXTURES / "articles" / "harbour-strike.txt")
OLD = "the old report\n"


@dataclass
class Raw:
    code: int
    out: bytes
    err: str


def run_raw(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None,
            close: tuple[int, ...] = (), stdout: int | None = None,
            before: Callable[[], object] | None = None) -> Raw:
    """The CLI with standard streams arranged by hand: ``close`` lists descriptors closed
    in the child before it starts (0: stdin, 1: stdout); ``stdout`` a descriptor to use;
    ``before`` runs in the child before it starts (a umask, a resource limit)."""
    full_env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "NO_COLOR": "1", **(env or {})}
    for key in [k for k, v in full_env.items() if v is None]:
        del full_env[key]

    def arrange() -> None:
        for fd in close:
            os.close(fd)
        if before is not None:
            before()

    proc = subprocess.run([sys.executable, "-m", "attrib", *args], env=full_env, cwd=cwd or ROOT,
                          stdout=subprocess.PIPE if stdout is None and 1 not in close else stdout,
                          stderr=subprocess.PIPE, preexec_fn=arrange, timeout=120)
    return Raw(proc.returncode, proc.stdout or b"", proc.stderr.decode("utf-8", "replace"))


def one_error(err: str, code: int, expected: str) -> str:
    assert code == 2, (code, err)
    assert "Traceback" not in err and "Exception ignored" not in err, err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("attrib: error: ") and expected in lines[0], lines[0]
    return lines[0]


def device(tmp_path: Path, name: str) -> Path:
    """/dev/null or /dev/full to write to. As root the test makes its own node in tmp_path
    (same major and minor numbers), so a failure can never replace the system's device."""
    minor = {"null": 3, "full": 7}[name]
    if os.geteuid() != 0:
        return Path("/dev") / name
    node = tmp_path / name
    os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, minor))
    return node


# -- where the report goes -------------------------------------------------------------------

def test_dev_null_is_written_not_replaced(tmp_path):
    null = device(tmp_path, "null")
    run = run_cli("check", ARTICLE, "-o", str(null))
    assert run.code == 0, run.err
    assert stat.S_ISCHR(null.stat().st_mode), "the device was replaced by a regular file"
    assert run.out == "" and run.err == ""


def test_a_symlink_writes_its_target(tmp_path):
    target = tmp_path / "reports" / "today.json"
    target.parent.mkdir()
    target.write_text(OLD)
    link = tmp_path / "latest.json"
    link.symlink_to(target)
    run = run_cli("check", ARTICLE, "-f", "json", "-o", str(link))
    assert run.code == 0, run.err
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert json.loads(target.read_text())["schema"] == "attrib.report/1"
    assert sorted(p.name for p in target.parent.iterdir()) == ["today.json"]  # no temporary left


def test_a_dangling_symlink_creates_its_target(tmp_path):
    link = tmp_path / "latest.json"
    link.symlink_to(tmp_path / "new.json")
    assert run_cli("check", ARTICLE, "-f", "json", "-o", str(link)).code == 0
    assert link.is_symlink() and json.loads((tmp_path / "new.json").read_text())


def test_overwriting_keeps_the_files_mode(tmp_path):
    private = tmp_path / "private.json"
    private.write_text(OLD)
    private.chmod(0o600)
    assert run_cli("check", ARTICLE, "-f", "json", "-o", str(private)).code == 0
    assert stat.S_IMODE(private.stat().st_mode) == 0o600
    assert private.read_text() != OLD


def test_a_new_file_follows_the_umask(tmp_path):
    out = tmp_path / "new.json"
    run = run_raw("check", ARTICLE, "-o", str(out), before=lambda: os.umask(0o077))
    assert run.code == 0, run.err
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_dash_is_standard_output(tmp_path):
    run = run_cli("check", ARTICLE, "-f", "json", "-o", "-", cwd=tmp_path)
    assert run.code == 0, run.err
    assert json.loads(run.out)["schema"] == "attrib.report/1"
    assert not (tmp_path / "-").exists()
    lines = run_cli("extract", str(FIXTURES / "articles"), "-o", "-", cwd=tmp_path)
    assert lines.code == 0 and lines.out.count("\n") >= 5
    assert not (tmp_path / "-").exists()


def test_a_directory_is_not_a_file(tmp_path):
    run = run_cli("check", ARTICLE, "-o", str(tmp_path / "newdir") + "/")
    one_error(run.err, run.code, "names a directory")
    assert list(tmp_path.iterdir()) == []
    existing = run_cli("check", ARTICLE, "-o", str(tmp_path))
    one_error(existing.err, existing.code, "is a directory")


# -- write and stream errors ------------------------------------------------------------------

def _can_mount_tmpfs(where: Path) -> bool:
    if shutil.which("unshare") is None:
        return False
    probe = subprocess.run(["unshare", "-rm", "sh", "-c", f"mount -t tmpfs -o size=8k tmpfs {where}"],
                           capture_output=True, timeout=30)
    return probe.returncode == 0


def test_full_disk_is_one_line_and_keeps_the_old_file(tmp_path):
    """A real full filesystem: an 8 KB tmpfs mounted in a private user and mount namespace
    (no root needed where unprivileged namespaces are allowed), holding an old report."""
    disk = tmp_path / "disk"
    disk.mkdir()
    if not _can_mount_tmpfs(disk):
        pytest.skip("cannot mount a tmpfs here (unshare -rm refused)")
    script = (f'mount -t tmpfs -o size=8k tmpfs "$1" && printf "{OLD}" > "$1/report.json" && '
              f'"$2" -m attrib check "$3" -f json -o "$1/report.json"; echo "exit=$?"; '
              'cat "$1/report.json"; ls -A "$1"')
    proc = subprocess.run(["unshare", "-rm", "sh", "-c", script, "sh", str(disk), sys.executable, ARTICLE],
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    assert "exit=2\n" in proc.stdout, (proc.stdout, proc.stderr)
    assert proc.stdout.endswith(f"exit=2\n{OLD}report.json\n"), proc.stdout  # intact, no temporary left
    one_error(proc.stderr, 2, "report.json: cannot write (No space left on device); nothing was changed")


def test_file_size_limit_is_one_line_and_keeps_the_old_file(tmp_path):
    """The same failure injected by the kernel everywhere: RLIMIT_FSIZE makes writes past
    8 KB fail with EFBIG (Python ignores the SIGXFSZ that comes with it)."""
    import resource

    out = tmp_path / "report.json"
    out.write_text(OLD)
    run = run_raw("check", ARTICLE, "-f", "json", "-o", str(out),
                  before=lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (8192, 8192)))
    one_error(run.err, run.code, "report.json: cannot write (File too large); nothing was changed")
    assert out.read_text() == OLD
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_dev_full_is_one_line(tmp_path):
    full = device(tmp_path, "full")
    run = run_cli("check", ARTICLE, "-o", str(full))
    one_error(run.err, run.code, "cannot write (No space left on device)")
    assert stat.S_ISCHR(full.stat().st_mode)


@pytest.mark.parametrize("command", [("check", ARTICLE), ("extract", str(FIXTURES / "articles")),
                                     ("rules",), ("--help",)])
def test_broken_pipe_is_one_line(command):
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before anything is written
    try:
        run = run_raw(*command, stdout=write_end)
    finally:
        os.close(write_end)
    one_error(run.err, run.code, "cannot write to standard output (broken pipe")


def test_closed_standard_output_is_one_line():
    run = run_raw("check", ARTICLE, close=(1,))
    one_error(run.err, run.code, "standard output is closed")


@pytest.mark.parametrize("env", [{"PYTHONIOENCODING": "ascii"},
                                 {"LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONIOENCODING": None}],
                         ids=["PYTHONIOENCODING=ascii", "LC_ALL=C-no-utf8-mode"])
def test_ascii_only_standard_output_is_one_line(env):
    run = run_raw("check", ARTICLE, env=env)  # the article has curly quotes
    one_error(run.err, run.code, "standard output cannot show the character U+")
    assert "PYTHONIOENCODING=utf-8" in run.err and run.out == b""


def test_closed_standard_input_is_one_line():
    run = run_raw("check", "-", close=(0,))
    one_error(run.err, run.code, "stdin: standard input is closed")


# -- untrusted text in JSON ---------------------------------------------------------------------

def test_json_escapes_c1_controls_and_bidi_overrides(tmp_path):
    text = ("The mayor said the \u202ebridge\u202c would reopen\u0085 on Monday.\n"
            "\u201cWe are ready,\u201d said Ana Diaz\u009b31m, the city engineer.\u2066\n")
    path = tmp_path / "hostile.txt"
    path.write_text(text, encoding="utf-8")
    run = run_cli("check", str(path), "-f", "json")
    assert run.code == 0, run.err
    for raw in "\u202e\u202c\u0085\u009b\u2066":
        assert raw not in run.out
    assert "\\u202e" in run.out and "\\u0085" in run.out and "\\u009b" in run.out
    assert json.loads(run.out)["article"]["text"] == text  # escaped, not changed
    lines = run_cli("extract", str(path))
    assert lines.code == 0 and json.loads(lines.out)["doc"] == "hostile"


def test_a_bad_destination_fails_before_any_work(tmp_path):
    """The output is checked first: nothing is fetched (port 1 would refuse) or read."""
    run = run_cli("check", "http://127.0.0.1:1/story.html", "-o", str(tmp_path / "newdir") + "/")
    one_error(run.err, run.code, "names a directory")
    missing = run_cli("extract", str(FIXTURES / "articles"), "-o", str(tmp_path / "no" / "such" / "x.jsonl"))
    one_error(missing.err, missing.code, "does not exist")
    assert missing.out == ""
