#!/usr/bin/env bash
# Measures the ingest path on this machine and prints the figures next to the raw limits measured
# in the same run (Kafka's ProducerPerformance, a plain multi-row INSERT). Uses the real broker and
# database like the tests; prints each figure as it is measured and appends it to e2e-tests/target/benchmark.txt.
# A running service is warm: by default 200,000 untimed events go through first (JIT compilation, pools,
# tables), and the raw limits get the same warm-up. BENCH_WARMUP=0 measures freshly started JVMs.
#   BENCH_EVENTS=200000 BENCH_CLIENTS=4 BENCH_WARMUP=200000 ./bench/run.sh
source "$(dirname "$0")/../deploy/local/lib.sh"

start_test_dependencies
ensure_kafka_libs

cd "$ROOT"
mvn -B verify $(kafka_test_options) -pl e2e-tests -am -Pbench -Dtest=IngestPipelineBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.events="${BENCH_EVENTS:-200000}" -Dbench.clients="${BENCH_CLIENTS:-4}" -Dbench.warmup-events="${BENCH_WARMUP:-200000}" | grep -vE '^\[INFO\] (Download|---|$)'
