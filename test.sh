#!/usr/bin/env bash
# Runs every test suite (xunit, the vitest suites of the client and the browser benchmark, the browser tests in headless Chromium)
# and ends with one line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"
root=$(pwd)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0
status=0

need_chromium() {
  [ -x /usr/bin/chromium ] && return 0
  echo "Chromium is needed for the browser tests; installing Debian's chromium package." >&2
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null \
    || { echo "Could not install chromium: run 'apt-get install chromium' as root, then ./test.sh again." >&2; return 1; }
}

# Adds a vitest JSON report's counts; a skipped test counts as failed (nothing may pass by skipping).
add_vitest() {
  local report=$1
  if [ ! -s "$report" ]; then
    failed=$((failed + 1))
    return
  fi
  read -r p f < <(node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    console.log(r.numPassedTests, r.numFailedTests + r.numPendingTests + r.numTodoTests + (r.numFailedTestSuites || 0));
  ' "$report")
  passed=$((passed + p))
  failed=$((failed + f))
}

# 1. xunit: domain, grains, simulator, and the real server as its own process (this also builds the client).
dotnet test FloorWatch.slnx -c Release --nologo 2>&1 | tee "$work/dotnet.log"
dotnet_status=${PIPESTATUS[0]}
# "Passed!  - Failed:     0, Passed:    42, Skipped:     0, Total:    42" per test assembly.
read -r p f < <(grep -E '^\s*(Passed|Failed)!\s+-\s+Failed:' "$work/dotnet.log" \
  | sed -E 's/.*Failed:\s*([0-9]+), Passed:\s*([0-9]+), Skipped:\s*([0-9]+).*/\2 \1 \3/' \
  | awk '{p+=$1; f+=$2+$3} END {print p+0, f+0}')
passed=$((passed + p))
failed=$((failed + f))
if [ "$dotnet_status" -ne 0 ]; then
  status=1
  [ "$f" -eq 0 ] && failed=$((failed + 1)) # the build or a test host failed before any test could report
fi

# 2. The client's own tests (vitest).
(cd client && npm ci --no-audit --no-fund --silent && npx vitest run --reporter=default --reporter=json --outputFile="$work/client.json") || status=1
add_vitest "$work/client.json"

# 3. The browser benchmark's own logic (its statistics and arguments; the benchmark itself is run by hand).
(cd loadtest/browser && npm ci --no-audit --no-fund --silent && npx vitest run --reporter=default --reporter=json --outputFile="$work/bench.json") || status=1
add_vitest "$work/bench.json"

# 4. Browser tests: real headless Chromium against the real server with the demo switch.
if need_chromium; then
  (cd tests/browser && npm ci --no-audit --no-fund --silent && npx vitest run --reporter=default --reporter=json --outputFile="$work/browser.json") || status=1
  add_vitest "$work/browser.json"
else
  status=1
  failed=$((failed + 1))
fi

echo "${passed} passed, ${failed} failed"
exit "$status"
