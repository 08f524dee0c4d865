#!/usr/bin/env bash
# Runs every libFuzzer target in build-fuzz/fuzz for SECONDS seconds each,
# starting from the seed corpus in fuzz/corpus/<target> (copied, so the
# repository is not changed). Fails on the first finding; the crashing
# input is left in build-fuzz/fuzz-artifacts/.
set -euo pipefail
seconds=${1:-60}
cd "$(dirname "$0")/.."
out=build-fuzz/fuzz-artifacts
mkdir -p "$out"
for target in jsonl_reader text_analyzer conllu_reader parser model_file code gazetteer_index \
    date_expressions source_homes store_query; do
  bin=build-fuzz/fuzz/${target}_fuzzer
  work=$(mktemp -d)
  cp -r fuzz/corpus/"$target"/. "$work"/
  echo "fuzz: ${target}_fuzzer for ${seconds}s"
  log="$work.log"
  status=0
  "$bin" "$work" -max_total_time="$seconds" -rss_limit_mb=2048 -max_len=65536 \
    -timeout=10 -print_final_stats=1 -artifact_prefix="$out/${target}-" \
    >"$log" 2>&1 || status=$?
  grep -E "^(stat::number_of_executed_units|stat::peak_rss_mb|==|SUMMARY|Done)" \
    "$log" || true
  if [ "$status" -ne 0 ]; then tail -n 60 "$log" >&2; fi
  rm -f "$log"
  rm -rf "$work"
  if [ "$status" -ne 0 ]; then
    echo "fuzz: ${target}_fuzzer found a problem (exit $status); see $out" >&2
    exit 1
  fi
done
