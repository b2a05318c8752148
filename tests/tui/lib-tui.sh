# lib-tui.sh: shared set-up for the screen tests — a demo database built
# once per run with the CLI (Japanese and Chinese customers), copied fresh
# for each script.
tui_demo_db() { # tui_demo_db PATH
	URIKAKE_TODAY=${URIKAKE_TODAY:-2026-03-31} "$URIKAKE" --db "$1" --user demo demo >/dev/null
}

# tui_run SCRIPT SIZE DB OUTDIR [OPTION...]: run the headless interface on
# a script (the options go before the others, e.g. --lang ja).
tui_run() {
	script=$1 size=$2 db=$3 out=$4
	shift 4
	URIKAKE_TEST_SCRIPT="$script" URIKAKE_TEST_SIZE="$size" URIKAKE_TEST_DUMP_DIR="$out" \
		DB="$db" TUI_SCRIPTS="$top_srcdir/tests/tui/scripts" URIKAKE="$URIKAKE" \
		XDG_CONFIG_HOME="$T/config" \
		"$URIKAKE" "$@" --db "$db" --user tester 2>"$out/stderr"
}

# tui_catalogues DIR: compile po/ja.po and po/zh_CN.po into DIR (a locale
# directory for $URIKAKE_LOCALEDIR).
tui_catalogues() {
	for lang in ja zh_CN; do
		mkdir -p "$1/$lang/LC_MESSAGES" &&
			msgfmt -o "$1/$lang/LC_MESSAGES/urikake.mo" "$top_srcdir/po/$lang.po" ||
			return 1
	done
}

# check_screen GOT WANT LABEL: one dumped screen against its expected file
# (URIKAKE_UPDATE_EXPECTED=1 rewrites the expected one, for review).
check_screen() {
	t_on_pg && tui_pg_name "$1" "$2" # before an update: no server name in the file
	if [ -n "$URIKAKE_UPDATE_EXPECTED" ]; then
		mkdir -p "$(dirname "$2")" && cp "$1" "$2"
	fi
	diff -u "$2" "$1" >"$T/.diff" 2>&1
	t_report $? "$3"
	sed 's/^/# /' "$T/.diff" | head -40
}

# tui_pg_name GOT WANT: on PostgreSQL the status line names the server's
# database (tests/pg/urikake-pg.sh names them LANE_N), not the file the
# test gave: GOT's status line then gets WANT's name, padded to the same
# width, so that the rest of the screen is compared as on SQLite.
tui_pg_name() {
	perl -i -e '
		open(my $w, "<", pop @ARGV) or exit 0;
		my @w = <$w>;
		while (<>) {
			my $want = $w[$. - 1] // "";
			my ($got) = /^ ([a-z][a-z0-9]*_[0-9]+) \xc2\xb7 /;
			my ($name) = $want =~ /^ (\S+) \xc2\xb7 /;
			if ($_ ne $want && defined $got && defined $name) {
				my $d = length($name) - length($got);
				s/^ \Q$got\E/ $name/;
				s/ {2,}/" " x (length($&) - $d)/e if $d;
			}
			print;
		}' "$1" "$2"
}
