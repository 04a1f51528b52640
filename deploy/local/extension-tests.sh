#!/usr/bin/env bash
# The extension's tests: unit tests (node --test) and end-to-end tests in Debian's chromium
# against the real backend. Called by deploy/local/test.sh. Installs what it needs (chromium,
# its translations, node, npm ci), starts the backend with up.sh when it is not running and stops
# what it started, and checks what up.sh left running (runner-checks.sh). Then the dashboard's
# end-to-end tests (web-tests.sh). Skips the browser tests, loudly, only when chromium cannot be installed.
source "$(dirname "$0")/lib.sh"

EXT="$ROOT/extension"
CHROMIUM=/usr/bin/chromium

apt_install() {
  [ "$(id -u)" = 0 ] || return 1
  log "Installing Debian's $*"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

command -v node >/dev/null || apt_install nodejs || true
command -v npm >/dev/null || apt_install npm || true # some nodejs packages bundle npm, Debian's does not
command -v npm >/dev/null || die "node and npm are needed for the extension's tests: install Node.js 20 or newer" 

cd "$EXT"
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "npm ci (extension)"
  npm ci --no-audit --no-fund --loglevel=error
fi

log "Extension unit tests"
node --test test/unit/

ready() { curl -fs "http://127.0.0.1:${PORT[$1]}/q/health/ready" >/dev/null 2>&1; }
started_backend=0
for svc in "${SERVICES[@]}"; do ready "$svc" || started_backend=1; done
# Only the services: the broker belongs to whoever started it (test.sh, or a developer's up.sh).
cleanup() { [ $started_backend = 1 ] && { stop_pid web; stop_services; } || true; }
trap cleanup EXIT
if [ $started_backend = 1 ]; then
  build=--no-build
  for svc in "${SERVICES[@]}"; do [ -f "$ROOT/$svc/target/quarkus-app/quarkus-run.jar" ] || build=; done
  log "Starting the backend for the extension's end-to-end tests (deploy/local/up.sh $build)"
  # The broker may be someone else's (already running), so this checkout may not have its run folder yet.
  make_run_dir
  "$ROOT/deploy/local/up.sh" $build > "$RUN/logs/up-for-extension-tests.log" 2>&1 \
    || { tail -20 "$RUN/logs/up-for-extension-tests.log"; die "up.sh failed"; }
  # What up.sh leaves on a shared machine, and its restart right after a crash (issue 12).
  "$ROOT/deploy/local/runner-checks.sh" "$RUN/logs/up-for-extension-tests.log" --crash
else
  log "The backend was already running: the local runner's checks run without the crash restart"
  "$ROOT/deploy/local/runner-checks.sh" /dev/null
fi
# Hostile requests to every documented endpoint (issue 12): the backend is up here.
"$ROOT/deploy/local/fuzz-tests.sh"

if [ ! -x "$CHROMIUM" ]; then
  apt_install chromium chromium-l10n || true
fi
if [ ! -x "$CHROMIUM" ]; then
  printf '\033[41;97m %s \033[0m\n' \
    "SKIPPED: the extension's end-to-end tests. $CHROMIUM is missing and could not be installed (apt-get install chromium needs root and Debian's archive)." >&2
  exit 0
fi
# Spanish is the extension's default language; Debian ships Chromium's translations apart.
[ -f /usr/lib/chromium/locales/es.pak ] || apt_install chromium-l10n || log "chromium-l10n missing: pages will show in English"

log "Extension end-to-end tests (chromium $("$CHROMIUM" --version 2>/dev/null | awk '{print $2}'))"
node --test --test-concurrency=1 test/e2e/

# The dashboard's end-to-end tests, against the same backend (up.sh started the dashboard with it).
"$ROOT/deploy/local/web-tests.sh"
