#!/bin/sh
# schema.sh: data/schema-pg.sql on a throwaway PostgreSQL server
# (tests/pg/server.sh, started once for every check here). Loaded by the
# owner role; a clerk's login then works the ledger and the server itself
# refuses what the program must never do: rewrite or delete a ledger row,
# void twice, touch the audit log, change the schema; every change
# notifies listeners at commit, none on a rollback. Last, the tables,
# columns and indexes must be the SQLite store's (a fresh `urikake init`),
# so that neither schema can change without the other.
# No server (no postgresql package, no user to run it as): SKIP, saying why.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/pg/lib-pg.sh"
command -v sqlite3 >/dev/null 2>&1 || t_skip_all "no sqlite3 shell to list the SQLite schema"
PGDATABASE=urikake
export PGDATABASE

# as ROLE SQL: SQL run as ROLE, its rows on stdout, "a|b" per row.
as() { psql -X -q -t -A -v ON_ERROR_STOP=1 -U "$1" -c "$2"; }
# t_refused DESC PATTERN ROLE SQL: the server refuses SQL with an error matching PATTERN.
t_refused() {
	d=$1; pat=$2
	as "$3" "$4" >"$T/.out" 2>"$T/.err"; rc=$?
	[ $rc -ne 0 ] && grep -q -e "$pat" "$T/.err"; t_report $? "$d"
	[ $rc -ne 0 ] || echo "# the server accepted it"
	sed 's/^/# /' "$T/.err" | head -5
}

# The administrator's part (data/schema-pg.sql's header): roles, a database.
t_ok "the roles and an empty database are created" psql -X -q -v ON_ERROR_STOP=1 -d postgres \
	-c "CREATE ROLE urikake_owner LOGIN; CREATE ROLE urikake_clerk NOLOGIN ADMIN urikake_owner;
	CREATE ROLE tanaka LOGIN IN ROLE urikake_clerk;" \
	-c "CREATE DATABASE urikake OWNER urikake_owner ENCODING 'UTF8' LOCALE 'C' TEMPLATE template0"
t_ok "the owner loads data/schema-pg.sql" \
	psql -X -q -v ON_ERROR_STOP=1 -U urikake_owner -f "$top_srcdir/data/schema-pg.sql"
t_is "every table belongs to urikake_owner" \
	"$(as postgres "SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'")" \
	urikake_owner

"$URIKAKE" --db "$T/s.db" init >/dev/null 2>&1
t_is "schema_version is the SQLite store's user_version" \
	"$(as tanaka "SELECT version FROM schema_version")" "$(sqlite3 "$T/s.db" 'PRAGMA user_version')"

# The clerk books a payment as the store does: the ledger rows, then the
# open-amount cache by hand (since migration 8 no insert trigger adds it).
as tanaka "INSERT INTO customer (code, name) VALUES ('C1', '株式会社山田商事');
	INSERT INTO invoice (number, customer_id, issue_date, due_date, amount, currency)
	VALUES ('A-1', 1, '2026-01-10', '2026-02-28', 100000, 'JPY');
	INSERT INTO deposit (booking_date, value_date, amount, currency, reference)
	VALUES ('2026-02-27', '2026-02-27', 99560, 'JPY', '0001');
	INSERT INTO allocation (deposit_id, invoice_id, customer_id, amount, fee, kind,
		alloc_date, \"user\") VALUES (1, 1, 1, 99560, 440, 'manual', '2026-02-27', 'tanaka');
	INSERT INTO adjustment (invoice_id, kind, amount, adj_date, allocation_id, \"user\")
	VALUES (1, 'fee', 440, '2026-02-27', 1, 'tanaka');
	INSERT INTO audit (\"user\", os_user, action, entity) VALUES ('tanaka', 'tanaka', 'match', 'deposit 1')" \
	>"$T/.out" 2>"$T/.err"
t_report $? "the clerk inserts a customer, invoice, deposit, allocation, fee and audit row"
sed 's/^/# /' "$T/.err" | head -5
t_is "inserting ledger rows leaves invoice.paid to the store" \
	"$(as tanaka "SELECT paid FROM invoice")" 0
as tanaka "UPDATE invoice SET paid = paid + 99560 WHERE id = 1;
	UPDATE invoice SET paid = paid + 440 WHERE id = 1" >/dev/null
t_is "the timestamps are ISO UTC text, as in SQLite" \
	"$(as tanaka "SELECT created_at ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z\$' FROM allocation")" t
t_refused "a date not in ISO form is refused" "ur_date" tanaka \
	"INSERT INTO deposit (booking_date, value_date, amount, currency) VALUES ('2026/03/01', '2026-03-01', 1, 'JPY')"
t_refused "and so is a day that does not exist" "out of range" tanaka \
	"INSERT INTO deposit (booking_date, value_date, amount, currency) VALUES ('2026-02-30', '2026-03-01', 1, 'JPY')"

# What no clerk may do, refused by the server's grants; the owner by the triggers.
t_refused "the clerk cannot change an allocation's amount" "permission denied" tanaka \
	"UPDATE allocation SET amount = 1"
t_refused "nor can the owner (trigger)" "only voiding may change a row" urikake_owner \
	"UPDATE allocation SET amount = 1"
t_refused "the owner cannot void and rewrite at once" "only voiding may change a row" urikake_owner \
	"UPDATE allocation SET voided_at = ur_now(), voided_by = 'x', invoice_id = NULL"
t_refused "the clerk cannot delete an allocation" "permission denied" tanaka "DELETE FROM allocation"
t_refused "nor can the owner (trigger)" "void them, never delete" urikake_owner \
	"DELETE FROM allocation"
t_refused "the owner cannot truncate the ledger" "never delete" urikake_owner "TRUNCATE allocation CASCADE"
t_refused "the clerk cannot delete an adjustment" "permission denied" tanaka "DELETE FROM adjustment"
t_refused "the clerk cannot rewrite an audit row" "permission denied" tanaka \
	"UPDATE audit SET action = 'nothing'"
t_refused "the clerk cannot delete an audit row" "permission denied" tanaka "DELETE FROM audit"
t_refused "nor can the owner rewrite one (trigger)" "append-only" urikake_owner \
	"UPDATE audit SET action = 'nothing'"
t_refused "nor delete one (trigger)" "append-only" urikake_owner "DELETE FROM audit"
t_is "the ledger and the audit log are as they were" \
	"$(as tanaka "SELECT (SELECT count(*) || ' ' || sum(amount) FROM allocation),
		(SELECT count(*) FROM adjustment), (SELECT action FROM audit)")" "1 99560|1|match"

as tanaka "INSERT INTO statement_issue (customer_id, period_from, period_to, currency, billed,
	purchases, issued_on, delivery, \"user\") VALUES (1, '2026-01-01', '2026-01-31', 'JPY',
	100000, 100000, '2026-01-31', 'printed', 'tanaka');
	INSERT INTO statement_slip (issue_id, invoice_id, open_amount, in_period) VALUES (1, 1, 100000, 1)" \
	>"$T/.out" 2>"$T/.err"
t_report $? "the clerk records an issued 合計請求書 and its slip"
t_refused "the clerk cannot rewrite an issued statement" "permission denied" tanaka \
	"UPDATE statement_issue SET billed = 1"
t_refused "nor can the owner rewrite or delete one (trigger)" "is history" urikake_owner \
	"DELETE FROM statement_issue"

t_refused "the clerk cannot drop a table" "must be owner" tanaka "DROP TABLE audit"
t_refused "the clerk cannot add a column" "must be owner" tanaka \
	"ALTER TABLE invoice ADD COLUMN note text"
t_refused "the clerk cannot disable a trigger" "must be owner" tanaka \
	"ALTER TABLE allocation DISABLE TRIGGER allocation_no_delete"
t_refused "the clerk cannot create a table" "permission denied for schema public" tanaka \
	"CREATE TABLE mine (x int)"

# Voiding: once, and the open amount follows (the fee adjustment with it).
t_ok "the clerk voids the allocation" \
	as tanaka "UPDATE allocation SET voided_at = ur_now(), voided_by = 'tanaka' WHERE id = 1"
t_is "the void gives the invoice its open amount back, fee included" \
	"$(as tanaka "SELECT paid FROM invoice")" 0
t_is "the fee adjustment is voided with it, by the same clerk" \
	"$(as tanaka "SELECT voided_at IS NOT NULL, voided_by FROM adjustment")" "t|tanaka"
t_refused "voiding twice is refused" "only voiding may change a row" tanaka \
	"UPDATE allocation SET voided_at = ur_now(), voided_by = 'sato' WHERE id = 1"
t_refused "un-voiding is refused" "only voiding may change a row" tanaka \
	"UPDATE allocation SET voided_at = NULL, voided_by = NULL WHERE id = 1"
t_is "the void counted once" "$(as tanaka "SELECT paid FROM invoice")" 0
as tanaka "INSERT INTO refund (kind, customer_id, amount, currency, refund_date, paid_to, reason,
	\"user\") VALUES ('on_account', 1, 500, 'JPY', '2026-03-01', 'x', 'y', 'tanaka')" >/dev/null
t_ok "a refund voids once" as tanaka "UPDATE refund SET voided_at = ur_now(), voided_by = 'tanaka'"
t_refused "and not twice" "only voiding may change a row" tanaka \
	"UPDATE refund SET voided_at = ur_now(), voided_by = 'tanaka'"

# Other clerks' commits are announced (the full-screen program listens):
# every table but schema_version has a statement-level notify trigger; a
# transaction notifies once at commit, whatever it changed, and a
# rolled-back one never.
t_is "every table but schema_version notifies of its changes, once per statement" \
	"$(as urikake_owner "SELECT tablename FROM pg_tables t WHERE schemaname = 'public'
	AND tablename <> 'schema_version' AND NOT EXISTS (SELECT 1 FROM pg_trigger g
	WHERE g.tgrelid = CAST(quote_ident(t.tablename) AS regclass)
	AND g.tgname = t.tablename || '_notify' AND g.tgtype & 1 = 0) ORDER BY 1")" ""
psql -X -q -t -A -U tanaka >"$T/notify.out" 2>&1 <<'SQL'
LISTEN urikake;
BEGIN;
INSERT INTO audit ("user", os_user, action, entity) VALUES ('tanaka', 'tanaka', 'x', 'rolled back');
ROLLBACK;
SELECT 'after the rollback';
BEGIN;
INSERT INTO contact (customer_id, "user", channel) VALUES (1, 'tanaka', 'phone');
INSERT INTO audit ("user", os_user, action, entity) VALUES ('tanaka', 'tanaka', 'x', 'contact');
UPDATE deposit SET state = 'parked' WHERE id = 0;
COMMIT;
SELECT 'after the commit';
SQL
t_is "a clerk's transaction notifies once, at commit; a rolled-back one never" \
	"$(sed 's/ with payload .*//; s/ from server process .*//' "$T/notify.out")" \
	"after the rollback
Asynchronous notification \"urikake\" received
after the commit"

# The two schemas side by side: table|column|type|not null, in column
# order (INTEGER is bigint here), and the indexes (name|table|partial).
sqlite_columns() {
	sqlite3 "$1" "SELECT m.name, p.name, lower(p.type), p.\"notnull\" OR p.pk > 0
		FROM sqlite_schema m, pragma_table_info(m.name) p
		WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' ORDER BY m.name, p.cid"
}
sqlite_indexes() {
	sqlite3 "$1" "SELECT name, tbl_name, instr(upper(sql), 'WHERE') > 0 FROM sqlite_schema
		WHERE type = 'index' AND sql IS NOT NULL ORDER BY name"
}
pg_columns() { # pg_columns [SQL run first, in the same transaction]
	as urikake_owner "BEGIN; ${1:-} SELECT table_name, column_name,
		CASE data_type WHEN 'bigint' THEN 'integer' ELSE data_type END,
		CASE is_nullable WHEN 'NO' THEN 1 ELSE 0 END
		FROM information_schema.columns
		WHERE table_schema = 'public' AND table_name <> 'schema_version'
		ORDER BY table_name COLLATE \"C\", ordinal_position; ROLLBACK"
}
pg_indexes() {
	as urikake_owner "SELECT indexname, tablename, (indexdef LIKE '% WHERE %')::int
		FROM pg_indexes i WHERE schemaname = 'public'
		AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)
		ORDER BY indexname COLLATE \"C\""
}
sqlite_columns "$T/s.db" >"$T/sqlite.cols"
pg_columns >"$T/pg.cols"
diff "$T/sqlite.cols" "$T/pg.cols" >"$T/cols.diff"
t_report $? "the same tables and columns as a fresh SQLite database (name, type, NOT NULL, order)"
sed 's/^/# /' "$T/cols.diff" | head -20
# deposit's (booking_date, amount) and (booking_date, payer_key): no
# statement reads by them, and on PostgreSQL every deposit write paid for
# them (data/schema-pg.sql); a PostgreSQL schema that had them would show
# in the diff as lines of its own.
sqlite_indexes "$T/s.db" | grep -v '^deposit_date_amount|\|^deposit_date_payer|' >"$T/sqlite.idx"
pg_indexes >"$T/pg.idx"
diff "$T/sqlite.idx" "$T/pg.idx" >"$T/idx.diff"
t_report $? "the same indexes, partial where SQLite's are"
sed 's/^/# /' "$T/idx.diff" | head -20
t_grep "the comparison sees every table" "^virtual_account|customer_id|integer|1$" "$T/pg.cols"
# The comparison must see a column added on either side alone.
cp "$T/s.db" "$T/s2.db"
sqlite3 "$T/s2.db" "ALTER TABLE invoice ADD COLUMN po_number TEXT"
sqlite_columns "$T/s2.db" | diff - "$T/pg.cols" >"$T/cols2.diff"
t_grep "a column added to SQLite alone is caught" "^< invoice|po_number|text|0$" "$T/cols2.diff"
pg_columns "ALTER TABLE invoice ADD COLUMN po_number text;" | diff "$T/sqlite.cols" - >"$T/cols3.diff"
t_grep "a column added to PostgreSQL alone is caught" "^> invoice|po_number|text|0$" "$T/cols3.diff"
t_done
