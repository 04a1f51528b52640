#!/usr/bin/env bash
# Drain rate of a backlog of usage events with 1, 2 and 3 replicas of features-service on this machine,
# on the partitions usage events have when deployed (deploy/kubernetes/base/kafka/kafka-topics.yaml):
# the events go through ingest once; each replica count drains the same records with a topic, a consumer
# group and a feature store of its own, its replicas up and their group stable before the records arrive.
# Prints each figure with the load average and appends it to e2e-tests/target/scaling-benchmark.txt.
#   ./bench/scaling.sh
#   BENCH_SCALING_EVENTS=4000 BENCH_SCALING_REPLICAS=1,2 ./bench/scaling.sh   # smoke size
source "$(dirname "$0")/../deploy/local/lib.sh"

start_test_dependencies

cd "$ROOT"
mvn -B verify $(kafka_test_options) -pl e2e-tests -am -Pbench -Dtest=ScalingBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.scaling.events="${BENCH_SCALING_EVENTS:-200000}" -Dbench.scaling.replicas="${BENCH_SCALING_REPLICAS:-1,2,3}" \
  | grep -vE '^\[INFO\] (Download|---|$)'
