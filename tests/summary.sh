#!/bin/sh
# summary.sh [BUILDDIR]: count the results automake's TAP driver recorded
# in every .trs file and print one line `check: N passed, N failed, N skipped`.
# Exits 1 when anything failed or when no test ran at all.
dir=${1:-.}
trs=$(find "$dir" -name '*.trs' -not -path '*/_build/*' 2>/dev/null)
if [ -z "$trs" ]; then
	echo "check: 0 passed, 0 failed (no test ran)"
	exit 1
fi
# shellcheck disable=SC2086
cat $trs | awk '
	/^:test-result: (PASS|XFAIL)/ { pass++ }
	/^:test-result: (FAIL|ERROR|XPASS)/ { fail++ }
	/^:test-result: SKIP/ { skip++ }
	END {
		printf "check: %d passed, %d failed, %d skipped\n", pass, fail, skip
		exit (fail > 0 || pass == 0) ? 1 : 0
	}'
