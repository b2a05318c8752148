#!/bin/sh
# cli.sh: urikake on PostgreSQL — `urikake --db postgresql://… init` on a
# throwaway server (tests/pg/server.sh) loads the schema; the same commands
# then run on it and on a SQLite file and must print the same: customer
# and invoice imports, bank files, match --auto, aging, exports, a
# statement, contacts and confirmations; the demo company, and the
# full-screen program's scripts on it (queue actions, two clerks, the
# languages) draw the same screens. URIKAKE_DB and the config's db =
# select it too; a database with another program's tables, one that does
# not sort text as C, one without a schema and one of a newer version are
# refused; init --group names a server role (a missing one is exit 2);
# backup runs pg_dump; a bank import held up by another session's lock is
# a conflict (exit 4) and keeps nothing; match --auto over more than one
# batch, with another clerk's change committed between its read and its
# write, lands the same rows and audit on both (that deposit a conflict),
# and a change that wrote no audit row rolls the batch back. No server:
# SKIP, saying why.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/pg/lib-pg.sh"
cd "$T" || exit 1
psql -X -q -v ON_ERROR_STOP=1 -d postgres \
	-c "CREATE ROLE urikake_owner LOGIN; CREATE ROLE urikake_clerk NOLOGIN" \
	-c "CREATE DATABASE urikake OWNER urikake_owner ENCODING 'UTF8' LOCALE 'C' TEMPLATE template0" \
	-c "CREATE DATABASE other OWNER urikake_owner ENCODING 'UTF8' LOCALE 'C' TEMPLATE template0" \
	-c "CREATE DATABASE empty OWNER urikake_owner ENCODING 'UTF8' LOCALE 'C' TEMPLATE template0" \
	-c "CREATE DATABASE utf8 OWNER urikake_owner ENCODING 'UTF8' LOCALE 'C.UTF-8' TEMPLATE template0" \
	>"$T/.out" 2>&1 || t_skip_all "cannot create the roles and databases: $(head -1 "$T/.out")"
PG="postgresql:///urikake?host=$PGHOST&port=$PGPORT&user=urikake_owner"
url() { echo "postgresql:///$1?host=$PGHOST&port=$PGPORT&user=urikake_owner"; }

t_ok "init on an empty PostgreSQL database" "$URIKAKE" --db "$PG" init
t_grep "init says the schema version" "schema version $("$URIKAKE" --db s.db init |
	sed 's/.*version \([0-9]*\).*/\1/')" .out
t_ok "init again leaves it as it is" "$URIKAKE" --db "$PG" init
t_is "the schema belongs to urikake_owner" \
	"$(psql -X -q -t -A -d urikake -c "SELECT DISTINCT tableowner FROM pg_tables
	WHERE schemaname = 'public'")" urikake_owner

# The same commands on both stores print the same.
cat >cust.csv <<'CSV'
code,name,kana,currency,terms,sales_rep
C001,株式会社山田商事,カブシキガイシャヤマダショウジ,JPY,EOM/+1/EOM,佐藤 健一
C002,ﾀﾅｶ精機有限会社,ﾀﾅｶｾｲｷ,JPY,20/+1/10,鈴木 美咲
C003,上海恒通贸易有限公司,,CNY,net30,王伟
CSV
cat >inv.csv <<'CSV'
number,customer,issue_date,amount,tax,memo
INV-001,C001,2026-01-15,110000,10000,1月分
INV-002,C002,2026-01-25,55000,,
INV-003,C003,2026-01-10,1234.50,,货款
INV-004,C001,2026-03-10,220000,20000,
CSV
# both DESC ARGS...: run on SQLite and PostgreSQL, the same exit code and output
both() {
	d=$1; shift
	"$URIKAKE" --db s.db "$@" >s.out 2>s.err; rs=$?
	"$URIKAKE" --db "$PG" "$@" >p.out 2>p.err; rp=$?
	[ $rs -eq 0 ] && [ $rp -eq 0 ] && cmp -s s.out p.out; t_report $? "$d: the same on both"
	[ $rp -eq 0 ] || { echo "# exit $rs on SQLite, $rp on PostgreSQL"; sed 's/^/# /' p.err | head -5; }
	cmp -s s.out p.out || diff s.out p.out | head -10 | sed 's/^/# /'
}
both "import customers" import customers cust.csv
t_is "… three new" "$(cat p.out)" "customers: 3 new, 0 updated, 0 unchanged"
both "import invoices" import invoices inv.csv
both "re-import invoices" import invoices inv.csv
t_is "… nothing changed" "$(cat p.out)" "invoices: 0 new, 0 updated, 4 unchanged"
both "export invoices" export invoices
both "aging" aging
t_grep "… with the invoices' totals" "385,000" p.out
# A bank file the demo writes, imported and matched on both.
"$URIKAKE" --db demo.db demo >/dev/null 2>&1
"$URIKAKE" --db demo.db export customers >dc.csv
"$URIKAKE" --db demo.db export invoices >di.csv
PG=$(url empty)
t_ok "init a second database" "$URIKAKE" --db "$PG" init
rm -f s.db s.db-wal s.db-shm
"$URIKAKE" --db s.db init >/dev/null 2>&1
both "import the demo's customers" import customers dc.csv
both "import the demo's invoices" import invoices di.csv
both "import bank (Zengin transfer notice)" import bank demo-furikomi.zengin
t_grep "… deposits imported" "deposits: [1-9][0-9]* new" p.out
both "import bank (CCB CSV)" import bank demo-ccb.csv
both "match --auto" match --auto
t_grep "… matches some automatically" "[1-9][0-9]* matched automatically" p.out
both "aging after matching" aging
both "aging on an earlier day (from the ledger)" aging --as-of 2026-02-28
both "export deposits" export deposits
cust=$(sed -n '2s/,.*//p' dc.csv)
both "statement of $cust" statement "$cust"
both "export customers (ratings)" export customers
both "contact add" contact add "$cust" --channel phone --note "電話: 来月払う" \
	--promise 2026-04-10:1000 --next 2026-04-05
both "contact list" contact list "$cust"
both "contact worklist" contact worklist
both "confirm list" confirm list
"$URIKAKE" --db s.db export allocations | cut -d, -f1-9 >s.alloc
"$URIKAKE" --db "$PG" export allocations | cut -d, -f1-9 >p.alloc
t_is "export allocations (but the second they were made): the same on both" \
	"$(cat p.alloc)" "$(cat s.alloc)"
t_grep "… and there are some" ",auto,tester$" p.alloc
both "refund list" refund list

# The demo company on PostgreSQL too (its bank files in the current
# directory: a server's database has no directory), then the full-screen
# program's scripts headless on both demos, the same screens: every queue
# action (actions), two clerks on one deposit — the lease, the lost race,
# the other's change noticed (clerks), and the languages (lang).
PG=$(url tui)
psql -X -q -d postgres -c "CREATE DATABASE tui OWNER urikake_owner ENCODING 'UTF8' LOCALE 'C' TEMPLATE template0"
mkdir pgdemo
(cd pgdemo && "$URIKAKE" --db "$PG" init >/dev/null &&
	"$URIKAKE" --db "$PG" --user demo demo >../demo.out 2>&1)
t_report $? "demo fills a PostgreSQL database"
t_grep "… with its bank files, written in the current directory" "^\./demo-ccb.csv: " demo.out
"$URIKAKE" --db "$PG" export deposits >p.dep
"$URIKAKE" --db demo.db export deposits >s.dep
t_is "… the same deposits as the SQLite demo" "$(cat p.dep)" "$(cat s.dep)"
psql -X -q -d postgres -c "CREATE DATABASE tuibase TEMPLATE tui OWNER urikake_owner"
cp demo.db base.db
. "$top_srcdir/tests/tui/lib-tui.sh"
for sc in actions clerks lang; do # not $script: tui_run sets it
	for side in s p; do
		out=$T/tui/$sc/$side
		mkdir -p "$out"
		if [ $side = s ]; then
			cp base.db s-tui.db
			db=s-tui.db
		else
			psql -X -q -d postgres -c "DROP DATABASE tui" \
				-c "CREATE DATABASE tui TEMPLATE tuibase OWNER urikake_owner"
			db=$PG
		fi
		URIKAKE_TODAY=2026-03-31 tui_run "$top_srcdir/tests/tui/scripts/$sc.script" 100x30 \
			"$db" "$out"
		t_is "$sc on $([ $side = s ] && echo SQLite || echo PostgreSQL): exit 0, nothing printed" \
			"$?:$(cat "$out/stderr")" "0:"
		# the status line names the database: the file's name or the URL
		for f in "$out"/*.screen; do
			sed 's/^ .* · tester [^u]*unmatched/ DB · tester · unmatched/' "$f" >"$f.n"
		done
	done
	diff -r -x '*.screen' -x stderr "$T/tui/$sc/s" "$T/tui/$sc/p" >tui.diff
	t_report $? "$sc: the same screens on both"
	head -30 tui.diff | sed 's/^/# /'
	t_is "… and there are screens" "$(ls "$T/tui/$sc/p" | grep -c '\.n$')" \
		"$(grep -c '^dump ' "$top_srcdir/tests/tui/scripts/$sc.script")"
done
PG=$(url empty)

# URIKAKE_DB and the config's db = select the server too.
"$URIKAKE" --db "$PG" aging >aging.out
URIKAKE_DB=$PG t_ok "URIKAKE_DB=postgresql://… selects it" "$URIKAKE" aging
t_is "… the same aging" "$(cat .out)" "$(cat aging.out)"
mkdir -p cfg/urikake
echo "db = $PG" >cfg/urikake/config
XDG_CONFIG_HOME=$T/cfg t_ok "the config's db = selects it" "$URIKAKE" aging
t_is "… the same aging" "$(cat .out)" "$(cat aging.out)"
t_ok "postgres:// is PostgreSQL too" "$URIKAKE" --db "postgres:///empty?host=$PGHOST&port=$PGPORT&user=urikake_owner" aging

# Refusals: another program's tables, no schema yet, a newer version.
psql -X -q -d other -U urikake_owner -c "CREATE TABLE accounts (id int)"
t_exit "a database with another program's tables is refused" 1 "$URIKAKE" --db "$(url other)" init
t_grep "… saying why" "another program's database" .err
t_is "… and left as it was" "$(psql -X -q -t -A -d other -c "SELECT count(*) FROM pg_tables
	WHERE schemaname = 'public'")" 1
psql -X -q -d other -U urikake_owner -c "DROP TABLE accounts"
t_exit "a database that does not sort text as C is refused by init" 1 "$URIKAKE" --db "$(url utf8)" init
t_grep "… saying what it needs" "collation C.UTF-8, where urikake needs C" .err
t_is "… and left empty" "$(psql -X -q -t -A -d utf8 -c "SELECT count(*) FROM pg_tables
	WHERE schemaname = 'public'")" 0
t_exit "an empty database is refused but by init" 1 "$URIKAKE" --db "$(url other)" aging
t_grep "… saying init makes it one" "urikake init" .err
psql -X -q -d empty -U urikake_owner -c "UPDATE schema_version SET version = version + 1"
t_exit "a newer schema version is refused" 1 "$URIKAKE" --db "$PG" aging
t_grep "… saying to use a newer urikake" "newer urikake" .err
# (tests/pg/backup.sh has the rest of init --group and backup on the server)
t_exit "init --group names a server role: one it does not have is a usage error" 2 \
	"$URIKAKE" --db "$(url urikake)" init --group nosuchrole
t_grep "… saying so" "no role nosuchrole on the server" .err
t_ok "backup of a PostgreSQL database runs pg_dump" "$URIKAKE" --db "$(url urikake)" backup b.db
t_grep "… and says how to restore it" "pg_restore .* b.db" .out

# A bank import's deposits wait in libpq's pipeline and go as one INSERT;
# one that waits on another session's lock (the table locked by psql)
# past the lock timeout is still a conflict, exit 4, and nothing stays.
"$URIKAKE" demo bank-file locked.zengin --records 40 >/dev/null
count() { psql -X -q -t -A -d urikake -c "SELECT count(*) FROM $1"; }
deposits=$(count deposit) files=$(count bank_file)
psql -X -q -d urikake -c "BEGIN" -c "LOCK TABLE deposit IN SHARE MODE" \
	-c "SELECT pg_sleep(8)" -c "COMMIT" >/dev/null 2>&1 &
locker=$!
for i in 1 2 3 4 5 6 7 8 9 10; do
	[ "$(psql -X -q -t -A -d urikake -c "SELECT count(*) FROM pg_locks l JOIN pg_class c
		ON c.oid = l.relation WHERE c.relname = 'deposit' AND l.mode = 'ShareLock'")" = 1 ] &&
		break
	sleep 0.3
done
t_exit "a queued insert held up by another session's lock is a conflict" 4 \
	"$URIKAKE" --db "$(url urikake)" import bank locked.zengin
t_grep "… saying another user holds the database" "another user holds the database" .err
wait $locker
t_is "… and none of the file's deposits stays" "$(count deposit)" "$deposits"
t_is "… nor the file" "$(count bank_file)" "$files"
t_ok "the same file imports once the lock is gone" "$URIKAKE" --db "$(url urikake)" import bank \
	locked.zengin
t_is "… all 40 of its deposits" "$(count deposit)" "$((deposits + 40))"

# match --auto past one batch (10,000 deposits a transaction) with another
# clerk's change made between the run's read and its first write: the
# change (parking a deposit the run would match, with its audit row) is
# committed by a session that holds the write lock while the run reads,
# so the run's first batch waits for it. On both stores that deposit is a
# conflict and every other lands: the same output, the same rows, each
# allocation, fee and state change audited. On PostgreSQL the batches no
# one else wrote into are gathered and written set-based
# (store_match_set.c); the one after the change confirms deposit by deposit.
"$top_builddir/tests/bench/match-perf" --keep big.db --deposits 12000 --invoices 24000 \
	--customers 2000 >/dev/null
cp big.db ref.db
"$URIKAKE" --db ref.db match --auto >/dev/null
dep=$(sqlite3 ref.db "SELECT deposit_id FROM allocation ORDER BY id LIMIT 1 OFFSET 5000")
dep2=$(sqlite3 ref.db "SELECT deposit_id FROM allocation ORDER BY id LIMIT 1 OFFSET 11000")
rest=$(($(sqlite3 ref.db "SELECT count(*) FROM deposit WHERE state = 'matched'") - 1))
psql -X -q -d postgres -c "CREATE DATABASE big OWNER urikake_owner ENCODING 'UTF8' LOCALE 'C' TEMPLATE template0"
PG=$(url big)
"$URIKAKE" --db "$PG" init >/dev/null && "$URIKAKE" --db "$PG" migrate --from big.db --to "$PG" >/dev/null
t_report $? "a database of 12,000 deposits and 24,000 invoices on both"
psql -X -q -d postgres -c "CREATE DATABASE big2 TEMPLATE big OWNER urikake_owner" \
	-c "CREATE DATABASE big3 TEMPLATE big OWNER urikake_owner"
park="UPDATE deposit SET state = 'parked', park_reason = 'clerk2' WHERE id = $dep;"
audit="INSERT INTO audit (\"user\", os_user, action, entity, before, after) VALUES ('clerk2',
	'clerk2', 'state', 'deposit:$dep', '{\"state\":\"unmatched\"}', '{\"state\":\"parked\"}');"
# The locker says when it holds the file (a marker, not a probe that a
# loaded machine may run too late), and holds it 4 s: match --auto reads
# before the commit and waits for its first batch's write lock less than
# the store's 5 s.
rm -f locked
printf '%s\n' "BEGIN IMMEDIATE;" "$park" "$audit" ".shell touch locked" ".shell sleep 4" \
	"COMMIT;" | sqlite3 big.db >/dev/null 2>&1 &
locker=$!
for i in $(seq 1 100); do # bounded: a locker that failed must not hang the run
	[ -e locked ] && break
	sleep 0.05
done
"$URIKAKE" --db big.db match --auto >s.out 2>s.err; rs=$?
wait $locker
lock=1970432865 # urikake's write lock: pg_advisory_xact_lock of "urka" (store_pg.c)
# pg_locked DB: wait until another session holds urikake's write lock on DB
pg_locked() {
	for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
		[ "$(psql -X -q -t -A -d "$1" -c "SELECT count(*) FROM pg_locks
			WHERE locktype = 'advisory' AND granted")" = 1 ] && break
		sleep 0.2
	done
}
psql -X -q -d big -c "BEGIN" -c "SELECT pg_advisory_xact_lock($lock)" -c "$park" \
	-c "$audit" -c "SELECT pg_sleep(3)" -c "COMMIT" >/dev/null 2>&1 &
locker=$!
pg_locked big
"$URIKAKE" --db "$PG" match --auto >p.out 2>p.err; rp=$?
wait $locker
t_is "match --auto with a change in the middle of its first batch: exit 0 on both" "$rs $rp" "0 0"
t_is "… the same output on both" "$(cat p.out)" "$(cat s.out)"
t_grep "… that deposit a conflict" "^  1 already matched by another user" p.out
t_grep "… the others matched" "^12000 deposits looked at, $rest matched automatically" p.out
# sqls STORE SQL: SQL's answer on the SQLite file or the server
sqls() { if [ "$1" = s ]; then sqlite3 big.db "$2"; else psql -X -q -t -A -d big -c "$2"; fi; }
for side in s p; do
	name=$([ $side = s ] && echo SQLite || echo PostgreSQL)
	t_is "… on $name it stays parked, with no allocation" \
		"$(sqls $side "SELECT state || ' ' || (SELECT count(*) FROM allocation WHERE deposit_id = $dep)
		FROM deposit WHERE id = $dep")" "parked 0"
	t_is "… on $name every allocation, fee and state change audited once" \
		"$(sqls $side "SELECT (SELECT count(*) FROM allocation) || ' ' || (SELECT count(*)
		FROM audit WHERE action = 'allocate' AND entity IN (SELECT 'allocation:' || id
		FROM allocation)) || ' ' || (SELECT count(*) FROM adjustment) || ' ' || (SELECT count(*)
		FROM audit WHERE action = 'adjust' AND entity IN (SELECT 'adjustment:' || id
		FROM adjustment)) || ' ' || (SELECT count(*) FROM deposit WHERE state = 'matched')
		|| ' ' || (SELECT count(*) FROM audit WHERE action = 'state' AND entity IN
		(SELECT 'deposit:' || id FROM deposit WHERE state = 'matched'))")" \
		"$(sqls $side "SELECT count(*) || ' ' || count(*) FROM allocation") $(sqls $side \
		"SELECT count(*) || ' ' || count(*) FROM adjustment") $rest $rest"
done
t_is "… the same allocations, fees, audit rows and paid amounts on both" \
	"$(sqls p "SELECT (SELECT count(*) FROM allocation) || ' ' || (SELECT count(*) FROM adjustment)
	|| ' ' || (SELECT count(*) FROM audit) || ' ' || (SELECT sum(paid) FROM invoice)")" \
	"$(sqls s "SELECT (SELECT count(*) FROM allocation) || ' ' || (SELECT count(*) FROM adjustment)
	|| ' ' || ((SELECT count(*) FROM audit) + 1) || ' ' || (SELECT sum(paid) FROM invoice)")"
"$URIKAKE" --db big.db export allocations | cut -d, -f1-9 >s.alloc
"$URIKAKE" --db "$PG" export allocations | cut -d, -f1-9 >p.alloc
t_is "… export allocations the same on both" "$(cat p.alloc)" "$(cat s.alloc)"
# A change that wrote no audit row is not seen before the batch is
# written: the set-based UPDATE finds the deposit no longer unmatched, and
# the batch is rolled back whole, a conflict (exit 4).
psql -X -q -d big2 -c "BEGIN" -c "SELECT pg_advisory_xact_lock($lock)" -c "$park" \
	-c "SELECT pg_sleep(3)" -c "COMMIT" >/dev/null 2>&1 &
locker=$!
pg_locked big2
t_exit "a change with no audit row in a gathered batch: a conflict" 4 \
	"$URIKAKE" --db "$(url big2)" match --auto
wait $locker
t_grep "… saying nothing of the batch was written" "no audit row: nothing of this batch" .err
t_is "… and nothing was" "$(psql -X -q -t -A -d big2 -c "SELECT count(*) FROM allocation")" 0
t_ok "… the run again matches the rest" "$URIKAKE" --db "$(url big2)" match --auto
t_grep "… all of them" "^11999 deposits looked at, $rest matched automatically" .out
# Another clerk's change, audited, to a deposit of the second batch: the
# first batch sees the commit and goes deposit by deposit, and so does
# every batch after it (the run's view is stale from then on), so that
# deposit alone is a conflict.
park2="UPDATE deposit SET state = 'parked', park_reason = 'clerk2' WHERE id = $dep2;"
audit2="INSERT INTO audit (\"user\", os_user, action, entity, before, after) VALUES ('clerk2',
	'clerk2', 'state', 'deposit:$dep2', '{\"state\":\"unmatched\"}', '{\"state\":\"parked\"}');"
psql -X -q -d big3 -c "BEGIN" -c "SELECT pg_advisory_xact_lock($lock)" -c "$park2" \
	-c "$audit2" -c "SELECT pg_sleep(3)" -c "COMMIT" >/dev/null 2>&1 &
locker=$!
pg_locked big3
t_ok "a change to a deposit of the second batch" "$URIKAKE" --db "$(url big3)" match --auto
wait $locker
t_grep "… that deposit a conflict" "^  1 already matched by another user" .out
t_grep "… the others matched" "^12000 deposits looked at, $rest matched automatically" .out
t_done
