#!/usr/bin/env bash
# Starts, stops or reports the local Kafka broker: deploy/local/kafka.sh start|stop|status
source "$(dirname "$0")/lib.sh"
case "${1:-status}" in
  start) ensure_kafka && log "Kafka started" || log "Kafka already running on 127.0.0.1:9092" ;;
  stop) stop_pid kafka ;;
  status) port_open 9092 && log "Kafka: up on 127.0.0.1:9092" || log "Kafka: down" ;;
  *) die "usage: $0 start|stop|status" ;;
esac
