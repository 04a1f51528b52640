#!/usr/bin/env bash
# Starts the whole system on this machine: MariaDB (or the MySQL already on 3306), a real Kafka
# broker in KRaft mode, and the four services. Safe to run twice. Stop with deploy/local/down.sh.
#   --no-build   start the jars already built under */target/quarkus-app
source "$(dirname "$0")/lib.sh"

build=1
[ "${1:-}" = "--no-build" ] && build=0
mkdir -p "$RUN/logs" "$RUN/pids" "$RUN/keys"

ensure_mariadb
ensure_kafka || log "Kafka already running on 127.0.0.1:9092"

# One RSA key pair signs (ingest-service) and verifies (every service) the JWT device tokens.
if [ ! -f "$RUN/keys/private.pem" ]; then
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$RUN/keys/private.pem" 2>/dev/null
  openssl pkey -in "$RUN/keys/private.pem" -pubout -out "$RUN/keys/public.pem"
fi
if [ -z "${TIEMPOCHECK_ADMIN_TOKEN:-}" ]; then
  [ -f "$RUN/admin-token" ] || (umask 077; openssl rand -hex 24 > "$RUN/admin-token")
  TIEMPOCHECK_ADMIN_TOKEN=$(cat "$RUN/admin-token")
fi
export TIEMPOCHECK_ADMIN_TOKEN
export MP_JWT_VERIFY_PUBLICKEY_LOCATION="$RUN/keys/public.pem"
export SMALLRYE_JWT_SIGN_KEY_LOCATION="$RUN/keys/private.pem"

if [ $build = 1 ]; then
  log "Building the services (mvn package -DskipTests)"
  (cd "$ROOT" && "${MVN[@]}" package -DskipTests -pl "$(IFS=,; echo "${SERVICES[*]}")" -am)
fi

for svc in "${SERVICES[@]}"; do
  pidf="$RUN/pids/$svc.pid"
  if pid_alive "$pidf"; then log "$svc already running (pid $(cat "$pidf"))"; continue; fi
  port_open "${PORT[$svc]}" && die "port ${PORT[$svc]} for $svc is taken by another process"
  jar="$ROOT/$svc/target/quarkus-app/quarkus-run.jar"
  [ -f "$jar" ] || die "$jar is missing: run without --no-build"
  nohup java -Xmx256m -jar "$jar" > "$RUN/logs/$svc.log" 2>&1 &
  echo $! > "$pidf"
  log "Started $svc (pid $!), log in .run/logs/$svc.log"
done

for svc in "${SERVICES[@]}"; do
  url="http://127.0.0.1:${PORT[$svc]}/q/health/ready"
  for i in $(seq 1 240); do
    curl -fs "$url" >/dev/null 2>&1 && break
    pid_alive "$RUN/pids/$svc.pid" || die "$svc exited; see .run/logs/$svc.log"
    [ "$i" = 240 ] && die "$svc not ready after 120 s: $(curl -s "$url")"
    sleep 0.5
  done
done

cat <<TXT

TiempoCheck is up.
  ingest-service       http://127.0.0.1:8081   (POST /api/v1/eventos, POST /admin/api/usuarios)
  features-service     http://127.0.0.1:8082   (GET /api/v1/uso/horario|diario|categorias)
  alerts-service       http://127.0.0.1:8083   (/api/v1/limites, GET /api/v1/alertas/stream (SSE), /api/v1/alertas?dia=)
  suggestions-service  http://127.0.0.1:8084
  API docs             http://127.0.0.1:808{1..4}/q/swagger-ui
  Kafka                127.0.0.1:9092    MySQL/MariaDB  127.0.0.1:3306
  Admin token          $TIEMPOCHECK_ADMIN_TOKEN
  Logs and PIDs        .run/logs, .run/pids       Stop: deploy/local/down.sh

Create a user (its token goes in the extension's options page):
  curl -s -X POST http://127.0.0.1:8081/admin/api/usuarios -H "Authorization: Bearer $TIEMPOCHECK_ADMIN_TOKEN" \\
       -H 'Content-Type: application/json' -d '{"nombre":"Ana"}'
TXT
