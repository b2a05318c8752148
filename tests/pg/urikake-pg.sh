#!/bin/sh
# urikake-pg.sh: urikake with its SQLite files turned into PostgreSQL
# databases, so that tests/cli/*.sh run unchanged on the server
# (tests/pg/cli-suites.sh sets $URIKAKE to this script).
#
# A database path given to --db PATH (or --db=PATH, or URIKAKE_DB=PATH)
# gets a database of its own on the throwaway server, and a marker file
# at PATH in its place: one line "urikake-pg NAME ABSPATH". So:
#  - a path with no file yet, for a command that may create the database
#    (init, import, demo; the others refuse as on SQLite): a new database,
#    schema loaded (from the template database urikake_init, made by init
#    once) but for init itself, which gets an empty one to create it in;
#  - the marker found: its database;
#  - `rm PATH`: the database is gone for the test, the next use makes a
#    new one; `cp A B` (or mv): B's marker names another path, so B gets
#    a copy of A's database (CREATE DATABASE … TEMPLATE) of its own;
#  - a real SQLite file at PATH (made by sqlite3 in the test: an old
#    version, a corrupt file, another program's database) and any other
#    path stays SQLite: those checks run on SQLite as before;
#  - a postgresql:// URL passes through.
# A command that exits 2 (a usage error) takes back the markers it made.
# The command then runs as the schema's owner (urikake_owner). The default
# path and the config file's db = are not mapped.
# Copying a database another session holds open fails (the server's
# rule for a template): that path then stays SQLite and says so.
# Environment, from cli-suites.sh: URIKAKE_REAL (the program),
# URIKAKE_PG_STATE (a directory for the counter and the list of
# databases, its name their prefix), PGHOST, PGPORT, PGUSER (the
# server's superuser).
set -u
real=$URIKAKE_REAL
path=$PATH # the program's own; the wrapper's tools wherever a test hides them
PATH=/usr/bin:/bin:$PATH
state=$URIKAKE_PG_STATE

psql_su() { psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "$1" >/dev/null; }
url() { echo "postgresql:///$1?host=$PGHOST&port=$PGPORT&user=urikake_owner"; }

# new_db TEMPLATE: a new database's name, copied from TEMPLATE.
new_db() {
	n=$(($(cat "$state/count" 2>/dev/null || echo 0) + 1))
	echo $n >"$state/count"
	name=$(basename "$state")_$n # the runner's lanes: each a directory of its own
	psql_su "CREATE DATABASE $name OWNER urikake_owner TEMPLATE $1" || return 1
	echo "$name" >>"$state/dbs"
	echo "$name"
}

# map PATH CMD: the URL for PATH (see above); fails when PATH stays SQLite.
map() {
	case $1 in
	'' | postgres://* | postgresql://*) return 1 ;;
	esac
	d=$(dirname "$1")
	abs=$(cd "$d" 2>/dev/null && pwd) || return 1
	abs=$abs/$(basename "$1")
	if [ -f "$1" ]; then
		[ "$(head -c 11 "$1" 2>/dev/null)" = "urikake-pg " ] || return 1
		read -r _ name from <"$1"
		if [ "$from" != "$abs" ]; then
			name=$(new_db "$name") || return 1
			echo "urikake-pg $name $abs" >"$1"
		fi
	elif [ -e "$1" ] || [ ! -d "$d" ]; then
		return 1
	else
		case $2 in
		init) name=$(new_db urikake_empty) ;;
		import | demo) name=$(new_db urikake_init) ;;
		*) return 1 ;;
		esac
		[ -n "$name" ] || return 1
		echo "urikake-pg $name $abs" >"$1"
		echo "$1" >>"$state/made.$$"
	fi
	url "$name"
}

# The command word: the first argument after the global options.
cmd=
skip=0
for a; do
	if [ $skip -eq 1 ]; then
		skip=0
		continue
	fi
	case $a in
	--db | --user | --lang | --company) skip=1 ;;
	-*) ;;
	*)
		cmd=$a
		break
		;;
	esac
done

# One wrapper at a time maps paths (tests run clerks in parallel).
exec 9>"$state/lock"
flock 9
want=0
for a; do
	shift
	if [ $want -eq 1 ]; then
		want=0
		u=$(map "$a" "$cmd") && a=$u
	else
		case $a in
		--db) want=1 ;;
		--db=*) u=$(map "${a#--db=}" "$cmd") && a="--db=$u" ;;
		esac
	fi
	set -- "$@" "$a"
done
if [ -n "${URIKAKE_DB:-}" ]; then
	u=$(map "$URIKAKE_DB" "$cmd") && URIKAKE_DB=$u && export URIKAKE_DB
fi
flock -u 9
exec 9>&-
PATH=$path
[ -f "$state/made.$$" ] || exec "$real" "$@"
# A usage error (exit 2) makes no database on SQLite: nor a marker here.
"$real" "$@"
rc=$?
[ $rc -eq 2 ] && /usr/bin/xargs /bin/rm -f <"$state/made.$$"
/bin/rm -f "$state/made.$$"
exit $rc
