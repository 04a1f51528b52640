#!/usr/bin/env bash
# Measures alerts-service on this machine: how many concurrent SSE streams one instance holds with
# the heap it runs with, and the time from ingest's 202 for a crossing event to the alert on the
# stream, next to the raw limits measured in the same run. Uses the real broker and database like
# the tests; prints each figure as it is measured and appends it to e2e-tests/target/alerts-benchmark.txt.
#   BENCH_STREAMS=10000 BENCH_ALERTS_HEAP=256m BENCH_SAMPLES=200 ./bench/alerts.sh   (the latency target's 10,000 streams)
#   BENCH_STREAMS=25000 BENCH_ALERTS_HEAP=512m ./bench/alerts.sh                     (the capacity target)
# Each stream takes a descriptor in the service and one in this load generator: 25,000 streams need a hard
# limit (ulimit -Hn) of at least 27,000, which only a process with CAP_SYS_RESOURCE can raise.
source "$(dirname "$0")/../deploy/local/lib.sh"

start_test_dependencies

# Each stream is one socket in the service and one in the load generator: both need the descriptors.
want=$(( ${BENCH_STREAMS:-10000} + 2000 ))
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt "$want" ]; then
  ulimit -n "$want" 2>/dev/null || log "ulimit -n is $(ulimit -n), below the $want this run needs; expect refused streams"
fi

cd "$ROOT"
mvn -B verify $(kafka_test_options) -pl e2e-tests -am -Pbench -Dtest=AlertsBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.streams="${BENCH_STREAMS:-10000}" -Dbench.alerts-heap="${BENCH_ALERTS_HEAP:-256m}" \
  -Dbench.latency-samples="${BENCH_SAMPLES:-200}" | grep -vE '^\[INFO\] (Download|---|$)'
