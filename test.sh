#!/usr/bin/env bash
# Runs every test of the solution against real components: SQLite, a throw-away MariaDB and
# PostgreSQL, and Debian's Chromium. Installs what is missing (apt), starts the servers on their own
# data directories and ports, runs `dotnet test`, stops them. Last line: "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")"

RUN_DIR="${OPS_TEST_RUN_DIR:-$PWD/.test-run}"
DB_PORT="${OPS_TEST_DB_PORT:-33306}"
DB_DIR="$RUN_DIR/mariadb"
DB_SOCKET="$RUN_DIR/mariadb.sock"
LOG="$RUN_DIR/dotnet-test.log"
mkdir -p "$RUN_DIR"

log() { printf '[test.sh] %s\n' "$*" >&2; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
        log "need root to run: $*"; return 1; fi
}

install_missing() {
    local packages=()
    command -v mariadbd >/dev/null 2>&1 || [ -x /usr/sbin/mariadbd ] || packages+=(mariadb-server)
    [ -x /usr/bin/chromium ] || packages+=(chromium)
    # Report data sources are tested against a real PostgreSQL.
    ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || packages+=(postgresql)
    [ -x /usr/sbin/clickhouse-server ] || command -v clickhouse-server >/dev/null 2>&1 || packages+=(clickhouse-server)
    # Python jobs run the system interpreter.
    [ -x /usr/bin/python3 ] || packages+=(python3)
    # The CI script of the API (deploy/ci/run-job.sh) is tested as a pipeline runs it.
    command -v curl >/dev/null 2>&1 || packages+=(curl)
    # CJK glyphs for screenshots of the Chinese UI.
    [ -d /usr/share/fonts/truetype/wqy ] || packages+=(fonts-wqy-microhei)
    if [ ${#packages[@]} -gt 0 ]; then
        log "installing ${packages[*]}"
        as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 \
            && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}" >&2 \
            || { log "apt-get install failed"; exit 1; }
    fi
}

MARIADB_PID=""
start_mariadb() {
    local mariadbd=/usr/sbin/mariadbd
    command -v mariadbd >/dev/null 2>&1 && mariadbd=$(command -v mariadbd)
    rm -rf "$DB_DIR" && mkdir -p "$DB_DIR"
    local user_args=()
    [ "$(id -u)" -eq 0 ] && user_args=(--user=root)
    mariadb-install-db "${user_args[@]}" --datadir="$DB_DIR" --auth-root-authentication-method=socket \
        --skip-test-db >"$RUN_DIR/mariadb-install.log" 2>&1 || { log "mariadb-install-db failed"; cat "$RUN_DIR/mariadb-install.log" >&2; exit 1; }
    # Many test hosts (each with its pools, Quartz's included) share the server: 151 connections, the default, run out.
    # A port still held by a closing socket makes the bind fail: try the next few ports.
    for attempt in 0 1 2 3 4; do
        "$mariadbd" "${user_args[@]}" --datadir="$DB_DIR" --socket="$DB_SOCKET" --port="$DB_PORT" \
            --bind-address=127.0.0.1 --skip-name-resolve --innodb-buffer-pool-size=128M --max-connections=1000 \
            --innodb-flush-log-at-trx-commit=2 --pid-file="$RUN_DIR/mariadb.pid" >"$RUN_DIR/mariadb.log" 2>&1 &
        MARIADB_PID=$!
        for _ in $(seq 1 60); do
            mariadb --socket="$DB_SOCKET" -uroot -e "SELECT 1" >/dev/null 2>&1 && break 2
            kill -0 "$MARIADB_PID" 2>/dev/null || break
            sleep 0.5
        done
        grep -q "Address already in use" "$RUN_DIR/mariadb.log" || break
        log "port $DB_PORT is busy, trying $((DB_PORT + 1))"
        DB_PORT=$((DB_PORT + 1))
    done
    mariadb --socket="$DB_SOCKET" -uroot -e "
        CREATE USER 'ops_test'@'localhost' IDENTIFIED BY 'ops_test';
        CREATE USER 'ops_test'@'127.0.0.1' IDENTIFIED BY 'ops_test';
        GRANT ALL PRIVILEGES ON *.* TO 'ops_test'@'localhost' WITH GRANT OPTION;
        GRANT ALL PRIVILEGES ON *.* TO 'ops_test'@'127.0.0.1' WITH GRANT OPTION;" \
        || { log "MariaDB did not start"; cat "$RUN_DIR/mariadb.log" >&2; exit 1; }
    log "MariaDB $(mariadb --socket="$DB_SOCKET" -uroot -N -e 'SELECT VERSION()') on 127.0.0.1:$DB_PORT"
}

stop_mariadb() {
    if [ -n "$MARIADB_PID" ] && kill -0 "$MARIADB_PID" 2>/dev/null; then
        kill "$MARIADB_PID" 2>/dev/null
        wait "$MARIADB_PID" 2>/dev/null
    fi
    rm -rf "$DB_DIR"
}

# PostgreSQL for the report data sources: its own cluster in a temporary directory, trust on 127.0.0.1 only.
# initdb and pg_ctl refuse root: as root they run as the postgres account that the package creates.
PG_PORT="${OPS_TEST_PG_PORT:-35432}"
PG_DIR=""
PG_BIN=""
pg_run() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
start_postgres() {
    PG_BIN=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -1)")
    PG_DIR=$(mktemp -d /tmp/ops-test-pg.XXXXXX)
    [ "$(id -u)" -eq 0 ] && chown postgres "$PG_DIR"
    pg_run "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust >"$RUN_DIR/postgres-init.log" 2>&1 \
        || { log "initdb failed"; cat "$RUN_DIR/postgres-init.log" >&2; exit 1; }
    for attempt in 0 1 2 3 4; do
        pg_run "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/postgres.log" -w -t 30 \
            -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off" start >/dev/null 2>&1 && break
        log "PostgreSQL did not start on $PG_PORT, trying $((PG_PORT + 1))"
        PG_PORT=$((PG_PORT + 1))
    done
    "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -q -c "CREATE ROLE ops_test LOGIN SUPERUSER PASSWORD 'ops_test'" \
        || { log "PostgreSQL did not start"; cat "$PG_DIR/postgres.log" >&2; exit 1; }
    log "$("$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -tAc 'SELECT version()' | cut -d, -f1) on 127.0.0.1:$PG_PORT"
}

stop_postgres() {
    if [ -n "$PG_DIR" ] && [ -d "$PG_DIR/data" ]; then
        pg_run "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1
        rm -rf "$PG_DIR"
    fi
}

# ClickHouse for the report data sources, over HTTP: its own config (ports, paths, 127.0.0.1 only) in a temporary
# directory, an owner account for the tests' tables and a reader whose profile is read-only, as admins are told to make.
CH_PORT="${OPS_TEST_CH_PORT:-38123}"
CH_DIR=""
CH_PID=""
clickhouse_config() {
    cat >"$CH_DIR/config.xml" <<XML
<?xml version="1.0"?>
<yandex>
    <logger><level>warning</level><log>$CH_DIR/server.log</log><errorlog>$CH_DIR/error.log</errorlog><console>0</console></logger>
    <http_port>$CH_PORT</http_port>
    <tcp_port>$((CH_PORT + 1))</tcp_port>
    <interserver_http_port>$((CH_PORT + 2))</interserver_http_port>
    <listen_host>127.0.0.1</listen_host>
    <path>$CH_DIR/data/</path>
    <tmp_path>$CH_DIR/tmp/</tmp_path>
    <user_files_path>$CH_DIR/user_files/</user_files_path>
    <format_schema_path>$CH_DIR/format_schemas/</format_schema_path>
    <users_config>users.xml</users_config>
    <default_profile>default</default_profile>
    <default_database>default</default_database>
    <mark_cache_size>67108864</mark_cache_size>
    <uncompressed_cache_size>67108864</uncompressed_cache_size>
</yandex>
XML
    cat >"$CH_DIR/users.xml" <<XML
<?xml version="1.0"?>
<yandex>
    <profiles><default><max_memory_usage>1000000000</max_memory_usage></default><reader><readonly>2</readonly></reader></profiles>
    <users>
        <ops_test><password>ops_test</password><networks><ip>127.0.0.1</ip></networks><profile>default</profile><quota>default</quota></ops_test>
        <ops_reader><password>ops_reader</password><networks><ip>127.0.0.1</ip></networks><profile>reader</profile><quota>default</quota></ops_reader>
    </users>
    <quotas><default></default></quotas>
</yandex>
XML
}
start_clickhouse() {
    local server=/usr/sbin/clickhouse-server
    command -v clickhouse-server >/dev/null 2>&1 && server=$(command -v clickhouse-server)
    CH_DIR=$(mktemp -d /tmp/ops-test-ch.XXXXXX)
    for attempt in 0 1 2 3 4; do
        clickhouse_config
        "$server" --config-file="$CH_DIR/config.xml" >"$CH_DIR/stdout.log" 2>&1 &
        CH_PID=$!
        for _ in $(seq 1 60); do
            curl -sf "http://127.0.0.1:$CH_PORT/ping" >/dev/null 2>&1 && break 2
            kill -0 "$CH_PID" 2>/dev/null || break
            sleep 0.5
        done
        kill "$CH_PID" 2>/dev/null; wait "$CH_PID" 2>/dev/null
        log "ClickHouse did not start on $CH_PORT, trying $((CH_PORT + 10))"
        CH_PORT=$((CH_PORT + 10))
    done
    local version
    version=$(curl -sf -u ops_test:ops_test "http://127.0.0.1:$CH_PORT/" --data-binary 'SELECT version()') \
        || { log "ClickHouse did not start"; cat "$CH_DIR"/*.log >&2; exit 1; }
    log "ClickHouse $version on 127.0.0.1:$CH_PORT"
}

stop_clickhouse() {
    if [ -n "$CH_PID" ] && kill -0 "$CH_PID" 2>/dev/null; then
        kill "$CH_PID" 2>/dev/null
        wait "$CH_PID" 2>/dev/null
    fi
    [ -n "$CH_DIR" ] && rm -rf "$CH_DIR"
}

stop_servers() { stop_mariadb; stop_postgres; stop_clickhouse; }
trap stop_servers EXIT

started=$(date +%s)
install_missing
start_mariadb
start_postgres
start_clickhouse

export OPS_TEST_CLICKHOUSE="Host=127.0.0.1;Port=$CH_PORT;Admin=ops_test;AdminPassword=ops_test;User=ops_reader;Password=ops_reader"
export OPS_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=ops_test;Password=ops_test"
export OPS_TEST_MYSQL="Server=127.0.0.1;Port=$DB_PORT;User=ops_test;Password=ops_test;SslMode=None;AllowPublicKeyRetrieval=true"
export OPS_TEST_REQUIRE_ALL=1
export OPS_TEST_CHROMIUM=/usr/bin/chromium
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

log "building"
dotnet build Ops.sln -c Debug -nologo -v quiet 2>&1 | tee "$RUN_DIR/build.log" | grep -E "error|Warn|Error" >&2
build_status=${PIPESTATUS[0]}
if [ "$build_status" -ne 0 ]; then
    log "build failed"
    echo "0 passed, 1 failed, 0 skipped"
    exit 1
fi

log "testing"
dotnet test Ops.sln --no-build -nologo --logger "console;verbosity=normal" 2>&1 | tee "$LOG"
test_status=${PIPESTATUS[0]}

# Sum the per-assembly summaries ("Total tests: n" then "Passed: a", "Failed: b", "Skipped: c").
count() { grep -E "^ +$1: +[0-9]+ *$" "$LOG" | awk '{s+=$2} END {print s+0}'; }
passed=$(count Passed)
failed=$(count Failed)
skipped=$(count Skipped)
assemblies=$(grep -cE '^Total tests: +[0-9]+' "$LOG")
log "$assemblies test assemblies in $(( $(date +%s) - started )) s"

# The CI shows only the tail of this output: repeat each failed test with the start of its message here.
if [ "$failed" -ne 0 ]; then
    log "failed tests:"
    awk '/^  Failed [A-Za-z]/ {n=14} n > 0 {print; n--}' "$LOG" >&2
fi

status=0
[ "$test_status" -ne 0 ] && status=1
[ "$assemblies" -lt 2 ] && { log "expected 2 test assemblies, saw $assemblies"; status=1; }
if [ "$skipped" -ne 0 ]; then
    log "tests were skipped; under ./test.sh nothing may be skipped"
    status=1
fi
echo "$passed passed, $failed failed, $skipped skipped"
exit $status
