#!/usr/bin/env bash
# Times the dashboard's Resumen page for range Total (issue 16) on the rebuild benchmark's data: 100 users x
# 365 days at 50,000 registro events per user-year, generated straight into a benchmark feature store up to
# today and aggregated by the service's rebuild. Each API call the page makes, over HTTP (target p99 < 100 ms),
# and the page drawn in Debian's chromium from navigation start (target p95 < 1 s), with the packaged services
# and the dashboard started once. Figures also go to e2e-tests/target/dashboard-benchmark.txt.
#   ./bench/dashboard.sh
#   BENCH_DASHBOARD_USERS=2 BENCH_DASHBOARD_DAYS=30 BENCH_DASHBOARD_PAGE_LOADS=3 ./bench/dashboard.sh   # smoke size
source "$(dirname "$0")/../deploy/local/lib.sh"

ensure_dashboard_browser || die "$CHROMIUM is needed to draw the page: apt-get install chromium"
start_test_dependencies

cd "$ROOT"
mvn -B verify $(kafka_test_options) -pl e2e-tests -am -Pbench -Dtest=DashboardBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.dashboard.users="${BENCH_DASHBOARD_USERS:-100}" -Dbench.dashboard.days="${BENCH_DASHBOARD_DAYS:-365}" \
  -Dbench.dashboard.samples="${BENCH_DASHBOARD_SAMPLES:-300}" -Dbench.dashboard.page-loads="${BENCH_DASHBOARD_PAGE_LOADS:-20}" \
  | grep -vE '^\[INFO\] (Download|---|$)'
