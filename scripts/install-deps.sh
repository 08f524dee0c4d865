#!/usr/bin/env bash
# Installs the Debian packages sitrep builds and tests with. Idempotent:
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
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "install-deps: installing ${missing[*]}" >&2
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
