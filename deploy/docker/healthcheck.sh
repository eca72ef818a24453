#!/usr/bin/env bash
# Container health check without curl or wget: asks the service's readiness group over bash's /dev/tcp.
# Exit 0 when GET /actuator/health/readiness answers 200, 1 otherwise. Port from SERVER_PORT (default 8080),
# path from HEALTH_PATH.
set -u
port="${SERVER_PORT:-8080}"
path="${HEALTH_PATH:-/actuator/health/readiness}"
exec 3<>"/dev/tcp/127.0.0.1/${port}" || exit 1
printf 'GET %s HTTP/1.0\r\nHost: localhost\r\nConnection: close\r\n\r\n' "${path}" >&3
IFS= read -r -t 5 status <&3 || exit 1
exec 3<&-
case "${status}" in
  HTTP/1.?" 200"*) exit 0 ;;
  *) exit 1 ;;
esac
