# Shared helpers for the local runner scripts. Sourced, not executed.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
RUN="$ROOT/.run"
KAFKA_HOME="$RUN/kafka"
# Passwords, tokens and the broker's client settings: readable by this account only.
SECRETS="$RUN/secrets"
SERVICES=(ingest-service features-service alerts-service suggestions-service)
# Ports are settings so a second checkout (or a test of this runner) can run beside the first.
PORT_BASE=${TIEMPOCHECK_PORT_BASE:-8080}
declare -A PORT=([ingest-service]=$((PORT_BASE + 1)) [features-service]=$((PORT_BASE + 2))
                 [alerts-service]=$((PORT_BASE + 3)) [suggestions-service]=$((PORT_BASE + 4)))
# The dashboard (module web) on the port base itself; it has no database and no broker user.
WEB_PORT=$PORT_BASE
KAFKA_PORT=${TIEMPOCHECK_KAFKA_PORT:-9092}
KAFKA_CONTROLLER_PORT=${TIEMPOCHECK_KAFKA_CONTROLLER_PORT:-9093}
KAFKA_BOOTSTRAP="127.0.0.1:$KAFKA_PORT"
# The broker's users: one per service, and the runner's (tests, tools, the broker itself).
KAFKA_USERS=(admin ingest features alerts suggestions)
MVN=(mvn -B -q)

log() { printf '\033[1m[tiempocheck]\033[0m %s\n' "$*"; }
die() { printf '\033[31m[tiempocheck] %s\033[0m\n' "$*" >&2; exit 1; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_port() { # port seconds what
  local i
  for ((i = 0; i < $2 * 4; i++)); do port_open "$1" && return 0; sleep 0.25; done
  die "$3 did not open port $1 within $2 s"
}

# The PID file names a live process that runs the given jar: a PID of a process killed a moment ago
# (a zombie has no command line) or reused by another program does not count.
pid_alive() { # pidfile [jar]
  [ -f "$1" ] || return 1
  local pid; pid=$(cat "$1")
  kill -0 "$pid" 2>/dev/null || return 1
  [ -z "${2:-}" ] && return 0
  tr '\0' '\n' < "/proc/$pid/cmdline" 2>/dev/null | grep -qxF -- "$2"
}

# Waits until nothing listens on the port any more (a process killed a moment ago still holds it).
wait_port_free() { # port seconds
  local i
  for ((i = 0; i < $2 * 4; i++)); do port_open "$1" || return 0; sleep 0.25; done
  return 1
}

# A secret under .run/secrets, generated once: new_secret NAME prints its value.
secret() {
  local f="$SECRETS/$1"
  (umask 077; mkdir -p "$SECRETS"; [ -s "$f" ] || openssl rand -hex 24 > "$f")
  cat "$f"
}

# .run holds the keys, passwords, logs and the broker's data: only this account may look inside.
make_run_dir() {
  mkdir -p "$RUN" && chmod 700 "$RUN"
  (umask 077; mkdir -p "$RUN/logs" "$RUN/pids" "$SECRETS")
}

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

# deploy/kubernetes' check (the kubernetes-manifests-check module) renders the overlays with kubectl kustomize.
ensure_kubectl() {
  command -v kubectl >/dev/null && return 0
  [ "$(id -u)" = 0 ] || die "kubectl is needed to render deploy/kubernetes (apt-get install kubernetes-client)"
  log "Installing Debian's kubernetes-client (kubectl)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq kubernetes-client >/dev/null
}

# promtool, which validates the Prometheus rules in deploy/ (check-rules.sh): Debian's prometheus package ships it.
ensure_promtool() {
  command -v promtool >/dev/null && return 0
  [ "$(id -u)" = 0 ] || die "promtool is needed to validate the Prometheus rules in deploy/ (apt-get install prometheus)"
  log "Installing Debian's prometheus (for promtool)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus >/dev/null
}

# What the dashboard's browser tests and its benchmark need: node and npm, web/e2e's packages (playwright-core,
# axe-core) and Debian's chromium, each installed when missing (the system packages only as root).
# Returns 1 when chromium is still missing, for the caller to skip loudly or to stop.
CHROMIUM=/usr/bin/chromium
ensure_dashboard_browser() {
  if ! command -v npm >/dev/null && [ "$(id -u)" = 0 ]; then
    log "Installing Debian's nodejs and npm"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null || true
  fi
  command -v npm >/dev/null || die "node and npm are needed for the dashboard's browser tests: install Node.js 20 or newer"
  local e2e="$ROOT/web/e2e"
  if [ ! -f "$e2e/node_modules/.package-lock.json" ] || [ "$e2e/package-lock.json" -nt "$e2e/node_modules/.package-lock.json" ]; then
    log "npm ci (web/e2e)"
    (cd "$e2e" && npm ci --no-audit --no-fund --loglevel=error)
  fi
  if [ ! -x "$CHROMIUM" ] && [ "$(id -u)" = 0 ]; then
    log "Installing Debian's chromium"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-l10n >/dev/null || true
  fi
  [ -x "$CHROMIUM" ]
}

# One database user per service, with a generated password and only the grants it needs; alerts and
# suggestions read the feature store with SELECT only. root (the machine's, shared with other
# checkouts and CI: its empty password is not ours to change) only creates them; MYSQL_PWD is used
# when root has a password.
# A checkout on other ports gets databases and users of its own too (suffix _PORTBASE), so two checkouts
# on one server never share rows or overwrite each other's passwords; TIEMPOCHECK_DB_SUFFIX overrides it.
DB_SUFFIX=${TIEMPOCHECK_DB_SUFFIX-$([ "$PORT_BASE" = 8080 ] || echo "_$PORT_BASE")}
declare -A DATABASE=([ingest-service]=tiempocheck_ingest$DB_SUFFIX [features-service]=tiempocheck_features$DB_SUFFIX
                     [alerts-service]=tiempocheck_alerts$DB_SUFFIX [suggestions-service]=tiempocheck_suggestions$DB_SUFFIX)
db_user() { echo "tiempocheck_${1%-service}$DB_SUFFIX"; }

ensure_db_users() {
  command -v mysql >/dev/null || die "the mysql client is needed to create the services' database users (apt-get install mariadb-client)"
  local svc user password host sql=""
  for svc in "${SERVICES[@]}"; do
    user=$(db_user "$svc"); password=$(secret "db-${svc%-service}")
    sql+="CREATE DATABASE IF NOT EXISTS ${DATABASE[$svc]};"
    for host in localhost 127.0.0.1; do
      sql+="CREATE USER IF NOT EXISTS '$user'@'$host' IDENTIFIED BY '$password';"
      sql+="ALTER USER '$user'@'$host' IDENTIFIED BY '$password';"
      sql+="GRANT ALL PRIVILEGES ON ${DATABASE[$svc]}.* TO '$user'@'$host';"
      case $svc in alerts-service|suggestions-service)
        sql+="GRANT SELECT ON ${DATABASE[features-service]}.* TO '$user'@'$host';" ;;
      ingest-service) # a person's export reads their rows of the feature store, alerts and suggestions
        sql+="GRANT SELECT ON ${DATABASE[features-service]}.* TO '$user'@'$host';"
        sql+="GRANT SELECT ON ${DATABASE[alerts-service]}.* TO '$user'@'$host';"
        sql+="GRANT SELECT ON ${DATABASE[suggestions-service]}.* TO '$user'@'$host';" ;;
      esac
    done
  done
  mysql -uroot -h127.0.0.1 -P3306 <<< "$sql" || die "could not create the services' database users as root on 127.0.0.1:3306"
}

# The settings a service's datasources read: its own user, also for its read-only ones (feature store, alerts, suggestions).
db_service_env() { # service
  local user password; user=$(db_user "$1"); password=$(secret "db-${1%-service}")
  echo "TIEMPOCHECK_DB_SUFFIX=$DB_SUFFIX" "QUARKUS_DATASOURCE_USERNAME=$user" "QUARKUS_DATASOURCE_PASSWORD=$password" \
       "QUARKUS_DATASOURCE_FEATURES_USERNAME=$user" "QUARKUS_DATASOURCE_FEATURES_PASSWORD=$password" \
       "QUARKUS_DATASOURCE_ALERTS_USERNAME=$user" "QUARKUS_DATASOURCE_ALERTS_PASSWORD=$password" \
       "QUARKUS_DATASOURCE_SUGGESTIONS_USERNAME=$user" "QUARKUS_DATASOURCE_SUGGESTIONS_PASSWORD=$password"
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

# A Kafka client configuration for one of KAFKA_USERS (SASL/SCRAM), for tools and tests.
kafka_client_config() { # user
  local f="$SECRETS/kafka-$1.properties" password
  password=$(secret "kafka-$1")
  (umask 077; cat > "$f" <<PROPS
bootstrap.servers=$KAFKA_BOOTSTRAP
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="$1" password="$password";
PROPS
  )
  echo "$f"
}

# The settings a service's Kafka clients read (see kafka.* in its application.properties).
kafka_service_env() { # user
  echo "KAFKA_BOOTSTRAP_SERVERS=$KAFKA_BOOTSTRAP" "TIEMPOCHECK_KAFKA_SECURITY_PROTOCOL=SASL_PLAINTEXT" \
       "TIEMPOCHECK_KAFKA_USERNAME=$1" "TIEMPOCHECK_KAFKA_PASSWORD=$(secret "kafka-$1")"
}

# Every topic with its partitions, as deployed on Kubernetes: the one place the counts are written.
TOPICS_MANIFEST="$ROOT/deploy/kubernetes/base/kafka/kafka-topics.yaml"

# Creates the broker's ACLs (deploy/kafka/acls.txt) and the topics of $TOPICS_MANIFEST, and checks that the runner's credentials work on
# whatever listens on the broker's port. Fails with the reason when they do not.
kafka_setup() {
  local admin; admin=$(kafka_client_config admin)
  kafka_java "$ROOT/deploy/kafka/KafkaSetup.java" "$admin" "$ROOT/deploy/kafka/acls.txt" "$TOPICS_MANIFEST" \
    || die "Something listens on $KAFKA_BOOTSTRAP but does not accept (or answer in time) this checkout's Kafka credentials ($admin):
  another broker (a PLAINTEXT one, or another checkout's) holds the port. Stop it, or run this one on
  other ports: TIEMPOCHECK_KAFKA_PORT=19092 TIEMPOCHECK_KAFKA_CONTROLLER_PORT=19093 $0"
}

# Starts the single-node KRaft broker (SASL/SCRAM, ACLs) unless something already listens on its port.
# Returns 0 when it started one, 1 when one was already running (and accepts our credentials).
ensure_kafka() {
  make_run_dir
  if port_open "$KAFKA_PORT"; then ensure_kafka_libs; kafka_setup; return 1; fi
  ensure_kafka_libs
  (umask 077; mkdir -p "$KAFKA_HOME")
  local props="$KAFKA_HOME/server.properties" admin_password
  admin_password=$(secret kafka-admin)
  (umask 077; {
    cat "$ROOT/deploy/kafka/server.properties"
    echo "listeners=SASL_PLAINTEXT://$KAFKA_BOOTSTRAP,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT"
    echo "advertised.listeners=SASL_PLAINTEXT://$KAFKA_BOOTSTRAP"
    echo "controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT"
    echo "listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username=\"admin\" password=\"$admin_password\";"
    echo "listener.name.controller.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username=\"admin\" password=\"$admin_password\" user_admin=\"$admin_password\";"
    echo "log.dirs=$KAFKA_HOME/data"
  } > "$props")
  if [ ! -f "$KAFKA_HOME/data/meta.properties" ]; then
    local cluster_id scram=() user
    for user in "${KAFKA_USERS[@]}"; do
      scram+=(--add-scram "SCRAM-SHA-512=[name=$user,password=$(secret "kafka-$user")]")
    done
    cluster_id=$(kafka_java kafka.tools.StorageTool random-uuid)
    (umask 077; kafka_java kafka.tools.StorageTool format -t "$cluster_id" -c "$props" "${scram[@]}" >/dev/null)
  elif [ ! -f "$KAFKA_HOME/data/.scram" ]; then
    die "$KAFKA_HOME/data was made by an older runner, without users: remove it (rm -rf .run/kafka/data) once features-service has stored its events"
  fi
  touch "$KAFKA_HOME/data/.scram"
  chmod -R go-rwx "$KAFKA_HOME"
  log "Starting Kafka (KRaft, SASL/SCRAM) on $KAFKA_BOOTSTRAP"
  KAFKA_HEAP="${KAFKA_HEAP:--Xmx512m}"
  (umask 077; nohup java $KAFKA_HEAP -Dlog4j.configuration="file:$ROOT/deploy/kafka/log4j.properties" \
    -cp "$KAFKA_HOME/libs/*" kafka.Kafka "$props" > "$RUN/logs/kafka.log" 2>&1 &
  echo $! > "$RUN/pids/kafka.pid")
  wait_port "$KAFKA_PORT" 60 "Kafka"
  kafka_setup
  return 0
}

# The Maven options that point the e2e tests and benchmarks at this broker with the runner's user.
kafka_test_options() {
  echo "-Dtiempocheck.kafka=$KAFKA_BOOTSTRAP" "-Dtiempocheck.kafka.client-config=$(kafka_client_config admin)"
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

# features-service and alerts-service scale out (up.sh --replicas N): replica 0 is "$svc" on PORT[$svc],
# replica i its own process "$svc-i" on PORT[$svc] + 10 i (8092, 8102, ... and 8093, 8103, ...).
SCALABLE=(features-service alerts-service)
replica_name() { [ "$2" = 0 ] && echo "$1" || echo "$1-$2"; } # service index
replica_port() { echo $((PORT[$1] + 10 * $2)); }               # service index

# Every service and every replica with a PID file, replicas up.sh started in an earlier run included.
stop_services() {
  local svc f
  for svc in "${SERVICES[@]}"; do
    stop_pid "$svc"
    for f in "$RUN/pids/$svc"-[0-9]*.pid; do [ -e "$f" ] && stop_pid "$(basename "$f" .pid)"; done
  done
  return 0
}

# The dashboard's settings: where the browser finds each service, and the origin the services allow (CORS).
web_env() {
  echo "TIEMPOCHECK_WEB_INGEST_URL=http://127.0.0.1:${PORT[ingest-service]}" \
       "TIEMPOCHECK_WEB_FEATURES_URL=http://127.0.0.1:${PORT[features-service]}" \
       "TIEMPOCHECK_WEB_ALERTS_URL=http://127.0.0.1:${PORT[alerts-service]}" \
       "TIEMPOCHECK_WEB_SUGGESTIONS_URL=http://127.0.0.1:${PORT[suggestions-service]}"
}
web_origin() { echo "http://127.0.0.1:$WEB_PORT,http://localhost:$WEB_PORT"; }

# MariaDB and the broker for tests and benchmarks: a broker started here is stopped again on exit.
start_test_dependencies() {
  ensure_mariadb
  if ensure_kafka; then trap 'stop_pid kafka' EXIT; fi
}
