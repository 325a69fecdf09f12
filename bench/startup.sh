#!/usr/bin/env bash
# Measures the published portal: cold start to a healthy /health (fresh SQLite database, so the
# time includes migrations, permission seeding and creating the admin) and the idle resident
# memory after the login page has been served once.
#   bench/startup.sh [runs]          default 5 runs
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
out=".test-run/bench"
port=5099
mkdir -p "$out"

dotnet publish Ops.Portal -c Release -o "$out/publish" -nologo -v quiet >/dev/null

now_ms() { date +%s%3N; }
printf '%-5s %-18s %-16s\n' run cold_start_ms idle_rss_mib
for run in $(seq 1 "$runs"); do
    data="$out/run-$run"
    rm -rf "$data" && mkdir -p "$data"
    start=$(now_ms)
    (cd "$out/publish" && ASPNETCORE_URLS="http://127.0.0.1:$port" \
        ConnectionStrings__Ops="Data Source=$PWD/../run-$run/ops.db" Logging__Directory="$PWD/../run-$run/logs" \
        OPS_ADMIN_PASSWORD="benchmark passphrase 1" exec dotnet Ops.Portal.dll >"../run-$run/stdout.log" 2>&1) &
    pid=$!
    until curl -sf "http://127.0.0.1:$port/health" >/dev/null 2>&1; do sleep 0.02; done
    ready=$(now_ms)
    curl -sf "http://127.0.0.1:$port/Account/Login" >/dev/null
    sleep 10
    app=$(pgrep -f "dotnet Ops.Portal.dll" | head -1)
    rss=$(awk '/VmRSS/ {printf "%.1f", $2/1024}' "/proc/$app/status")
    printf '%-5s %-18s %-16s\n' "$run" "$((ready - start))" "$rss"
    kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
done
