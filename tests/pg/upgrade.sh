#!/bin/sh
# upgrade.sh: a PostgreSQL database made at schema version 15 (before
# client companies: tests/fixtures/schema-pg-v15.sql, the schema as it was
# shipped) with rows in it. Commands refuse it and say how to upgrade;
# `urikake init` as the owner upgrades it with data/upgrade-pg.sql. After
# that its tables, columns, constraints, indexes, triggers, grants (of
# sequences too), row-level security policies and functions are exactly a fresh
# data/schema-pg.sql's, every row is company 1's, named
# after the stored settings, and the rows read as before.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/pg/lib-pg.sh"
command -v sqlite3 >/dev/null 2>&1 || t_skip_all "no sqlite3 shell to read the latest version"
cd "$T" || exit 1
psql -X -q -v ON_ERROR_STOP=1 -d postgres \
	-c "CREATE ROLE urikake_owner LOGIN; CREATE ROLE urikake_clerk NOLOGIN;
	CREATE ROLE tanaka LOGIN IN ROLE urikake_clerk" \
	-c "CREATE DATABASE old OWNER urikake_owner ENCODING 'UTF8' LOCALE 'C' TEMPLATE template0" \
	-c "CREATE DATABASE fresh OWNER urikake_owner ENCODING 'UTF8' LOCALE 'C' TEMPLATE template0" \
	>"$T/.out" 2>&1 || t_skip_all "cannot create the roles and databases: $(head -1 "$T/.out")"
url() { echo "postgresql:///$1?host=$PGHOST&port=$PGPORT&user=$2"; }
q() { psql -X -q -t -A -v ON_ERROR_STOP=1 -U "$1" -d "$2" -c "$3"; }

"$URIKAKE" --db latest.db init >/dev/null 2>&1
latest=$(sqlite3 latest.db 'PRAGMA user_version') # what this urikake writes

t_ok "the owner loads the version 15 schema" psql -X -q -v ON_ERROR_STOP=1 -U urikake_owner \
	-d old -f "$top_srcdir/tests/fixtures/schema-pg-v15.sql"
t_ok "a clerk's rows in it" q tanaka old "
	INSERT INTO customer (code, name, kana) VALUES ('C1', '株式会社山田商事', 'ヤマダショウジ');
	INSERT INTO invoice (number, customer_id, issue_date, due_date, amount, currency)
	VALUES ('A-1', 1, '2026-01-10', '2026-02-28', 110000, 'JPY'),
	       ('A-2', 1, '2026-01-20', '2026-02-28', 55000, 'JPY');
	INSERT INTO deposit (booking_date, value_date, amount, currency, payer_name, reference)
	VALUES ('2026-02-27', '2026-02-27', 55000, 'JPY', 'ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ', '0001');
	INSERT INTO company_settings (id, text) VALUES (1, 'name = 株式会社テスト商会
address = 東京都');
	INSERT INTO audit (\"user\", os_user, action, entity) VALUES ('tanaka', 'tanaka', 'set', 'x')"

t_exit "a command refuses the older database" 1 \
	"$URIKAKE" --db "$(url old tanaka)" export customers
t_grep "… saying that init upgrades it" \
	"schema version 15 and this urikake writes $latest: urikake init, run as the database's owner, upgrades it" \
	"$T/.err"
t_exit "a clerk cannot upgrade it" 1 "$URIKAKE" --db "$(url old tanaka)" init
t_grep "… told who can" "cannot upgrade the urikake schema in .* from version 15: .*urikake_owner" \
	"$T/.err"
t_is "… and the database is as it was" "$(q tanaka old 'SELECT version FROM schema_version')" 15
t_ok "init as the owner upgrades it" "$URIKAKE" --db "$(url old urikake_owner)" init
t_is "… to this urikake's version, $latest" "$(q tanaka old 'SELECT version FROM schema_version')" \
	"$latest"
t_ok "init again leaves it" "$URIKAKE" --db "$(url old urikake_owner)" init
t_is "the rows are company 1's, named after the settings" \
	"$(q tanaka old "SELECT code || ' ' || name FROM company")" "main 株式会社テスト商会"
t_is "… every row of every table" "$(q tanaka old "SELECT
	(SELECT count(*) FROM customer WHERE company_id <> 1) +
	(SELECT count(*) FROM invoice WHERE company_id <> 1) +
	(SELECT count(*) FROM deposit WHERE company_id <> 1) +
	(SELECT count(*) FROM audit WHERE company_id <> 1)")" 0
t_ok "a clerk reads them as before" "$URIKAKE" --db "$(url old tanaka)" export invoices
t_is "… both invoices" "$(grep -c '^A-' "$T/.out")" 2
t_ok "… and adds a company" "$URIKAKE" --db "$(url old tanaka)" company add B2 "株式会社二号"
t_ok "… whose invoice A-1 is its own" sh -c "printf 'code,name\nC1,二号の客\n' >c.csv &&
	printf 'number,customer,issue_date,due_date,amount\nA-1,C1,2026-03-01,2026-03-31,1000\n' >i.csv &&
	'$URIKAKE' --db '$(url old tanaka)' --company B2 import customers c.csv &&
	'$URIKAKE' --db '$(url old tanaka)' --company B2 import invoices i.csv"

# The upgraded schema against a fresh one, object by object.
t_ok "the owner loads data/schema-pg.sql into another database" psql -X -q -v ON_ERROR_STOP=1 \
	-U urikake_owner -d fresh -f "$top_srcdir/data/schema-pg.sql"
catalog() {
	q urikake_owner "$1" "
	SELECT 'column ' || table_name || '.' || column_name || ' ' || ordinal_position || ' ' ||
	       data_type || ' ' || coalesce(domain_name, '') || ' ' || is_nullable || ' ' ||
	       coalesce(column_default, '')
	FROM information_schema.columns WHERE table_schema = 'public'
	UNION ALL
	SELECT 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
	FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid <> 0
	UNION ALL
	SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public'
	UNION ALL
	SELECT 'trigger ' || tgrelid::regclass || ' ' || tgname FROM pg_trigger
	WHERE NOT tgisinternal
	UNION ALL
	SELECT 'grant ' || table_name || ' ' || privilege_type || coalesce(' ' || column_name, '')
	FROM information_schema.column_privileges WHERE table_schema = 'public'
	     AND grantee = 'urikake_clerk'
	UNION ALL
	SELECT 'policy ' || tablename || ' ' || policyname || ' ' || permissive || ' ' || cmd ||
	       ' ' || array_to_string(roles, ',') || ' ' || coalesce(qual, '') || ' ' ||
	       coalesce(with_check, '')
	FROM pg_policies WHERE schemaname = 'public'
	UNION ALL
	SELECT 'row level security ' || relname || ' ' || relforcerowsecurity FROM pg_class
	WHERE relnamespace = 'public'::regnamespace AND relrowsecurity
	UNION ALL
	SELECT 'function ' || oid::regprocedure || ' ' || prosecdef || ' ' || provolatile::text || ' ' ||
	       coalesce(array_to_string(proconfig, ','), '') || ' ' ||
	       coalesce(array_to_string(proacl, ','), '')
	FROM pg_proc WHERE pronamespace = 'public'::regnamespace
	UNION ALL
	SELECT 'sequence ' || relname || ' ' || coalesce(array_to_string(relacl, ','), '')
	FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'S'
	ORDER BY 1"
}
catalog old >old.cat
catalog fresh >fresh.cat
t_ok "… the upgraded database has the same tables, columns, constraints, indexes, triggers, grants, row-level security policies and functions" \
	cmp -s old.cat fresh.cat
diff old.cat fresh.cat | sed 's/^/# /' | head -20
t_is "… with a policy on every table that carries a company" \
	"$(grep -c '^policy .* company_open ' fresh.cat)" \
	"$(q urikake_owner fresh "SELECT count(*) + 1 FROM information_schema.columns
		WHERE table_schema = 'public' AND column_name = 'company_id'
		AND table_name <> 'company_user'")" # + company_settings, by its id
t_is "… of which there are many" "$(test "$(wc -l <fresh.cat)" -gt 300 && echo yes)" yes
t_done
