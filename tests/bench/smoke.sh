#!/bin/sh
# smoke.sh: the benchmarks run end to end at small size and print their
# figures (the figures themselves are not judged here: see run.sh). All
# but pg, which starts a PostgreSQL server and takes minutes: make bench only.
. "${top_srcdir:-.}/tests/lib.sh"
command -v sqlite3 >/dev/null || t_skip_all "sqlite3 shell not installed"
sh "$top_srcdir/tests/bench/run.sh" --size small import aging bank match pane tui statements >"$T/bench.out" 2>"$T/bench.err"
t_is "run.sh --size small exits 0" "$?" 0
sed 's/^/# /' "$T/bench.out" "$T/bench.err"
t_grep "import benchmark prints its ratio" '^import invoices: [0-9]* rows: .* ratio [0-9.]*' "$T/bench.out"
t_grep "historical aging benchmark prints its ratio" '^aging historical.* ratio [0-9.]*' "$T/bench.out"
t_grep "as-of-today aging benchmark prints its ratio" '^aging as of today.* ratio [0-9.]*' "$T/bench.out"
t_grep "statements benchmark prints its ratio for text files" \
	'^statements --all-open: [0-9]* as text files in .* ratio [0-9.]*' "$T/bench.out"
t_grep "statements benchmark prints its ratio for one PDF" \
	'^statements --all-open: [0-9]* in one PDF in .* ratio [0-9.]*' "$T/bench.out"
t_done
