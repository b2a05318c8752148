#!/bin/sh
# prepare.sh: every statement text of the store prepared on a throwaway
# PostgreSQL server, never run (doc/store-dialects.md, section 5, step 4).
# The database is what `urikake init` makes there; the texts are those of
# src/store/*.c as compiled (tests/pg/statements.txt, which make check
# builds with tests/pg/statements.pl from each file preprocessed, the
# dialect macros pasted in), plus the deposit queue's texts as the store
# builds them at run time (tests/pg_prepare.c). tests/pg_prepare prepares
# each through store_prepare, so the store's own rewrite for PostgreSQL
# (?N and :name placeholders, planner hints, the macros' second spelling,
# STORE_COMPANY) is what gets tested. A text that is not a whole statement
# for PostgreSQL is named in the list below with why; a listed text that
# is no longer found fails, and so does an unlisted fragment. No server:
# SKIP, saying why.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/pg/lib-pg.sh"

list=$top_builddir/tests/pg/statements.txt
[ -s "$list" ] || { t_report 1 "the store's statements were extracted ($list)"; t_done; }

# The texts not prepared as found, one line each: KIND|FILE|START|WHY, for
# the texts of FILE that begin with START (escaped as in statements.txt; ~START:
# that have START in them).
#   sqlite    SQLite's own (a PRAGMA, its catalog): the store sends it on a
#             SQLite file only, its PostgreSQL twin is prepared instead
#   exec      several commands in one text, run by db_exec (PQexec), which
#             cannot be prepared; every connection runs it, so every
#             suite of tests/pg fails when it does
#   fragment  a piece the code completes at run time (a name appended, a
#             format's %s): what is prepared instead is said
#   word      a keyword alone, which the code compares, not a statement
#   fill      a format completed here as the code completes it: ARGS (";"
#             between them) for its %s/%d in order, then prepared:
#             fill|FILE|START|ARGS|WHY
skips='sqlite|store.c|PRAGMA |the file'"'"'s schema version, foreign keys and locking (migrations of a SQLite file; a server is upgraded by data/upgrade-pg.sql)
sqlite|store.c|SELECT 1 FROM sqlite_schema|takes the file'"'"'s lock after a SQLite migration
sqlite|store_db.c|PRAGMA |SQLite'"'"'s tuning and version (db_tune_*, db_user_version: their PostgreSQL branch is prepared)
sqlite|store_db.c|SELECT count(*) FROM sqlite_schema|db_table_count on SQLite (the pg_tables twin is prepared)
sqlite|store_db.c|SELECT 1 FROM sqlite_schema|db_has_table on SQLite (the pg_tables twin is prepared)
sqlite|store_db.c|SELECT 1 FROM pragma_table_info|db_has_table on SQLite (the information_schema twin is prepared)
sqlite|store_db.c|BEGIN IMMEDIATE|db_begin on SQLite (store_pg.c begins with the advisory lock)
sqlite|store_aging.c|~\ne(inv, x) AS (|aging_sql, SQLite'"'"'s plan of the aging: aging_stmt picks aging_join_sql on PostgreSQL (prepared)
word|store_pg.c|INSERT|a command tag compared with the server'"'"'s (pg_changes)
word|store_pg.c|UPDATE|a command tag
word|store_pg.c|DELETE|a command tag
word|store_pg_sql.c|SELECT|a keyword the translation looks for
word|store_pg_sql.c|INSERT|a keyword the translation looks for
word|store_pg_sql.c|UPDATE|a keyword the translation looks for
word|store_pg_sql.c|DELETE|a keyword the translation looks for
word|store_pg_sql.c|VALUES|a keyword the translation looks for
fragment|store_pg_sql.c| FROM unnest(|pg_sql_unnest'"'"'s rewrite of a batched INSERT (tests/pg/unit.sh and the suites run it)
exec|store_pg.c|SET client_encoding|the session settings of every connection
exec|store_pg.c|BEGIN; SELECT pg_advisory_xact_lock(%d)|the writer'"'"'s begin and lock, on every write
fill|store_pg.c|SET lock_timeout = %d|5000|db_busy_timeout'"'"'s milliseconds
fill|store_pg.c|LISTEN %s|urikake|db_listen'"'"'s channel
fill|store_pg_pipe.c|SAVEPOINT %s|s1|the savepoint'"'"'s name
fill|store_pg_pipe.c|ROLLBACK TO %s|s1|the savepoint'"'"'s name
fragment|store_db.c|SAVEPOINT|savepoint_cmd appends the name (store_pg_pipe.c'"'"'s texts are prepared with one)
fragment|store_db.c|RELEASE|savepoint_cmd appends the name
fragment|store_db.c|ROLLBACK TO|savepoint_cmd appends the name
fragment|store_backup.c|GRANT urikake_clerk TO |the role'"'"'s quoted name is appended (add_ident)
fill|store_ledger.c|UPDATE %s SET voided_at = %s|allocation;strftime('"'"'%Y-%m-%dT%H:%M:%SZ'"'"', '"'"'now'"'"')|void_row'"'"'s table and SQL_NOW
fill|store_ledger.c|UPDATE %s SET voided_at = %s|adjustment;strftime('"'"'%Y-%m-%dT%H:%M:%SZ'"'"', '"'"'now'"'"')|void_row'"'"'s other table
fragment|store_migrate.c|INSERT INTO %s (%s) VALUES |the copy of a SQLite file to a server, per table and its columns (tests/pg/migrate.sh runs it for every table)
fragment|store_migrate.c|SELECT %s FROM %s ORDER BY %s|read from the SQLite file (tests/pg/migrate.sh)
fragment|store_migrate.c|SELECT setval(|per table after the copy (tests/pg/migrate.sh)
fragment|store_migrate.c| FROM %s|the count of a table'"'"'s rows on either side (tests/pg/migrate.sh)
fragment|store_ui_queue.c| |the deposit queue'"'"'s pieces: its texts are prepared whole below (sui_page_sql, sui_find_sql, sui_count_sql)
fragment|store_ui_queue.c|WITH fc AS MATERIALIZED|the search'"'"'s WITH clause (sui_find_sql, below)
fragment|store_ui_queue.c|?8, |the deposit queue'"'"'s keyset by amount (sui_page_sql, below)
fragment|store_ui_queue.c|SELECT d.id, d.booking_date|sui_auto_sql'"'"'s head (prepared whole below)
fragment|store_ui_queue.c|SELECT count(*) FROM deposit d|sui_count_sql'"'"'s heads (prepared whole below)'

printf '%s\n' "$skips" >"$T/skips"
# Each text of the list: to prepare ($T/send), else said why ($T/said);
# an entry that matched nothing is stale ($T/stale).
awk -F'\t' -v skips="$T/skips" -v send="$T/send" -v said="$T/said" -v stale="$T/stale" '
function starts(s, p) {
	return p ~ /^~/ ? index(s, substr(p, 2)) > 0 : substr(s, 1, length(p)) == p
}
function fill(t, args,   a, n, i, out, k) {
	n = split(args, a, ";")
	out = ""
	for (i = 1; i <= n && match(t, /%[sd]/); i++) {
		out = out substr(t, 1, RSTART - 1) a[i]
		t = substr(t, RSTART + 2)
	}
	return out t
}
BEGIN {
	while ((getline line < skips) > 0) {
		n++
		m = split(line, f, "|")
		kind[n] = f[1]; file[n] = f[2]; start[n] = f[3]
		args[n] = kind[n] == "fill" ? f[4] : ""
		why[n] = f[m]
	}
}
{
	where = $2; text = $3; hit = 0
	base = where; sub(/^src\/store\//, "", base); sub(/:[0-9]+$/, "", base)
	for (i = 1; i <= n; i++) {
		if (base != file[i] || !starts(text, start[i]))
			continue
		used[i] = 1; hit = 1
		if (kind[i] == "fill")
			print where " (" args[i] ")\t" fill(text, args[i]) > send
		else
			print kind[i] "\t" where "\t" why[i] > said
		if (kind[i] != "fill")
			break
	}
	if (hit)
		next
	if ($1 == "statement")
		print where "\t" text > send
	else
		print "unlisted\t" where "\t" substr(text, 1, 80) > said
}
END {
	for (i = 1; i <= n; i++)
		if (!used[i])
			print kind[i] "|" file[i] "|" substr(start[i], 1, 60) > stale
}' "$list"

psql -X -q -v ON_ERROR_STOP=1 -d postgres \
	-c "CREATE ROLE urikake_owner LOGIN; CREATE ROLE urikake_clerk NOLOGIN" \
	-c "CREATE DATABASE prep OWNER urikake_owner ENCODING 'UTF8' LOCALE 'C' TEMPLATE template0" \
	>"$T/.out" 2>&1 || t_skip_all "cannot create the roles and the database: $(head -1 "$T/.out")"
db="postgresql:///prep?host=$PGHOST&port=$PGPORT&user=urikake_owner"
t_ok "urikake init makes the schema on the server" "$URIKAKE" --db "$db" init

"$top_builddir/tests/pg_prepare" "$db" <"$T/send" >"$T/prepared" 2>"$T/err"
rc=$?
while IFS= read -r line; do
	case $line in
	'ok '*) t_report 0 "prepared: ${line#ok }" ;;
	*) t_report 1 "prepared: ${line#fail }" ;;
	esac
done <"$T/prepared"
[ $rc -ne 2 ] || t_report 1 "pg_prepare opened the store: $(cat "$T/err")"
touch "$T/said" "$T/stale"
while IFS='	' read -r kind where why; do
	case $kind in
	unlisted) t_report 1 "a fragment the list above does not name: $where: $why" ;;
	*) t_skip "$where" "$kind: $why" ;;
	esac
done <"$T/said"
while IFS= read -r entry; do
	t_report 1 "the list entry matches a text of the store: $entry"
done <"$T/stale"

found=$(grep -c '^statement' "$list")
frags=$(grep -c '^fragment' "$list")
echo "# $found statement texts and $frags fragments found in src/store/*.c;" \
	"$(grep -c '^ok' "$T/prepared") texts prepared ($(grep -c 'store_ui_queue.c: sui_' "$T/prepared")" \
	"built by the deposit queue, $(grep -c ' (.*)	' "$T/send") filled formats);" \
	"$(cut -f1 "$T/said" | sort | uniq -c | tr '\n' ' ' | tr -s ' ')not prepared;" \
	"$(grep -c '^fail' "$T/prepared") failed"
t_done
