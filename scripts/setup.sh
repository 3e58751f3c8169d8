# Sourced by dev.sh (which sets ROOT, CACHE, JOBS, the versions, log and die): installing what a
# fresh Debian 12 machine needs, from Debian's archive (binary and source packages) and npm.

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
        gettext fonts-inter fonts-noto-core fonts-noto-cjk clang-format ccache
    use_ccache
    if ! dpkg -s libcatch2-dev 2>/dev/null | grep -q '^Version: 3'; then
        log "Catch2 3 from bookworm-backports"
        private_apt backports "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] %s bookworm-backports main"
        as_root env DEBIAN_FRONTEND=noninteractive apt-get "${PRIVATE_APT_OPTS[@]}" install -y -qq libcatch2-dev >/dev/null
    fi
}

# Every compiler (g++, clang for the fuzzer, em++) runs through ccache, whose cache lives beside the
# others: a fresh clone (CI) compiles only what changed since any earlier build on this machine.
# Paths are taken relative to the checkout, so two clones share the cache. The build directories
# pick the launcher up when they are first configured.
use_ccache() {
    export CCACHE_DIR="$CACHE/ccache" CCACHE_BASEDIR="$ROOT" CCACHE_NOHASHDIR=true CCACHE_MAXSIZE=2G
    export CMAKE_C_COMPILER_LAUNCHER=ccache CMAKE_CXX_COMPILER_LAUNCHER=ccache
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

# --- [SECTION] Browser tooling ---------------------------------------------------------------------

setup_browser() {
    apt_install chromium fonts-liberation
    setup_npm
}

# tests/browser's npm packages (Playwright, axe, terser) and the sync tests' CouchDB-compatible
# server (tests/browser/couch), each from its lockfile.
setup_npm() {
    npm_install_cached "$ROOT/tests/browser"
    npm_install_cached "$ROOT/tests/browser/couch"
}

# A folder's npm packages, installed once per lockfile into the cache and linked in as its
# node_modules: a fresh clone with a warm cache installs nothing.
npm_install_cached() {  # npm_install_cached DIR
    local dir="$1" lock_sum target
    lock_sum=$(sha256sum "$dir/package-lock.json" | cut -c1-16)
    target="$CACHE/npm/$(basename "$dir")-$lock_sum"
    if [ ! -f "$target/.installed" ]; then
        log "installing npm packages of ${dir#"$ROOT"/} (from its lockfile, once)"
        rm -rf "$target"
        mkdir -p "$target"
        cp "$dir/package.json" "$dir/package-lock.json" "$target/"
        (cd "$target" && npm ci --no-audit --no-fund --loglevel=error)
        touch "$target/.installed"
    fi
    if [ "$(readlink "$dir/node_modules" 2>/dev/null)" != "$target/node_modules" ]; then
        rm -rf "$dir/node_modules"
        ln -s "$target/node_modules" "$dir/node_modules"
    fi
}

# The other engines: Firefox ESR (driven by puppeteer-core over WebDriver BiDi) and WebKitGTK
# (WebKitWebDriver and its MiniBrowser), each on an Xvfb display of its own (see
# tests/browser/engines/; the tests start Xvfb themselves, so xvfb-run and xauth are not needed).
setup_engines() {
    apt_install firefox-esr webkit2gtk-driver xvfb
}
