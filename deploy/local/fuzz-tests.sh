#!/usr/bin/env bash
# The fuzz test of the services' HTTP APIs (e2e-tests/fuzz, fast-check, node --test) against the
# backend of up.sh on TIEMPOCHECK_PORT_BASE. Called by extension-tests.sh while that backend is up.
# FUZZ_SEED replays another seed, FUZZ_SECONDS changes the time it takes (see the test's header).
source "$(dirname "$0")/lib.sh"

cd "$ROOT/e2e-tests/fuzz"
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "npm ci (fuzz test)"
  npm ci --no-audit --no-fund --loglevel=error
fi
log "Fuzz test of the services' APIs (ports $((PORT_BASE + 1))-$((PORT_BASE + 4)))"
TIEMPOCHECK_PORT_BASE=$PORT_BASE node --test test/
