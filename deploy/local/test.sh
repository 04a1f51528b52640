#!/usr/bin/env bash
# Runs every test of the project against a real Kafka broker and the MySQL/MariaDB server on
# 127.0.0.1:3306. Starts the broker when none is running and stops it again afterwards.
# Then the extension's tests (deploy/local/extension-tests.sh: node unit tests, and end-to-end
# tests in chromium against the services started by up.sh).
# The e2e tests and benchmarks reach the broker as the runner's admin user: its address and client
# settings go to them as system properties (kafka_test_options), read by e2e-tests' KafkaClients.
# The Kubernetes manifests are checked by the deploy/kubernetes/check module, part of the same build.
# Extra arguments go to Maven (for example: -pl features-service -am).
source "$(dirname "$0")/lib.sh"

start_test_dependencies
# The ingest benchmark's smoke run (e2e-tests' bench-smoke execution) compares with Kafka's ProducerPerformance.
ensure_kafka_libs
# The dashboard benchmark's smoke run draws the page in chromium with web/e2e's playwright-core; without
# chromium (not root, no package) it is skipped, loudly, as the browser tests are.
ensure_dashboard_browser || true
# deploy/kubernetes/check renders every overlay with kubectl kustomize and validates what it yields.
ensure_kubectl

# The Prometheus alerting rules in deploy/ load and their unit tests pass (promtool).
"$ROOT/deploy/local/check-rules.sh"

cd "$ROOT"
mvn -B verify $(kafka_test_options) "$@"
"$ROOT/deploy/local/extension-tests.sh"
