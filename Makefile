# sitrep: two commands on a fresh machine.
#   make demo   install what is missing, build, run sitrep on the examples
#   make test   install what is missing, build, run every test
# Other targets: build, asan, fuzz, fuzz-run, bench, format, check-format.

SHELL := /bin/bash
JOBS ?= $(shell nproc)
FUZZ_SECONDS ?= 30

.PHONY: all deps build demo test test-default test-asan asan fuzz fuzz-run \
        fuzz-smoke bench format check-format eval-events eval-geo eval-sentences eval-ud \
        train-parser clean

all: build

deps:
	@bash scripts/install-deps.sh

build: deps
	@cmake --preset default >/dev/null
	@cmake --build --preset default -j $(JOBS)

demo: build
	@mkdir -p build/demo
	@echo "== sitrep split examples/reports.jsonl -> build/demo/split.jsonl"
	@./build/sitrep split --table examples/reports.jsonl -o build/demo/split.jsonl
	@echo "== sitrep parse examples/reports.jsonl -> build/demo/parsed.conllu"
	@./build/sitrep parse examples/reports.jsonl -o build/demo/parsed.conllu
	@echo "== sitrep code examples/reports.jsonl -> build/demo/events.jsonl (+ .csv)"
	@./build/sitrep code examples/reports.jsonl -o build/demo/events.jsonl
	@./build/sitrep code --format csv examples/reports.jsonl -o build/demo/events.csv 2>/dev/null
	@./build/sitrep code --format table examples/reports.jsonl 2>/dev/null
	@echo "== sitrep ingest --db sqlite:build/demo/demo.db examples/reports.jsonl (coded, stored, merged into incidents)"
	@./build/sitrep ingest --db sqlite:build/demo/demo.db examples/reports.jsonl
	@echo "== sitrep incidents --db sqlite:build/demo/demo.db --min-reports 2 --format table (each report's claim side by side)"
	@./build/sitrep incidents --db sqlite:build/demo/demo.db --min-reports 2 --format table

test: check-format test-default test-asan fuzz-smoke
	@echo "make test: all suites passed"

test-default: build
	@ctest --preset default -j $(JOBS)

asan: deps
	@cmake --preset asan >/dev/null
	@cmake --build --preset asan -j $(JOBS)

test-asan: asan
	@ctest --preset asan -j $(JOBS) -LE slow

fuzz: deps
	@cmake --preset fuzz >/dev/null
	@cmake --build --preset fuzz -j $(JOBS)

# Each fuzz target for FUZZ_SECONDS seconds from its seed corpus.
fuzz-run: fuzz
	@bash scripts/run-fuzzers.sh $(FUZZ_SECONDS)

# A short run of every fuzz target, part of `make test`.
fuzz-smoke: fuzz
	@bash scripts/run-fuzzers.sh 15

bench: build
	@./build/bench/text_benchmark --benchmark_min_time=1
	@./build/bench/syntax_benchmark --benchmark_min_time=1
	@./build/bench/code_benchmark --benchmark_min_time=1
	@./build/bench/store_benchmark

eval-events: build
	@./build/sitrep eval case2021 ../shared/eval/case2021/case2021_task2_open.tsv
	@./build/sitrep eval plover ../shared/eval/plover/PLOVER_GSR_CAMEO.txt
	@./build/sitrep eval wikievents ../shared/eval/wikievents/dev.jsonl
	@./build/sitrep eval muc4 ../shared/eval/muc4/dev ../shared/eval/muc4/dev

eval-geo: build
	@./build/sitrep eval geo ../shared/eval/geo/lgl.xml
	@./build/sitrep eval geo ../shared/eval/geo/GeoVirus.xml

eval-sentences: build
	@./build/sitrep eval sentences ../shared/ud/en_ewt/en_ewt-ud-test.conllu

UD ?= ../shared/ud/en_ewt

# Tagging and parsing scores on UD English EWT test (gold tokenisation).
eval-ud: build
	@./build/sitrep eval ud $(UD)/en_ewt-ud-test.conllu

# Retrains models/en.parser (about 20 minutes on 2 cores; see models/NOTICE).
train-parser: build
	@./build/sitrep train-parser --train $(UD)/en_ewt-ud-train.conllu \
	  --dev $(UD)/en_ewt-ud-dev.conllu -o models/en.parser

format:
	@git ls-files -- '*.cc' '*.h' | xargs clang-format -i

check-format: deps
	@git ls-files -- '*.cc' '*.h' | xargs clang-format --dry-run --Werror

clean:
	rm -rf build build-asan build-fuzz
