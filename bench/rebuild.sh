#!/usr/bin/env bash
# Measures rebuilding the feature store from a year of history (5 million events, 100 users) next to
# the plain INSERT ... SELECT ... GROUP BY MariaDB needs for the same rows, plus the QA check and the
# health/QA endpoint latencies. Each figure is printed as it is measured and appended to
# e2e-tests/target/rebuild-benchmark.txt.
#   BENCH_REBUILD_EVENTS=5000000 ./bench/rebuild.sh
source "$(dirname "$0")/../deploy/local/lib.sh"

start_test_dependencies

cd "$ROOT"
mvn -B verify $(kafka_test_options) -pl e2e-tests -am -Pbench -Dtest=FeatureStoreRebuildBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.rebuild.events="${BENCH_REBUILD_EVENTS:-5000000}" | grep -vE '^\[INFO\] (Download|---|$)'
