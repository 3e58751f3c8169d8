#!/usr/bin/env bash
# Band Circuit developer entry point. Every command installs what it is missing first, so a fresh
# Debian 12 machine needs nothing done by hand. `./dev.sh` alone lists the commands: each is a
# cmd_<name> function below, and the "#:" line above it is its help.
#
# Third-party code never lives in this repository: SDL2 and Dear ImGui come from Debian's source
# packages, everything else from Debian's binary packages or npm, into a cache outside the tree.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CACHE="${BAND_CIRCUIT_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/band-circuit}"
PORT="${PORT:-8080}"
JOBS="$(nproc)"

SDL_VERSION=2.26.5
SDL_DEB_VERSION=2.26.5+dfsg-1
IMGUI_VERSION=1.90.1
IMGUI_DEB_VERSION=1.90.1+ds-1

log() { printf '\033[1m== %s\033[0m\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Installing what is missing (packages, sources, SDL2 for the web, browsers, npm) and assembling
# dist/ live in scripts/; this file keeps the builds and the commands.
. "$ROOT/scripts/setup.sh"
. "$ROOT/scripts/dist.sh"

# --- [SECTION] Builds ------------------------------------------------------------------------------

build_native() {
    setup_native
    log "native build (core library and Catch2 tests)"
    (cd "$ROOT" && cmake --preset native >/dev/null)   # CMakePresets.json: the configurations IDEs see too
    cmake --build "$ROOT/build/native" -j"$JOBS"
}

build_web() {
    setup_native
    setup_emscripten
    fetch_sources
    build_sdl2
    apt_install brotli librsvg2-bin
    setup_npm   # terser, which minifies the page's scripts in dist/
    log "web build (emcc $EMCC_VERSION)"
    # One web build at a time in this checkout: two at once in build/web can pair one build's js
    # with the other's wasm. A second command waits here for the first to finish.
    mkdir -p "$ROOT/build"
    exec 9>"$ROOT/build/web.lock"
    flock 9
    (cd "$ROOT" && emcmake cmake --preset web \
        -DIMGUI_DIR="$CACHE/src/imgui-$IMGUI_VERSION" -DSDL2_PREFIX="$SDL2_PREFIX" >/dev/null)
    cmake --build "$ROOT/build/web" -j"$JOBS"
    assemble_dist "$ROOT/build/web" "$ROOT/dist"
    exec 9>&-   # closing it releases the lock
}

# --- [SECTION] Commands ----------------------------------------------------------------------------

#: dist                  build dist/ only
cmd_dist() { build_web; }

#: serve [port]          build dist/ and serve it on http://localhost:8080 (or PORT / port)
cmd_serve() {
    [ $# -gt 0 ] && PORT="$1"
    build_web
    log "serving dist/"
    exec node "$ROOT/tests/serve.mjs" "$ROOT/dist" "$PORT"
}

# Browser tests: tests/browser/run.mjs runs each test file as a job of its own, several at once
# (BROWSER_JOBS, default 4), and reports each job's time and the slowest tests.
run_browser_tests() {  # run_browser_tests ENGINE... ; sets browser_pass, browser_fail; returns non-zero on failure
    local status=0
    (cd "$ROOT/tests/browser" && DIST="$ROOT/dist" node run.mjs "$@") || status=1
    read -r browser_pass browser_fail < "$ROOT/build/browser/counts" 2>/dev/null || { browser_pass=0; browser_fail=1; }
    return $status
}

# The native tests: build/native with the Catch2 suites of the core and the app layer, under ctest.
run_native_tests() {  # sets native_pass, native_fail; returns non-zero on failure
    local status=0 ctest_log="$ROOT/build/native/ctest.log"
    # Called after `||`, where bash ignores set -e: a build that fails must not test old binaries.
    build_native || { native_pass=0; native_fail=1; log "the native build failed"; return 1; }
    log "native tests (ctest)"
    (cd "$ROOT/build/native" && ctest --output-on-failure -j"$JOBS" 2>&1 | tee "$ctest_log") || status=1
    native_pass=$(grep -cE '^ *[0-9]+/[0-9]+ Test +#[0-9]+: .* Passed' "$ctest_log" || true)
    native_fail=$(grep -cE '^ *[0-9]+/[0-9]+ Test +#[0-9]+: .*(Failed|Exception|Timeout|Not Run)' "$ctest_log" || true)
    return $status
}

#: test [ENGINE...|core]  native Catch2 suite (ctest), a short fuzz run, the web build, browser tests in
#:                       Chromium, Firefox ESR and WebKitGTK; engines named (chromium firefox webkit): only the
#:                       web build and their browser tests; core: the native build and its tests only
cmd_test() {
    local native_pass=0 native_fail=0 browser_pass=0 browser_fail=0 status=0 engines=("$@") engine
    if [ "${1:-}" = core ]; then
        run_native_tests || status=1
        echo "$native_pass passed, $native_fail failed"
        return $status
    fi
    for engine in "${engines[@]}"; do
        case "$engine" in chromium|firefox|webkit) ;; *) die "unknown engine '$engine' (chromium, firefox, webkit)" ;; esac
    done
    if [ ${#engines[@]} -eq 0 ]; then
        engines=(chromium firefox webkit)
        run_native_tests || status=1

        if [ -f "$ROOT/tests/fuzz/fuzz_save_format.cpp" ]; then
            log "fuzzing the save-format loader briefly"
            run_fuzz "${FUZZ_SECONDS:-20}" || status=1
        fi
    fi

    build_web
    setup_browser
    case " ${engines[*]} " in *" firefox "*|*" webkit "*) setup_engines ;; esac
    rm -f "$ROOT/build/browser/counts"
    run_browser_tests "${engines[@]}" || status=1

    local passed=$((native_pass + browser_pass)) failed=$((native_fail + browser_fail))
    [ $status -ne 0 ] && [ $failed -eq 0 ] && failed=1
    echo "$passed passed, $failed failed"
    return $status
}

#: fuzz [seconds]        libFuzzer on the save-format loader
cmd_fuzz() { build_native; run_fuzz "$@"; }

run_fuzz() {
    local seconds="${1:-60}"
    apt_install clang-14 libclang-rt-14-dev rapidjson-dev
    (cd "$ROOT" && cmake --preset fuzz >/dev/null)
    cmake --build "$ROOT/build/fuzz" --target fuzz_save_format -j"$JOBS" >/dev/null
    mkdir -p "$ROOT/build/fuzz/corpus"
    cp "$ROOT"/tests/core/fuzz-seeds/* "$ROOT/build/fuzz/corpus/" 2>/dev/null || true
    log "fuzzing for $seconds s"
    "$ROOT/build/fuzz/fuzz_save_format" -max_total_time="$seconds" -max_len=65536 \
        -print_final_stats=1 "$ROOT/build/fuzz/corpus" 2>&1 | grep -E 'stat::number_of_executed_units|Done|ERROR|SUMMARY' 
    return "${PIPESTATUS[0]}"
}

# Band Circuit next to Dear ImGui's own SDL2 + OpenGL3 example, made to run on WebGL2 and built with
# the same toolchain and release flags (tests/bench/CMakeLists.txt patches a copy of the example's
# main.cpp from the Debian source package). Both sites are precompressed the same way; the table
# goes to bench/results.md.
#: format                clang-format every C++ file of src/ and tests/ (the native tests check it)
cmd_format() {
    apt_install clang-format
    (cd "$ROOT" && git ls-files 'src/*.cpp' 'src/*.h' 'tests/*.cpp' 'tests/*.h' | xargs clang-format -i)
}

#: bench [--rounds N] [--out FILE]  size and speed next to Dear ImGui's own SDL2 + WebGL2 example
#:                       (writes bench/results.md unless --out names another file)
cmd_bench() {
    build_web
    setup_browser
    log "Dear ImGui's SDL2 + WebGL2 example (the yardstick)"
    local example="$ROOT/build/bench-example"
    emcmake cmake -S "$ROOT/tests/bench" -B "$example" -DCMAKE_BUILD_TYPE=Release \
        -DIMGUI_DIR="$CACHE/src/imgui-$IMGUI_VERSION" -DSDL2_PREFIX="$SDL2_PREFIX" >/dev/null
    cmake --build "$example" -j"$JOBS"
    find "$example/site" -type f ! -name '*.gz' ! -name '*.br' -print0 | while IFS= read -r -d '' f; do
        gzip -9 -k -n -f "$f"; brotli -q 11 -k -f "$f"
    done
    log "measuring (about 4 minutes)"
    node "$ROOT/tests/bench/bench.mjs" "$ROOT/dist" "$example/site" "$@"   # --out FILE (default bench/results.md), --rounds N
}

# The language files: every .po brought up to date with the English texts of src/ (new texts
# to translate appear empty; docs/languages.md).
#: messages              bring assets/lang/*.po up to date with the English texts of src/
cmd_messages() {
    setup_native
    /usr/bin/python3 "$ROOT/assets/lang/languages.py" update
    log "assets/lang/*.po are up to date with src/; ./dev.sh test core checks them"
}

#: figures               PNG screenshots of every exercise demonstration at its key poses
cmd_figures() {
    build_web
    setup_browser
    node "$ROOT/tests/browser/figures.mjs" "$ROOT/dist" "$ROOT/build/figures"
}

#: screens               PNG screenshots of every screen, both themes, phone and desktop (LOCALE=ar-EG: the matrix in a language)
cmd_screens() {
    build_web
    setup_browser
    node "$ROOT/tests/browser/screens.mjs" "$ROOT/dist" "$ROOT/build/screens"
}

usage() { grep '^#: ' "$0" | sed 's/^#: /  .\/dev.sh /; s/^  .\/dev.sh  \{20\}/                         /'; }

if [ -n "${1:-}" ] && declare -F "cmd_$1" >/dev/null; then
    command_name="$1"; shift
    "cmd_$command_name" "$@"
else
    usage; exit 2
fi
