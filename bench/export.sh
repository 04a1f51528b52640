#!/usr/bin/env bash
# Times GET /api/v1/cuenta/exportar for one user-year (target < 10 s) on the rebuild benchmark's density:
# 50,000 registro events per user-year generated straight into a benchmark feature store, aggregates
# rebuilt by the service, a few limits and a policy. Figures also go to e2e-tests/target/export-benchmark.txt.
#   ./bench/export.sh
#   BENCH_EXPORT_EVENTS_PER_USER=5000 ./bench/export.sh   # smoke size
source "$(dirname "$0")/../deploy/local/lib.sh"

start_test_dependencies

cd "$ROOT"
mvn -B verify $(kafka_test_options) -pl e2e-tests -am -Pbench -Dtest=ExportBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.export.events-per-user="${BENCH_EXPORT_EVENTS_PER_USER:-50000}" | grep -vE '^\[INFO\] (Download|---|$)'
