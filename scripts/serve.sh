#!/usr/bin/env bash
# Run the site as in production: production settings, PostgreSQL and Redis from the
# environment, then gunicorn, one RQ worker (with its scheduler, for attempts' deadlines) and
# the RQ cron (daily reminders), supervised Procfile-style: SIGTERM or SIGINT stops all three,
# and if any one dies the others are stopped too, so a process manager sees one failure and
# restarts the whole set rather than serving with no worker.
#
# Required: DATABASE_URL, REDIS_URL, DJANGO_SECRET_KEY, WAGTAILADMIN_BASE_URL.
# Optional: DJANGO_ALLOWED_HOSTS, PORT (8000), BIND (127.0.0.1), WEB_CONCURRENCY (3 workers),
#   WEB_THREADS (1 per worker), ACCESS_LOG ("-": stdout; empty for none),
#   SERVE_SKIP_SETUP=1 (skip migrate/collectstatic/loaders: the caller did them),
#   SERVE_STOP_TIMEOUT (30 s before a child that ignores SIGTERM is killed).
set -euo pipefail

cd "$(dirname "$0")/.."
export DJANGO_SETTINGS_MODULE=config.settings.production
# Unbuffered, so log lines from the three processes arrive in order and none are lost on exit.
export PYTHONUNBUFFERED=1

if [[ -x .venv/bin/python ]]; then
    PY=.venv/bin/python
    GUNICORN=.venv/bin/gunicorn
else
    PY=$(command -v python3)
    GUNICORN=$(command -v gunicorn || true)
fi

missing=()
for name in DATABASE_URL REDIS_URL DJANGO_SECRET_KEY WAGTAILADMIN_BASE_URL; do
    [[ -n "${!name:-}" ]] || missing+=("$name")
done
if ((${#missing[@]})); then
    {
        echo "serve: not starting: ${missing[*]} not set."
        echo "  DATABASE_URL           e.g. postgres://user@db.example:5432/media_awareness"
        echo "  REDIS_URL              e.g. redis://127.0.0.1:6379/0 (the job queue)"
        echo "  DJANGO_SECRET_KEY      python3 -c 'import secrets; print(secrets.token_urlsafe(50))'"
        echo "  WAGTAILADMIN_BASE_URL  the address people use, e.g. https://media.example.police.uk"
    } >&2
    exit 2
fi
if [[ -z "$GUNICORN" ]]; then
    echo "serve: gunicorn is not installed (pip install -r requirements.txt)." >&2
    exit 2
fi

PORT=${PORT:-8000}
BIND=${BIND:-127.0.0.1}
WEB_CONCURRENCY=${WEB_CONCURRENCY:-3}
WEB_THREADS=${WEB_THREADS:-1}
ACCESS_LOG=${ACCESS_LOG--}
STOP_TIMEOUT=${SERVE_STOP_TIMEOUT:-30}
for name in PORT WEB_CONCURRENCY WEB_THREADS STOP_TIMEOUT; do
    if ! [[ "${!name}" =~ ^[1-9][0-9]*$ ]]; then
        echo "serve: $name must be a whole number above 0, not '${!name}'." >&2
        exit 2
    fi
done

if [[ "${SERVE_SKIP_SETUP:-}" != 1 ]]; then
    # Each is safe to repeat: a restart re-runs them and changes nothing.
    "$PY" manage.py migrate --noinput
    "$PY" manage.py collectstatic --noinput -v0
    "$PY" manage.py load_guidance
    "$PY" manage.py load_scenario_library
fi

pids=()
stopping=0

stop_children() {
    local pid alive deadline=$((SECONDS + STOP_TIMEOUT))
    for pid in "${pids[@]}"; do
        kill -TERM "$pid" 2>/dev/null || true
    done
    # Graceful first (gunicorn finishes requests, the worker its job), then no more waiting.
    while ((SECONDS < deadline)); do
        alive=0
        for pid in "${pids[@]}"; do
            kill -0 "$pid" 2>/dev/null && alive=1
        done
        ((alive)) || return 0
        sleep 0.2
    done
    for pid in "${pids[@]}"; do
        kill -KILL "$pid" 2>/dev/null || true
    done
}

on_signal() {
    stopping=1
    echo "serve: stopping gunicorn, the worker and the cron" >&2
    stop_children
}
trap on_signal TERM INT

gunicorn_args=(config.wsgi --config scripts/gunicorn_conf.py --bind "$BIND:$PORT" --workers "$WEB_CONCURRENCY"
    --threads "$WEB_THREADS" --graceful-timeout "$STOP_TIMEOUT"
    # No admin socket in $HOME: it is shared by every instance on the machine and unneeded.
    --no-control-socket)
[[ -n "$ACCESS_LOG" ]] && gunicorn_args+=(--access-logfile "$ACCESS_LOG")

"$GUNICORN" "${gunicorn_args[@]}" &
pids+=($!)
"$PY" manage.py rqworker default --with-scheduler &
pids+=($!)
"$PY" manage.py rqcron courses.jobs &
pids+=($!)
echo "serve: http://$BIND:$PORT (gunicorn ${pids[0]}, worker ${pids[1]}, cron ${pids[2]})" >&2

# Returns when the first child exits, or early when a signal arrives (the trap then ran).
status=0
wait -n || status=$?
if ((stopping)); then
    wait || true
    exit 0
fi
echo "serve: a process exited (status $status): stopping the others" >&2
trap - TERM INT
stop_children
wait || true
exit $((status == 0 ? 1 : status))
