# Sourced by dev.sh (which sets ROOT, CACHE, log and die): the assembly of dist/.

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
    # A language whose script the device may draw has its outlines apart, in lang/<tag>-glyphs.bin.
    local tags glyphs
    tags=$(cd "$out/lang" && ls *.bin | grep -v -e '^names\.bin$' -e '-glyphs\.bin$' | sed 's/\.bin$//' | LC_ALL=C sort | sed 's/.*/"&"/' | paste -sd, -)
    glyphs=$(cd "$out/lang" && ls *.bin | sed -n 's/-glyphs\.bin$//p' | LC_ALL=C sort | sed 's/.*/"&"/' | paste -sd, -)
    sed -i -e "s|\"__LANGUAGE_FILES__\"|[$tags]|" -e "s|\"__GLYPH_FILES__\"|[$glyphs]|" "$out/app.js"
    grep -q '__LANGUAGE_FILES__\|__GLYPH_FILES__' "$out/app.js" && die "app.js's lists of language files were not filled in"
    # Served minified (assets/minify.mjs; web/ keeps the source), before the version hash so
    # that it covers what is served.
    node "$ROOT/assets/minify.mjs" "$out/band-circuit.js" "$out/app.js" "$out/a11y.js" "$out/device-fonts.js" "$out/index.html" \
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
