#!/usr/bin/env bash
# Smoke test of the container image, as a host would run it: build, at most 300 MB; start in demo mode on a fresh
# volume; health, readiness and the image's own HEALTHCHECK; sign in, live prices over socket.io, save a
# transaction; stop with SIGTERM (clean exit 0 within 10 s); start again on the same volume and find the transaction.
# With SMOKE_CLUSTER=1, then the scaled profile's topology from the same image: three containers on this host's
# Redis and PostgreSQL behind this host's nginx running deploy/nginx.conf; the feed leader's container killed.
# Usage: npm run test:container   (DOCKER=podman, or any docker-compatible CLI; DOCKER_BUILD_FLAGS adds build flags,
# e.g. --build-arg NODE_IMAGE=node:24-bookworm-slim)
set -euo pipefail
cd "$(dirname "$0")/.."

read -r -a docker <<<"${DOCKER:-docker}"
read -r -a build_flags <<<"${DOCKER_BUILD_FLAGS:-}"
# The cluster step's containers reach this host's services: host networking, unless the engine gives it already
# (set SMOKE_NETWORK_FLAGS='' then).
read -r -a network_flags <<<"${SMOKE_NETWORK_FLAGS---network host}"
image=livefolio-smoke
client=scripts/container-smoke-client.mjs
BUILD_TIMEOUT_S=${SMOKE_BUILD_TIMEOUT_S:-1800}
READY_TIMEOUT_S=120
STOP_LIMIT_S=10
IMAGE_LIMIT_MB=300
# Podman keeps HEALTHCHECK only in Docker-format images; Docker ignores the variable.
export BUILDAH_FORMAT=docker

run_id="$$-$RANDOM"
volume="livefolio-smoke-data-$run_id"
containers=()
current=''
step_name='setup'
build_log="${TMPDIR:-/tmp}/livefolio-smoke-build.log"
timings=()

now_ms() { date +%s%3N; }
seconds_since() { awk -v a="$1" -v b="$(now_ms)" 'BEGIN { printf "%.1f", (b - a) / 1000 }'; }
started_at=$(now_ms)

step() {
  step_name=$1
  step_started=$(now_ms)
  echo "==> $step_name"
}
step_done() {
  local took
  took=$(seconds_since "$step_started")
  timings+=("$(printf '%6ss  %s' "$took" "$step_name")")
  echo "    done in ${took}s"
}
die() {
  echo "container-smoke: FAILED at \"$step_name\": $*" >&2
  exit 1
}
# Runs a command with a time limit when coreutils' timeout is there (it is on Linux CI machines).
bounded() {
  local seconds=$1
  shift
  if command -v timeout >/dev/null; then timeout --kill-after=10 "$seconds" "$@"; else "$@"; fi
}

cleanup() {
  local status=$?
  set +e
  if ((status != 0)) && [ -n "$current" ]; then
    echo "--- last lines of the logs of $current ---" >&2
    "${docker[@]}" logs --tail 60 "$current" >&2 2>&1
  fi
  for name in "${containers[@]}"; do "${docker[@]}" rm -f "$name" >/dev/null 2>&1; done
  "${docker[@]}" volume rm -f "$volume" >/dev/null 2>&1
  [ -n "$nginx_dir" ] && [ -f "$nginx_dir/nginx.pid" ] && kill "$(cat "$nginx_dir/nginx.pid")" 2>/dev/null
  [ -n "$schema" ] && postgres "drop schema if exists $schema cascade"
  exit "$status"
}
nginx_dir=''
schema=''
# One statement on SMOKE_DATABASE_URL's PostgreSQL (the pg driver from node_modules).
postgres() {
  node -e "const c = new (require('pg').Client)({ connectionString: process.argv[1] });
    c.connect().then(() => c.query(process.argv[2])).then(() => c.end(), (e) => { console.error(e.message); process.exit(1); });" \
    "$database_base" "$1"
}
database_base=${SMOKE_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test}
trap cleanup EXIT
trap 'exit 130' INT TERM

command -v "${docker[0]}" >/dev/null || die "no container engine: \"${docker[0]}\" is not on PATH (set DOCKER)"
[ -d node_modules/socket.io-client ] || die 'run npm ci first: the client uses socket.io-client from node_modules'

echo "engine: $("${docker[@]}" --version)"
free_port() {
  node -e "const s = require('node:net').createServer().listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); });"
}
port=$(free_port)
password=$(node -e "console.log(require('node:crypto').randomBytes(18).toString('base64url'))")
export SMOKE_URL="http://127.0.0.1:$port" SMOKE_USER=smoke SMOKE_PASSWORD="$password" ADMIN_PASSWORD="$password"

step "build the image $image (log: $build_log)"
if ! bounded "$BUILD_TIMEOUT_S" "${docker[@]}" build "${build_flags[@]}" -t "$image" . >"$build_log" 2>&1; then
  tail -n 40 "$build_log" >&2
  die "the image did not build within ${BUILD_TIMEOUT_S}s (full log: $build_log)"
fi
step_done

# What a host pulls and stores: the image's size as the engine reports it (MB of 10^6 bytes, as `docker images`).
step "the image is at most ${IMAGE_LIMIT_MB} MB"
image_bytes=$("${docker[@]}" image inspect -f '{{.Size}}' "$image")
image_mb=$(awk -v b="$image_bytes" 'BEGIN { printf "%.1f", b / 1e6 }')
echo "    image size: $image_mb MB ($image_bytes bytes)"
((image_bytes <= IMAGE_LIMIT_MB * 1000000)) || die "the image is $image_mb MB, above ${IMAGE_LIMIT_MB} MB"
step_done

# As compose.yaml runs it: a read-only root, a tmpfs on /tmp. `-e PORT` and `-p` agree, so the test works with a
# published port and with host networking alike. The password comes from the environment, never the command line.
# The engine's own health checks stay off (the test runs the image's check itself, and podman without systemd
# only complains about them).
start_container() {
  local name="livefolio-smoke-$run_id-$1"
  containers+=("$name")
  "${docker[@]}" run -d --name "$name" \
    --read-only --tmpfs /tmp:size=64m --no-healthcheck \
    -e DEMO=1 -e ADMIN_USERNAME="$SMOKE_USER" -e ADMIN_PASSWORD -e PORT="$port" \
    -p "127.0.0.1:$port:$port" -v "$volume:/data" "$image" >/dev/null ||
    die "the container did not start"
  current=$name
}

# Polls a health endpoint until it gives the expected status, while the container keeps running.
wait_for() {
  local path=$1 expected=$2 deadline=$3 answer=''
  while true; do
    if answer=$(bounded 10 node "$client" probe "$path" "$expected" 2>&1); then
      echo "    $answer"
      return 0
    fi
    [ "$("${docker[@]}" inspect -f '{{.State.Running}}' "$current" 2>/dev/null)" = true ] ||
      die "the container exited before $path answered \"$expected\""
    (($(now_ms) < deadline)) || die "$path did not answer \"$expected\" within ${READY_TIMEOUT_S}s; last: $answer"
    sleep 1
  done
}

wait_until_ready() {
  local deadline=$(($(now_ms) + READY_TIMEOUT_S * 1000))
  wait_for /healthz ok "$deadline"
  wait_for /readyz ready "$deadline"
}

# `docker stop` sends SIGTERM (and SIGKILL after 15 s): the server must exit by itself, with 0, within 10 s.
stop_cleanly() {
  local stop_started took code
  stop_started=$(now_ms)
  bounded 30 "${docker[@]}" stop -t 15 "$current" >/dev/null || die "docker stop failed"
  took=$(seconds_since "$stop_started")
  code=$("${docker[@]}" inspect -f '{{.State.ExitCode}}' "$current")
  [ "$code" = 0 ] || die "the server exited with code $code on SIGTERM (137: killed after the grace period)"
  awk -v t="$took" -v l="$STOP_LIMIT_S" 'BEGIN { exit !(t <= l) }' ||
    die "the server took ${took}s to stop on SIGTERM (limit ${STOP_LIMIT_S}s)"
  echo "    exited with code 0 in ${took}s"
}

step "start in demo mode on port $port"
start_container first
wait_until_ready
step_done

step "inside the container: the image's HEALTHCHECK passes, Next's cache is writable"
healthcheck=$("${docker[@]}" image inspect -f '{{json .Config.Healthcheck}}' "$image")
mapfile -d '' -t check < <(node -e '
  const test = JSON.parse(process.argv[1] || "null")?.Test ?? [];
  const argv = test[0] === "CMD" ? test.slice(1) : test[0] === "CMD-SHELL" ? ["sh", "-c", test[1]] : [];
  process.stdout.write(argv.map((a) => a + "\0").join(""));
' "$healthcheck")
((${#check[@]})) || die "the image has no HEALTHCHECK (got $healthcheck)"
bounded 15 "${docker[@]}" exec "$current" "${check[@]}" || die "the HEALTHCHECK command failed"
bounded 15 "${docker[@]}" exec "$current" node -e "require('node:fs').accessSync('.next/cache', 2)" ||
  die "the server cannot write .next/cache on a read-only root (Next's image optimisation would fail)"
step_done

step "the sign-in page in German, with its own script served from the image"
bounded 15 node "$client" signin-page | sed 's/^/    /' || die "the sign-in page failed (see above)"
step_done

step "sign in, live prices over socket.io, save a transaction"
live_output=$(bounded 60 node "$client" live) || die "the client failed (see above)"
echo "$live_output" | sed '$d; s/^/    /'
transaction_id=$(echo "$live_output" | tail -n 1)
step_done

step "SIGTERM stops the server cleanly"
stop_cleanly
# A write refused by the read-only root shows in the log, even when the server carried on.
if "${docker[@]}" logs "$current" 2>&1 | grep -E 'EROFS|EACCES'; then
  die "the server tried to write outside /data and /tmp (above)"
fi
step_done

step "a new container on the same volume still has the transaction"
start_container second
wait_until_ready
persisted_output=$(bounded 30 node "$client" persisted "$transaction_id") ||
  die "the transaction did not survive the restart (see above)"
echo "    $persisted_output"
stop_cleanly
step_done

if [ "${SMOKE_CLUSTER:-0}" = 1 ]; then
  step "a cluster: three containers on Redis and PostgreSQL behind nginx (deploy/nginx.conf)"
  nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
  [ -x "$nginx_bin" ] || die "nginx is not installed (apt-get install nginx-light)"
  schema="smoke_${run_id//-/_}"
  postgres "create schema $schema" || die "PostgreSQL does not answer at $database_base (SMOKE_DATABASE_URL)"
  database_url="$database_base?options=-c%20search_path%3D$schema"
  # One database for three instances: they must share one secret key (SECRET_KEY is required then).
  # Passed by name, as ADMIN_PASSWORD is, so the key is not in any command line.
  SECRET_KEY=$(node -e "process.stdout.write(require('node:crypto').randomBytes(32).toString('base64'))")
  export SECRET_KEY
  urls=()
  ports=()
  for n in 1 2 3; do
    node_port=$(free_port)
    name="livefolio-smoke-$run_id-node$n"
    containers+=("$name")
    "${docker[@]}" run -d --name "$name" "${network_flags[@]}" \
      --read-only --tmpfs /tmp:size=64m --no-healthcheck \
      -e DEMO=1 -e ADMIN_USERNAME="$SMOKE_USER" -e ADMIN_PASSWORD -e PORT="$node_port" -e TRUST_PROXY=1 \
      -e REDIS_URL="${SMOKE_REDIS_URL:-redis://127.0.0.1:6379}" -e REDIS_PREFIX="livefolio-smoke-$run_id" \
      -e DATABASE_URL="$database_url" -e SECRET_KEY -e FEED_LEASE_MS=3000 "$image" >/dev/null ||
      die "container $n did not start"
    current=$name
    SMOKE_URL="http://127.0.0.1:$node_port" wait_until_ready
    urls+=("http://127.0.0.1:$node_port")
    ports+=("$node_port")
  done
  nginx_dir=$(mktemp -d)
  lb_port=$(free_port)
  conf=$(npx tsx scripts/nginx-local.ts "$nginx_dir" "$lb_port" "${ports[@]}")
  "$nginx_bin" -p "$nginx_dir" -c "$conf" -g "pid $nginx_dir/nginx.pid; error_log $nginx_dir/error.log warn;" ||
    die "nginx did not start"
  export SMOKE_URL="http://127.0.0.1:$lb_port"
  live_output=$(bounded 60 node "$client" live) || die "the client failed through nginx (see above)"
  echo "$live_output" | sed '$d; s/^/    /'
  transaction_id=$(echo "$live_output" | tail -n 1)
  leader_url=$(bounded 30 node "$client" leader "${urls[@]}") || die "no single feed leader (see above)"
  for n in 0 1 2; do [ "${urls[$n]}" = "$leader_url" ] && current="livefolio-smoke-$run_id-node$((n + 1))"; done
  echo "    the feed leader is $current ($leader_url): killed"
  "${docker[@]}" kill "$current" >/dev/null || die "docker kill failed"
  killed_at=$(now_ms)
  live_output=$(bounded 60 node "$client" live) || die "no live prices through nginx after the leader was killed"
  echo "$live_output" | sed '$d; s/^/    /'
  echo "    live again through nginx $(seconds_since "$killed_at")s after the kill"
  persisted_output=$(bounded 30 node "$client" persisted "$transaction_id") || die "the transaction is gone (see above)"
  echo "    $persisted_output"
  step_done
fi

echo "container smoke test passed in $(seconds_since "$started_at")s:"
printf '  %s\n' "${timings[@]}"
