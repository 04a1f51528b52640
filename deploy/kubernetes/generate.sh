#!/usr/bin/env bash
# Copies each service's generated Deployment and Service (target/kubernetes/kubernetes.yml, written by
# quarkus-kubernetes at `mvn package` from the service's application.properties) into base/generated/,
# where kustomize reads them on a fresh clone without a build. ManifestsTest fails when a copy differs
# from a freshly built one: change quarkus.kubernetes.* settings, package, run this, commit both.
# A new service: add it to SERVICES here and its file to base/kustomization.yaml.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
SERVICES=(ingest-service features-service alerts-service suggestions-service web)
for service in "${SERVICES[@]}"; do
  generated="$ROOT/$service/target/kubernetes/kubernetes.yml"
  [[ -f "$generated" ]] || { echo "missing $generated: mvn -pl $service -am package -DskipTests" >&2; exit 1; }
  cp "$generated" "$ROOT/deploy/kubernetes/base/generated/$service.yml"
  echo "base/generated/$service.yml"
done
