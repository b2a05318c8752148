#!/bin/sh
# pg-bench.sh [--size small|large]: urikake on PostgreSQL against SQLite
# (issue 17: each within 2x), in one run on the same machine and the same
# data, a throwaway server (tests/pg/server.sh: fsync off) beside a file:
#   bank   `urikake import bank` of one 振込入金通知 file (`demo bank-file`)
#          into a fresh database of each store
#   match  `match --auto` of D deposits against I open invoices of C
#          customers: the database of tests/bench/match-perf (--keep), the
#          SQLite file as written, and on the server copied by `urikake
#          migrate` (that copy timed too)
#   aging  `urikake aging --format csv` on those databases after the match
#          (I invoices with their allocations), from the ledger as of a
#          past date and cached as of today, best of three; the two stores'
#          CSV must be the same
# large (make bench): 1,000,000 records; 100,000 x 1,000,000 x 50,000 —
# the issue's sizes. small: a tenth of each. Prints each figure and the
# PostgreSQL / SQLite ratio: measurements, not pass/fail (exit 1 only
# when a command fails or the stores disagree).
set -eu
: "${top_builddir:=.}"
top_builddir=$(cd "$top_builddir" && pwd)
: "${URIKAKE:=$top_builddir/urikake}"
PERF=${PERF:-$top_builddir/tests/bench/match-perf}
records=1000000 deposits=100000 invoices=1000000 customers=50000
if [ "${1:-}" = --size ] && [ "$2" = small ]; then
	records=100000 deposits=10000 invoices=100000 customers=5000
fi
W=$(mktemp -d "${TMPDIR:-/tmp}/urikake-pgbench.XXXXXX")
CONNS=20
. "$(dirname "$0")/lib-pgbench.sh"
export URIKAKE_USER=bench URIKAKE_TODAY=${URIKAKE_TODAY:-2026-03-31}

# measure CMD...: "SECONDS PEAK_RSS_KIB" of one run; its output in $W/out
measure() {
	/usr/bin/time -f '%e %M' -o "$W/time" "$@" >"$W/out" 2>"$W/stderr" ||
		{ cat "$W/stderr" >&2; exit 1; }
	cat "$W/time"
}
best() { # best "S R" "S R": the faster run (and its RSS)
	echo "$1 $2" | awk '{ if ($3 != "" && $3 < $1) print $3, $4; else print $1, $2 }'
}
mib() { echo "$1" | awk '{ printf "%.1f MiB", $1 / 1024 }'; }
# line WHAT "S R" "S R": SQLite's figure, PostgreSQL's and the ratio
line() {
	set -- "$1" $2 $3
	echo "pg $1: sqlite ${2}s (peak RSS $(mib "$3")), postgresql ${4}s (peak RSS" \
		"$(mib "$5")), ratio $(echo "$4 $2" | awk '{ printf "%.2f", $1 / $2 }') (target <= 2)"
}
sqlite_init() { rm -f "$1"; "$URIKAKE" --db "$1" init >/dev/null; }
pg_init() { u=$(pg_newdb "$1"); "$URIKAKE" --db "$u" init >/dev/null; echo "$u"; }

bench_bank() {
	"$URIKAKE" demo bank-file "$W/bank.zengin" --records "$records" >/dev/null
	sqlite_init "$W/bank.db"
	s=$(measure "$URIKAKE" --db "$W/bank.db" import bank "$W/bank.zengin")
	u=$(pg_init bank)
	p=$(measure "$URIKAKE" --db "$u" import bank "$W/bank.zengin")
	line "import bank, $records records" "$s" "$p"
	rm -f "$W/bank.zengin" "$W/bank.db"
}

bench_match() {
	"$PERF" --keep "$W/perf.db" --deposits "$deposits" --invoices "$invoices" \
		--customers "$customers"
	PG=$(pg_init perf)
	m=$(measure "$URIKAKE" --db "$PG" migrate --from "$W/perf.db" --to "$PG")
	echo "pg migrate of that database ($invoices invoices, $deposits deposits):" \
		"${m% *}s, urikake's peak RSS $(mib "${m#* }")"
	s=$(measure "$URIKAKE" --db "$W/perf.db" match --auto)
	cp "$W/out" "$W/match.sqlite"
	p=$(measure "$URIKAKE" --db "$PG" match --auto)
	cp "$W/out" "$W/match.pg"
	line "match --auto, $deposits deposits x $invoices invoices x $customers customers" "$s" "$p"
	cmp -s "$W/match.sqlite" "$W/match.pg" ||
		{ echo "pg-bench: match --auto said otherwise on the two stores" >&2; diff "$W/match.sqlite" "$W/match.pg" | head -n 5 >&2; exit 1; }
}

# aging_one LABEL DATE: best of three on each store, the CSVs compared
aging_one() {
	s= p=
	for round in 1 2 3; do
		s=$(best "$(measure "$URIKAKE" --db "$W/perf.db" aging --as-of "$2" --format csv)" "$s")
		cp "$W/out" "$W/aging.sqlite"
		p=$(best "$(measure "$URIKAKE" --db "$PG" aging --as-of "$2" --format csv)" "$p")
		cp "$W/out" "$W/aging.pg"
	done
	line "aging $1 ($2), $invoices invoices" "$s" "$p"
	cmp -s "$W/aging.sqlite" "$W/aging.pg" ||
		{ echo "pg-bench: aging differs between the two stores" >&2; exit 1; }
}

bench_bank
bench_match
past=$(sqlite3 "$W/perf.db" "SELECT date('$URIKAKE_TODAY', '-3 months')")
aging_one "from the ledger" "$past"
aging_one "cached, today" "$URIKAKE_TODAY"
