#!/usr/bin/env bash
# Installs every Debian 12 package that assay's build, tests, benchmarks and
# demo need. Idempotent and non-interactive: installs only what is missing.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git mold
  clang libclang-rt-14-dev
  libcli11-dev nlohmann-json3-dev libsimdjson-dev libyaml-cpp-dev libfast-float-dev libfmt-dev
  libboost-math-dev libeigen3-dev libtbb-dev libxxhash-dev libre2-dev libssl-dev libxgboost-dev
  libsqlite3-dev libcpp-httplib-dev zlib1g-dev libmimalloc-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  python3 python3-numpy python3-scipy python3-sklearn python3-pandas python3-statsmodels
  python3-jsonschema python3-yaml libxml2-utils cmark
  chromium
  time
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

# npm (the HTML report's Vega libraries, web/package.json) may come from
# another Node.js distribution whose nodejs package conflicts with Debian's
# npm: only install Debian's when no npm is on the PATH.
if ! command -v npm >/dev/null 2>&1; then
  missing+=(nodejs npm)
fi

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
