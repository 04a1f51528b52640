#!/usr/bin/env bash
# Measures suggestions-service on the rebuild benchmark's size (100 users x 365 days of features_diarias,
# generated straight into a benchmark database): /api/sugerencias_detalle latency, a 3-policy evaluation
# over a user-year, and the nightly refit and backtest of every user next to seasonal-naive alone.
# Figures also go to e2e-tests/target/suggestions-benchmark.txt.
#   ./bench/suggestions.sh            # full size
#   BENCH_SUGGESTIONS_USERS=10 BENCH_SUGGESTIONS_DAYS=90 ./bench/suggestions.sh   # smoke size
source "$(dirname "$0")/../deploy/local/lib.sh"

start_test_dependencies

cd "$ROOT"
mvn -B verify $(kafka_test_options) -pl e2e-tests -am -Pbench -Dtest=SuggestionsBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.suggestions.users="${BENCH_SUGGESTIONS_USERS:-100}" -Dbench.suggestions.days="${BENCH_SUGGESTIONS_DAYS:-365}" \
  -Dbench.suggestions.requests="${BENCH_SUGGESTIONS_REQUESTS:-1000}" | grep -vE '^\[INFO\] (Download|---|$)'
