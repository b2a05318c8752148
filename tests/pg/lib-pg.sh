# lib-pg.sh: sourced by the tests of tests/pg after tests/lib.sh. Starts a
# throwaway PostgreSQL server (tests/pg/server.sh) for the whole test, in a
# directory of its own outside $T (the server may run as another user),
# stopped and removed at exit; no server: the test SKIPs, saying why.
# Then PGHOST, PGPORT, PGUSER are exported and pg_url DB gives the
# postgresql:// URL of database DB on it.
command -v psql >/dev/null 2>&1 || t_skip_all "no psql: install the postgresql package"
PGDIR=$(mktemp -d "${TMPDIR:-/tmp}/urikake-pg.XXXXXX")
srv() { sh "$top_srcdir/tests/pg/server.sh" "$1" "$PGDIR"; }
trap 'srv stop; rm -rf "$T" "$PGDIR"' EXIT
trap 'exit 1' INT TERM HUP # the server is stopped on an interrupted run too
srv start 2>"$T/why" || t_skip_all "no PostgreSQL server could start: $(tr '\n' ' ' <"$T/why")"
eval "$(srv env)"
export PGHOST PGPORT PGUSER
pg_url() { echo "postgresql:///$1?host=$PGHOST&port=$PGPORT&user=$PGUSER"; }

# pg_pass_tap FILE PREFIX: the TAP checks in FILE as this test's, each
# named PREFIX and its description; one $known lists ("NAME|why" lines)
# is a TODO, so it is reported, not hidden, and an unexpected pass too.
# Sets planned: FILE's plan (0 for a whole-file SKIP, said as one).
pg_pass_tap() {
	planned=
	while IFS= read -r line; do
		case $line in
		'ok '* | 'not ok '*)
			st=${line%%[0-9]*}
			rest=${line#"$st"}
			rest=${rest#*[0-9] }
			rest=$2${rest#- }
			desc=${rest%% \# *}
			why=$(printf '%s\n' "$known" | grep -F "$desc|" | cut -d'|' -f2)
			t_n=$((t_n + 1))
			if [ -n "$why" ]; then
				echo "${st}$t_n - $desc # TODO $why"
			else
				echo "${st}$t_n - $rest"
				[ "$st" = "ok " ] || t_failed=$((t_failed + 1))
			fi
			;;
		'1..0 #'*)
			planned=0
			t_skip "${2%: }" "${line#*# SKIP }"
			;;
		1..*) planned=${line#1..} ;;
		*) echo "# $line" ;;
		esac
	done <"$1"
}
