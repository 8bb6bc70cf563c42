#!/usr/bin/env bash
# Restore a dump made by scripts/backup.sh into a NEW database on the server DATABASE_URL
# points at, then check it:
#   scripts/restore.sh [--force] DUMP NEW_DATABASE_NAME
# - checks the dump against its .sha256 (when present) before touching anything;
# - creates NEW_DATABASE_NAME, or uses it if it exists and is empty; refuses a database that
#   holds tables unless --force (then the dump's objects replace theirs);
# - `manage.py migrate --check`: the restored schema is the one this code expects;
# - `manage.py verify_restore` against the dump's manifest (when present): the same counts of
#   training records, and every certificate shows the same at /verify/.
# DATABASE_URL is never printed (it may hold a password). See docs/operations.md.
set -euo pipefail

fail() {
  echo "restore: $*" >&2
  exit 1
}
usage="usage: scripts/restore.sh [--force] DUMP NEW_DATABASE_NAME"

force=false
args=()
for arg in "$@"; do
  case $arg in
    --force) force=true ;;
    -h | --help) echo "$usage" && exit 0 ;;
    -*) fail "unknown option $arg; $usage" ;;
    *) args+=("$arg") ;;
  esac
done
[[ ${#args[@]} -eq 2 ]] || fail "$usage"
dump=$(realpath -- "${args[0]}" 2>/dev/null) || fail "no dump at ${args[0]}."
target=${args[1]}
[[ -f $dump ]] || fail "no dump at ${args[0]}."
# A plain name: it goes into SQL and into a connection address.
[[ $target =~ ^[A-Za-z_][A-Za-z0-9_]{0,62}$ ]] ||
  fail "the database name '$target' must be letters, digits and _ (at most 63)."
url=${DATABASE_URL:-}
[[ -n $url ]] || fail "DATABASE_URL is not set: it names the PostgreSQL server to restore into."
[[ $url =~ ^(postgres(ql)?://[^/?]*)(/([^?]*))?(\?.*)?$ ]] ||
  fail "DATABASE_URL is not a PostgreSQL address (postgres://...)."
server=${BASH_REMATCH[1]} query=${BASH_REMATCH[5]}
[[ $target != "${BASH_REMATCH[4]}" ]] ||
  fail "$target is the database DATABASE_URL uses: restore into a new one, then switch."
target_url="$server/$target$query"
maintenance_url="$server/postgres$query"
for tool in pg_restore psql; do
  command -v "$tool" >/dev/null || fail "$tool is not installed (Debian: postgresql-client)."
done

cd "$(dirname "$0")/.."
python=${PYTHON:-.venv/bin/python}
[[ -x $python ]] || python=python3

if [[ -f $dump.sha256 ]]; then
  (cd "$(dirname "$dump")" && sha256sum --quiet --check -- "$(basename "$dump").sha256") ||
    fail "$dump does not match its checksum: it is damaged; use another backup."
else
  echo "restore: no $(basename "$dump").sha256 beside the dump: its integrity is not checked." >&2
fi
pg_restore --list -- "$dump" >/dev/null 2>&1 || fail "$dump is not a pg_dump custom-format file."

sql() { psql -X -q -A -t -v ON_ERROR_STOP=1 "$@"; }
exists=$(sql --dbname="$maintenance_url" -c \
  "SELECT count(*) FROM pg_database WHERE datname = '$target'") ||
  fail "cannot reach the PostgreSQL server (above)."
if [[ $exists == 0 ]]; then
  sql --dbname="$maintenance_url" -c "CREATE DATABASE \"$target\"" ||
    fail "cannot create the database $target (above)."
  echo "restore: created the database $target."
else
  tables=$(sql --dbname="$target_url" -c "SELECT count(*) FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S')
      AND n.nspname NOT IN ('pg_catalog', 'information_schema')
      AND n.nspname NOT LIKE 'pg_toast%'") || fail "cannot open the database $target (above)."
  if [[ $tables != 0 ]]; then
    $force || fail "the database $target is not empty ($tables tables and other relations):" \
      "restore into a new database, or add --force to replace what the dump holds."
    echo "restore: --force: replacing the objects the dump holds in $target." >&2
  fi
fi

clean=()
$force && clean=(--clean --if-exists)
pg_restore --no-owner --no-privileges --exit-on-error --single-transaction "${clean[@]}" \
  --dbname="$target_url" -- "$dump" || fail "pg_restore failed (above); $target is unchanged."
echo "restore: restored $(basename "$dump") into $target."

DATABASE_URL=$target_url "$python" manage.py migrate --check >/dev/null ||
  fail "the restored schema does not match this code: it has migrations to apply" \
    "(\`manage.py migrate\` with DATABASE_URL pointing at $target), or the code is older than the dump."
echo "restore: the schema matches this code's migrations."

manifest=${dump%.dump}.manifest.json
if [[ -f $manifest ]]; then
  DATABASE_URL=$target_url "$python" manage.py verify_restore --manifest "$manifest" ||
    fail "$target differs from the backup (above)."
else
  echo "restore: no $(basename "$manifest") beside the dump: the records are not compared." >&2
fi
echo "restore: done. Point DATABASE_URL at $target to use it."
