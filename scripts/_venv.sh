# Sourced by scripts/attrib and scripts/test: make (or refresh) the project's .venv.
# The environment is rebuilt when pyproject.toml changes, so a fresh clone needs no setup.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="${ATTRIB_VENV:-$root/.venv}"
extras="${1:-}"
stamp="$venv/.attrib-installed"
want="$( (cat "$root/pyproject.toml"; echo "$extras") | sha256sum | cut -c1-16)"
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
fi
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip >&2
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -e "$root$extras" >&2
    echo "$want" > "$stamp"
fi
