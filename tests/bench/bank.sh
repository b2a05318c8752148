#!/bin/sh
# bank.sh [--size small|large]: the bank import benchmark. A Zengin
# 振込入金通知 file of 250,000 and of 1,000,000 deposits (groups of 100,000,
# written by `urikake demo bank-file`) is imported by `urikake import bank`
# and by the floor (tests/bench/floor_bank: zengin_parse_fd + one prepared
# INSERT in one transaction) into fresh databases, best of two rounds each.
# Prints both times, the ratio (target <= 2) and both peak RSS at each
# size: memory must not grow with the file. Measurements, not pass/fail.
set -e
: "${top_builddir:=.}"
: "${URIKAKE:=$top_builddir/urikake}"
FLOOR=${FLOOR:-$top_builddir/tests/bench/floor_bank}
sizes="250000 1000000"
if [ "${1:-}" = --size ] && [ "$2" = small ]; then sizes="20000 80000"; fi
W=$(mktemp -d "${TMPDIR:-/tmp}/urikake-bench-bank.XXXXXX")
trap 'rm -rf "$W"' EXIT
export URIKAKE_USER=bench URIKAKE_TODAY=${URIKAKE_TODAY:-2026-03-31}

fresh_db() {
	rm -f "$1" "$1-wal" "$1-shm"
	"$URIKAKE" --db "$1" init >/dev/null
}
# measure CMD...: "SECONDS PEAK_RSS_KIB" of one run.
measure() {
	/usr/bin/time -f '%e %M' -o "$W/time" "$@" >/dev/null 2>"$W/stderr" ||
		{ cat "$W/stderr" >&2; exit 1; }
	cat "$W/time"
}
best() { # best "S R" "S R": the faster run (and its RSS)
	echo "$1 $2" | awk '{ if ($3 != "" && $3 < $1) print $3, $4; else print $1, $2 }'
}
mib() { echo "$1" | awk '{ printf "%.1f MiB", $1 / 1024 }'; }

for n in $sizes; do
	"$URIKAKE" demo bank-file "$W/bank.zengin" --records "$n" >/dev/null
	ours= floor=
	for round in 1 2; do
		fresh_db "$W/floor.db"
		f=$(measure "$FLOOR" "$W/floor.db" "$W/bank.zengin")
		fresh_db "$W/ours.db"
		o=$(measure "$URIKAKE" --db "$W/ours.db" import bank "$W/bank.zengin")
		floor=$(best "$f" "$floor"); ours=$(best "$o" "$ours")
	done
	set -- $ours $floor
	echo "bank import: $n records: urikake ${1}s (peak RSS $(mib "$2")), floor ${3}s" \
		"(peak RSS $(mib "$4")), ratio $(echo "$1 $3" | awk '{ printf "%.2f", $1 / $2 }')" \
		"(target <= 2)"
	rm -f "$W/bank.zengin"
done
