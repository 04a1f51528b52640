#!/usr/bin/env bash
# Starts the whole system on this machine: MariaDB (or the MySQL already on 3306), a real Kafka
# broker in KRaft mode, the four services and the dashboard (web). Safe to run twice. Stop with deploy/local/down.sh.
#   --no-build     start the jars already built under */target/quarkus-app
#   --replicas N   N replicas of features-service and of alerts-service (1 unless set): replica 0 on the
#                  service's port, replica i on that port + 10 i; each its own static member of its consumer
#                  group (TIEMPOCHECK_INSTANCE_ID). The topics have the partitions of
#                  deploy/kubernetes/base/kafka/kafka-topics.yaml (12 for usage events and feature updates;
#                  two consumers per features-service replica: more than 6 replicas would idle). A run with
#                  fewer replicas than the last stops the extra ones.
# Every service has its own database user and its own broker user (SASL/SCRAM, ACLs), with
# passwords generated into .run/secrets; services listen on 127.0.0.1 only unless
# TIEMPOCHECK_HTTP_HOST says otherwise (0.0.0.0: every interface). Ports: TIEMPOCHECK_PORT_BASE
# (8080: the dashboard on 8080, services on 8081-8084), TIEMPOCHECK_KAFKA_PORT (9092), TIEMPOCHECK_KAFKA_CONTROLLER_PORT (9093).
source "$(dirname "$0")/lib.sh"

build=1
replicas=1
while [ $# -gt 0 ]; do
  case $1 in
    --no-build) build=0 ;;
    --replicas) [[ ${2:-} =~ ^[1-9][0-9]?$ ]] || die "--replicas takes a number from 1 to 99"; replicas=$2; shift ;;
    *) die "usage: $0 [--no-build] [--replicas N]" ;;
  esac
  shift
done
make_run_dir
(umask 077; mkdir -p "$RUN/keys")

ensure_mariadb
ensure_db_users
ensure_kafka || log "Kafka already running on $KAFKA_BOOTSTRAP"

# One RSA key pair signs (ingest-service) and verifies (every service) the JWT device tokens.
if [ ! -f "$RUN/keys/private.pem" ]; then
  (umask 077; openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$RUN/keys/private.pem" 2>/dev/null)
  openssl pkey -in "$RUN/keys/private.pem" -pubout -out "$RUN/keys/public.pem"
fi
if [ -z "${TIEMPOCHECK_ADMIN_TOKEN:-}" ]; then
  [ -f "$RUN/admin-token" ] || (umask 077; openssl rand -hex 24 > "$RUN/admin-token")
  TIEMPOCHECK_ADMIN_TOKEN=$(cat "$RUN/admin-token")
fi
export TIEMPOCHECK_ADMIN_TOKEN
export MP_JWT_VERIFY_PUBLICKEY_LOCATION="$RUN/keys/public.pem"
export SMALLRYE_JWT_SIGN_KEY_LOCATION="$RUN/keys/private.pem"
export QUARKUS_HTTP_HOST="${TIEMPOCHECK_HTTP_HOST:-127.0.0.1}"
# Sign-up is open on a local system (the prod profile closes it); TIEMPOCHECK_CUENTAS_REGISTRO_ABIERTO=false closes it here too.
export TIEMPOCHECK_CUENTAS_REGISTRO_ABIERTO="${TIEMPOCHECK_CUENTAS_REGISTRO_ABIERTO:-true}"
# The services accept cross-origin calls from the dashboard's origin only (and the extension's).
export TIEMPOCHECK_WEB_ORIGIN="${TIEMPOCHECK_WEB_ORIGIN:-$(web_origin)}"

if [ $build = 1 ]; then
  log "Building the services and the dashboard (mvn package -DskipTests)"
  (cd "$ROOT" && "${MVN[@]}" package -DskipTests -pl "$(IFS=,; echo "${SERVICES[*]}"),web" -am)
fi

# Every process to run: name, service, port, index of the replica.
INSTANCES=()
for svc in "${SERVICES[@]}"; do
  n=1
  [[ " ${SCALABLE[*]} " == *" $svc "* ]] && n=$replicas
  for ((i = 0; i < n; i++)); do INSTANCES+=("$(replica_name "$svc" $i) $svc $(replica_port "$svc" $i) $i"); done
  # Replicas beyond N, left by an earlier run with more.
  for f in "$RUN/pids/$svc"-[0-9]*.pid; do
    [ -e "$f" ] || continue
    name=$(basename "$f" .pid)
    [ "${name##*-}" -ge "$n" ] && stop_pid "$name"
  done
done

for instance in "${INSTANCES[@]}"; do
  read -r name svc port index <<< "$instance"
  pidf="$RUN/pids/$name.pid"
  jar="$ROOT/$svc/target/quarkus-app/quarkus-run.jar"
  if pid_alive "$pidf" "$jar"; then log "$name already running (pid $(cat "$pidf"))"; continue; fi
  # A service killed a moment ago may still hold its port while the kernel tears it down.
  wait_port_free "$port" 10 || die "port $port for $name is taken by another process"
  [ -f "$jar" ] || die "$jar is missing: run without --no-build"
  # Passwords go in the environment of the service only, never on a command line. The instance id names the
  # replica's static group membership: two replicas with one id would fence each other out of the group.
  (umask 077; env $(db_service_env "$svc") $(kafka_service_env "${svc%-service}") QUARKUS_HTTP_PORT="$port" \
    TIEMPOCHECK_INSTANCE_ID="$svc-$index" nohup java -Xmx256m -jar "$jar" > "$RUN/logs/$name.log" 2>&1 &
  echo $! > "$pidf")
  log "Started $name (pid $(cat "$pidf")) on port $port, log in .run/logs/$name.log"
done

web_jar="$ROOT/web/target/quarkus-app/quarkus-run.jar"
if pid_alive "$RUN/pids/web.pid" "$web_jar"; then
  log "web already running (pid $(cat "$RUN/pids/web.pid"))"
else
  wait_port_free "$WEB_PORT" 10 || die "port $WEB_PORT for web is taken by another process"
  [ -f "$web_jar" ] || die "$web_jar is missing: run without --no-build"
  (umask 077; env $(web_env) QUARKUS_HTTP_PORT="$WEB_PORT" nohup java -Xmx128m -jar "$web_jar" > "$RUN/logs/web.log" 2>&1 &
  echo $! > "$RUN/pids/web.pid")
  log "Started web (pid $(cat "$RUN/pids/web.pid")), log in .run/logs/web.log"
fi

for instance in "${INSTANCES[@]}" "web web $WEB_PORT 0"; do
  read -r name svc port index <<< "$instance"
  url="http://127.0.0.1:$port/q/health/ready"
  jar="$ROOT/$svc/target/quarkus-app/quarkus-run.jar"
  for i in $(seq 1 240); do
    curl -fs "$url" >/dev/null 2>&1 && break
    pid_alive "$RUN/pids/$name.pid" "$jar" || die "$name exited; see .run/logs/$name.log"
    [ "$i" = 240 ] && die "$name not ready after 120 s: $(curl -s "$url")"
    sleep 0.5
  done
done

REPLICA_LINES=""
for ((i = 1; i < replicas; i++)); do
  for svc in "${SCALABLE[@]}"; do
    REPLICA_LINES+=$(printf '\n  %-20s http://127.0.0.1:%s   (replica %d of %d)' "$svc-$i" "$(replica_port "$svc" $i)" $((i + 1)) "$replicas")
  done
done
P=("${PORT[ingest-service]}" "${PORT[features-service]}" "${PORT[alerts-service]}" "${PORT[suggestions-service]}")
cat <<TXT

TiempoCheck is up.
  Dashboard            http://127.0.0.1:$WEB_PORT   (sign up or sign in there)
  ingest-service       http://127.0.0.1:${P[0]}   (POST /api/v1/eventos, POST /admin/api/usuarios)
  features-service     http://127.0.0.1:${P[1]}   (GET /api/v1/uso/horario|diario|categorias)
  alerts-service       http://127.0.0.1:${P[2]}   (/api/v1/limites, GET /api/v1/alertas/stream (SSE), /api/v1/alertas?dia=)
  suggestions-service  http://127.0.0.1:${P[3]}${REPLICA_LINES}
  API docs             http://127.0.0.1:${P[0]}/q/swagger-ui (and the other ports)
  Services listen on   $QUARKUS_HTTP_HOST (TIEMPOCHECK_HTTP_HOST=0.0.0.0 opens them to the network)
  Kafka                $KAFKA_BOOTSTRAP (SASL/SCRAM; client settings for tools: .run/secrets/kafka-admin.properties)
  MySQL/MariaDB        127.0.0.1:3306 (one user per service, passwords in .run/secrets/db-*)
  Admin token          in .run/admin-token (readable by you only): \$(cat .run/admin-token)
  Logs and PIDs        .run/logs, .run/pids       Stop: deploy/local/down.sh

Create a user (its token goes in the extension's options page):
  curl -s -X POST http://127.0.0.1:${P[0]}/admin/api/usuarios -H "Authorization: Bearer \$(cat .run/admin-token)" \\
       -H 'Content-Type: application/json' -d '{"nombre":"Ana"}'
TXT
