#!/usr/bin/env bash
# Validates the Prometheus alerting rules shipped in deploy/ with Prometheus' own promtool: every rules file
# must load (promtool check rules), and each one with a unit test beside it (<name>.test.yaml) must pass it
# (promtool test rules: the alerts fire on the series they are about, and only then).
#   deploy/local/check-rules.sh
source "$(dirname "$0")/lib.sh"

ensure_promtool

status=0
while IFS= read -r rules; do
  promtool check rules "$rules" || status=1
  test_file="${rules%.yaml}.test.yaml"
  if [ -f "$test_file" ]; then
    (cd "$(dirname "$test_file")" && promtool test rules "$(basename "$test_file")") || status=1
  fi
done < <(find "$ROOT/deploy" -name '*-rules.yaml' | sort)
[ "$status" = 0 ] || die "the Prometheus rules in deploy/ do not validate"
log "Prometheus rules valid"
