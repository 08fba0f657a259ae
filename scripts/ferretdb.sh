#!/usr/bin/env bash
# FerretDB 1.24.2 (Apache 2.0): a MongoDB-wire-compatible server on SQLite, to run the integration suite
# over the MongoDB protocol where no MongoDB server can be installed. Nothing of FerretDB is kept in the
# repository: the binary is built once from the module on the Go module proxy into a cache folder outside it
# (default ~/.cache/mentoria/ferretdb-1.24.2, or $FERRETDB_CACHE), so later runs on the same machine reuse it.
#
#   scripts/ferretdb.sh install          builds the binary if missing, prints its path
#   scripts/ferretdb.sh run CMD ARGS...  starts FerretDB on a free loopback port with its data in a temp
#                                        folder, runs CMD with MONGODB_URI=mongodb://127.0.0.1:PORT/ set,
#                                        stops FerretDB and removes the folder; exits with CMD's status.
#
# Example: scripts/ferretdb.sh run npx vitest run --project int-mongodb
set -euo pipefail

VERSION=1.24.2
CACHE="${FERRETDB_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/mentoria/ferretdb-$VERSION}"
BIN="$CACHE/ferretdb"

install() {
  if [ -x "$BIN" ]; then
    echo "[ferretdb] binari a la memòria cau: $BIN" >&2
    return
  fi
  if ! command -v go >/dev/null; then
    echo "[ferretdb] cal Go per construir FerretDB $VERSION (go install) i no s'ha trobat l'ordre go." >&2
    exit 1
  fi
  echo "[ferretdb] construint FerretDB $VERSION des del proxy de mòduls de Go (uns minuts la primera vegada)…" >&2
  mkdir -p "$CACHE"
  local started=$SECONDS src work
  # `go install …@v$VERSION` builds, but the binary stops at start: the module zip lacks the
  # build/version/version.txt that FerretDB's release tooling writes. So: the module's own source
  # (go mod download), that one file written, and go build in a copy.
  export GOTOOLCHAIN=local GOFLAGS=-mod=mod
  src="$(cd "$CACHE" && go mod download -json "github.com/FerretDB/FerretDB@v$VERSION" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).Dir))')"
  work="$(mktemp -d "${TMPDIR:-/tmp}/ferretdb-src-XXXXXX")"
  cp -R "$src/." "$work/"
  chmod -R u+w "$work"
  echo "v$VERSION" >"$work/build/version/version.txt"
  (cd "$work" && go build -trimpath -o "$BIN.tmp" ./cmd/ferretdb)
  mv "$BIN.tmp" "$BIN"
  rm -rf "$work"
  echo "[ferretdb] construït en $((SECONDS - started)) s: $BIN" >&2
}

# Set by run, read by stop (the EXIT trap runs after run's locals are gone).
pid=""
dir=""
stop() {
  if [ -n "$pid" ]; then
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
  if [ -n "$dir" ]; then rm -rf "$dir"; fi
}

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

run() {
  install
  local port status
  port="$(free_port)"
  dir="$(mktemp -d "${TMPDIR:-/tmp}/mentoria-ferretdb-XXXXXX")"
  "$BIN" --handler=sqlite --sqlite-url="file:$dir/" --listen-addr="127.0.0.1:$port" \
    --state-dir=- --debug-addr=- --telemetry=disable --log-level=error >"$dir/ferretdb.log" 2>&1 &
  pid=$!
  trap stop EXIT
  # Ready when the port answers (FerretDB opens it once the backend is up).
  for _ in $(seq 1 100); do
    if node -e 'require("net").connect(+process.argv[1],"127.0.0.1").on("connect",()=>process.exit(0)).on("error",()=>process.exit(1))' "$port"; then
      break
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "[ferretdb] no s'ha pogut engegar:" >&2
      cat "$dir/ferretdb.log" >&2
      exit 1
    fi
    sleep 0.1
  done
  echo "[ferretdb] FerretDB $VERSION escolta a 127.0.0.1:$port (dades a $dir)" >&2
  set +e
  MONGODB_URI="mongodb://127.0.0.1:$port/" MONGODB_COMPATIBILITY="${MONGODB_COMPATIBILITY:-ferretdb}" "$@"
  status=$?
  set -e
  return "$status"
}

case "${1:-}" in
  install) install; echo "$BIN" ;;
  run) shift; run "$@" ;;
  *)
    echo "Ús: scripts/ferretdb.sh install | run ORDRE [ARGUMENTS…]" >&2
    exit 2
    ;;
esac
