# Shared by scripts/demo and scripts/test: set up what a fresh machine lacks, reuse what it has.
# Sourced, not run. Everything here is idempotent.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
VENV="$ROOT/.venv"

say() { printf '==> %s\n' "$*" >&2; }

# Debian packages, installed only when missing (CI and a developer's machine run as root).
ensure_debian_packages() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "installing system packages: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

# .venv with the project installed in editable mode; reinstalled only when pyproject.toml changes.
ensure_venv() {
  local python=${PYTHON:-$(command -v python3.11 || command -v python3)}
  if [ ! -x "$VENV/bin/python" ]; then
    say "creating .venv with $($python --version)"
    "$python" -m venv "$VENV"
  fi
  local stamp="$VENV/.minutebook-installed" want
  want=$(sha256sum "$ROOT/pyproject.toml" | cut -d' ' -f1)
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    say "installing Minutebook and its pinned dependencies into .venv"
    "$VENV/bin/python" -m pip install -q --upgrade pip
    "$VENV/bin/python" -m pip install -q -e "$ROOT[dev]"
    echo "$want" > "$stamp"
  fi
}

# A PostgreSQL server on 127.0.0.1:5432 that accepts postgres/postgres (trust auth also works).
ensure_postgres() {
  if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then return 0; fi
  command -v pg_ctlcluster >/dev/null 2>&1 || ensure_debian_packages postgresql
  local version
  version=$(ls /etc/postgresql | sort -V | tail -1)
  say "starting PostgreSQL $version"
  pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
  pg_isready -q -h 127.0.0.1 -p 5432 || { say "PostgreSQL did not start"; return 1; }
  # A fresh Debian install asks for a password on TCP: give the postgres role one.
  su postgres -c "psql -q -c \"ALTER USER postgres PASSWORD 'postgres'\"" >/dev/null 2>&1 || true
}

# node_modules from package-lock.json (GOV.UK Frontend, sass, axe-core), reinstalled with
# `npm ci` when missing or when the lock file changes. Debian's nodejs and npm if node is absent.
ensure_node_modules() {
  command -v npm >/dev/null 2>&1 || ensure_debian_packages nodejs npm
  local stamp="$ROOT/node_modules/.minutebook-installed" want
  want=$(sha256sum "$ROOT/package-lock.json" | cut -d' ' -f1)
  if [ ! -d "$ROOT/node_modules" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    say "installing the npm packages pinned in package-lock.json"
    (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
    echo "$want" > "$stamp"
  fi
}
