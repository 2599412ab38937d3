#!/usr/bin/env bash
# Installs the Debian packages the project needs to build, test and run, when any is missing.
# Usage: install-deps.sh [build|run|test|bench|screenshot]...   (default: build run test)
set -euo pipefail

build_pkgs=(g++ cmake ninja-build ccache pkg-config git
  libboost1.81-dev librabbitmq-dev libpqxx-dev nlohmann-json3-dev libfmt-dev doctest-dev
  libcurl4-openssl-dev libcli11-dev prometheus-cpp-dev libre2-dev)
server_pkgs=(rabbitmq-server postgresql-15 postgresql-client-15 curl procps python3 jq)
test_pkgs=(python3 python3-jsonschema python3-yaml shellcheck python3-aiosmtpd docker-compose prometheus
  chromium clang-14 libclang-rt-14-dev gnuplot-nox)
# For bench/run-saga's plot (also a test package, for its report test).
bench_pkgs=(gnuplot-nox)
# For deploy/local/screenshot (the README's management UI picture); chromium is also a test package.
screenshot_pkgs=(chromium python3-websocket)

groups=("$@")
[ ${#groups[@]} -gt 0 ] || groups=(build run test)

wanted=()
for g in "${groups[@]}"; do
  case "$g" in
    build) wanted+=("${build_pkgs[@]}") ;;
    run) wanted+=("${server_pkgs[@]}") ;;
    test) wanted+=("${test_pkgs[@]}") ;;
    bench) wanted+=("${bench_pkgs[@]}") ;;
    screenshot) wanted+=("${screenshot_pkgs[@]}") ;;
    *) echo "install-deps: unknown group '$g' (build|run|test|bench|screenshot)" >&2; exit 2 ;;
  esac
done

missing=()
for p in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# The browser tests need node and npm; a node installed another way (e.g. NodeSource, which
# bundles npm) is fine, so only a missing command asks for Debian's packages.
for g in "${groups[@]}"; do
  if [[ $g == test ]] && ! command -v npm >/dev/null; then missing+=(nodejs npm); fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "install-deps: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  sudo_cmd=(sudo)
fi
echo "install-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
# The rabbitmq-server and postgresql packages try to start system services; we run our own instances.
policy_created=0
if [ ! -e /usr/sbin/policy-rc.d ]; then
  printf '#!/bin/sh\nexit 101\n' | "${sudo_cmd[@]}" tee /usr/sbin/policy-rc.d >/dev/null
  "${sudo_cmd[@]}" chmod +x /usr/sbin/policy-rc.d
  policy_created=1
fi
trap '[ $policy_created -eq 1 ] && "${sudo_cmd[@]}" rm -f /usr/sbin/policy-rc.d' EXIT
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
