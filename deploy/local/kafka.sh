#!/usr/bin/env bash
# Starts, stops or reports the local Kafka broker: deploy/local/kafka.sh start|stop|status
source "$(dirname "$0")/lib.sh"
case "${1:-status}" in
  start) ensure_kafka && log "Kafka started" || log "Kafka already running on $KAFKA_BOOTSTRAP" ;;
  stop) stop_pid kafka ;;
  status) port_open "$KAFKA_PORT" && log "Kafka: up on $KAFKA_BOOTSTRAP" || log "Kafka: down" ;;
  *) die "usage: $0 start|stop|status" ;;
esac
