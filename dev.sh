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

# --- [SECTION] Packages --------------------------------------------------------------------------

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else
        log "sudo is needed to run: $*"
        sudo "$@"
    fi
}

APT_UPDATED=0
apt_install() {  # apt_install PACKAGE... : installs those not yet installed
    local missing=()
    for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
    [ ${#missing[@]} -eq 0 ] && return 0
    log "installing from Debian: ${missing[*]}"
    if [ $APT_UPDATED -eq 0 ]; then as_root apt-get update -qq; APT_UPDATED=1; fi
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# A private apt configuration for source packages and backports: the machine's own sources stay
# untouched, and the archive's address is read from them.
private_apt() {  # private_apt NAME LINE... ; sets PRIVATE_APT_OPTS
    local dir="$CACHE/apt-$1"; shift
    local mirror
    mirror=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
    [ -n "$mirror" ] || mirror=$(awk '/^deb /{print $2; exit}' /etc/apt/sources.list)
    mkdir -p "$dir/lists/partial"
    : > "$dir/sources.list"
    for line in "$@"; do printf "${line}\n" "$mirror" >> "$dir/sources.list"; done
    PRIVATE_APT_OPTS=(-o "Dir::Etc::SourceList=$dir/sources.list" -o Dir::Etc::SourceParts=/dev/null
                      -o "Dir::State::Lists=$dir/lists" -o APT::Sandbox::User=root)
    if [ ! -e "$dir/updated" ]; then
        as_root apt-get "${PRIVATE_APT_OPTS[@]}" update -qq && touch "$dir/updated"
    fi
}

setup_native() {
    apt_install cmake g++ make rapidjson-dev python3-fonttools python3-polib python3-babel python3-arabic-reshaper python3-bidi \
        gettext fonts-inter fonts-noto-core fonts-noto-cjk clang-format
    if ! dpkg -s libcatch2-dev 2>/dev/null | grep -q '^Version: 3'; then
        log "Catch2 3 from bookworm-backports"
        private_apt backports "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] %s bookworm-backports main"
        as_root env DEBIAN_FRONTEND=noninteractive apt-get "${PRIVATE_APT_OPTS[@]}" install -y -qq libcatch2-dev >/dev/null
    fi
}

# Emscripten: one already on PATH (an emsdk, say) wins; otherwise Debian's package.
setup_emscripten() {
    if ! command -v emcc >/dev/null 2>&1; then apt_install emscripten; fi
    # Debian's emcc runs its JS optimizer with the machine's node, which must find Debian's acorn.
    export NODE_PATH="/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}"
    EMCC_VERSION=$(emcc -dumpversion 2>/dev/null || emcc --version | head -1 | grep -oE '[0-9]+\.[0-9]+\.[0-9]+' | head -1)
}

# --- [SECTION] Third-party sources (Debian source packages) and the web build of SDL2 -------------

fetch_sources() {
    local src="$CACHE/src"
    if [ -d "$src/SDL2-$SDL_VERSION" ] && [ -d "$src/imgui-$IMGUI_VERSION" ]; then return 0; fi
    apt_install dpkg-dev xz-utils
    log "fetching SDL2 $SDL_DEB_VERSION and Dear ImGui $IMGUI_DEB_VERSION source packages"
    private_apt sources "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] %s bookworm main" \
                        "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] %s trixie main"
    mkdir -p "$src/dl"
    (cd "$src/dl" && apt-get "${PRIVATE_APT_OPTS[@]}" source --download-only \
        "libsdl2=$SDL_DEB_VERSION" "imgui=$IMGUI_DEB_VERSION" >/dev/null)
    (cd "$src" && tar xf dl/libsdl2_*.orig.tar.* && tar xf dl/imgui_*.orig.tar.*)
    [ -d "$src/SDL2-$SDL_VERSION" ] || mv "$src"/SDL2-* "$src/SDL2-$SDL_VERSION" 2>/dev/null || true
    [ -d "$src/imgui-$IMGUI_VERSION" ] || mv "$src"/imgui-* "$src/imgui-$IMGUI_VERSION" 2>/dev/null || true
    [ -d "$src/SDL2-$SDL_VERSION" ] && [ -d "$src/imgui-$IMGUI_VERSION" ] || die "source packages did not unpack as expected"
}

# SDL2 for the web, built once per SDL and emcc version. Only video and events are built: the app
# draws with WebGL2 and plays its cues through Web Audio, so audio, joystick and the rest stay out.
build_sdl2() {
    SDL2_PREFIX="$CACHE/sdl2-$SDL_VERSION-emcc$EMCC_VERSION"
    [ -f "$SDL2_PREFIX/lib/libSDL2.a" ] && return 0
    log "building SDL2 $SDL_VERSION for the web (once; cached in $SDL2_PREFIX)"
    local build="$CACHE/build-sdl2-$SDL_VERSION-emcc$EMCC_VERSION"
    rm -rf "$build"
    emcmake cmake -S "$CACHE/src/SDL2-$SDL_VERSION" -B "$build" -DCMAKE_BUILD_TYPE=MinSizeRel \
        -DCMAKE_INSTALL_PREFIX="$SDL2_PREFIX" -DSDL_SHARED=OFF -DSDL_STATIC=ON -DSDL_TEST=OFF \
        -DSDL_AUDIO=OFF -DSDL_JOYSTICK=OFF -DSDL_HAPTIC=OFF -DSDL_SENSOR=OFF -DSDL_POWER=OFF \
        -DSDL_FILESYSTEM=OFF -DSDL_HIDAPI=OFF -DSDL_LOCALE=OFF -DSDL_MISC=OFF -DSDL_ATOMIC=OFF \
        -DSDL_THREADS=OFF -DSDL_RENDER=OFF -DSDL_CPUINFO=OFF -DSDL_FILE=OFF -DSDL_LOADSO=OFF \
        -DSDL_TIMERS=ON -DSDL_VIDEO=ON -DSDL_EVENTS=ON >"$CACHE/sdl2-configure.log" 2>&1 \
        || { tail -30 "$CACHE/sdl2-configure.log"; die "SDL2 configure failed"; }
    cmake --build "$build" -j"$JOBS" >"$CACHE/sdl2-build.log" 2>&1 || { tail -30 "$CACHE/sdl2-build.log"; die "SDL2 build failed"; }
    cmake --install "$build" >/dev/null
    rm -rf "$build"
}

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

# dist/: the complete static site, every URL in it relative so it works at a host's root or under
# any sub-path. Icons are rasterised from assets/*.svg. The service worker gets the list of files to
# precache and a cache version that is a hash of their names and content (so a deploy that changes
# any byte is a new version, and one that changes nothing is not). Every text and wasm file is also
# stored gzip- and brotli-compressed for hosts that serve precompressed files.
assemble_dist() {
    local build="$1" final="$2" inputs
    # Nothing changed since the last assembly (the build's js and wasm, web/, assets/, this
    # function): dist/ stays as it is, without rasterising or compressing anything again.
    inputs=$( { sha256sum "$build/band-circuit.js" "$build/band-circuit.wasm" "$build"/lang/*.bin "$ROOT"/web/* "$ROOT"/assets/*.svg \
                          "$ROOT/assets/minify.mjs" "$ROOT/tests/browser/package-lock.json";
                declare -f assemble_dist; } | sha256sum | cut -c1-16)
    if [ -d "$final" ] && [ "$(cat "$build/dist.inputs" 2>/dev/null)" = "$inputs" ]; then
        log "dist/ is up to date"
        return 0
    fi
    local out="$build/dist.tmp.$$"   # built aside, then swapped in: never half a site, even with two builds at once
    rm -rf "$out"; mkdir -p "$out/icons"
    cp "$build/band-circuit.js" "$build/band-circuit.wasm" "$out/"
    cp "$ROOT"/web/* "$out/"
    # Every language but English: its table and glyphs, fetched when chosen (not precached).
    mkdir -p "$out/lang"
    cp "$build"/lang/*.bin "$out/lang/"
    local tags
    tags=$(cd "$out/lang" && ls *.bin | grep -v '^names\.bin$' | sed 's/\.bin$//' | LC_ALL=C sort | sed 's/.*/"&"/' | paste -sd, -)
    sed -i "s|\"__LANGUAGE_FILES__\"|[$tags]|" "$out/app.js"
    grep -q '__LANGUAGE_FILES__' "$out/app.js" && die "app.js's list of languages was not filled in"
    # Served minified (assets/minify.mjs; web/ keeps the source), before the version hash so
    # that it covers what is served.
    node "$ROOT/assets/minify.mjs" "$out/band-circuit.js" "$out/app.js" "$out/a11y.js" "$out/index.html" \
        "$out/style.css" "$out/manifest.webmanifest"
    node "$ROOT/assets/minify.mjs" --statements "$out/sw.js"
    cp "$ROOT/assets/icon.svg" "$out/icons/icon.svg"
    rsvg-convert -w 180 -h 180 "$ROOT/assets/icon.svg" -o "$out/icons/icon-180.png"   # apple-touch-icon
    for size in 192 512; do
        rsvg-convert -w $size -h $size "$ROOT/assets/icon.svg" -o "$out/icons/icon-$size.png"
        rsvg-convert -w $size -h $size "$ROOT/assets/icon-maskable.svg" -o "$out/icons/maskable-$size.png"
    done
    local files version list
    files=$(cd "$out" && find . -type f ! -name sw.js ! -path './lang/*' | sed 's|^\./||' | LC_ALL=C sort)
    version=$( { (cd "$out" && sha256sum $files lang/*.bin); sha256sum < "$ROOT/web/sw.js"; } | sha256sum | cut -c1-16)
    list=$(printf '"%s",' $files); list="[\"./\",${list%,}]"
    sed -i -e "s|__CACHE_VERSION__|$version|" -e "s|\"__PRECACHE_FILES__\"|$list|" "$out/sw.js"
    grep -q '__CACHE_VERSION__\|__PRECACHE_FILES__' "$out/sw.js" && die "sw.js placeholders were not filled in"
    if grep -lE '(src|href)="(/|[a-z]+:)|"(start_url|scope|src)": *"(/|[a-z]+:)' "$out"/*.html "$out"/*.webmanifest; then
        die "the files above use an absolute URL: dist/ must work under any sub-path, from its own origin only"
    fi
    find "$out" -type f ! -name '*.png' -print0 | while IFS= read -r -d '' f; do
        gzip -9 -k -n -f "$f"; brotli -q 11 -k -f "$f"
    done
    rm -rf "$final"; mv "$out" "$final"
    echo "$inputs" > "$build/dist.inputs"
    log "dist/ ready: $(du -sk "$final" | cut -f1) KB with compressed copies, version $version"
}

# --- [SECTION] Browser tooling ---------------------------------------------------------------------

setup_browser() {
    apt_install chromium fonts-liberation
    setup_npm
}

# tests/browser's npm packages (Playwright, axe, terser), from its lockfile.
setup_npm() {
    # npm ci again whenever the lockfile changed since the last install.
    local lock_sum stamp="$ROOT/tests/browser/node_modules/.band-circuit-lock"
    lock_sum=$(sha256sum "$ROOT/tests/browser/package-lock.json" | cut -c1-16)
    if [ "$(cat "$stamp" 2>/dev/null)" != "$lock_sum" ]; then
        log "installing npm packages (lockfile tests/browser/package-lock.json)"
        (cd "$ROOT/tests/browser" && npm ci --no-audit --no-fund --loglevel=error)
        echo "$lock_sum" > "$stamp"
    fi
}

# The other engines: Firefox ESR (driven by puppeteer-core over WebDriver BiDi) and WebKitGTK
# (WebKitWebDriver and its MiniBrowser), each on an Xvfb display of its own (see
# tests/browser/engines/; the tests start Xvfb themselves, so xvfb-run and xauth are not needed).
setup_engines() {
    apt_install firefox-esr webkit2gtk-driver xvfb
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
    build_native
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
