#!/bin/sh
# run.sh [--size small|large] [BENCHMARK ...]: urikake's benchmarks. Each
# prints its figure and, where the issue names one, the ratio against a
# floor measured in the same run on the same machine (machines here are
# noisy: these are measurements, never pass/fail tests).
#   import  `urikake import invoices` of the demo's invoices.csv vs a bare C
#           loop inserting the same rows with one prepared statement
#           (tests/bench/floor_invoices) — target ratio <= 2.5
#   aging   `urikake aging` over the demo database vs the sqlite3 shell
#           running the same single SQL query (store_aging_sql) — target <= 1.5
#   bank    `urikake import bank` of a 振込入金通知 file vs zengin_parse_fd +
#           one prepared INSERT (tests/bench/bank.sh) — target <= 2, flat RSS
#   match   `match --auto`, 100,000 deposits vs 1,000,000 open invoices at
#           1/4, 1/2 and full size (tests/bench/match-perf) — < 10 s, < 1 GiB,
#           with the ratio to a floor of bare SQL doing the same reads and writes;
#           one closing-period customer of 125 … 2,000 slips (match-period),
#           per doubling; the search for an unknown agent's first transfer
#           over 50 … 400 statements of one closing date (match-agent);
#           then match quality summed over 60 generated worlds
#           (tests/bench/match-quality-seeds.sh) and over the independent
#           worlds of tests/indep (office, heavy, wholesale; seeds 1-5)
#   pane    the aging pane's first window and re-bucketing on the demo
#           database (tests/bench/aging-pane) — 300 ms / 1 s
#   tui     first screen, keystroke p99, RSS (tests/bench/tui-keys.sh); panes 2
#           and 3 drawn with their rows after the key, against the model's
#           load, and RSS per pane (tests/bench/tui-panes.sh)
#   statements  5,000 made-up statements in one PDF and as text files; then
#           `statement --all-open` on the demo database as text files and as
#           one PDF vs the sqlite3 shell writing the same customers' ledger
#           rows (tests/bench/statements.sh) — targets 50,000 as text < 2 min,
#           as PDF < 10 min
#   pg      PostgreSQL against SQLite on a throwaway server, same data, same
#           run: `import bank` 1,000,000 records, `match --auto` 100,000 x
#           1,000,000, `aging` at 1,000,000 invoices (tests/bench/pg-bench.sh)
#           — target ratio <= 2 each; then 20 clerks confirming at once on
#           each store: no lost update, p50/p99 confirm latency
#           (tests/bench/pg-load.sh)
set -e
: "${top_builddir:=.}"
: "${URIKAKE:=$top_builddir/urikake}"
FLOOR=${FLOOR:-$top_builddir/tests/bench/floor_invoices}
AGING_SQL=${AGING_SQL:-$top_builddir/tests/bench/aging_sql}
size=large
if [ "${1:-}" = --size ]; then size=$2; shift 2; fi
what=${*:-import aging bank match pane tui statements pg}
srcdir=$(dirname "$0")
W=$(mktemp -d "${TMPDIR:-/tmp}/urikake-bench.XXXXXX")
trap 'rm -rf "$W"' EXIT
export URIKAKE_USER=bench

now() { date +%s.%N; }
secs() { # secs CMD...: run once, print elapsed seconds
	t0=$(now); "$@" >/dev/null 2>"$W/stderr" || { cat "$W/stderr" >&2; exit 1; }; t1=$(now)
	echo "$t0 $t1" | awk '{ printf "%.3f", $2 - $1 }'
}
ratio() { echo "$1 $2" | awk '{ printf "%.2f", $1 / $2 }'; }
min() { echo "$1 $2" | awk '{ print ($1 < $2) ? $1 : $2 }'; }

fresh_db() { # fresh_db PATH: init + customers
	rm -f "$1" "$1-wal" "$1-shm"
	"$URIKAKE" --db "$1" init >/dev/null
	"$URIKAKE" --db "$1" import customers "$W/csv/customers.csv" >/dev/null
}

bench_import() {
	mkdir -p "$W/csv"
	"$URIKAKE" demo --csv "$W/csv" --size "$size" >/dev/null
	rows=$(($(wc -l <"$W/csv/invoices.csv") - 1))
	ours= floor=
	for round in 1 2; do
		fresh_db "$W/floor.db"
		f=$(secs "$FLOOR" "$W/floor.db" "$W/csv/invoices.csv")
		fresh_db "$W/ours.db"
		o=$(secs "$URIKAKE" --db "$W/ours.db" import invoices "$W/csv/invoices.csv")
		floor=$(min "${floor:-$f}" "$f"); ours=$(min "${ours:-$o}" "$o")
	done
	echo "import invoices: $rows rows: urikake ${ours}s, floor ${floor}s, ratio $(ratio "$ours" "$floor") (target <= 2.5)"
}

# aging_one LABEL MODE DATE: time `urikake aging` against the sqlite3 shell
# running the query the store uses for that date (full ledger or cached).
aging_one() {
	"$AGING_SQL" "$2" "$3" >"$W/aging.sql"
	ours= floor=
	for round in 1 2 3; do
		f=$(secs sqlite3 "$W/aging.db" ".read $W/aging.sql")
		o=$(secs "$URIKAKE" --db "$W/aging.db" aging --as-of "$3" --format csv)
		floor=$(min "${floor:-$f}" "$f"); ours=$(min "${ours:-$o}" "$o")
	done
	echo "aging $1 ($3): urikake ${ours}s, sqlite3 ${floor}s, ratio $(ratio "$ours" "$floor") (target <= 1.5)"
}

# The demo database of the size, made once and shared by aging, pane, tui.
demo_db() {
	[ -f "$W/aging.db" ] || "$URIKAKE" --db "$W/aging.db" demo --size "$size" >/dev/null
}

bench_aging() {
	demo_db
	n=$(sqlite3 "$W/aging.db" "SELECT count(*) FROM invoice")
	c=$(sqlite3 "$W/aging.db" "SELECT count(*) FROM customer")
	a=$(sqlite3 "$W/aging.db" "SELECT count(*) FROM allocation")
	echo "aging database: $n invoices, $c customers, $a allocations"
	today=${URIKAKE_TODAY:-$(date +%F)}
	past=$(sqlite3 "$W/aging.db" "SELECT date('$today', '-3 months')")
	aging_one "historical, from the ledger" full "$past"
	aging_one "as of today, cached paid amounts" fast "$today"
}

# indep SEEDS: match quality on the independent worlds (tests/indep), written
# without reading the engine: office, heavy and wholesale, totals per month.
indep() {
	URIKAKE=$URIKAKE sh "$srcdir/../indep/run.sh" "$1" | grep '^indep '
}

for w in $what; do
	case $w in
	import) bench_import ;;
	aging) bench_aging ;;
	bank) sh "$srcdir/bank.sh" ${size:+--size "$size"} ;;
	match)
		if [ "$size" = small ]; then
			"$top_builddir/tests/bench/match-perf" --deposits 4000 --invoices 40000 --customers 2000
			top_builddir=$top_builddir sh "$srcdir/match-quality-seeds.sh" --seeds 1-3 | tail -2
			indep 1-1
		else
			"$top_builddir/tests/bench/match-perf"
			"$top_builddir/tests/bench/match-period"
			"$top_builddir/tests/bench/match-agent"
			top_builddir=$top_builddir sh "$srcdir/match-quality-seeds.sh" | tail -2
			indep 1-5
		fi ;;
	pane) demo_db; sh "$srcdir/aging-pane.sh" "$W/aging.db" ;;
	tui)
		demo_db
		URIKAKE=$URIKAKE sh "$srcdir/tui-keys.sh" "$W/aging.db"
		URIKAKE=$URIKAKE top_builddir=$top_builddir sh "$srcdir/tui-panes.sh" "$W/aging.db" ;;
	statements)
		if [ "$size" = small ]; then sh "$srcdir/statements.sh" 200
		else sh "$srcdir/statements.sh"; fi
		demo_db
		sh "$srcdir/statements.sh" --db "$W/aging.db" ;;
	pg)
		top_builddir=$top_builddir sh "$srcdir/pg-bench.sh" --size "$size"
		top_builddir=$top_builddir sh "$srcdir/pg-load.sh" ;;
	*) echo "run.sh: unknown benchmark $w" >&2; exit 2 ;;
	esac
done
