#!/usr/bin/env bash
# The container image, for real: builds it with podman (offline from Debian's packages, see
# ../shared/notes/toolchain.md "Containers"), starts it with a data volume, signs in, creates a
# project and a card, restarts the container and finds the card again. Ends with one line:
#   container-test: passed | container-test: SKIPPED (<why>) | container-test: FAILED (<what>)
# Skips (exit 0) when podman is missing and cannot be installed (not root, or
# WARMDESK_CONTAINER_INSTALL=0), so that a developer's machine without containers still passes.
# Env: CONTAINER_TEST_PORT (default 4290), WARMDESK_IMAGE (default localhost/warmdesk:test),
#      KEEP=1 keeps the container and volume for a look afterwards.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PORT="${CONTAINER_TEST_PORT:-4290}"
IMAGE="${WARMDESK_IMAGE:-localhost/warmdesk:test}"
NAME="warmdesk-ct-$$"
VOLUME="warmdesk-ct-data-$$"
WORK="$(mktemp -d)"
log() { printf '[container-test] %s\n' "$*"; }
skip() { echo "container-test: SKIPPED ($*)"; exit 0; }
fail() { echo "container-test: FAILED ($*)"; exit 1; }

if ! command -v podman >/dev/null 2>&1 || ! command -v runc >/dev/null 2>&1; then
  [ "${WARMDESK_CONTAINER_INSTALL:-1}" = "0" ] && skip "podman is not installed and WARMDESK_CONTAINER_INSTALL=0"
  [ "$(id -u)" = "0" ] || skip "podman is not installed and this is not root (apt-get install podman runc mmdebstrap)"
  log "installing podman, runc and mmdebstrap from Debian"
  if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq podman runc mmdebstrap >/dev/null; }; then
    skip "podman could not be installed (no Debian mirror?)"
  fi
fi

# This machine's limits and network (toolchain.md): no default ulimits, the host network, runc.
printf '[containers]\ndefault_ulimits = []\n' > "$WORK/containers.conf"
export CONTAINERS_CONF="$WORK/containers.conf"
PODMAN=(podman --runtime runc)
LIMITS=(--ulimit nofile=1024:4096 --ulimit nproc=1024:4096)

cleanup() {
  if [ "${KEEP:-0}" != "1" ]; then
    "${PODMAN[@]}" rm -f "$NAME" >/dev/null 2>&1 || true
    "${PODMAN[@]}" volume rm -f "$VOLUME" >/dev/null 2>&1 || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# The base image, from Debian's packages (no registry is reachable here).
if ! "${PODMAN[@]}" image exists docker.io/library/debian:trixie-slim; then
  command -v mmdebstrap >/dev/null 2>&1 || skip "no debian:trixie-slim image and no mmdebstrap to make one"
  log "making debian:trixie-slim with mmdebstrap (a few minutes)"
  mmdebstrap --variant=minbase trixie "$WORK/base.tar" >/dev/null 2>&1 || skip "mmdebstrap could not reach a Debian mirror"
  "${PODMAN[@]}" import "$WORK/base.tar" docker.io/library/debian:trixie-slim >/dev/null
  rm -f "$WORK/base.tar"
fi

log "building $IMAGE"
started=$(date +%s)
# The host's CA bundle reaches the npm registry from inside the build (a property of this machine,
# not of the image: a build-time volume, never a layer). Not over /etc/ssl/certs: Debian's
# ca-certificates package rewrites that file while it installs (a read-only mount breaks apt).
"${PODMAN[@]}" build --pull=never --network host "${LIMITS[@]}" \
  -v /etc/ssl/certs/ca-certificates.crt:/run/host-ca.crt:ro --build-arg NPM_CONFIG_CAFILE=/run/host-ca.crt \
  -t "$IMAGE" . >"$WORK/build.log" 2>&1 || { tail -40 "$WORK/build.log"; fail "the image did not build"; }
log "built in $(( $(date +%s) - started )) s"

user=$("${PODMAN[@]}" image inspect "$IMAGE" --format '{{.Config.User}}')
[ "$user" = "warmdesk" ] || fail "the image runs as '$user', not the unprivileged warmdesk user"
"${PODMAN[@]}" image inspect "$IMAGE" --format '{{json .Config.Healthcheck}}' | grep -q api/health || fail "no HEALTHCHECK"

EMAIL=admin@example.com
PASSWORD="container-test-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
printf '%s' "$PASSWORD" > "$WORK/admin_password"
chmod 644 "$WORK/admin_password"
"${PODMAN[@]}" volume create "$VOLUME" >/dev/null

start() {
  "${PODMAN[@]}" run -d --name "$NAME" --network host "${LIMITS[@]}" \
    -e PORT="$PORT" -e REALTIME_PORT="$((PORT + 1))" \
    -e WARMDESK_ADMIN_EMAIL="$EMAIL" -e WARMDESK_ADMIN_PASSWORD_FILE=/run/secrets/admin_password \
    -v "$WORK/admin_password:/run/secrets/admin_password:ro" \
    -v "$VOLUME:/data" "$IMAGE" >/dev/null
}
wait_healthy() {
  for _ in $(seq 1 120); do
    if curl -fsS "http://127.0.0.1:$PORT/api/health" >"$WORK/health.json" 2>/dev/null; then return 0; fi
    sleep 1
  done
  "${PODMAN[@]}" logs "$NAME" | tail -40
  fail "the container did not answer /api/health within 120 s"
}

log "starting the container (data volume $VOLUME)"
start
wait_healthy
log "health: $(cat "$WORK/health.json")"

# Sign in as a browser does (next-auth credentials: CSRF token, then the callback).
JAR="$WORK/cookies"
csrf=$(curl -fsS -c "$JAR" -b "$JAR" "http://127.0.0.1:$PORT/api/auth/csrf" | sed -E 's/.*"csrfToken":"([^"]+)".*/\1/')
curl -fsS -o /dev/null -c "$JAR" -b "$JAR" -X POST "http://127.0.0.1:$PORT/api/auth/callback/credentials" \
  -H "Origin: http://127.0.0.1:$PORT" \
  --data-urlencode "csrfToken=$csrf" --data-urlencode "email=$EMAIL" --data-urlencode "password=$PASSWORD" \
  --data-urlencode "json=true" || fail "sign-in request failed"
curl -fsS -b "$JAR" "http://127.0.0.1:$PORT/api/auth/session" | grep -q "$EMAIL\|admin" || fail "sign-in did not give a session"
log "signed in as $EMAIL"

# A card, created with the session (same-origin request, as the board page sends it).
api() { curl -fsS -b "$JAR" -H "Origin: http://127.0.0.1:$PORT" -H 'content-type: application/json' "$@"; }
api -X POST "http://127.0.0.1:$PORT/api/v1/projects" -d '{"name":"Container test","key":"CTR","slug":"container-test"}' >/dev/null ||
  fail "could not create a project"
card=$(api -X POST "http://127.0.0.1:$PORT/api/v1/projects/container-test/cards" -d '{"title":"Survives a restart"}') ||
  fail "could not create a card"
key=$(printf '%s' "$card" | sed -E 's/.*"key":"([^"]+)".*/\1/')
log "created card $key"

log "restarting the container"
"${PODMAN[@]}" stop -t 15 "$NAME" >/dev/null
"${PODMAN[@]}" start "$NAME" >/dev/null
wait_healthy
api "http://127.0.0.1:$PORT/api/v1/projects/container-test/cards/$key" | grep -q '"title":"Survives a restart"' ||
  fail "the card is gone after the restart"
log "card $key found after the restart"
echo "container-test: passed"
