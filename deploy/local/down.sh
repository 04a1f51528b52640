#!/usr/bin/env bash
# Stops what deploy/local/up.sh started: the dashboard, the four services and the Kafka broker it launched.
# MariaDB is left running: it is the machine's server, not ours.
source "$(dirname "$0")/lib.sh"
stop_pid web
stop_services
stop_pid kafka
log "TiempoCheck stopped"
