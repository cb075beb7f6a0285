# lmpmon — the two commands of the README, and the usual targets.
#
#   make        build build/lmpmon
#   make demo   install what is missing, build, run the sample
#   make test   install what is missing, build, run every test (also under
#               AddressSanitizer + UBSan), then make lint (with clang-tidy on
#               build/'s compile commands: a few minutes on two cores)
#   make fuzz   build the libFuzzer harnesses with clang in build-fuzz/ and
#               run each for SECONDS (60) on a copy of its corpus; FUZZERS=
#               names a few (docs/HACKING.md; not part of 'make test')
#
# CMake does the building; this file only orders the steps.

BUILD      ?= build
BUILD_ASAN ?= build-asan
BUILD_FUZZ ?= build-fuzz
JOBS       ?= 2
SECONDS    ?= 60
FUZZERS    ?= csv annex_csv cases_csv outreach_csv claims_csv fund_csv indicators_csv recs_csv model_json dhis2_json xlsx urlencoded multipart attach chapter_md \
              cookies url route client_addr host accept_lang

.PHONY: all deps build build-asan test test-plain test-asan demo clean lint \
        fuzz build-fuzz

all: build

deps:
	@scripts/install-deps
	@scripts/install-browser-deps

$(BUILD)/CMakeCache.txt:
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null

build: $(BUILD)/CMakeCache.txt
	@cmake --build $(BUILD) -j$(JOBS)

$(BUILD_ASAN)/CMakeCache.txt:
	@cmake -S . -B $(BUILD_ASAN) -DCMAKE_BUILD_TYPE=Debug -DLMPMON_SANITIZE=ON >/dev/null

build-asan: $(BUILD_ASAN)/CMakeCache.txt
	@cmake --build $(BUILD_ASAN) -j$(JOBS)

test-plain: build
	@cd $(BUILD) && ctest --output-on-failure -j$(JOBS)

test-asan: build-asan
	@cd $(BUILD_ASAN) && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	    ctest --output-on-failure -j$(JOBS)

test: deps
	@$(MAKE) --no-print-directory test-plain
	@$(MAKE) --no-print-directory test-asan
	@$(MAKE) --no-print-directory lint

$(BUILD_FUZZ)/CMakeCache.txt:
	@CC=clang cmake -S . -B $(BUILD_FUZZ) -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	    -DLMPMON_FUZZ=ON >/dev/null

build-fuzz: $(BUILD_FUZZ)/CMakeCache.txt
	@cmake --build $(BUILD_FUZZ) -j$(JOBS) --target fuzz_all

fuzz:
	@scripts/install-deps
	@$(MAKE) --no-print-directory build-fuzz
	@scripts/fuzz $(BUILD_FUZZ) $(SECONDS) $(FUZZERS)

demo: deps
	@$(MAKE) --no-print-directory build
	@scripts/demo $(BUILD)/lmpmon

# The rules no compiler checks: layers, escaping in pages, formatting,
# clang-tidy's checks (when build/ is configured; docs/HACKING.md).
lint:
	@scripts/lint

clean:
	rm -rf $(BUILD) $(BUILD_ASAN) $(BUILD_FUZZ)
