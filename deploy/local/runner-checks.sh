#!/usr/bin/env bash
# Checks what deploy/local/up.sh leaves running on a shared machine (issue 12): services listen on
# 127.0.0.1 only, .run is this account's, the admin token is not in up.sh's output, the broker
# refuses a client without a user and lets no service but ingest write usage events, a service's
# database user cannot write the feature store it only reads; with --crash also that up.sh run
# right after a kill -9 starts the killed service again. Called by extension-tests.sh after up.sh.
#   runner-checks.sh UP_SH_OUTPUT [--crash]
source "$(dirname "$0")/lib.sh"

up_output=$1
failures=0
check() { # description command...
  local what=$1; shift
  if "$@"; then log "ok: $what"; else printf '\033[31m[tiempocheck] FAILED: %s\033[0m\n' "$what" >&2; failures=$((failures + 1)); fi
}

only_loopback() { # port
  local addresses; addresses=$(ss -Hltn "sport = :$1" | awk '{print $4}')
  [ -n "$addresses" ] && ! grep -qvE '^(127\.0\.0\.1|\[::ffff:127\.0\.0\.1\]):' <<< "$addresses"
}
mode_is() { [ "$(stat -c %a "$2")" = "$1" ]; }
not_in_output() { ! grep -qF -- "$(cat "$RUN/admin-token")" "$up_output"; }
probe() { kafka_java "$ROOT/deploy/kafka/KafkaProbe.java" "$@" 2>/dev/null | tail -1; } # the client's log goes to stdout
refused_without_user() {
  local config="$SECRETS/kafka-anonymous.properties" result
  echo "bootstrap.servers=$KAFKA_BOOTSTRAP" > "$config"
  result=$(probe "$config" tiempocheck.usage-events.v1); echo "    $result"
  [[ $result == refused:* ]]
}
not_authorized() { # user topic
  local result; result=$(probe "$(kafka_client_config "$1")" "$2"); echo "    $result"
  [[ $result == *TopicAuthorizationException* ]]
}
sql_as() { # service sql
  local user; user=$(db_user "$1")
  MYSQL_PWD=$(secret "db-${1%-service}") mysql -u"$user" -h127.0.0.1 -P3306 -N -e "$2" 2>&1
}
reads_but_cannot_write_features() { # service
  local out
  out=$(sql_as "$1" "SELECT COUNT(*) FROM ${DATABASE[features-service]}.registro") || { echo "    $out"; return 1; }
  out=$(sql_as "$1" "DELETE FROM ${DATABASE[features-service]}.registro") && { echo "    DELETE worked"; return 1; }
  out=$(tail -1 <<< "$out"); echo "    $out"; [[ $out == *denied* ]]
}
no_password_refused() { ! mysql -u"$(db_user alerts-service)" -h127.0.0.1 -P3306 -e 'SELECT 1' >/dev/null 2>&1; }
# kill -9, then up.sh at once; the dead service's PID file names another live process meanwhile, as when
# the PID is reused or the process lingers unreaped: up.sh must not take it for the service.
restarts_after_kill() { # service
  local pidf="$RUN/pids/$1.pid" stranger ok=0
  kill -9 "$(cat "$pidf")"
  sleep 600 & stranger=$!
  echo "$stranger" > "$pidf"
  "$ROOT/deploy/local/up.sh" --no-build > "$RUN/logs/up-after-kill.log" 2>&1 && ok=1
  kill "$stranger"
  [ $ok = 1 ] || { tail -5 "$RUN/logs/up-after-kill.log"; return 1; }
  [ "$(cat "$pidf")" != "$stranger" ] && curl -fs "http://127.0.0.1:${PORT[$1]}/q/health/ready" >/dev/null
}

for svc in "${SERVICES[@]}"; do check "$svc listens on 127.0.0.1:${PORT[$svc]} only" only_loopback "${PORT[$svc]}"; done
check "web listens on 127.0.0.1:$WEB_PORT only" only_loopback "$WEB_PORT"
check ".run is 0700" mode_is 700 "$RUN"
check ".run/secrets is 0700" mode_is 700 "$SECRETS"
check "the broker's data is 0700" mode_is 700 "$KAFKA_HOME/data"
check "the admin token is 0600" mode_is 600 "$RUN/admin-token"
check "the admin token is not in up.sh's output" not_in_output
check "a Kafka client without a user is refused" refused_without_user
check "alerts' broker user cannot write usage events" not_authorized alerts tiempocheck.usage-events.v1
check "features' broker user cannot write usage events" not_authorized features tiempocheck.usage-events.v1
check "alerts' database user reads the feature store and cannot write it" reads_but_cannot_write_features alerts-service
check "suggestions' database user reads the feature store and cannot write it" reads_but_cannot_write_features suggestions-service
check "a service's database user needs its password" no_password_refused
[ "${2:-}" = --crash ] && check "up.sh --no-build right after a kill -9 of alerts-service starts it again" restarts_after_kill alerts-service

[ $failures = 0 ] || die "$failures check(s) of the local runner failed"
log "The local runner's checks passed"
