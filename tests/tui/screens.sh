#!/bin/sh
# screens.sh: headless screen tests — each script of tests/tui/scripts runs
# at 80x24 and 132x43 on the demo data; every dumped screen must equal
# tests/tui/expected/SIZE/NAME.screen (URIKAKE_UPDATE_EXPECTED=1 rewrites
# them for review).
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tui/lib-tui.sh"
export TERM=xterm-256color URIKAKE_TODAY=2026-03-31

tui_demo_db "$T/demo.db" || t_skip_all "cannot build the demo database"
for size in 80x24 132x43; do
	for script in shell actions clerks; do
		out="$T/out/$size/$script"
		mkdir -p "$out"
		rm -f "$T/db.db" "$T/db.db-wal" "$T/db.db-shm"
		cp "$T/demo.db" "$T/db.db"
		tui_run "$top_srcdir/tests/tui/scripts/$script.script" "$size" "$T/db.db" "$out"
		t_is "$script at $size exits 0 and prints nothing" "$?:$(cat "$out/stderr")" "0:"
		for got in "$out"/*.screen; do
			name=$(basename "$got")
			want="$top_srcdir/tests/tui/expected/$size/$name"
			if [ -n "$URIKAKE_UPDATE_EXPECTED" ]; then
				mkdir -p "$(dirname "$want")" && cp "$got" "$want"
			fi
			diff -u "$want" "$got" >"$T/.diff" 2>&1
			t_report $? "$size $name"
			sed 's/^/# /' "$T/.diff" | head -40
		done
	done
done
t_is "every expected screen was produced" \
	"$(cd "$top_srcdir/tests/tui/expected" && ls */*.screen | sort)" \
	"$(cd "$T/out" && ls */*/*.screen | sed 's|/[a-z]*/|/|' | sort)"
t_done
