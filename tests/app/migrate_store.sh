#!/usr/bin/env bash
# The real binary: migrate-store copies a store into an empty one, prints a
# line per table and a summary, and refuses what it must with exit codes 1
# (failure) and 2 (usage). Copies SQLite to SQLite; the PostgreSQL target is
# covered by tests/store/store_copy_test.cpp.
# Usage: migrate_store.sh TURNAROUND_BINARY
set -euo pipefail
bin=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "migrate_store: $*"; exit 1; }

"$bin" user add alice --role admin --db "$work/src.db" >/dev/null
"$bin" token create alice --db "$work/src.db" >/dev/null

out=$("$bin" migrate-store --from "sqlite:$work/src.db" --to "sqlite:$work/dst.db") || fail "copy failed: $out"
echo "$out" | grep -qx 'table=users rows=1' || fail "no users line: $out"
echo "$out" | grep -qx 'table=tokens rows=2' || fail "no tokens line: $out"
echo "$out" | grep -qx 'table=comments rows=0' || fail "no comments line: $out"
[ "$(echo "$out" | grep -c '^table=')" -ge 11 ] || fail "a line per table expected: $out"
echo "$out" | tail -1 | grep -q '^migrate-store: copied 6 rows in [0-9]* tables; every count matches the source; audit chain OK (3 events)$' \
  || fail "bad summary: $out"
"$bin" audit verify --db "$work/dst.db" | grep -q "audit chain OK: 3 events" || fail "target chain"
"$bin" user list --db "$work/dst.db" | grep -q alice || fail "alice not copied"

expect() {  # expect CODE MESSAGE ARGS...: exit code and a stderr line
  local code=$1 message=$2 status=0
  shift 2
  "$bin" migrate-store "$@" >"$work/out" 2>"$work/err" || status=$?
  [ "$status" = "$code" ] || fail "exit $status, not $code, for $*: $(cat "$work/err")"
  grep -qF -- "$message" "$work/err" || fail "no '$message' for $*: $(cat "$work/err")"
}
expect 1 "the target is not empty (table 'users' has rows)" --from "sqlite:$work/src.db" --to "sqlite:$work/dst.db"
expect 1 "the source and the target are the same database" --from "sqlite:$work/src.db" --to "sqlite:$work/./src.db"
expect 1 "the target must be postgresql://... or sqlite:PATH, not 'mysql://x'" --from "sqlite:$work/src.db" --to mysql://x
expect 1 "is not an existing SQLite database file" --from "sqlite:$work/none.db" --to "sqlite:$work/x.db"
expect 2 "--to is required" --from "sqlite:$work/src.db"
expect 2 "unexpected '--db'" --db x
"$bin" migrate-store --help | grep -q "usage: turnaround migrate-store --from sqlite:PATH" || fail "help"
echo "migrate_store: ok"
