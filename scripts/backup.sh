#!/usr/bin/env bash
# Back up the PostgreSQL database named by DATABASE_URL into FOLDER:
#   media-awareness-<UTC time>.dump          pg_dump's custom format (pg_restore reads it)
#   media-awareness-<UTC time>.dump.sha256   its checksum (sha256sum -c checks it)
#   media-awareness-<UTC time>.manifest.json counts of the training records and what /verify/
#                                            shows for every certificate, for verify_restore
# The dump and the manifest are read from one exported snapshot, so they describe the same
# moment however busy the site is. Usage: scripts/backup.sh FOLDER
# Never prints DATABASE_URL: it may hold a password. See docs/operations.md.
set -euo pipefail

fail() {
  echo "backup: $*" >&2
  exit 1
}

[[ $# -eq 1 && $1 != -* ]] || fail "usage: scripts/backup.sh FOLDER"
folder=$1
url=${DATABASE_URL:-}
[[ -n $url ]] || fail "DATABASE_URL is not set: it names the database to back up."
[[ $url =~ ^postgres(ql)?:// ]] ||
  fail "DATABASE_URL is not a PostgreSQL address (postgres://...): only PostgreSQL is backed up here."
for tool in pg_dump psql sha256sum; do
  command -v "$tool" >/dev/null || fail "$tool is not installed (Debian: postgresql-client)."
done

cd "$(dirname "$0")/.."
python=${PYTHON:-.venv/bin/python}
[[ -x $python ]] || python=python3
mkdir -p -- "$folder" || fail "cannot create the folder $folder."
[[ -w $folder ]] || fail "cannot write to the folder $folder."

# The dump holds people's names and training records: readable by its owner only.
umask 077
stamp=$(date -u +%Y%m%dT%H%M%SZ)
base="$folder/media-awareness-$stamp"
dump="$base.dump"
partial="$dump.partial"
[[ ! -e $dump ]] || fail "$dump already exists."

# A read-only transaction that exports its snapshot and stays open while pg_dump and the
# manifest read from it. psql's errors come back on the same pipe; libpq never puts the
# password in a message.
trap '' PIPE # a psql that died is reported below, not by a silent SIGPIPE
coproc SNAP { psql -X -q -A -t -v ON_ERROR_STOP=1 --dbname="$url" 2>&1; }
snap_in=${SNAP[1]} snap_out=${SNAP[0]}
finish() {
  rm -f -- "$partial"
  { echo "COMMIT;" >&"$snap_in"; } 2>/dev/null || true
  { exec {snap_in}>&-; } 2>/dev/null || true
  wait 2>/dev/null || true
}
trap finish EXIT
snapshot=""
{ echo "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SELECT pg_export_snapshot();" \
  >&"$snap_in"; } 2>/dev/null || true
IFS= read -r -t 60 snapshot <&"$snap_out" 2>/dev/null || true
[[ $snapshot =~ ^[0-9A-F]+-[0-9A-F]+(-[0-9]+)?$ ]] ||
  fail "cannot open the database: ${snapshot:-no answer within 60 s}"

pg_dump --format=custom --no-owner --no-privileges --snapshot="$snapshot" \
  --file="$partial" --dbname="$url" || fail "pg_dump failed (above); no backup was written."
DATABASE_URL=$url "$python" manage.py verify_restore --write-manifest "$base.manifest.json" \
  --snapshot "$snapshot" >/dev/null || {
  rm -f -- "$base.manifest.json"
  fail "the manifest could not be written (above); no backup was written."
}
mv -- "$partial" "$dump"
(cd "$folder" && sha256sum -- "$(basename "$dump")" >"$(basename "$dump").sha256")
echo "backup: wrote $dump ($(du -h "$dump" | cut -f1)), its .sha256 and $(basename "$base").manifest.json"
