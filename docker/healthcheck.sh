#!/bin/bash
# The image's HEALTHCHECK: GET /readyz from the daemon, with bash alone (the image has no curl).
# Healthy only on 200: /readyz answers 503 while the daemon starts or drains.
port=$(cat "${MOCKEX_PORT_FILE:-/nonexistent}" 2>/dev/null) || port=${MOCKEX_PORT:-8765}
case "${MOCKEX_BIND:-0.0.0.0}" in
  0.0.0.0) host=127.0.0.1 ;;
  ::) host=::1 ;;
  *) host=$MOCKEX_BIND ;;
esac
exec 3<>"/dev/tcp/$host/$port" || exit 1
printf 'GET /readyz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' >&3
read -r -t 2 _ status _ <&3 || exit 1
[ "$status" = 200 ]
