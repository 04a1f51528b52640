# Shared helpers for the local runner scripts. Sourced, not executed.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
RUN="$ROOT/.run"
KAFKA_HOME="$RUN/kafka"
SERVICES=(ingest-service features-service alerts-service suggestions-service)
declare -A PORT=([ingest-service]=8081 [features-service]=8082 [alerts-service]=8083 [suggestions-service]=8084)
MVN=(mvn -B -q)

log() { printf '\033[1m[tiempocheck]\033[0m %s\n' "$*"; }
die() { printf '\033[31m[tiempocheck] %s\033[0m\n' "$*" >&2; exit 1; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_port() { # port seconds what
  local i
  for ((i = 0; i < $2 * 4; i++)); do port_open "$1" && return 0; sleep 0.25; done
  die "$3 did not open port $1 within $2 s"
}

pid_alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

ensure_mariadb() {
  if port_open 3306; then return 0; fi
  if [ ! -x /usr/sbin/mariadbd ]; then
    [ "$(id -u)" = 0 ] || die "No MySQL/MariaDB on 127.0.0.1:3306 and not root to install one: install mariadb-server or start your MySQL 8."
    log "Installing Debian's mariadb-server"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq mariadb-server >/dev/null
  fi
  log "Starting MariaDB"
  mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld 2>/dev/null || true
  start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd
  wait_port 3306 60 "MariaDB"
}

ensure_kafka_libs() {
  if [ ! -f "$KAFKA_HOME/libs/.complete" ]; then
    log "Fetching Apache Kafka 3.9.1 from Maven Central into .run/kafka/libs"
    rm -rf "$KAFKA_HOME/libs"
    "${MVN[@]}" -f "$ROOT/deploy/kafka/pom.xml" dependency:copy-dependencies \
      -DoutputDirectory="$KAFKA_HOME/libs" -DincludeScope=runtime
    touch "$KAFKA_HOME/libs/.complete"
  fi
}

kafka_java() { java -Dlog4j.configuration="file:$ROOT/deploy/kafka/log4j.properties" -cp "$KAFKA_HOME/libs/*" "$@"; }

# Starts the single-node KRaft broker unless something already listens on 9092.
# Returns 0 when it started one, 1 when one was already running.
ensure_kafka() {
  if port_open 9092; then return 1; fi
  ensure_kafka_libs
  mkdir -p "$KAFKA_HOME" "$RUN/logs" "$RUN/pids"
  local props="$KAFKA_HOME/server.properties"
  { cat "$ROOT/deploy/kafka/server.properties"; echo "log.dirs=$KAFKA_HOME/data"; } > "$props"
  if [ ! -f "$KAFKA_HOME/data/meta.properties" ]; then
    local cluster_id
    cluster_id=$(kafka_java kafka.tools.StorageTool random-uuid)
    kafka_java kafka.tools.StorageTool format -t "$cluster_id" -c "$props" >/dev/null
  fi
  log "Starting Kafka (KRaft) on 127.0.0.1:9092"
  KAFKA_HEAP="${KAFKA_HEAP:--Xmx512m}"
  nohup java $KAFKA_HEAP -Dlog4j.configuration="file:$ROOT/deploy/kafka/log4j.properties" \
    -cp "$KAFKA_HOME/libs/*" kafka.Kafka "$props" > "$RUN/logs/kafka.log" 2>&1 &
  echo $! > "$RUN/pids/kafka.pid"
  wait_port 9092 60 "Kafka"
  return 0
}

stop_pid() { # name
  local f="$RUN/pids/$1.pid"
  if pid_alive "$f"; then
    local pid; pid=$(cat "$f")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null || true
    log "Stopped $1"
  fi
  rm -f "$f"
}

stop_services() { local svc; for svc in "${SERVICES[@]}"; do stop_pid "$svc"; done; }

# MariaDB and the broker for tests and benchmarks: a broker started here is stopped again on exit.
start_test_dependencies() {
  ensure_mariadb
  if ensure_kafka; then trap 'stop_pid kafka' EXIT; fi
}
