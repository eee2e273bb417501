# mockex: the two commands of README.md are `make run` and `make test`.
# Both install missing Debian packages (scripts/install-deps.sh), configure once, and build
# incrementally, so a second run with nothing changed takes seconds.

BUILD_DIR  ?= build
SAN_DIR    ?= build-asan
BUILD_TYPE ?= RelWithDebInfo
JOBS       ?= 2
CONFIG     ?= conf/mockexd.yaml
# Warnings are errors in CI (CI=true) and when asked for (make WERROR=ON ...).
WERROR     ?= $(if $(CI),ON,OFF)

CMAKE_FLAGS = -G Ninja -DMOCKEX_WERROR=$(WERROR)

.PHONY: all deps build run test sanitize test-sanitize clean

all: build

deps:
	@./scripts/install-deps.sh

build: deps
	@cmake -S . -B $(BUILD_DIR) $(CMAKE_FLAGS) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) >/dev/null
	@cmake --build $(BUILD_DIR) -j$(JOBS)

# Builds and runs mockexd on conf/mockexd.yaml (default scenario: scenarios/quickstart.yaml).
run: build
	$(BUILD_DIR)/bin/mockexd --config $(CONFIG)

# Builds and runs every test through ctest: unit, integration, SDK and the Docker smoke test.
test: build
	cd $(BUILD_DIR) && ctest --output-on-failure --timeout 300 -j$(JOBS)

# The unit, integration and SDK tests again, under AddressSanitizer + UndefinedBehaviorSanitizer,
# in a second build directory. Any sanitizer report fails the run.
sanitize: deps
	@cmake -S . -B $(SAN_DIR) $(CMAKE_FLAGS) -DCMAKE_BUILD_TYPE=Debug -DMOCKEX_SANITIZE=ON \
	  -DMOCKEX_BUILD_BENCH=OFF >/dev/null
	@cmake --build $(SAN_DIR) -j$(JOBS)
	cd $(SAN_DIR) && ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:halt_on_error=1 \
	  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  ctest --output-on-failure --timeout 600 -j$(JOBS) -L '^(unit|integration|sdk)$$'

clean:
	rm -rf $(BUILD_DIR) $(SAN_DIR)
