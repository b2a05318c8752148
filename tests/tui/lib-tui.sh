# lib-tui.sh: shared set-up for the screen tests — a demo database built
# once per run with the CLI (Japanese and Chinese customers), copied fresh
# for each script.
tui_demo_db() { # tui_demo_db PATH
	URIKAKE_TODAY=${URIKAKE_TODAY:-2026-03-31} "$URIKAKE" --db "$1" --user demo demo >/dev/null
}

# tui_run SCRIPT SIZE DB OUTDIR: run the headless interface on a script.
tui_run() {
	URIKAKE_TEST_SCRIPT="$1" URIKAKE_TEST_SIZE="$2" URIKAKE_TEST_DUMP_DIR="$4" \
		DB="$3" TUI_SCRIPTS="$top_srcdir/tests/tui/scripts" URIKAKE="$URIKAKE" \
		XDG_CONFIG_HOME="$T/config" \
		"$URIKAKE" --db "$3" --user tester 2>"$4/stderr"
}
