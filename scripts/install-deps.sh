#!/usr/bin/env bash
# Installs the Debian 12 packages mockex needs to build, run and test, and the npm packages of the
# end-to-end tests from their lockfile. Idempotent: when everything is installed it only checks
# and returns (no apt-get or npm call, well under a second).
#
#   install-deps.sh               everything `make run` and `make test` need
#   install-deps.sh --build-only  only what building mockexd needs (the Docker image's builder)
set -euo pipefail

build_only=false
case "${1:-}" in
  "") ;;
  --build-only) build_only=true ;;
  *) echo "usage: $0 [--build-only]" >&2; exit 2 ;;
esac

packages=(
  build-essential cmake ninja-build pkg-config
  libboost1.81-all-dev nlohmann-json3-dev libyaml-cpp-dev libspdlog-dev libfmt-dev
  prometheus-cpp-dev libcli11-dev libssl-dev zlib1g-dev libmimalloc-dev
)
$build_only || packages+=(
  ccache libgtest-dev libgmock-dev libbenchmark-dev clang libclang-rt-14-dev
  python3 python3-pytest python3-aiohttp python3-pytest-xdist python3-pytest-asyncio python3-yaml python3-jsonschema python3-aioresponses
  python3-pip python3-venv python3-wheel
  curl openssl
)

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
  [ "$status" = "installed" ] || missing+=("$p")
done

# Node.js and npm for the end-to-end tests with real exchange clients (ccxt), when the machine
# has none of its own.
$build_only || command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "install-deps: missing packages: ${missing[*]}" >&2
    echo "install-deps: run as root (or install them with apt-get) and try again" >&2
    exit 1
  fi
  echo "install-deps: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
if $build_only; then exit 0; fi

# The npm packages of the end-to-end tests, exactly as tests/e2e/package-lock.json pins them;
# reinstalled only when the lockfile changed.
e2e="$(cd "$(dirname "$0")/.." && pwd)/tests/e2e"
if [ ! -f "$e2e/node_modules/.package-lock.json" ] ||
   [ "$e2e/package-lock.json" -nt "$e2e/node_modules/.package-lock.json" ]; then
  echo "install-deps: npm ci in tests/e2e"
  (cd "$e2e" && npm ci --no-audit --no-fund --loglevel=error)
fi
