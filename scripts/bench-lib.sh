# Shared by scripts/bench, scripts/bench-latency and scripts/lighthouse (source it):
# PATH, the folder to measure, and a private nginx serving it.
#   bench_dist [dist-dir]   sets DIST: the given folder, or a fresh release
#                           build in .tmp/dist-bench when none is given: of the
#                           working tree, or with BENCH_REV=<git rev> of that
#                           commit (exported to .tmp/bench-src, so edits in
#                           progress in the working tree do not leak in)
#                           BENCH_SRC: the source folder that was built
#   bench_serve <port>      serves $DIST on 127.0.0.1:<port> until the script exits
# Figures land in $BENCH_OUT (default .tmp/bench) as JSON for scripts/bench.
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
BENCH_OUT=${BENCH_OUT:-$PWD/.tmp/bench}
mkdir -p "$BENCH_OUT"
export BENCH_OUT

# Chromium left running (an earlier run, an experiment) takes CPU from the
# browser being measured on a 2-core machine: say so before any figure.
stray=$(pgrep -fc '^/usr/lib/chromium/chromium' || true)
if [ "${stray:-0}" -gt 0 ]; then
  echo "warning: $stray Chromium processes are already running; timing figures will be disturbed (pkill -f /usr/lib/chromium/chromium)" >&2
fi

bench_dist() {
  if [ -n "${1:-}" ]; then
    DIST=$(realpath "$1")
    [ -f "$DIST/index.html" ] || { echo "no index.html in $1" >&2; exit 2; }
    BENCH_SRC=${BENCH_SRC:-$PWD}
  else
    ./scripts/setup >/dev/null
    DIST=$PWD/.tmp/dist-bench
    local root=$PWD src=$PWD
    if [ -n "${BENCH_REV:-}" ]; then
      BENCH_REV=$(git rev-parse --verify "$BENCH_REV^{commit}") # fixed, even if HEAD moves meanwhile
      export BENCH_REV
      src=$PWD/.tmp/bench-src
      rm -rf "$src"
      mkdir -p "$src"
      git archive "$BENCH_REV" | tar -x -C "$src"
      echo "building the release of $BENCH_REV ($(git rev-parse --short "$BENCH_REV")) into .tmp/dist-bench ..." >&2
    else
      echo "building the release of the working tree into .tmp/dist-bench ..." >&2
    fi
    BENCH_SRC=$src
    (cd "$src" && CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$root/target} \
      trunk build --release --offline --dist "$DIST") >"$BENCH_OUT/build.log" 2>&1 \
      || { cat "$BENCH_OUT/build.log" >&2; exit 1; }
  fi
  export DIST BENCH_SRC
}

bench_serve() {
  BENCH_PORT=$1
  # A commit is served with its own e2e/nginx.conf (its CSP matches its build).
  BENCH_NGINX=./scripts/nginx
  [ -x "${BENCH_SRC:-.}/scripts/nginx" ] && BENCH_NGINX=$BENCH_SRC/scripts/nginx
  "$BENCH_NGINX" start "$DIST" "$BENCH_PORT"
  trap '"$BENCH_NGINX" stop "$BENCH_PORT"' EXIT
  BASE_URL="http://127.0.0.1:$BENCH_PORT"
  export BASE_URL
}
