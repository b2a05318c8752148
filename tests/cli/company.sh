#!/bin/sh
# company.sh: many client companies in one database (issue 17) — company
# list|add, --company, URIKAKE_COMPANY and the config's company =, the
# refusal to guess among several, and two companies with the same customer
# codes, invoice numbers and bank file: each command sees and changes only
# the current company's rows. And the upgrade of a database made before
# companies (schema version 15): all its rows in company "main", named
# after the settings, with the same counts and sums.
. "$top_srcdir/tests/lib.sh"
cd "$T" || exit 1
command -v sqlite3 >/dev/null || t_skip_all "sqlite3 shell not installed"
FIX=$top_builddir/tests/bank_fixture
u() { "$URIKAKE" --db c.db "$@"; }
# a company's rows, every business table, as one hash
rows_of() {
	for t in customer payer_alias invoice bank_file deposit allocation adjustment contact \
		audit refund confirmation; do
		t_sql c.db "SELECT * FROM $t WHERE company_id = $1 ORDER BY 1"
	done | sha256sum
}

cat >a-cust.csv <<'CSV'
code,name,kana
C1,株式会社山田商事,ヤマダショウジ
C2,株式会社鈴木工業,スズキコウギョウ
CSV
cat >b-cust.csv <<'CSV'
code,name,kana
C1,上海恒通贸易有限公司,
C3,有限会社田中商店,タナカショウテン
CSV
cat >a-inv.csv <<'CSV'
number,customer,issue_date,due_date,amount
INV-2603-000001,C1,2026-02-20,2026-03-25,110000
A-2,C2,2026-02-01,2026-02-28,55000
CSV
cat >b-inv.csv <<'CSV'
number,customer,issue_date,due_date,amount
INV-2603-000001,C1,2026-01-10,2026-02-10,999999
B-2,C3,2026-02-01,2026-02-28,77000
CSV
"$FIX" transfer-a >a.dat

t_ok "init" u init
t_ok "company list" u company list
t_grep "… one company, main" "^main  *0  *0  *0  main$" .out
t_ok "a database with one company needs no --company" u import customers a-cust.csv
t_ok "company add" u company add b "Beta 株式会社"
t_grep "… says so" "b" .out
t_exit "the same code again is refused" 3 u company add b Other
t_exit "a code with a space is a usage error" 2 u company add "b c" Other
t_exit "an empty name is a usage error" 2 u company add c ""
t_is "the company's addition is audited in it" \
	"$(t_sql c.db "SELECT a.action, a.entity FROM audit a JOIN company c ON c.id = a.company_id
		WHERE c.code = 'b'")" "add|company:b"
t_exit "with two companies and none chosen: exit 2" 2 u aging
t_grep "… naming the companies" "b, main" .err
t_exit "an unknown --company: exit 2" 2 u --company nosuch aging
t_grep "… naming it" "nosuch" .err

t_ok "main: import invoices" u --company main import invoices a-inv.csv
t_ok "b: import customers (the same code C1)" u --company b import customers b-cust.csv
t_ok "b: import invoices (the same number)" u --company b import invoices b-inv.csv
t_ok "main: import the bank file" u --company main import bank a.dat
t_grep "… three new" "^deposits: 3 new, 0 already imported" .out
t_ok "b: the same bank file is new to b" env URIKAKE_COMPANY=b "$URIKAKE" --db c.db import bank a.dat
t_grep "… three new there too" "^deposits: 3 new, 0 already imported" .out
t_ok "company list counts each one's rows" u company list
t_grep "… b's" "^b  *2  *2  *3  Beta 株式会社$" .out
t_grep "… main's" "^main  *2  *2  *3  main$" .out

before_b=$(rows_of 2)
t_ok "main: match --auto" u --company main match --auto
t_grep "… matches the invoice paid in full" "1 matched automatically" .out
t_is "b's rows did not change" "$(rows_of 2)" "$before_b"
t_ok "main: export invoices" u --company main export invoices
t_grep "… main's invoice, paid" "^INV-2603-000001,C1,.*,110000,JPY,.*,0$" .out
t_is "… only main's two" "$(sed 1d .out | wc -l)" 2
t_ok "b: export invoices" u --company b export invoices
t_grep "… b's invoice, not paid" "^INV-2603-000001,C1,.*,999999,JPY" .out
t_is "… only b's two" "$(sed 1d .out | wc -l)" 2
t_ok "b: export customers" u --company b export customers
t_grep "… b's C1" "^C1,上海恒通贸易有限公司," .out
t_is "… not main's" "$(grep -c 山田 .out)" 0
before_a=$(rows_of 1)
t_ok "b: match --auto" u --company b match --auto
t_is "main's rows did not change" "$(rows_of 1)" "$before_a"
t_ok "main: aging" u --company main aging --as-of 2026-03-31 --format csv
t_is "… main's customers only" "$(sed 1d .out | cut -d, -f1 | tr '\n' ' ')" "C2 "
t_ok "b: aging" u --company b aging --as-of 2026-03-31 --format csv
t_is "… b's customers only" "$(sed 1d .out | cut -d, -f1 | tr '\n' ' ')" "C1 C3 "
t_grep "… with b's amount" "^C1,上海恒通贸易有限公司,JPY,.*999999" .out
t_ok "b: export deposits" u --company b export deposits
t_is "… b's three" "$(sed 1d .out | wc -l)" 3
t_ok "b: export allocations" u --company b export allocations
t_is "… none of main's" "$(sed 1d .out | grep -c INV-2603)" 0
t_ok "main: contact add" u --company main contact add C1 --channel phone --note "called"
t_ok "b: contact list C1" u --company b contact list C1
t_is "… not main's contact" "$(grep -c called .out)" 0
t_exit "b: main's customer C2 is unknown there" 3 u --company b contact add C2 --channel phone \
	--note x

mkdir -p cfg/urikake
printf 'company = b\n' >cfg/urikake/config
t_ok "the config's company = chooses it" env XDG_CONFIG_HOME="$T/cfg" "$URIKAKE" --db c.db \
	export customers
t_grep "… b's" "^C3," .out
t_ok "--company overrides it" env XDG_CONFIG_HOME="$T/cfg" "$URIKAKE" --db c.db \
	--company main export customers
t_grep "… main's" "^C2," .out
t_ok "URIKAKE_COMPANY overrides the config" env XDG_CONFIG_HOME="$T/cfg" URIKAKE_COMPANY=main \
	"$URIKAKE" --db c.db export customers
t_grep "… main's" "^C2," .out

# --- each company's own settings (letterhead) ------------------------------
# With several companies the one settings file would sign every company's
# letters: each company's settings are stored in the database and used even
# when a settings file is there.
mkdir -p cfg-set/urikake
printf 'name = 株式会社ファイル\n' >cfg-set/urikake/company
printf 'name = 株式会社アルファ\n' >a.conf
printf 'name = 株式会社ベータ\naddress = 大阪市\n' >b.conf
printf 'registration = X1\n' >bad.conf
t_exit "company settings needs the company when there are several" 2 u company settings a.conf
t_ok "main's settings stored" u --company main company settings a.conf
t_grep "… said so" "Company main's settings stored from a.conf" .out
t_ok "b's settings stored" u --company b company settings b.conf
t_exit "settings a document would refuse are refused" 3 u --company b company settings bad.conf
t_grep "… naming the line" "bad.conf:1: registration number 'X1'" .err
t_exit "a missing file is refused" 3 u --company b company settings none.conf
stmt() { env XDG_CONFIG_HOME="$PWD/cfg-set" URIKAKE_TODAY=2026-03-31 "$URIKAKE" --db c.db \
	--company "$1" statement C1 --format txt; }
t_is "b's statement carries b's name, not the file's" \
	"$(stmt b | grep -c '株式会社ベータ')/$(stmt b | grep -c 'ファイル')" 1/0
t_is "main's carries main's" "$(stmt main | grep -c '株式会社アルファ')/$(stmt main | grep -c 'ファイル')" \
	1/0
t_is "the change is in b's audit log" "$(t_sql c.db "SELECT count(*) FROM audit WHERE company_id =
	(SELECT id FROM company WHERE code = 'b') AND entity = 'company_settings'")" 1

# --- the upgrade of a database made before companies -------------------------
# SQLite only: on PostgreSQL tests/pg/upgrade.sh upgrades a version 15 schema.
if t_on_pg; then
	t_skip "the upgrade of a version 15 database (10 checks)" "SQLite's migrations; tests/pg/upgrade.sh has PostgreSQL's"
else
	# A version 15 database: the demo's rows copied, column by column, into
	# the tables as version 15 had them.
	t_ok "demo" "$URIKAKE" --db demo.db demo
	sqlite3 v15.db <"$top_srcdir/tests/fixtures/schema-v15.sql"
	for t in customer payer_alias invoice bank_file deposit virtual_account allocation adjustment \
		contact audit confirmation dispute_item refund company_settings statement_issue \
		statement_slip; do
		cols=$(sqlite3 v15.db "SELECT group_concat('\"' || name || '\"', ',') FROM pragma_table_info('$t')")
		sqlite3 v15.db "ATTACH 'demo.db' AS n; INSERT INTO main.$t ($cols) SELECT $cols FROM n.$t"
	done
	figures() {
		sqlite3 "$1" "SELECT (SELECT count(*) FROM customer), (SELECT count(*) FROM invoice),
			(SELECT sum(amount) FROM invoice), (SELECT sum(paid) FROM invoice),
			(SELECT count(*) FROM deposit), (SELECT sum(amount) FROM deposit),
			(SELECT count(*) FROM allocation), (SELECT sum(amount) FROM allocation),
			(SELECT count(*) FROM audit), (SELECT count(*) FROM contact)"
	}
	was=$(figures v15.db)
	t_is "a version 15 database" "$(sqlite3 v15.db 'PRAGMA user_version')" 15
	t_ok "opening it upgrades it" "$URIKAKE" --db v15.db aging --format csv
	"$URIKAKE" --db latest.db init >/dev/null 2>&1
	t_is "… to this urikake's version" "$(sqlite3 v15.db 'PRAGMA user_version')" \
		"$(sqlite3 latest.db 'PRAGMA user_version')"
	t_is "… counts and sums unchanged" "$(figures v15.db)" "$was"
	t_is "… one company, named after the settings" "$(sqlite3 v15.db 'SELECT id, code, name FROM company')" \
		"1|main|$(sed -n 's/^name = //p' "$top_srcdir/data/demo-company")"
	t_is "… every row in it" "$(sqlite3 v15.db "SELECT count(*) FROM invoice WHERE company_id <> 1
		UNION ALL SELECT count(*) FROM deposit WHERE company_id <> 1
		UNION ALL SELECT count(*) FROM allocation WHERE company_id <> 1" | tr '\n' ' ')" "0 0 0 "
	t_is "… references and indexes whole" "$(sqlite3 v15.db 'PRAGMA foreign_key_check; PRAGMA integrity_check')" ok
	t_is "… the ledger's triggers kept" "$(sqlite3 v15.db "SELECT count(*) FROM sqlite_schema
		WHERE type = 'trigger'")" "$(sqlite3 demo.db "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger'")"
	"$URIKAKE" --db demo.db aging --format csv >demo-aging.csv
	t_is "… the same aging as the database it was copied from" "$(cat .out)" "$(cat demo-aging.csv)"
fi
t_done
