#!/bin/sh
# contact.sh: the contact log from the command line — contact add (promise,
# next action, rejections with their exit codes), contact list, the
# worklist for a day (follow-ups, promises due and broken, dunning levels,
# one level at a time, by amount at risk, the promise pause, triggers from
# the config file), contact dunning, and
# export contacts as formula-safe CSV and as JSON.
. "$top_srcdir/tests/lib.sh"
cd "$T" || exit 1
db="--db c.db"

cat >cust.csv <<'CSV'
code,name,currency,sales_rep
K001,株式会社山田商事,JPY,田中
K002,=EVIL(),JPY,
K003,上海恒通贸易有限公司,CNY,李
K004,大阪機材株式会社,JPY,
CSV
# As of 2026-03-31: I-1 49 days overdue, I-2 30, I-3 10, I-4 21 (the most
# at risk).
cat >inv.csv <<'CSV'
number,customer,issue_date,due_date,amount
I-1,K001,2026-01-10,2026-02-10,100000
I-2,K002,2026-02-01,2026-03-01,5000
I-3,K003,2026-02-20,2026-03-21,1234.50
I-4,K004,2026-02-10,2026-03-10,500000
CSV
"$URIKAKE" $db import customers cust.csv >/dev/null 2>&1
"$URIKAKE" $db import invoices inv.csv >/dev/null 2>&1

t_ok "add a call with a promise" "$URIKAKE" $db contact add K001 --channel phone \
	--note '社長と話しました' --promise 2026-04-15:100,000 --next 2026-04-16 \
	--owner accounting --outcome promised
t_grep "says which contact" "Recorded contact 1 for K001" "$T/.out"
t_ok "add an older e-mail" "$URIKAKE" $db contact add K002 --channel e-mail \
	--note '=HYPERLINK("x")' --date 2026-03-20 --next 2026-03-25 --owner sales
t_ok "add a CNY promise" "$URIKAKE" $db contact add K003 --channel visit --direction in \
	--note '面谈' --promise 2026-03-31:1234.50
t_exit "unknown channel" 2 "$URIKAKE" $db contact add K001 --channel fax --note x
t_exit "no note" 2 "$URIKAKE" $db contact add K001 --channel phone
t_exit "promise without an amount" 2 "$URIKAKE" $db contact add K001 --channel phone \
	--note x --promise 2026-04-15
t_exit "unknown customer" 3 "$URIKAKE" $db contact add NOPE --channel phone --note x
t_grep "names the customer" "NOPE" "$T/.err"
t_exit "promise before the call" 3 "$URIKAKE" $db contact add K001 --channel phone \
	--note x --promise 2026-03-01:5
t_grep "says why" "promised date is before the contact" "$T/.err"

t_ok "contact list" "$URIKAKE" $db contact list K001
t_grep "promise, its state and next action" \
	"phone out  promise 2026-04-15 100,000 (pending)  next 2026-04-16 accounting" "$T/.out"
t_grep "outcome and note" "promised: 社長と話しました" "$T/.out"

t_ok "export contacts" "$URIKAKE" $db export contacts
sed 's/T[0-9:]*Z,/T-,/' "$T/.out" >got
cat >want <<'CSV'
customer,at,user,channel,direction,note,outcome,promise_date,promise_amount,next_date,next_owner,dunning_level
K001,2026-03-31T-,tester,phone,out,社長と話しました,promised,2026-04-15,100000,2026-04-16,accounting,0
K002,2026-03-20T-,tester,email,out,"'=HYPERLINK(""x"")",,,,2026-03-25,sales,0
K003,2026-03-31T-,tester,visit,in,面谈,,2026-03-31,1234.50,,,0
CSV
t_is "export contacts csv, formula cell neutralised" "$(cat got)" "$(cat want)"
t_ok "export contacts json" "$URIKAKE" $db export contacts --format json
t_grep "json promise amount" '"promise_amount":1234.50' "$T/.out"
t_grep "json note kept as text" '"note":"=HYPERLINK(\\"x\\")"' "$T/.out"
t_exit "export contacts bad format" 2 "$URIKAKE" $db export contacts --format xml

# K001 is paused by its promise; K003 by its promise due today. Who calls:
# K002's follow-up was given to sales; K003 has a sales rep and is at level
# 0 (sales by default); K004 and K002 have none, so accounting calls. The
# ratings: K004 500,000 21 days overdue and K002 5,000 30 days, C.
t_ok "worklist today" "$URIKAKE" $db contact worklist
sed 's/  *$//' "$T/.out" >got
cat >want <<'TXT'
Follow-ups due
  2026-03-25  K002       =EVIL()                   sales  calls: sales  rating C

Promises due today
  2026-03-31  K003       上海恒通贸易有限公司      1,234.50 CNY, paid 0.00  calls: sales (李)  rating B

Dunning levels crossed
  2026-03-10  K004       大阪機材株式会社          500,000 JPY  21 days overdue: level 0 → 1 (Reminder)  calls: accounting  rating C
  2026-03-01  K002       =EVIL()                   5,000 JPY  30 days overdue: level 0 → 1 (Reminder)  calls: accounting  rating C
TXT
t_is "worklist for 2026-03-31" "$(cat got)" "$(cat want)"

t_ok "worklist after the promises" "$URIKAKE" $db contact worklist --date 2026-04-20
t_grep "broken promise" "2026-04-15  K001 .*100,000 JPY, paid 0" "$T/.out"
t_grep "K001 escalates once its promise is past, one level: not to 3" \
	"K001.*69 days overdue: level 0 → 1 (Reminder)" "$T/.out"
t_is "dunning by amount at risk, largest first, the currency most owe in first" \
	"$(sed -n '/^Dunning/,$p' "$T/.out" | awk 'NR > 1 { print $2 }' | tr '\n' ' ')" \
	"K004 K001 K002 K003 "

t_ok "move K002 to level 2" "$URIKAKE" $db contact dunning K002 --level 2
t_grep "move reported" "K002 moved to dunning level 2" "$T/.out"
t_ok "worklist after the move" "$URIKAKE" $db contact worklist
t_is "K002 no longer listed" "$(grep -c K002 "$T/.out")" "0"
t_exit "dunning level out of range" 2 "$URIKAKE" $db contact dunning K002 --level 9
t_ok "K002's log" "$URIKAKE" $db contact list K002
t_grep "the step is named once, not as outcome and note" "^    Demand letter$" "$T/.out"
t_ok "K002's log read in Japanese" "$URIKAKE" $db --lang ja contact list K002
t_grep "... names the step in Japanese" "^    督促状$" "$T/.out"
t_is "... with no English left in it" "$(grep -c 'Demand letter' "$T/.out")" "0"
t_is "the level is stored as its number, not a name in the note" \
	"$(t_sql c.db "SELECT dunning_level, note, coalesce(outcome, '-') FROM contact
			 WHERE dunning_level = 2")" "2||-"

mkdir -p cfg/urikake
printf 'theme = mono\ndunning-days = 1, 5, 10, 20\n' >cfg/urikake/config
t_ok "triggers from the config file" env XDG_CONFIG_HOME="$T/cfg" "$URIKAKE" $db \
	contact worklist
t_is "the demand letter sent today has its time before the next step" \
	"$(grep -c K002 "$T/.out")" "0"
t_ok "ten days later (the gap from trigger 10 to 20)" env XDG_CONFIG_HOME="$T/cfg" \
	"$URIKAKE" $db contact worklist --date 2026-04-10
t_grep "K002 due for legal action steps up to 3 only" "K002.*level 2 → 3 (Certified letter)" \
	"$T/.out"
printf 'dunning-days = 9\n' >cfg/urikake/config
t_ok "a bad setting is reported, defaults used" env XDG_CONFIG_HOME="$T/cfg" "$URIKAKE" \
	$db contact worklist
t_grep "names file and line" "config:1: dunning-days" "$T/.err"

t_exit "unknown subcommand" 2 "$URIKAKE" $db contact frobnicate
t_done
