#!/usr/bin/env bash
# Runs every test suite and ends with one line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"

log=$(mktemp)
trap 'rm -f "$log"' EXIT

dotnet test FloorWatch.slnx -c Release --nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# "Passed!  - Failed:     0, Passed:    42, Skipped:     0, Total:    42" per test assembly.
read -r passed failed < <(grep -E '^\s*(Passed|Failed)!\s+-\s+Failed:' "$log" \
  | sed -E 's/.*Failed:\s*([0-9]+), Passed:\s*([0-9]+).*/\2 \1/' \
  | awk '{p+=$1; f+=$2} END {print p+0, f+0}')

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1 # the build or a test host failed before any test could report
fi

echo "${passed} passed, ${failed} failed"
exit "$status"
