#!/bin/sh
# migrate.sh: `urikake migrate --from FILE --to postgresql://…` on a
# throwaway server (tests/pg/server.sh). The demo company's SQLite file,
# with an undone match (voided allocation and fee), a contact and a
# disputed confirmation, is copied into a database made by init: the
# reports and exports then print the same from both, ids and the voided
# rows kept, the next ids past the copied ones, one audit row saying who
# migrated which file. A rerun copies nothing; a target with other data,
# a file at another schema version, a row the server refuses and a paid
# amount its ledger does not give are refused (exit 3), nothing written.
# No server: SKIP, saying why.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/pg/lib-pg.sh"
cd "$T" || exit 1
dbs=""
for d in m other bad paid; do
	dbs="$dbs -c \"CREATE DATABASE $d OWNER urikake_owner ENCODING 'UTF8' LOCALE 'C' TEMPLATE template0\""
done
eval psql -X -q -v ON_ERROR_STOP=1 -d postgres \
	-c '"CREATE ROLE urikake_owner LOGIN; CREATE ROLE urikake_clerk NOLOGIN"' "$dbs" \
	>"$T/.out" 2>&1 || t_skip_all "cannot create the roles and databases: $(head -1 "$T/.out")"
url() { echo "postgresql:///$1?host=$PGHOST&port=$PGPORT&user=urikake_owner"; }
PG=$(url m)
q() { psql -X -q -t -A -d "$1" -c "$2"; }
for d in m other bad paid; do "$URIKAKE" --db "$(url $d)" init >/dev/null || exit 1; done

# The office's file: the demo company, then a match undone, a contact and
# a disputed confirmation.
"$URIKAKE" --db s.db --user demo demo >/dev/null 2>&1
ref=$("$URIKAKE" --db s.db export allocations | awk -F, '$7 != "0" && NR > 1 { print $1; exit }')
t_ok "undo a match with a fee on the file" "$URIKAKE" --db s.db match undo --deposit "$ref"
t_ok "a contact on the file" "$URIKAKE" --db s.db contact add C00001 --channel phone \
	--note "電話: 来月払う" --promise 2026-04-10:1000 --next 2026-04-05
t_ok "a confirmation sent" "$URIKAKE" --db s.db confirm send C00001 --as-of 2026-03-31 \
	--format txt -o conf/
t_ok "… and disputed" "$URIKAKE" --db s.db confirm answer C00001 --balance 1000 \
	--reason "未着の請求書"
cp s.db before.db

t_ok "migrate into an empty database made by init" \
	"$URIKAKE" --user itadmin migrate --from s.db --to "$PG"
cp "$T/.out" first.out
t_grep "… each table's rows" "^allocation: [1-9][0-9]* rows$" first.out
t_grep "… the sums compared" "^  sum of amount: [1-9][0-9]* in the file, [1-9][0-9]* in the database$" first.out
t_grep "… and a final line" "^Migrated s.db to .*: [1-9][0-9]* rows in 19 tables" first.out
t_is "the file is as it was" "$(cmp before.db s.db && echo same)" same

# The same reports from both databases.
same() {
	d=$1; shift
	"$URIKAKE" --db s.db "$@" >s.out 2>&1
	"$URIKAKE" --db "$PG" "$@" >p.out 2>&1
	cmp -s s.out p.out && [ -s s.out ]; t_report $? "$d: the same from both"
	cmp -s s.out p.out || diff s.out p.out | head -10 | sed 's/^/# /'
}
same "aging" aging
same "aging on an earlier day (from the ledger)" aging --as-of 2026-02-28
same "export invoices" export invoices
same "export allocations" export allocations
same "export deposits" export deposits
same "export customers" export customers
same "export contacts" export contacts
same "contact list" contact list C00001
same "confirm list" confirm list
same "match show of the undone deposit" match show --deposit "$ref"
for t in allocation adjustment; do
	t_is "the voided ${t}s are there, voided" \
		"$(q m "SELECT count(*) FROM $t WHERE voided_at IS NOT NULL")" \
		"$(sqlite3 s.db "SELECT count(*) FROM $t WHERE voided_at IS NOT NULL")"
done
t_is "ids kept" "$(q m "SELECT string_agg(CAST(id AS text), ',' ORDER BY id) FROM contact")" \
	"$(sqlite3 s.db "SELECT group_concat(id, ',') FROM (SELECT id FROM contact ORDER BY id)")"
t_is "the audit log copied as it was, clerk and login" \
	"$(q m "SELECT count(*) FROM audit WHERE \"user\" = 'demo' AND action = 'demo'")" \
	"$(sqlite3 s.db "SELECT count(*) FROM audit WHERE user = 'demo' AND action = 'demo'")"
t_is "one audit row for the migration: who, from which file" \
	"$(q m "SELECT \"user\" || ' ' || os_user || ' ' || entity FROM audit
	WHERE action = 'migrate'")" "itadmin $(id -un) file:$T/s.db"
t_is "… the newest" "$(q m "SELECT action FROM audit ORDER BY id DESC LIMIT 1")" migrate

# Work goes on on the server: new rows get new ids.
t_ok "a contact added on the server" "$URIKAKE" --db "$PG" contact add C00002 --channel phone \
	--note "留守"
t_is "… takes the id after the copied ones" "$(q m "SELECT max(id) FROM contact")" \
	"$(($(sqlite3 s.db "SELECT max(id) FROM contact") + 1))"

# Rerunning on the copy: nothing copied. (The contact just added makes
# the server differ: the rerun is checked on a second, untouched copy.)
t_ok "migrate into a second empty database" "$URIKAKE" migrate --from s.db --to "$(url paid)"
rows=$(q paid "SELECT count(*) FROM audit")
t_exit "migrate again: exit 0" 0 "$URIKAKE" migrate --from s.db --to "$(url paid)"
t_grep "… already migrated, counts and sums agree" "^Already migrated, counts and sums agree" .out
t_is "… nothing copied twice" "$(q paid "SELECT count(*) FROM audit")" "$rows"
t_exit "once the server has changed, a rerun is refused" 3 \
	"$URIKAKE" migrate --from s.db --to "$PG"
t_grep "… naming the table" "table contact has [0-9]* rows in s.db and [0-9]* in" .err

# A target with other data: refused, untouched.
printf 'code,name\nX01,別の会社\n' >x.csv
"$URIKAKE" --db "$(url other)" import customers x.csv >/dev/null
t_exit "a target holding other data is refused" 3 "$URIKAKE" migrate --from s.db --to "$(url other)"
t_grep "… saying why" "already holds other data" .err
t_is "… and left as it was" "$(q other "SELECT count(*) FROM customer") $(q other "SELECT count(*) FROM audit")" "1 1"

# The file must be at this urikake's schema version.
cp s.db old.db
sqlite3 old.db "PRAGMA user_version = $(($(sqlite3 s.db 'PRAGMA user_version') - 1))"
t_exit "an older file is refused" 3 "$URIKAKE" migrate --from old.db --to "$(url bad)"
t_grep "… saying to open it once with this urikake" "open it once with this urikake" .err
sqlite3 old.db "PRAGMA user_version = 999"
t_exit "a newer file is refused" 3 "$URIKAKE" migrate --from old.db --to "$(url bad)"
t_grep "… saying to use a newer urikake" "newer urikake" .err

# All or nothing: a row the server refuses, and a paid amount that is not
# what the ledger gives, roll the whole copy back.
cp s.db bad.db
sqlite3 bad.db "UPDATE contact SET promise_date = '2026-02-30' WHERE id = (SELECT max(id) FROM contact)"
t_exit "a row the server refuses" 3 "$URIKAKE" migrate --from bad.db --to "$(url bad)"
t_grep "… names the table" "cannot copy table contact" .err
t_is "… nothing written" "$(q bad "SELECT (SELECT count(*) FROM customer) + (SELECT count(*) FROM audit)")" 0
cp s.db bad.db
sqlite3 bad.db "UPDATE invoice SET paid = paid + 1 WHERE number = (SELECT min(number) FROM invoice)"
t_exit "a paid amount the ledger does not give" 3 "$URIKAKE" migrate --from bad.db --to "$(url bad)"
t_grep "… names the invoice and both figures" \
	"invoice $(sqlite3 bad.db 'SELECT min(number) FROM invoice') .* has paid [0-9]* but its allocations and adjustments add up to [0-9]*" .err
t_is "… nothing written" "$(q bad "SELECT (SELECT count(*) FROM invoice) + (SELECT count(*) FROM audit)")" 0

# Usage.
t_exit "--to must be a server" 2 "$URIKAKE" migrate --from s.db --to other.db
t_exit "--from must be a file" 2 "$URIKAKE" migrate --from "$PG" --to "$PG"
t_exit "both are needed" 2 "$URIKAKE" migrate --from s.db
t_ok "migrate --help" "$URIKAKE" migrate --help
t_grep "… says what it needs" "urikake --db URL init" .out
t_done
