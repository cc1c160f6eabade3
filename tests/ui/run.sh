#!/usr/bin/env bash
# Browser test of the agents' and supervisors' pages, end to end against the real binary.
#
#   tests/ui/run.sh [PATH/TO/turnaround]     (default: build/turnaround)
#
# 1. Installs Debian's chromium (apt-get, only if missing) and playwright-core (npm ci into
#    tests/ui/node_modules, pinned by package-lock.json; playwright never downloads a browser).
# 2. Starts `turnaround serve` on a free loopback port with a temporary database and the
#    repository's rules/ and templates/, spike checks every 5 s (alerts at 8 flagged items an
#    hour), and creates two agents (the test signs in as the first; the second holds a claim
#    to provoke a 409) and a supervisor.
# 3. Runs browser_test.mjs, which posts signed generic-webhook comments and drives the page:
#    the agents' inbox, then the supervisors' reports and audit pages, then a spike alert.
#    Screenshots go to build/ui-queue.png, build/ui-item.png, build/ui-phone.png,
#    build/ui-reports.png, build/ui-audit.png and build/ui-alert.png.
#
# Exit codes: 0 passed, 1 failed, 77 skipped (only when chromium cannot be installed or
# launched; ctest reports that as skipped).
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
bin=${1:-$root/build/turnaround}
skip=77

say() { printf 'ui-test: %s\n' "$*" >&2; }

[ -x "$bin" ] || { say "no turnaround binary at $bin"; exit 1; }

# --- chromium ------------------------------------------------------------------------------
chromium=/usr/bin/chromium
if [ ! -x "$chromium" ]; then
  say "installing chromium (Debian package)"
  as_root=()
  [ "$(id -u)" -eq 0 ] || as_root=(sudo -n)
  if command -v apt-get >/dev/null 2>&1; then
    # One install at a time: ctest may run this for several build trees.
    (
      flock 9
      [ -x "$chromium" ] || {
        "${as_root[@]}" apt-get update -qq &&
          DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends chromium
      }
    ) 9>/tmp/turnaround-ui-apt.lock >&2 || true
  fi
fi
if [ ! -x "$chromium" ]; then
  say "SKIP: chromium is not installed and could not be installed"
  exit $skip
fi

# --- node and playwright-core --------------------------------------------------------------
command -v node >/dev/null 2>&1 || { say "node is not installed"; exit 1; }
command -v npm >/dev/null 2>&1 || { say "npm is not installed"; exit 1; }
want=$(node -p "require('$here/package-lock.json').packages['node_modules/playwright-core'].version")
have=$(node -p "try { require('$here/node_modules/playwright-core/package.json').version } catch (e) { '' }" 2>/dev/null)
if [ "$want" != "$have" ]; then
  say "installing playwright-core $want (npm ci)"
  (
    flock 9
    cd "$here" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
  ) 9>"$here/.npm.lock" >&2 || { say "npm ci failed"; exit 1; }
fi

# --- the server ----------------------------------------------------------------------------
tmp=$(mktemp -d "${TMPDIR:-/tmp}/turnaround-ui.XXXXXX")
server_pid=
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null
    wait "$server_pid" 2>/dev/null
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

db=$tmp/ui.db
secret=ui-test-generic-secret-$$
add_user() {  # NAME [ROLE] -> prints "password token"
  local out
  out=$("$bin" user add "$1" --role "${2:-agent}" --db "$db") || { say "user add $1 failed"; return 1; }
  printf '%s %s\n' "$(sed -n 's/^password: //p' <<<"$out")" "$(sed -n 's/^token: //p' <<<"$out")"
}
read -r agent_password _ < <(add_user carmen) || exit 1
read -r _ bob_token < <(add_user bob) || exit 1
read -r sup_password _ < <(add_user nadia supervisor) || exit 1
if [ -z "$agent_password" ] || [ -z "$bob_token" ] || [ -z "$sup_password" ]; then
  say "could not read the password / token printed by 'turnaround user add'"
  exit 1
fi

# The contact details the reply templates fill in (and the PHI guard allows).
cat >"$tmp/config.json" <<'JSON'
{
  "replies": {
    "page_name": "Riverside General Hospital",
    "contact_phone": "(555) 010-2000",
    "contact_email": "patientrelations@riverside.example",
    "contact_url": "https://riverside.example/contact"
  },
  "alerts": { "spike_multiple": 3.0, "min_flagged": 8, "baseline_hours": 24, "check_interval_s": 5 }
}
JSON
TURNAROUND_GENERIC_SECRET=$secret "$bin" serve --listen 127.0.0.1:0 --db "$db" --config "$tmp/config.json" \
  --rules "$root/rules" --templates "$root/templates" >"$tmp/server.log" 2>&1 &
server_pid=$!
base=
for _ in $(seq 1 200); do
  base=$(sed -n 's|.*listening on \(http://127\.0\.0\.1:[0-9][0-9]*\).*|\1|p' "$tmp/server.log" | head -n1)
  [ -n "$base" ] && break
  kill -0 "$server_pid" 2>/dev/null || break
  sleep 0.1
done
if [ -z "$base" ]; then
  say "the server did not start:"
  cat "$tmp/server.log" >&2
  exit 1
fi
say "server at $base"

mkdir -p "$root/build"
TA_BASE_URL=$base TA_USER=carmen TA_PASSWORD=$agent_password TA_OTHER_USER=bob \
  TA_SUP_USER=nadia TA_SUP_PASSWORD=$sup_password \
  TA_OTHER_TOKEN=$bob_token TA_GENERIC_SECRET=$secret TA_OUT_DIR=$root/build \
  TA_PROFILE_DIR=$tmp/profile TA_CHROMIUM=$chromium \
  node "$here/browser_test.mjs"
rc=$?
if [ $rc -ne 0 ] && [ $rc -ne $skip ]; then
  say "server log:"
  tail -n 40 "$tmp/server.log" >&2
fi
exit $rc
