#!/usr/bin/env bash
# Runs an Ops job from a CI pipeline and waits for its outcome: the exit status is 0 only when the run succeeded.
#
#   OPS_URL=https://ops.example.internal OPS_TOKEN=ops_pat_... ./run-job.sh <job id> ['{"day":"2026-12-07"}']
#   OPS_URL=... OPS_USER=deployer OPS_PASSWORD=... [OPS_MFA_CODE=123456] ./run-job.sh <job id>
#
# With OPS_TOKEN (a personal or service account token with scheduler.jobs.run and scheduler.jobs.view, and
# scheduler.jobs.script for shell and python jobs) nothing else is
# needed; with a user name and password the script signs in and out. OPS_TIMEOUT (seconds, default 600) bounds the
# wait. Needs curl and sed only.
set -euo pipefail

job="${1:?usage: run-job.sh <job id> [parameters json]}"
parameters="${2:-null}"
url="${OPS_URL:?set OPS_URL}"
url="${url%/}"
timeout="${OPS_TIMEOUT:-600}"

# The value of a top-level JSON string or number field (our answers are flat where this reads them).
field() { sed -n "s/.*\"$1\":\(\"\([^\"]*\)\"\|\([0-9][0-9]*\)\).*/\2\3/p" | head -n 1; }

call() { # method path [body] -> body on stdout, fails on a status >= 400 with the problem's detail on stderr
  local method="$1" path="$2" body="${3:-}" out status
  out="$(mktemp)"
  status="$(curl -sS -o "$out" -w '%{http_code}' -X "$method" "$url$path" \
    -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -H 'Accept-Language: en-US' ${body:+--data "$body"})"
  if [ "$status" -ge 400 ]; then
    echo "ops: $method $path answered $status: $(field detail < "$out")" >&2
    rm -f "$out"
    return 1
  fi
  cat "$out"
  rm -f "$out"
}

signed_in=""
if [ -n "${OPS_TOKEN:-}" ]; then
  token="$OPS_TOKEN"
else
  login="$(printf '{"login":"%s","password":"%s","mfaCode":"%s"}' "${OPS_USER:?set OPS_TOKEN, or OPS_USER and OPS_PASSWORD}" "${OPS_PASSWORD:?set OPS_PASSWORD}" "${OPS_MFA_CODE:-}")"
  answer="$(curl -sS -X POST "$url/api/v1/auth/login" -H 'Content-Type: application/json' -H 'Accept-Language: en-US' --data "$login")"
  token="$(printf '%s' "$answer" | field accessToken)"
  if [ -z "$token" ]; then
    echo "ops: sign-in refused: $(printf '%s' "$answer" | field detail)" >&2
    exit 2
  fi
  signed_in=1
fi

finish() { if [ -n "$signed_in" ]; then call POST /api/v1/auth/logout > /dev/null || true; fi; }
trap finish EXIT

# One key per pipeline attempt: a retried step does not start the job twice.
key="${CI_PIPELINE_ID:-local}-${CI_JOB_ID:-$$}-$job"
started="$(curl -sS -X POST "$url/api/v1/jobs/$job/execute" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -H "Idempotency-Key: $key" -H 'Accept-Language: en-US' --data "{\"parameters\":$parameters}" -w '\n%{http_code}')"
status="${started##*$'\n'}"
started="${started%$'\n'*}"
if [ "$status" != "202" ]; then
  echo "ops: the job did not start ($status): $(printf '%s' "$started" | field detail)" >&2
  exit 2
fi
log="$(printf '%s' "$started" | field logId)"
echo "ops: job $job started, run $log"

deadline=$(( $(date +%s) + timeout ))
while :; do
  run="$(call GET "/api/v1/jobs/$job/logs/$log")"
  state="$(printf '%s' "$run" | field status)"
  case "$state" in
    success) echo "ops: run $log succeeded"; exit 0 ;;
    failed|timeout|cancelled|skipped) echo "ops: run $log ended $state: $(printf '%s' "$run" | field error)" >&2; exit 1 ;;
  esac
  if [ "$(date +%s)" -ge "$deadline" ]; then
    echo "ops: run $log still $state after ${timeout}s" >&2
    exit 3
  fi
  sleep 2
done
