#!/bin/sh
# demo.sh: the demo company — size, Chinese customers, every terms form,
# payments so the aging fills every bucket, refusal on a used database,
# the CSV variant equal to what demo stores, and determinism.
. "$top_srcdir/tests/lib.sh"
cd "$T" || exit 1

t_ok "demo" "$URIKAKE" --db d.db demo
t_grep "demo says what it made" "300 customers" .out
t_is "demo: no step lines when stderr is no terminal" "$(grep -c '^(1/2)' .err)" 0
if command -v script >/dev/null; then
	# stderr on a terminal (script's pseudo-terminal), stdout to a file
	script -qec "\"$URIKAKE\" --db t.db demo >t.out" /dev/null >t.tty 2>&1
	t_grep "demo on a terminal: step 1 of 2" '^(1/2) writing the demo company' t.tty
	t_grep "... step 2 of 2" '^(2/2) writing and importing the demo bank files' t.tty
	t_is "... and stdout unchanged" "$(grep -c '(1/2)' t.out)" 0
else
	t_report 0 "demo on a terminal # SKIP no script(1)"
fi
"$URIKAKE" --db d.db export customers >cust.csv
t_is "at least 300 customers" "$(sed 1d cust.csv | wc -l)" 300
cny=$(grep -c ',CNY,' cust.csv)
t_ok "about one in ten bills in CNY ($cny)" test "$cny" -ge 20 -a "$cny" -le 40
t_grep "Chinese company names" ',[^,]*有限公司,,CNY,' cust.csv
t_grep "kanji names with katakana readings" ',株式会社山田商事,カブシキガイシャヤマダショウジ,JPY,' cust.csv
for terms in NET30 NET60 EOM/+1/EOM 20/+1/10 25/+1/EOM 15/+0/EOM :prev :next; do
	t_grep "terms $terms used" ",[^,]*$terms[^,]*," cust.csv
done
"$URIKAKE" --db d.db export invoices >inv.csv
t_ok "several invoices per customer and month" test "$(sed 1d inv.csv | wc -l)" -ge 3600
t_grep "invoices up to today" ',2026-03-[0-9][0-9],' inv.csv
t_grep "invoices from a year ago" ',2025-04-[0-9][0-9],' inv.csv
t_grep "some invoices paid (open 0)" ',0$' inv.csv
t_ok "aging" "$URIKAKE" --db d.db aging --format csv
# Sum each bucket over JPY customers: every bucket holds money.
sums=$(awk -F, 'NR > 1 && $3 == "JPY" { for (i = 4; i <= 9; i++) s[i] += $i }
	END { for (i = 4; i <= 9; i++) printf "%s ", (s[i] > 0 ? "y" : "n") }' .out)
t_is "aging has every bucket" "$sums" "y y y y y y "
t_ok "aging table (quickstart demo)" "$URIKAKE" --db d.db aging
t_grep "table total for CNY" "Total  *CNY" .out

t_exit "demo refuses a database with data" 3 "$URIKAKE" --db d.db demo
t_grep "refusal says why" "already holds customers" .err

mkdir out
t_ok "demo --csv" "$URIKAKE" demo --csv out
t_is "customers.csv header" "$(head -1 out/customers.csv)" \
	"code,name,kana,currency,terms,credit_limit,sales_rep,phone,email,address"
t_ok "import the demo customers" "$URIKAKE" --db c.db import customers out/customers.csv
t_ok "import the demo invoices" "$URIKAKE" --db c.db import invoices out/invoices.csv
t_is "CSV customers equal the demo database's" \
	"$("$URIKAKE" --db c.db export customers | drop_rating)" "$(drop_rating <cust.csv)"
t_is "CSV invoices equal the demo's (but for payments)" \
	"$("$URIKAKE" --db c.db export invoices | cut -d, -f1-8)" "$(cut -d, -f1-8 inv.csv)"
t_ok "demo is deterministic" "$URIKAKE" --db e.db demo
t_is "same data twice" "$("$URIKAKE" --db e.db export invoices | sha256sum)" \
	"$(sha256sum <inv.csv)"
# An office's habits, not a crisis: most customers pay on time, a few days
# or weeks late, and a handful stopped paying, each at a dunning level it
# reached one step at a time, with calls and promises logged.
export URIKAKE_TODAY=2026-03-31
"$URIKAKE" --db h.db --user demo demo >/dev/null
"$URIKAKE" --db h.db aging --format csv >h-aging.csv
late=$(awk -F, 'NR > 1 && $5 + $6 + $7 + $8 > 0' h-aging.csv | wc -l)
t_ok "most customers pay on time: $late of 300 owe something overdue" \
	test "$late" -ge 10 -a "$late" -le 50
old=$(awk -F, 'NR > 1 && $8 > 0' h-aging.csv | wc -l)
t_ok "a few owe for over 90 days ($old)" test "$old" -ge 1 -a "$old" -le 10
"$URIKAKE" --db h.db export contacts >h-contacts.csv
# the highest dunning level logged per customer, and how many at each
levels=$(awk -F, 'NR > 1 && $NF > top[$1] { top[$1] = $NF }
	END { for (c in top) n[top[c]]++; for (l = 1; l <= 4; l++) printf "%d ", n[l] }' h-contacts.csv)
for l in 1 2 3 4; do
	n=$(echo "$levels" | cut -d' ' -f$l)
	t_ok "a handful of customers at dunning level $l ($n)" test "$n" -ge 3 -a "$n" -le 20
done
t_is "each reached its level one step at a time" \
	"$(awk -F, 'NR > 1 && $NF > 0 { if ($NF != seen[$1] + 1) bad++; seen[$1] = $NF }
		END { print bad + 0 }' h-contacts.csv)" 0
promises=$(awk -F, 'NR > 1 && $(NF - 4) != ""' h-contacts.csv | wc -l)
t_ok "promises to pay logged ($promises)" test "$promises" -ge 3
"$URIKAKE" --db h.db contact worklist >h-work.txt
t_grep "the worklist has follow-ups due today" "^Follow-ups due" h-work.txt
# The demo company's own details are in the demo database: its statements
# and letters have a sender, an address and a bank account without a
# settings file; a settings file of one's own comes first.
export XDG_CONFIG_HOME="$T/cfg"
t_ok "a demo customer's statement without a settings file" "$URIKAKE" --db h.db statement C00001
t_grep "... from the demo company" "株式会社さくら精機" .out
t_grep "... with its address" "東京都千代田区内神田" .out
t_grep "... and registration number" "T1010001234567" .out
t_is "... and no note of missing settings" "$(grep -c 'no company settings' .err)" 0
t_ok "a demo dunning letter" "$URIKAKE" --db h.db dunning C00014 --level 1 --dry-run
t_grep "... says where to pay" "みずほ銀行 神田支店" .out
t_ok "a Chinese customer's statement" "$URIKAKE" --db h.db statement C00010
t_grep "... from the demo company, in Chinese" "樱花精机株式会社" .out
t_grep "... its bank in China" "招商银行上海分行" .out
mkdir -p "$T/cfg/urikake" && printf 'name = 株式会社テスト\n' >"$T/cfg/urikake/company"
t_ok "with a settings file of one's own" "$URIKAKE" --db h.db statement C00001
t_grep "... that file's company" "株式会社テスト" .out
t_is "... not the demo's" "$(grep -c さくら精機 .out)" 0
rm -r "$T/cfg/urikake"
if command -v sqlite3 >/dev/null; then
	# (the upgrade of a database from before them: tests/cli/company.sh)
	t_sql h.db 'DELETE FROM company_settings'
	t_ok "a database without company settings" "$URIKAKE" --db h.db statement C00001
	t_grep "... has none, and says so" "no company settings" .err
fi
unset URIKAKE_TODAY XDG_CONFIG_HOME
t_done
