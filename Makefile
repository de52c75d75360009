# Quick start: `make demo` (run a demo meeting) and `make test` (build and run every test).
PRESET     ?= dev
BUILD_DIR  := build/$(PRESET)
JOBS       ?= $(shell nproc)
DEMO_DIR   ?= demo-data
DEMO_LISTEN ?= 0.0.0.0:9443
BENCH_N    ?= 1500
BENCH_REPEATS ?= 50

.PHONY: all deps configure build test bench demo demo-data clean-demo clean

all: build

deps:
	@packaging/install-deps.sh

$(BUILD_DIR)/build.ninja: CMakeLists.txt CMakePresets.json
	cmake --preset $(PRESET)

configure: deps $(BUILD_DIR)/build.ninja

build: configure
	cmake --build --preset $(PRESET) -j $(JOBS)

test: build
	ctest --preset $(PRESET) -j $(JOBS)

# Benchmarks with N tablets on loopback and the document viewer (tests/bench/README.md); writes
# $(BUILD_DIR)/bench/results.{json,md}, viewer_results.json and display_latency.json.
bench: build
	$(BUILD_DIR)/tests/bench/room-load --server-bin $(BUILD_DIR)/room-server/room-server \
	  --clients $(BENCH_N) --repeats $(BENCH_REPEATS) --out $(BUILD_DIR)/bench
	$(BUILD_DIR)/tests/bench/room-viewer-bench --pages 100 --repeats 5 --out $(BUILD_DIR)/bench
	ROOM_BENCH_REPEATS=50 ROOM_BENCH_OUT=$(BUILD_DIR)/bench ROOM_SERVER_BIN=$(BUILD_DIR)/room-server/room-server \
	  QT_QPA_PLATFORM=offscreen $(BUILD_DIR)/tests/display/room-display-latency

# A demo data directory: the demo meeting package (PDFs generated here) imported once.
demo-data: build
	@if [ ! -f $(DEMO_DIR)/room/room.sqlite ]; then \
	  rm -rf $(DEMO_DIR) && mkdir -p $(DEMO_DIR)/package && \
	  cp assets/demo/meeting.json $(DEMO_DIR)/package/ && \
	  $(BUILD_DIR)/shared/pdf/room-demo-pdfs $(DEMO_DIR)/package && \
	  $(BUILD_DIR)/room-server/room-server import $(DEMO_DIR)/package --data-dir $(DEMO_DIR)/room \
	    --pins-out $(DEMO_DIR)/pins.txt && \
	  echo "PIN slips for the demo meeting: $(DEMO_DIR)/pins.txt"; \
	else echo "Using the existing demo data in $(DEMO_DIR) (make clean-demo to start over)"; fi

demo: demo-data
	@echo "--- PINs (first lines of $(DEMO_DIR)/pins.txt) ---"; head -n 12 $(DEMO_DIR)/pins.txt || true
	packaging/run-demo.sh $(BUILD_DIR) $(DEMO_DIR)/room $(DEMO_LISTEN)

clean-demo:
	rm -rf $(DEMO_DIR)

clean:
	rm -rf build
