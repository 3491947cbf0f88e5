#!/usr/bin/env bash
# Load test of the production-like site (`make bench`). Starts `bin/serve` on a free loopback port
# and measures with wrk:
#   home_cached    /ar/           anonymous, served from the full-page cache (X-Cache: hit)
#   home_uncached  /ar/           with `Cookie: sessionid=bench`, so the page cache is bypassed
#                                 and the page is rendered on every request
#   partners       /ar/partners/  anonymous, cached
#   nginx          the same HTML bytes as /ar/, served by nginx as a static file (reference)
# then prints case, requests/s, p50 and p99 latency, and whether the cached home page reaches
# TARGET (10 %) of nginx's requests/s. The results are also written to bench/out/results.json
# (with the raw wrk outputs next to it). Exit status: 0 PASS, 1 FAIL, 2 error/invalid run.
#
# Then the library and the search over a generated corpus of BENCH_CORPUS (20,000) publications
# with extracted text (`manage.py generate_corpus`), on SQLite (var/bench.sqlite3, kept between
# runs: the corpus is generated once) and on PostgreSQL when it answers (database portal_bench,
# created for the run and dropped at the end), each served by its own `bin/serve`:
#   library_filtered  /ar/publications/?type=report&theme=prevention   (session cookie: rendered)
#   search_ar         /ar/search/?q=…   rotating over Arabic queries (bench/library.py --paths)
#   search_fr         /fr/search/?q=…   rotating over French queries
#   statistics_index  /ar/statistics/   (session cookie: rendered)
#   indicator_1000    an indicator page with a 1,000-point series (`manage.py generate_series`)
# with BENCH_LIBRARY_CONNECTIONS connections (default: one per core, so that the latency is that
# of a busy server, not of a queue), and p50/p95/p99 from bench/paths.lua. PASS when the p95 of
# both searches is within BENCH_SEARCH_TARGET_MS (100 ms) on every database; the results are added
# to results.json under "library", and the exit status is the worse of the two verdicts.
# For a quick check without wrk: bench/library.py (in-process timings on DATABASE_URL).
#
# Then, on the same servers (started with CLAIMS_RATE_LIMIT=false, Argon2id at its production
# cost), claim submission with bench/claims.py: BENCH_CLAIMS_SEQUENTIAL (100) final POSTs of the
# public form one after the other (PASS when their p95 is within BENCH_CLAIMS_TARGET_MS, 500 ms),
# then a burst of BENCH_CLAIMS_BURST (200) submissions at once (PASS when all answer 2xx with a
# receipt, none 5xx, and the database has exactly that many more claims). Added to results.json
# under "claims"; BENCH_CLAIMS=0 skips them (and so does BENCH_LIBRARY=0: they use its servers).
#
# Knobs (environment): BENCH_DURATION (10 s per case), BENCH_WARMUP (3 s), BENCH_THREADS (2),
# BENCH_CONNECTIONS (32, the same for every case), BENCH_PORT / BENCH_NGINX_PORT (first port
# tried, 8765 / 8766; the next free one is used), BENCH_STARTUP_TIMEOUT (180 s),
# BENCH_MAX_SECONDS (hard limit for the whole run: 600 s, 1500 s with the library and claims cases).
# Library cases: BENCH_LIBRARY (1; 0 skips them), BENCH_CORPUS (20000), BENCH_LIBRARY_DURATION
# (BENCH_DURATION), BENCH_LIBRARY_CONNECTIONS (cores), BENCH_SEARCH_TARGET_MS (100),
# BENCH_SQLITE (var/bench.sqlite3), BENCH_PG (auto: when pg_isready answers; 1: required; 0: skip),
# BENCH_PG_HOST (127.0.0.1), BENCH_PG_PORT (5432), BENCH_PG_USER (postgres), BENCH_PG_DB
# (portal_bench), BENCH_KEEP_DB (0; 1 keeps the PostgreSQL database for the next run).
# Both servers and wrk share this machine's cores: run it on an otherwise idle machine.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/usr/sbin:/sbin"

DURATION=${BENCH_DURATION:-10}
WARMUP=${BENCH_WARMUP:-3}
THREADS=${BENCH_THREADS:-2}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
STARTUP_TIMEOUT=${BENCH_STARTUP_TIMEOUT:-180}
LIBRARY=${BENCH_LIBRARY:-1}
MAX_SECONDS=${BENCH_MAX_SECONDS:-$([ "$LIBRARY" = 0 ] && echo 600 || echo 1500)}
TARGET=0.10
HOST=127.0.0.1
OUT=bench/out
PY=.venv/bin/python
[ -x "$PY" ] || PY=python3

log() { printf '[bench] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 2; }

# --- Tools: wrk and nginx from Debian when missing (needs root, as on the CI/bench machines).
ensure_tools() {
  local missing=()
  command -v wrk >/dev/null || missing+=(wrk)
  command -v nginx >/dev/null || missing+=(nginx-light)
  command -v curl >/dev/null || missing+=(curl)
  [ ${#missing[@]} -eq 0 ] && return 0
  [ "$(id -u)" = 0 ] || die "missing ${missing[*]}; install them (apt-get install -y ${missing[*]})"
  log "installing ${missing[*]}"
  # Keep the package from starting the system nginx service (it would listen on port 80):
  # a policy-rc.d that forbids service starts, only for the duration of the install.
  local policy=/usr/sbin/policy-rc.d added_policy=""
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' > "$policy" && chmod 755 "$policy" && added_policy=1
  fi
  local status=0
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"; } \
    || status=$?
  [ -n "$added_policy" ] && rm -f "$policy"
  [ "$status" = 0 ] || die "apt-get install ${missing[*]} failed"
}
ensure_tools

# --- Processes and cleanup. Each server runs in its own process group (setsid), so stopping
# the group also stops whatever bin/serve is running at that moment (collectstatic, gunicorn…).
TMP=$(mktemp -d "${TMPDIR:-/tmp}/portal-bench.XXXXXX")
SERVE_PID="" NGINX_PID="" WATCHDOG_PID="" WRK_PID="" LIB_PID="" PG_DROP=""

stop_group() {  # pid: TERM its process group, wait up to 10 s, then KILL
  local pid=$1 i
  kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM -- "-$pid" 2>/dev/null || true
  for i in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL -- "-$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  if [ -n "$WRK_PID" ]; then kill -TERM "$WRK_PID" 2>/dev/null || true; wait "$WRK_PID" 2>/dev/null || true; fi
  [ -n "$NGINX_PID" ] && stop_group "$NGINX_PID"
  [ -n "$SERVE_PID" ] && stop_group "$SERVE_PID"
  [ -n "$LIB_PID" ] && stop_group "$LIB_PID"
  if [ -n "$PG_DROP" ]; then
    dropdb --if-exists -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" "$PG_DB" 2>/dev/null \
      || log "could not drop the PostgreSQL database $PG_DB"
  fi
  [ -n "$WATCHDOG_PID" ] && stop_group "$WATCHDOG_PID"
  if [ -f "$TMP/serve.log" ]; then tail -n 200 "$TMP/serve.log" > "$OUT/serve.log" || true; fi
  for f in "$TMP"/serve-*.log; do [ -f "$f" ] && { tail -n 200 "$f" > "$OUT/${f##*/}" || true; }; done
  rm -rf "$TMP"
  exit "$status"
}
trap cleanup EXIT
trap 'log "interrupted"; exit 130' INT
trap 'log "stopped (time limit of ${MAX_SECONDS}s or SIGTERM)"; exit 2' TERM

mkdir -p "$OUT"
rm -f "$OUT"/results.json "$OUT"/wrk-*.txt "$OUT"/serve-*.log "$OUT"/claims-*.json
setsid bash -c 'sleep "$1"; kill -TERM "$2"' watchdog "$MAX_SECONDS" "$$" </dev/null >/dev/null 2>&1 &
WATCHDOG_PID=$!

port_in_use() { (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null; }
free_port() {  # first port >= $1 that nothing on loopback answers on
  local port
  for port in $(seq "$1" $(( $1 + 200 ))); do
    port_in_use "$port" || { echo "$port"; return 0; }
  done
  die "no free port in $1..$(( $1 + 200 ))"
}

# --- The site. Its page cache lives in the run's temporary directory (same file-based backend
# as var/cache), so other processes using var/cache cannot purge or evict entries mid-run.
# With REDIS_URL set, bin/serve uses Redis instead and CACHE_DIR is ignored.
PORT=$(free_port "${BENCH_PORT:-8765}")
BASE="http://$HOST:$PORT"
log "starting bin/serve on $BASE (collectstatic, migrate, demo content, then gunicorn)"
CACHE_DIR="$TMP/cache" PORT=$PORT setsid bin/serve </dev/null >"$TMP/serve.log" 2>&1 &
SERVE_PID=$!
# Ready = our gunicorn (bin/serve execs it, so its master has SERVE_PID) reports that it listens
# on our port, and /healthz answers 200. Checking the pid guards against another process that
# grabbed the port in the meantime answering in our place.
deadline=$(( SECONDS + STARTUP_TIMEOUT ))
until grep -sqF "Listening at: $BASE ($SERVE_PID)" "$TMP/serve.log" \
    && curl -fsS --max-time 2 -o /dev/null "$BASE/healthz" 2>/dev/null; do
  if ! kill -0 "$SERVE_PID" 2>/dev/null; then
    tail -n 30 "$TMP/serve.log" >&2; die "bin/serve exited before answering"
  fi
  if [ "$SECONDS" -ge "$deadline" ]; then
    tail -n 30 "$TMP/serve.log" >&2; die "no answer from $BASE/healthz within ${STARTUP_TIMEOUT}s"
  fi
  sleep 0.5
done
log "site ready after ${SECONDS}s"

fetch() {  # url outfile [header]: prints "<status> <x-cache or ->", body into outfile
  local url=$1 body=$2 headers="$TMP/headers" status xcache
  status=$(curl -sS --max-time 30 ${3:+-H "$3"} -o "$body" -D "$headers" -w '%{http_code}' "$url")
  xcache=$(tr -d '\r' < "$headers" | awk -F': *' 'tolower($1) == "x-cache" { print $2 }')
  echo "$status ${xcache:--}"
}
expect() {  # what url expected [header]
  local got
  got=$(fetch "$2" "$TMP/body" "${4:-}")
  [ "$got" = "$3" ] || die "$1: expected '$3' (status, X-Cache), got '$got'"
}

# Warm the page cache and check each case is what it claims to be.
fetch "$BASE/ar/" "$TMP/body" >/dev/null
expect "cached /ar/" "$BASE/ar/" "200 hit"
cp "$TMP/body" "$TMP/ar.html"
expect "uncached /ar/" "$BASE/ar/" "200 -" "Cookie: sessionid=bench"
fetch "$BASE/ar/partners/" "$TMP/body" >/dev/null
expect "cached /ar/partners/" "$BASE/ar/partners/" "200 hit"
BODY_BYTES=$(wc -c < "$TMP/ar.html")

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
CORES=$(nproc)
if awk -v l="${LOAD_BEFORE%% *}" -v c="$CORES" 'BEGIN { exit !(l > c / 2) }'; then
  log "WARNING: load average is $LOAD_BEFORE on $CORES cores; other work skews these numbers"
fi

CASE_ARGS=()
measure() {  # name label url [header]
  local name=$1 label=$2 url=$3 extra=()
  [ -n "${4:-}" ] && extra=(-H "$4")
  log "$label: warm-up ${WARMUP}s, then ${DURATION}s (wrk -t$THREADS -c$CONNECTIONS)"
  # wrk runs in the background and is waited for, so that INT/TERM are handled at once.
  timeout $(( WARMUP + 30 )) wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" "${extra[@]}" \
    "$url" >/dev/null &
  WRK_PID=$!; wait "$WRK_PID"
  timeout $(( DURATION + 30 )) wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency \
    "${extra[@]}" "$url" > "$OUT/wrk-$name.txt" &
  WRK_PID=$!; wait "$WRK_PID"; WRK_PID=""
  CASE_ARGS+=(--case "$name" "$label" "$OUT/wrk-$name.txt")
}

measure home_cached "/ar/ cached" "$BASE/ar/"
expect "cached /ar/ after the run" "$BASE/ar/" "200 hit"
measure home_uncached "/ar/ uncached (session cookie)" "$BASE/ar/" "Cookie: sessionid=bench"
measure partners "/ar/partners/ cached" "$BASE/ar/partners/"
expect "cached /ar/partners/ after the run" "$BASE/ar/partners/" "200 hit"
GUNICORN_CMD=$(tr '\0' ' ' < "/proc/$SERVE_PID/cmdline" 2>/dev/null || echo "?")

# --- Reference: nginx serving the saved bytes of /ar/ as a static file.
NGX="$TMP/nginx"
mkdir -p "$NGX/www/ar" "$NGX/tmp"
cp "$TMP/ar.html" "$NGX/www/ar/index.html"
NGINX_PORT=$(free_port "${BENCH_NGINX_PORT:-8766}")
USER_DIRECTIVE=""  # nginx switches to `nobody` when started as root unless told otherwise
[ "$(id -u)" = 0 ] && USER_DIRECTIVE="user $(id -un) $(id -gn);"
sed -e "s|@USER_DIRECTIVE@|$USER_DIRECTIVE|" -e "s|@WORKERS@|${BENCH_NGINX_WORKERS:-auto}|" \
    -e "s|@DIR@|$NGX|g" -e "s|@PORT@|$NGINX_PORT|g" bench/nginx.conf > "$NGX/nginx.conf"
nginx -q -t -e "$NGX/error.log" -p "$NGX" -c "$NGX/nginx.conf" || die "nginx rejects its config"
log "starting nginx on http://$HOST:$NGINX_PORT/"
setsid nginx -e "$NGX/error.log" -p "$NGX" -c "$NGX/nginx.conf" </dev/null >"$NGX/out.log" 2>&1 &
NGINX_PID=$!
deadline=$(( SECONDS + 15 ))
until [ -f "$NGX/nginx.pid" ] && [ "$(cat "$NGX/nginx.pid")" = "$NGINX_PID" ] \
    && [ "$(fetch "http://$HOST:$NGINX_PORT/ar/" "$TMP/nbody" 2>/dev/null)" = "200 -" ]; do
  kill -0 "$NGINX_PID" 2>/dev/null || { cat "$NGX/error.log" >&2 || true; die "nginx exited"; }
  [ "$SECONDS" -lt "$deadline" ] || die "nginx did not answer within 15s"
  sleep 0.2
done
cmp -s "$TMP/nbody" "$TMP/ar.html" || die "nginx does not serve the saved /ar/ bytes"
measure nginx "nginx, same bytes (static)" "http://$HOST:$NGINX_PORT/ar/"
stop_group "$NGINX_PID"; NGINX_PID=""

# --- Report.
echo
status=0
"$PY" bench/report.py --out "$OUT/results.json" --target "$TARGET" "${CASE_ARGS[@]}" \
  --meta "date=$(date -u +%Y-%m-%dT%H:%M:%SZ)" \
  --meta "commit=$(git rev-parse --short HEAD 2>/dev/null || echo ?)$(git diff --quiet HEAD 2>/dev/null || echo +dirty)" \
  --meta "cores=$CORES" \
  --meta "load_average_before=$LOAD_BEFORE" \
  --meta "load_average_after=$(cut -d' ' -f1-3 /proc/loadavg)" \
  --meta "wrk=-t$THREADS -c$CONNECTIONS -d${DURATION}s --latency (warm-up ${WARMUP}s)" \
  --meta "server=$GUNICORN_CMD" \
  --meta "cache=$([ -n "${REDIS_URL:-}" ] && echo redis || echo 'file-based (per-run directory)')" \
  --meta "nginx=$(nginx -v 2>&1 | sed 's/^nginx version: //'), worker_processes ${BENCH_NGINX_WORKERS:-auto}" \
  --meta "home_body_bytes=$BODY_BYTES" \
  || status=$?

# --- Library and search over a generated corpus, on SQLite and on PostgreSQL.
if [ "$LIBRARY" != 0 ]; then
  stop_group "$SERVE_PID"; SERVE_PID=""  # its cases are done: give its cores to the next server
  CORPUS=${BENCH_CORPUS:-20000}
  LIB_DURATION=${BENCH_LIBRARY_DURATION:-$DURATION}
  LIB_CONNECTIONS=${BENCH_LIBRARY_CONNECTIONS:-$CORES}
  LIB_THREADS=$(( THREADS < LIB_CONNECTIONS ? THREADS : LIB_CONNECTIONS ))
  SEARCH_TARGET_MS=${BENCH_SEARCH_TARGET_MS:-100}
  SQLITE_FILE=${BENCH_SQLITE:-var/bench.sqlite3}
  PG_HOST=${BENCH_PG_HOST:-127.0.0.1} PG_PORT=${BENCH_PG_PORT:-5432}
  PG_USER=${BENCH_PG_USER:-postgres} PG_DB=${BENCH_PG_DB:-portal_bench}
  LIB_CASES=() DATABASES_DONE=() CLAIMS_RUNS=()
  CLAIMS=${BENCH_CLAIMS:-1}
  CLAIMS_TARGET_MS=${BENCH_CLAIMS_TARGET_MS:-500}
  CLAIMS_BURST=${BENCH_CLAIMS_BURST:-200}
  for name in search_ar search_fr library_filtered statistics_index indicator_1000; do
    "$PY" bench/library.py --paths "$name" > "$TMP/paths-$name.txt" || die "bench/library.py failed"
  done

  prepare_database() {  # label database_url: schema, demo content, corpus (kept if already there)
    local label=$1 url=$2
    log "$label: migrate, demo content, corpus of $CORPUS publications (generated once)"
    DATABASE_URL=$url "$PY" manage.py migrate --noinput -v0 >&2 || die "$label: migrate failed"
    DATABASE_URL=$url "$PY" manage.py load_demo >/dev/null || die "$label: load_demo failed"
    DATABASE_URL=$url "$PY" manage.py generate_corpus --count "$CORPUS" --seed 1 --if-missing \
      | grep -v '^  [0-9]' >&2 || die "$label: generate_corpus failed"
    DATABASE_URL=$url "$PY" manage.py generate_series --points 1000 --if-missing >&2 \
      || die "$label: generate_series failed"
  }

  start_library_site() {  # label database_url: bin/serve on that database (sets LIB_PID, LIB_BASE)
    local label=$1 url=$2 port deadline
    port=$(free_port "${BENCH_PORT:-8765}")
    LIB_BASE="http://$HOST:$port"
    log "$label: starting bin/serve on $LIB_BASE"
    # No rate limit on claims: the claims cases file hundreds from one address.
    DATABASE_URL=$url CACHE_DIR="$TMP/cache-$label" PORT=$port CLAIMS_RATE_LIMIT=false \
      setsid bin/serve </dev/null \
      >"$TMP/serve-$label.log" 2>&1 &
    LIB_PID=$!
    deadline=$(( SECONDS + STARTUP_TIMEOUT ))
    until grep -sqF "Listening at: $LIB_BASE ($LIB_PID)" "$TMP/serve-$label.log" \
        && curl -fsS --max-time 2 -o /dev/null "$LIB_BASE/healthz" 2>/dev/null; do
      if ! kill -0 "$LIB_PID" 2>/dev/null; then
        tail -n 30 "$TMP/serve-$label.log" >&2; die "$label: bin/serve exited before answering"
      fi
      if [ "$SECONDS" -ge "$deadline" ]; then
        tail -n 30 "$TMP/serve-$label.log" >&2
        die "$label: no answer from $LIB_BASE/healthz within ${STARTUP_TIMEOUT}s"
      fi
      sleep 0.5
    done
  }

  measure_paths() {  # database name label [marker]: wrk over the case's paths, with the session
    # cookie; some page must contain the marker (by default a generated publication)
    local db=$1 name=$2 label=$3 marker=${4:-corpus-[0-9]} paths="$TMP/paths-$2.txt"
    local out="$OUT/wrk-$1-$2.txt" path got corpus=""
    # Every path is rendered for this request (no X-Cache), and some show generated publications.
    while read -r path; do
      got=$(fetch "$LIB_BASE$path" "$TMP/body" "Cookie: sessionid=bench")
      [ "$got" = "200 -" ] || die "$db $label: expected '200 -' (status, X-Cache) for $path, got '$got'"
      grep -q "$marker" "$TMP/body" && corpus=1
    done < "$paths"
    [ -n "$corpus" ] || die "$db $label: '$marker' not found (is the generated content there?)"
    log "$db $label: warm-up ${WARMUP}s, then ${LIB_DURATION}s (wrk -t$LIB_THREADS -c$LIB_CONNECTIONS)"
    timeout $(( WARMUP + 30 )) wrk -t"$LIB_THREADS" -c"$LIB_CONNECTIONS" -d"${WARMUP}s" --timeout 10s \
      -H "Cookie: sessionid=bench" -s bench/paths.lua "$LIB_BASE" -- "$paths" >/dev/null &
    WRK_PID=$!; wait "$WRK_PID"
    timeout $(( LIB_DURATION + 30 )) wrk -t"$LIB_THREADS" -c"$LIB_CONNECTIONS" -d"${LIB_DURATION}s" \
      --timeout 10s --latency -H "Cookie: sessionid=bench" -s bench/paths.lua "$LIB_BASE" -- "$paths" > "$out" &
    WRK_PID=$!; wait "$WRK_PID"; WRK_PID=""
    LIB_CASES+=(--wrk-case "$db" "$name" "$label" "$out")
  }

  library_cases() {  # label database_url
    local label=$1 url=$2
    prepare_database "$label" "$url"
    start_library_site "$label" "$url"
    measure_paths "$label" library_filtered "/ar/publications/ type+theme (session cookie)"
    measure_paths "$label" search_ar "/ar/search/ Arabic queries"
    measure_paths "$label" search_fr "/fr/search/ French queries"
    measure_paths "$label" statistics_index "/ar/statistics/ (session cookie)" indicator-card
    measure_paths "$label" indicator_1000 "indicator, 1,000-point series (session cookie)" chart-line
    if [ "$CLAIMS" != 0 ]; then
      log "$label claims: ${BENCH_CLAIMS_SEQUENTIAL:-100} sequential submissions, then a burst of $CLAIMS_BURST"
      "$PY" bench/claims.py --base "$LIB_BASE" --database "$label" --database-url "$url" \
        --sequential "${BENCH_CLAIMS_SEQUENTIAL:-100}" --burst "$CLAIMS_BURST" \
        --target-ms "$CLAIMS_TARGET_MS" --out "$OUT/claims-$label.json" >&2 \
        || log "$label claims: the run failed (see $OUT/claims-$label.json)"
      CLAIMS_RUNS+=("$OUT/claims-$label.json")
    fi
    stop_group "$LIB_PID"; LIB_PID=""
    DATABASES_DONE+=("$label")
  }

  mkdir -p "$(dirname "$SQLITE_FILE")"
  library_cases sqlite "sqlite:///$(cd "$(dirname "$SQLITE_FILE")" && pwd)/$(basename "$SQLITE_FILE")"

  PG=${BENCH_PG:-auto}
  if [ "$PG" != 0 ]; then
    if ! command -v pg_isready >/dev/null || ! command -v createdb >/dev/null; then
      [ "$PG" = 1 ] && die "BENCH_PG=1 but the PostgreSQL client tools (pg_isready, createdb, dropdb) are missing"
      log "PostgreSQL client tools missing: the PostgreSQL cases are skipped"
    elif ! pg_isready -q -h "$PG_HOST" -p "$PG_PORT"; then
      [ "$PG" = 1 ] && die "BENCH_PG=1 but PostgreSQL does not answer on $PG_HOST:$PG_PORT"
      log "PostgreSQL does not answer on $PG_HOST:$PG_PORT: the PostgreSQL cases are skipped"
    else
      if ! psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -tAc \
          "SELECT 1 FROM pg_database WHERE datname = '$PG_DB'" | grep -q 1; then
        createdb -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" "$PG_DB" \
          || die "could not create the PostgreSQL database $PG_DB"
      fi
      [ "${BENCH_KEEP_DB:-0}" = 1 ] || PG_DROP=1
      library_cases postgresql "postgres://$PG_USER@$PG_HOST:$PG_PORT/$PG_DB"
    fi
  fi

  echo
  lib_status=0
  "$PY" bench/library.py --wrk-report --out "$OUT/results.json" --target-ms "$SEARCH_TARGET_MS" \
    "${LIB_CASES[@]}" \
    --meta "databases=${DATABASES_DONE[*]}" \
    --meta "corpus=$CORPUS publications (generate_corpus --seed 1), with their French versions" \
    --meta "wrk=-t$LIB_THREADS -c$LIB_CONNECTIONS -d${LIB_DURATION}s --timeout 10s --latency -s bench/paths.lua (warm-up ${WARMUP}s)" \
    --meta "load_average_after=$(cut -d' ' -f1-3 /proc/loadavg)" \
    || lib_status=$?
  [ "$lib_status" -gt "$status" ] && status=$lib_status
  if [ "$CLAIMS" != 0 ]; then
    echo
    claims_status=0
    "$PY" bench/claims.py --report --out "$OUT/results.json" --target-ms "$CLAIMS_TARGET_MS" \
      --burst "$CLAIMS_BURST" "${CLAIMS_RUNS[@]}" \
      --meta "databases=${DATABASES_DONE[*]}" \
      --meta "argon2=production cost (portal/settings/base.py CLAIMS_ARGON2)" \
      --meta "rate_limit=off (CLAIMS_RATE_LIMIT=false)" \
      || claims_status=$?
    [ "$claims_status" -gt "$status" ] && status=$claims_status
  fi
fi

echo
log "results: $OUT/results.json (raw wrk outputs: $OUT/wrk-*.txt)"
exit "$status"
