#!/bin/sh
# backup.sh: `backup` and `init --group` on PostgreSQL (issue 17: every
# command works on either store). backup runs pg_dump in its custom format
# into a hidden file beside PATH and renames it into place: pg_restore
# makes a fresh database of it with the same invoices, deposits and
# allocations (counts and sums) and the same aging; an existing PATH is
# refused (exit 3) and left as it was; a URL's password reaches pg_dump
# in PGPASSWORD, never in its arguments; a pg_dump that is missing, fails
# or is killed (or urikake is, while pg_dump runs: the signal passed on)
# is exit 1 with its reason (control characters made
# visible) and leaves no file. init --group NAME has the owner grant
# urikake_clerk to role NAME (audited once): NAME's login, or a member's
# of a group role NAME, then works as a clerk; a missing role or a name
# the server cannot have is exit 2 (the CREATE ROLE it suggests quoting a
# name the server would fold), a login without the ADMIN option on
# urikake_clerk exit 1 saying who may. No server: SKIP, saying why.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/pg/lib-pg.sh"
cd "$T" || exit 1
db() { echo "CREATE DATABASE $1 OWNER urikake_owner ENCODING 'UTF8' LOCALE 'C' TEMPLATE template0"; }
psql -X -q -v ON_ERROR_STOP=1 -d postgres \
	-c "CREATE ROLE urikake_owner LOGIN; CREATE ROLE urikake_clerk NOLOGIN ADMIN urikake_owner;
	CREATE ROLE aoki LOGIN; CREATE ROLE keiri NOLOGIN; CREATE ROLE baba LOGIN IN ROLE keiri;
	CREATE ROLE \"o'\"\"hara\" LOGIN; CREATE ROLE chiba LOGIN" \
	-c "$(db g)" -c "$(db fresh)" >"$T/.out" 2>&1 ||
	t_skip_all "cannot create the roles and databases: $(head -1 "$T/.out")"
url() { echo "postgresql:///${2:-g}?host=$PGHOST&port=$PGPORT&user=$1"; }
as() { who=$1; shift; URIKAKE_TODAY=2026-03-31 "$URIKAKE" --db "$(url "$who")" "$@"; }
q() { psql -X -q -t -A -v ON_ERROR_STOP=1 -d "${2:-g}" -c "$1"; }
figures() { q "SELECT (SELECT count(*) || ' ' || sum(amount) FROM invoice) || ' / ' ||
	(SELECT count(*) || ' ' || sum(amount) FROM deposit) || ' / ' ||
	(SELECT count(*) || ' ' || sum(amount) FROM allocation)" "$1"; }
FIX=$top_builddir/tests/bank_fixture
"$FIX" transfer-a >a.dat
printf 'code,name\nC1,株式会社山田商事\nC2,株式会社鈴木工業\n' >cust.csv
printf 'number,customer,issue_date,due_date,amount\nINV-2603-000001,C1,2026-02-20,2026-03-25,110000\nA-2,C2,2026-02-01,2026-02-28,55000\n' >inv.csv

t_ok "init, customers, invoices, a bank file, match --auto as the owner" sh -c \
	"$URIKAKE --db '$(url urikake_owner)' init && $URIKAKE --db '$(url urikake_owner)' import customers cust.csv &&
	$URIKAKE --db '$(url urikake_owner)' import invoices inv.csv && $URIKAKE --db '$(url urikake_owner)' import bank a.dat &&
	URIKAKE_TODAY=2026-03-31 $URIKAKE --db '$(url urikake_owner)' match --auto"
was=$(figures g)

# backup
t_ok "backup on PostgreSQL" as urikake_owner backup b.dump
t_grep "… says how to restore it" "pg_restore --single-transaction --dbname .* b.dump" .out
t_is "… a pg_dump archive (custom format), 0600" "$(head -c 5 b.dump) $(stat -c %a b.dump)" "PGDMP 600"
t_is "… and no hidden file left beside it" "$(ls -A | grep -c '^\.b\.dump')" 0
t_ok "pg_restore makes a fresh database of it" pg_restore --single-transaction \
	--dbname "$(url urikake_owner fresh)" b.dump
t_is "… with the same invoices, deposits and allocations (counts and sums)" "$(figures fresh)" "$was"
echo "# invoices / deposits / allocations: $was"
t_is "… which are not none" "$(echo "$was" | grep -c '^[1-9].* / [1-9].* / [1-9]')" 1
as urikake_owner aging --format csv >aging.g 2>&1
t_ok "urikake reads the restored database" sh -c \
	"URIKAKE_TODAY=2026-03-31 $URIKAKE --db '$(url urikake_owner fresh)' aging --format csv >aging.fresh"
t_is "… the same aging" "$(cat aging.fresh)" "$(cat aging.g)"
t_ok "backup to a name with a space and a quote" as urikake_owner backup "q r'x.pgd"
hint=$(sed -n "s/^  pg_restore --single-transaction --dbname 'postgresql:\/\/…\/NEW' //p" .out)
t_is "… the restore hint names it as one shell word" \
	"$(sh -c 'eval "set -- $1" && printf "%s|" $# "$@"' sh "$hint" 2>&1)" "1|q r'x.pgd|"
cp b.dump b.copy
t_exit "an existing PATH is not replaced: exit 3" 3 as urikake_owner backup b.dump
t_grep "… saying so" "b.dump already exists" .err
t_ok "… and it is as it was" cmp b.dump b.copy

# how pg_dump is run: the password in its environment, not its arguments
cat >spy.sh <<'EOF'
#!/bin/sh
printf '%s\n' "$@" >spy.args
echo "${PGPASSWORD-}" >spy.env
exec pg_dump "$@"
EOF
chmod +x spy.sh
t_ok "a URL with a password backs up" env URIKAKE_PG_DUMP=./spy.sh "$URIKAKE" --db \
	"postgresql://urikake_owner:s%40cret@/g?host=$PGHOST&port=$PGPORT" backup p.dump
t_is "… pg_dump's arguments do not hold it" "$(grep -c cret spy.args)" 0
t_is "… its PGPASSWORD does" "$(cat spy.env)" "s@cret"
t_is "… asked for the custom format, with no prompt" \
	"$(grep -c -x -e --format=custom -e --no-password spy.args)" 2

# pg_dump missing, failing or killed: exit 1, its reason, no file
t_exit "a pg_dump that is not there: exit 1" 1 env URIKAKE_PG_DUMP=./nope "$URIKAKE" \
	--db "$(url urikake_owner)" backup m.dump
t_grep "… naming it" "no program ./nope to run" .err
t_is "… and nothing written" "$(ls -A | grep -c 'm\.dump')" 0
printf '#!/bin/sh\nfor a; do case $a in --file=*) echo half >"${a#--file=}" ;; esac; done\n%s\nexit 1\n' \
	'printf "pg_dump: error: \\033[31mno\\033[0m\\npg_dump: hint: two lines\\n" >&2' >bad.sh
chmod +x bad.sh
t_exit "a pg_dump that fails: exit 1" 1 env URIKAKE_PG_DUMP=./bad.sh "$URIKAKE" \
	--db "$(url urikake_owner)" backup f.dump
t_grep "… quoting what it said, control characters made visible" \
	'bad.sh failed (exit status 1): pg_dump: error: \^\[\[31mno\^\[\[0m; pg_dump: hint: two lines$' .err
t_is "… and nothing left of its half-written file" "$(ls -A | grep -c 'f\.dump')" 0
printf '#!/bin/sh\nkill -9 $$\n' >kill.sh
chmod +x kill.sh
t_exit "a pg_dump that is killed: exit 1" 1 env URIKAKE_PG_DUMP=./kill.sh "$URIKAKE" \
	--db "$(url urikake_owner)" backup k.dump
t_grep "… saying so" "kill.sh was killed (signal 9)" .err
t_is "… and nothing written" "$(ls -A | grep -c 'k\.dump')" 0
# urikake itself stopped (kill, a closed terminal; Ctrl-C goes to both)
# while pg_dump writes: it passes the signal on and removes the hidden file
printf '#!/bin/sh\nfor a; do case $a in --file=*) echo half >"${a#--file=}" ;; esac; done\n%s\n' \
	'echo $$ >slow.started; exec sleep 30' >slow.sh
chmod +x slow.sh
URIKAKE_PG_DUMP=./slow.sh "$URIKAKE" --db "$(url urikake_owner)" backup s.dump >.out 2>.err &
stopped=$!
i=0
while [ ! -s slow.started ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
kill -TERM $stopped
wait $stopped
t_is "urikake terminated while pg_dump runs: exit 1" $? 1
t_grep "… saying pg_dump was stopped" "slow.sh was killed (signal 15)" .err
t_is "… and its half-written file removed" "$(ls -A | grep -c 's\.dump')" 0
t_ok "… and pg_dump stopped too" sh -c "! kill -0 $(cat slow.started) 2>/dev/null"
mkdir nopg && ln -s "$(command -v psql)" nopg/psql
debian=$(ls -d /usr/lib/postgresql/*/bin/pg_dump 2>/dev/null | sort -V | tail -n 1)
if [ -n "$debian" ]; then
	t_ok "a PATH without pg_dump: Debian's newest is used ($debian)" \
		env PATH="$T/nopg" "$URIKAKE" --db "$(url urikake_owner)" backup d.dump
	t_is "… a pg_dump archive" "$(head -c 5 d.dump)" PGDMP
else
	t_skip "a PATH without pg_dump: Debian's newest is used (2 checks)" "no /usr/lib/postgresql here"
fi
# neither on the PATH nor Debian's: /usr/lib/postgresql hidden where we may
hidden() { unshare -m sh -c 'mount -t tmpfs none /usr/lib/postgresql && exec "$@"' sh "$@"; }
if [ -z "$debian" ]; then
	wrap=env
elif [ "$(id -u)" -eq 0 ] && hidden true 2>/dev/null; then
	wrap=hidden
else
	wrap=
fi
if [ -n "$wrap" ]; then
	t_exit "no pg_dump at all: exit 1" 1 $wrap env PATH="$T/nopg" "$URIKAKE" \
		--db "$(url urikake_owner)" backup n.dump
	t_grep "… saying where it looked and what to install" \
		"pg_dump, PostgreSQL's backup program, is neither on the PATH nor in .*postgresql-client" .err
	t_is "… and nothing written" "$(ls -A | grep -c 'n\.dump')" 0
else
	t_skip "no pg_dump at all (3 checks)" "Debian's pg_dump is here and hiding it needs root (unshare -m)"
fi

# init --group: the clerks' role
t_exit "aoki, no clerk yet, cannot work in the database" 1 as aoki aging
t_ok "init --group aoki as the owner" as urikake_owner init --group aoki
t_grep "… says aoki is a clerk now" "aoki now has the role urikake_clerk" .out
t_is "… granted on the server" "$(q "SELECT pg_has_role('aoki', 'urikake_clerk', 'MEMBER')")" t
t_ok "… then aoki records a contact" as aoki contact add C2 --channel phone --note "電話"
t_is "… under his login" "$(q "SELECT db_user FROM audit WHERE entity LIKE 'contact:%'")" aoki
t_ok "init --group aoki again" as urikake_owner init --group aoki
t_grep "… says so and changes nothing" "aoki has the role urikake_clerk already" .out
t_is "… audited once, with whom" "$(q "SELECT count(*) || ' ' || min(after) FROM audit
	WHERE action = 'grant' AND entity = 'role:urikake_clerk'")" '1 {"member":"aoki"}'
t_ok "init --group of a group role (keiri)" as urikake_owner init --group keiri
t_ok "… its member baba works as a clerk" as baba aging
t_ok "a name with quotes is one identifier" as urikake_owner init --group "o'\"hara"
t_is "… that role is the clerk" "$(q "SELECT pg_has_role('o''\"hara', 'urikake_clerk', 'MEMBER')")" t
t_exit "a role the server does not have: exit 2" 2 as urikake_owner init --group nosuchrole
t_grep "… saying who creates it" "no role nosuchrole on the server .*CREATE ROLE nosuchrole LOGIN" .err
t_exit "a role with capitals the server does not have: exit 2" 2 as urikake_owner init --group Suzuki
t_grep "… the SQL it names quotes it" 'CREATE ROLE "Suzuki" LOGIN' .err
q "$(sed -n 's/.*creates it: \(CREATE ROLE .* LOGIN\))$/\1/p' .err)" postgres
t_ok "… which, run as it says, makes the role init --group finds" as urikake_owner init --group Suzuki
t_exit "a 64-byte name: exit 2" 2 as urikake_owner init --group "$(printf '%064d' 0)"
t_grep "… saying so" "a server role takes 1 to 63 bytes" .err
t_exit "a clerk may not give the role: exit 1" 1 as aoki init --group chiba
t_grep "… naming the right it needs" "aoki cannot give chiba the role urikake_clerk.*ADMIN option" .err
q "REVOKE urikake_clerk FROM urikake_owner" postgres
t_exit "nor may an owner without the ADMIN option on it" 1 as urikake_owner init --group chiba
t_grep "… saying how the administrator gives it" \
	"GRANT urikake_clerk TO urikake_owner WITH ADMIN OPTION" .err
t_is "… chiba is no clerk" "$(q "SELECT pg_has_role('chiba', 'urikake_clerk', 'MEMBER')")" f
t_is "… and nothing audited" "$(q "SELECT count(*) FROM audit WHERE after LIKE '%chiba%'")" 0
t_done
