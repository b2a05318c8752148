#!/bin/sh
# screens.sh: headless screen tests — each script of tests/tui/scripts runs
# at 80x24 and 132x43 on the demo data; every dumped screen must equal
# tests/tui/expected/SIZE/NAME.screen (URIKAKE_UPDATE_EXPECTED=1 rewrites
# them for review).
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tui/lib-tui.sh"
export TERM=xterm-256color URIKAKE_TODAY=2026-03-31

# check_screens OUTDIR: compare every screen dumped in OUTDIR.
check_screens() {
	for got in "$1"/*.screen; do
		name=$(basename "$got")
		check_screen "$got" "$top_srcdir/tests/tui/expected/$size/$name" "$size $name"
	done
}

fresh_db() {
	rm -f "$T/db.db" "$T/db.db-wal" "$T/db.db-shm"
	cp "$T/demo.db" "$T/db.db"
}

# Two clerks confirmed the same deposit: only the winner's allocations
# exist, and no deposit has allocations of both.
check_lost_race() {
	"$URIKAKE" --db "$T/db.db" export allocations >"$T/alloc.csv"
	t_is "$size: the clerk who lost the race wrote nothing" \
		"$(grep -c ',tester,' "$T/alloc.csv")" 0
	ref=$(grep ',suzuki,' "$T/alloc.csv" | cut -d, -f1 | sort -u)
	t_is "$size: the winner confirmed one deposit" "$(echo "$ref" | grep -c .)" 1
	t_is "$size: that deposit's allocations are the winner's alone" \
		"$(grep "^$ref," "$T/alloc.csv" | grep -vc ',suzuki,')" 0
}

tui_demo_db "$T/demo.db" || t_skip_all "cannot build the demo database"
tui_catalogues "$T/locale" || t_skip_all "cannot compile the catalogues (msgfmt)"
URIKAKE_TODAY=2026-03-31 "$URIKAKE" --db "$T/own.db" --user tester demo >/dev/null ||
	t_skip_all "cannot build the demo database"
for size in 80x24 132x43; do
	for script in shell actions clerks; do
		out="$T/out/$size/$script"
		mkdir -p "$out"
		fresh_db
		tui_run "$top_srcdir/tests/tui/scripts/$script.script" "$size" "$T/db.db" "$out"
		t_is "$script at $size exits 0 and prints nothing" "$?:$(cat "$out/stderr")" "0:"
		check_screens "$out"
		if [ "$script" = clerks ]; then
			check_lost_race
		fi
	done
	# The catalogues: screens named ja-NN-… and zh_CN-NN-….
	mkdir -p "$T/out/$size/lang"
	for lang in ja zh_CN; do
		run="$T/run-$size-$lang"
		mkdir -p "$run"
		fresh_db
		URIKAKE_LOCALEDIR="$T/locale" tui_run "$top_srcdir/tests/tui/scripts/lang.script" \
			"$size" "$T/db.db" "$run" --lang "$lang"
		t_is "lang.script in $lang at $size exits 0 and prints nothing" \
			"$?:$(cat "$run/stderr")" "0:"
		for f in "$run"/lang-*.screen; do
			mv "$f" "$T/out/$size/lang/$lang-${f##*/lang-}"
		done
	done
	check_screens "$T/out/$size/lang"
	# The demo made by the clerk who opens it (as ./quickstart demo does):
	# its history is not counted as this clerk's matches of today.
	mkdir -p "$T/out/$size/fresh"
	for lang in ja zh_CN; do
		run="$T/run-$size-fresh-$lang"
		mkdir -p "$run"
		cp "$T/own.db" "$run/db.db"
		URIKAKE_LOCALEDIR="$T/locale" tui_run "$top_srcdir/tests/tui/scripts/fresh.script" \
			"$size" "$run/db.db" "$run" --lang "$lang"
		t_is "fresh.script in $lang at $size exits 0 and prints nothing" \
			"$?:$(cat "$run/stderr")" "0:"
		t_is "$size $lang: a fresh demo's status line counts nothing as the clerk's" \
			"$(tail -2 "$run/fresh-01-first.screen" | head -1 | grep -o "[0-9]*$")" "0"
		mv "$run/fresh-01-first.screen" "$T/out/$size/fresh/$lang-fresh-01-first.screen"
	done
	check_screens "$T/out/$size/fresh"
done
t_is "every expected screen was produced" \
	"$(cd "$top_srcdir/tests/tui/expected" && ls */*.screen | sort)" \
	"$(cd "$T/out" && ls */*/*.screen | sed 's|/[a-z]*/|/|' | sort)"
t_done
