#!/usr/bin/env bash
# `make loadtest`: the site as `make serve` runs it, on the realistic force in a PostgreSQL
# database of its own, driven by Locust from this machine; writes docs/performance.md.
# See the "How to reproduce" section of that page for the variables.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=.venv/bin/python
[[ -x "$PY" ]] || PY=$(command -v python3)
PORT=${LOAD_PORT:-8780}
DB_URL=${LOAD_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/media_awareness_load}
REDIS=${LOAD_REDIS_URL:-${REDIS_URL:-redis://127.0.0.1:6379/0}}
WORK=$(mktemp -d)
serve_pid=""

cleanup() {
    if [[ -n "$serve_pid" ]] && kill -0 "$serve_pid" 2>/dev/null; then
        kill -TERM "$serve_pid" 2>/dev/null || true
        wait "$serve_pid" 2>/dev/null || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# The database: created when missing; the force in it is built once and kept.
"$PY" - "$DB_URL" <<'PYEOF'
import sys
from urllib.parse import urlparse

import psycopg

url = urlparse(sys.argv[1])
name = url.path.lstrip("/")
admin = url._replace(path="/postgres").geturl()
try:
    with psycopg.connect(admin, autocommit=True, connect_timeout=5) as c:
        if not c.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            c.execute(f'CREATE DATABASE "{name}"')
            print(f"created the database {name}")
except psycopg.OperationalError as exc:
    sys.exit(f"loadtest: PostgreSQL does not answer at {admin}: {exc}")
PYEOF
echo "loadtest: preparing $DB_URL (the first time builds the force: several minutes)"
DATABASE_URL=$DB_URL "$PY" -m loadtest.state prepare > "$WORK/plan.json"

echo "loadtest: starting the site on 127.0.0.1:$PORT"
WEB_CONCURRENCY=${WEB_CONCURRENCY:-3}
WEB_THREADS=${WEB_THREADS:-1}
env DATABASE_URL="$DB_URL" REDIS_URL="$REDIS" PORT="$PORT" BIND=127.0.0.1 \
    WEB_CONCURRENCY="$WEB_CONCURRENCY" WEB_THREADS="$WEB_THREADS" \
    DJANGO_SECRET_KEY="$("$PY" -c 'import secrets; print(secrets.token_urlsafe(50))')" \
    DJANGO_ALLOWED_HOSTS=127.0.0.1,localhost WAGTAILADMIN_BASE_URL="http://127.0.0.1:$PORT" \
    DJANGO_SECURE_SSL_REDIRECT=false ACCESS_LOG="${LOAD_ACCESS_LOG:-}" \
    bash scripts/serve.sh > "$WORK/serve.log" 2>&1 &
serve_pid=$!
for _ in $(seq 1 300); do
    if curl -fs -o /dev/null "http://127.0.0.1:$PORT/verify/"; then
        break
    fi
    if ! kill -0 "$serve_pid" 2>/dev/null; then
        tail -40 "$WORK/serve.log" >&2
        echo "loadtest: the site did not start (log above)" >&2
        exit 1
    fi
    sleep 1
done
curl -fs -o /dev/null "http://127.0.0.1:$PORT/verify/" || {
    tail -40 "$WORK/serve.log" >&2
    echo "loadtest: the site did not answer within 300 s" >&2
    exit 1
}

DATABASE_URL=$DB_URL "$PY" -m loadtest.run --host "http://127.0.0.1:$PORT" \
    --plan "$WORK/plan.json" --rounds "${LOAD_ROUNDS:-3}" --window "${LOAD_WINDOW:-30}" \
    --only "${LOAD_ONLY:-}" \
    --server "scripts/serve.sh: gunicorn, $WEB_CONCURRENCY sync workers × $WEB_THREADS thread(s), production settings, PostgreSQL, Redis, one RQ worker"
if grep -q "Traceback" "$WORK/serve.log"; then
    echo "loadtest: the server logged errors:" >&2
    grep -B2 -A20 "Traceback" "$WORK/serve.log" | tail -60 >&2
fi
