#!/usr/bin/env bash
# The feature store's command line against the local system: deploy/local/cli.sh rebuild|qa|export|status ...
# Uses the admin token of up.sh (.run/admin-token) unless TIEMPOCHECK_ADMIN_TOKEN is set.
source "$(dirname "$0")/lib.sh"

jar="$ROOT/features-cli/target/quarkus-app/quarkus-run.jar"
[ -f "$jar" ] || (cd "$ROOT" && "${MVN[@]}" package -DskipTests -pl features-cli)
if [ -z "${TIEMPOCHECK_ADMIN_TOKEN:-}" ] && [ -f "$RUN/admin-token" ]; then
  export TIEMPOCHECK_ADMIN_TOKEN=$(cat "$RUN/admin-token")
fi
exec java -jar "$jar" "$@"
