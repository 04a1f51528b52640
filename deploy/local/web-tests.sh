#!/usr/bin/env bash
# The dashboard's end-to-end tests (web/e2e): playwright-core in Debian's chromium, axe-core on each
# page, against the services and the dashboard of deploy/local/up.sh. Called by extension-tests.sh
# beside the extension's end-to-end tests, with the backend it started; run alone it starts up.sh
# itself when nothing answers and stops what it started. UPDATE_SCREENSHOTS=1 writes docs/screenshots.
source "$(dirname "$0")/lib.sh"

if ! ensure_dashboard_browser; then
  printf '\033[41;97m %s \033[0m\n' "SKIPPED: the dashboard's end-to-end tests. $CHROMIUM is missing and could not be installed." >&2
  exit 0
fi
cd "$ROOT/web/e2e"

ready() { curl -fs "http://127.0.0.1:$1/q/health/ready" >/dev/null 2>&1; }
# Only what this script started is stopped again (the broker belongs to whoever started it).
started_web=0 started_services=0
ready "$WEB_PORT" || started_web=1
for port in "${PORT[@]}"; do ready "$port" || started_services=1; done
cleanup() { [ $started_web = 1 ] && stop_pid web; [ $started_services = 1 ] && stop_services; true; }
trap cleanup EXIT
if [ $started_web = 1 ] || [ $started_services = 1 ]; then
  build=--no-build
  for m in "${SERVICES[@]}" web; do [ -f "$ROOT/$m/target/quarkus-app/quarkus-run.jar" ] || build=; done
  log "Starting the backend for the dashboard's tests (deploy/local/up.sh $build)"
  make_run_dir
  "$ROOT/deploy/local/up.sh" $build > "$RUN/logs/up-for-web-tests.log" 2>&1 \
    || { tail -20 "$RUN/logs/up-for-web-tests.log"; die "up.sh failed"; }
fi

log "Dashboard end-to-end tests (chromium $("$CHROMIUM" --version 2>/dev/null | awk '{print $2}'), http://127.0.0.1:$WEB_PORT)"
TIEMPOCHECK_PORT_BASE=$PORT_BASE node --test --test-concurrency=1 .
