#!/usr/bin/env bash
# The real binary: SIGHUP reloads the rules, SIGTERM lets a request finish and
# closes the database cleanly (exit 0), what was acknowledged is exported, and
# the log holds neither the secret nor the comment's text or author.
# Usage: serve_signals.sh TURNAROUND_BINARY REPO_ROOT
set -euo pipefail
bin=$1
root=$2
work=$(mktemp -d)
# Never `kill -9 0` (an unset pid): that kills the caller's process group, ctest and CI.
trap 'if [ -n "${pid:-}" ]; then kill -9 "$pid" 2>/dev/null || true; fi; rm -rf "$work"' EXIT
port=$(( 20000 + RANDOM % 30000 ))
TURNAROUND_GENERIC_SECRET=sig-test "$bin" serve --listen 127.0.0.1:$port --db "$work/t.db" \
  --rules "$root/rules" --templates "$root/templates" >"$work/log" 2>&1 &
pid=$!
# shellcheck source=../../scripts/wait-for-server.sh
. "$root/scripts/wait-for-server.sh"
wait_for_server "$port" "$pid" || { echo "serve did not start"; cat "$work/log"; exit 1; }

body='{"source":"yelp","id":"sig-1","text":"Waited 3 hours and nobody called","author":{"id":"u1","name":"Ann"},"created_at":"2026-11-24T05:00:00Z"}'
sig=$(printf '%s' "$body" | openssl dgst -sha256 -hmac sig-test | sed 's/^.* //')
code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/webhooks/generic" \
  -H 'Content-Type: application/json' -H "X-Turnaround-Signature: sha256=$sig" -d "$body")
[ "$code" = 200 ] || { echo "delivery answered $code"; cat "$work/log"; exit 1; }

kill -HUP "$pid"
for _ in $(seq 1 1200); do grep -q "rules reloaded" "$work/log" && break; sleep 0.1; done
grep -q "rules reloaded by signal:SIGHUP" "$work/log" || { echo "no reload on SIGHUP"; cat "$work/log"; exit 1; }

kill -TERM "$pid"
status=0
wait "$pid" || status=$?
[ "$status" = 0 ] || { echo "serve exited $status on SIGTERM"; cat "$work/log"; exit 1; }
grep -q "database closed" "$work/log" || { echo "no clean close"; cat "$work/log"; exit 1; }
"$bin" export --db "$work/t.db" | grep -q '"external_id":"sig-1"' || { echo "acknowledged comment missing"; exit 1; }
# Patient data and real secrets never reach the log (ids only).
if grep -q -e "sig-test" -e "Waited 3 hours" -e "Ann" "$work/log"; then
  echo "the log contains a secret, comment text or an author name"; cat "$work/log"; exit 1
fi
"$bin" audit verify --db "$work/t.db" | grep -q "audit chain OK"
echo "serve_signals: ok"
