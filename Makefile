# mockex: the two commands of README.md are `make run` and `make test`.
# Both install missing Debian packages (scripts/install-deps.sh), configure once, and build
# incrementally, so a second run with nothing changed takes seconds.

BUILD_DIR  ?= build
SAN_DIR    ?= build-asan
FUZZ_DIR   ?= build-fuzz
TSAN_DIR   ?= build-tsan
BUILD_TYPE ?= RelWithDebInfo
JOBS       ?= 2
CONFIG     ?= conf/mockexd.yaml
FUZZ_SECONDS ?= 600
# Warnings are errors in CI (CI=true) and when asked for (make WERROR=ON ...).
WERROR     ?= $(if $(CI),ON,OFF)

CMAKE_FLAGS = -G Ninja -DMOCKEX_WERROR=$(WERROR)

.PHONY: all deps build run test sanitize test-sanitize tsan fuzz-build fuzz fuzz-long clean

all: build

deps:
	@./scripts/install-deps.sh

build: deps
	@cmake -S . -B $(BUILD_DIR) $(CMAKE_FLAGS) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) >/dev/null
	@cmake --build $(BUILD_DIR) -j$(JOBS)

# Builds and runs mockexd on conf/mockexd.yaml (default scenario: scenarios/quickstart.yaml).
run: build
	$(BUILD_DIR)/bin/mockexd --config $(CONFIG)

# Builds and runs every test through ctest: unit, integration, SDK and the Docker smoke test;
# then each fuzz target for 30 s in its own clang build (make fuzz).
test: build fuzz-build
	cd $(BUILD_DIR) && ctest --output-on-failure --timeout 300 -j$(JOBS)
	cd $(FUZZ_DIR) && ctest --output-on-failure --timeout 300 -j$(JOBS) -L fuzz

# The unit, integration and SDK tests again, under AddressSanitizer + UndefinedBehaviorSanitizer,
# in a second build directory. Any sanitizer report fails the run.
sanitize: deps
	@cmake -S . -B $(SAN_DIR) $(CMAKE_FLAGS) -DCMAKE_BUILD_TYPE=Debug -DMOCKEX_SANITIZE=ON \
	  -DMOCKEX_BUILD_BENCH=OFF >/dev/null
	@cmake --build $(SAN_DIR) -j$(JOBS)
	cd $(SAN_DIR) && ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:halt_on_error=1 \
	  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  ctest --output-on-failure --timeout 600 -j$(JOBS) -L '^(unit|integration|sdk)$$'

# The threaded tests (label tsan: transport, session and journal units, and the integration
# files that drive the daemon's threads hardest) under ThreadSanitizer, in a third build directory.
tsan: deps
	@cmake -S . -B $(TSAN_DIR) $(CMAKE_FLAGS) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMOCKEX_TSAN=ON \
	  -DMOCKEX_BUILD_BENCH=OFF >/dev/null
	@cmake --build $(TSAN_DIR) -j$(JOBS) --target mockexd mockex_transport_tests \
	  mockex_session_tests mockex_journal_tests
	cd $(TSAN_DIR) && TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1 \
	  ctest --output-on-failure --timeout 600 -j$(JOBS) -L '^tsan$$'

# The libFuzzer targets of tests/fuzz (clang++, ASan + UBSan; see tests/fuzz/README.md): built
# alone (no tests, no benchmarks) in their own directory; CXX only matters to the first configure.
fuzz-build: deps
	@CXX=clang++ cmake -S . -B $(FUZZ_DIR) $(CMAKE_FLAGS) -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DMOCKEX_FUZZ=ON -DMOCKEX_BUILD_TESTS=OFF -DMOCKEX_BUILD_BENCH=OFF >/dev/null
	@cmake --build $(FUZZ_DIR) -j$(JOBS) --target mockex_fuzzers

# Each fuzz target for 30 s on its seed corpus; any crash, leak or slow input fails.
fuzz: fuzz-build
	cd $(FUZZ_DIR) && ctest --output-on-failure --timeout 300 -j$(JOBS) -L fuzz

# The documented longer run: each target for FUZZ_SECONDS (default 600), two at a time.
fuzz-long: fuzz-build
	cd $(FUZZ_DIR) && FUZZ_SECONDS=$(FUZZ_SECONDS) \
	  ctest --output-on-failure --timeout $$(($(FUZZ_SECONDS) + 300)) -j$(JOBS) -L fuzz

clean:
	rm -rf $(BUILD_DIR) $(SAN_DIR) $(FUZZ_DIR) $(TSAN_DIR)
