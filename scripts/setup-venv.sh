# Sourced by run.sh and test.sh: make .venv with Python 3.11 and install a requirements
# file into it, only when that file changed since the last install.
req="$1"
py="$(command -v python3.11 || command -v python3)"
if ! "$py" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))'; then
  echo "Python 3.11 diperlukan / Python 3.11 is required (found: $("$py" --version))." >&2
  exit 1
fi
[ -x .venv/bin/python ] || "$py" -m venv .venv
stamp=".venv/.installed-$(basename "$req")"
want="$(cat requirements*.txt pyproject.toml | sha256sum | cut -d' ' -f1)"
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  echo "Memasang paket / installing packages ($req)…"
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -r "$req"
  # the project itself, editable: the `ikm-data` command (same as python -m ikm_data)
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
  echo "$want" > "$stamp"
fi
