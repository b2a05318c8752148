#!/bin/sh
# billed.sh: a closing-period statement (合計請求書) the statement command
# writes is recorded as issued — billed total as printed (tax once per rate
# on the period total), its slips with what was open, who and when, audited,
# re-issues kept as history — and the matcher takes a deposit of that total
# as its slips, with the statement in `match show --json`.
. "$top_srcdir/tests/lib.sh"
command -v sqlite3 >/dev/null 2>&1 || t_skip_all "no sqlite3 shell to insert deposits"
command -v jq >/dev/null 2>&1 || t_skip_all "no jq to read the JSON"
DB="$T/b.db"
u() { "$URIKAKE" --db "$DB" "$@"; }
q() { t_sql "$DB" "$1"; }

cat >"$T/c.csv" <<'CSV'
code,name,kana,currency,terms
W1,株式会社丸山食品,マルヤマショクヒン,JPY,20/+1/10
N1,株式会社ゼロ,ゼロ,JPY,NET30
CSV
# Per slip the tax is rounded half up (¥101 + ¥102 + ¥103 − ¥50 = ¥256);
# on the period total of ¥2,545 at 10 % it is ¥254: the bill is ¥2,799.
cat >"$T/i.csv" <<'CSV'
number,customer,issue_date,due_date,amount,currency,tax,memo
D-1,W1,2026-09-25,2026-11-10,1106,JPY,101,納品書
D-2,W1,2026-10-01,2026-11-10,1117,JPY,102,納品書
D-3,W1,2026-10-10,2026-11-10,1128,JPY,103,納品書
R-1,W1,2026-10-15,2026-11-10,-550,JPY,-50,返品 赤伝
D-4,W1,2026-10-25,2026-12-10,2200,JPY,200,納品書
N-1,N1,2026-10-01,2026-10-31,5000,JPY,,
CSV
t_ok "init" u init
t_is "the schema has the issued statements" \
	"$(q "SELECT count(*) FROM statement_issue, statement_slip")" 0
t_ok "import customers" u import customers "$T/c.csv"
t_ok "import invoices" u import invoices "$T/i.csv"

export URIKAKE_TODAY=2026-10-21 URIKAKE_USER=hana
t_ok "a preview on standard output" u statement W1 --format txt
t_is "… is not an issue" "$(q "SELECT count(*) FROM statement_issue")" 0
t_grep "… and bills the total taxed once: ¥2,799" "2,799" "$T/.out"
mkdir "$T/out"
t_ok "the 合計請求書 saved" u statement W1 N1 --format txt -o "$T/out"
t_grep "… says it is recorded" "Recorded 1 closing statement (合計請求書) as issued" "$T/.out"
t_grep "… its file shows the billed total" "2,799" "$T/out/"*W1*
t_is "… recorded: customer, period, total as printed, date, clerk, delivery" \
	"$(q "SELECT c.code, s.period_from, s.period_to, s.currency, s.billed, s.purchases,
		s.tax_rounding, s.issued_on, s.user, s.delivery FROM statement_issue s
		JOIN customer c ON c.id = s.customer_id")" \
	"W1|2026-09-21|2026-10-20|JPY|2799|2799|-2|2026-10-21|hana|saved"
t_is "… with the slips it listed (the credit slip too, not the next period's)" \
	"$(q "SELECT i.number || ':' || x.open_amount || ':' || x.in_period
		FROM statement_slip x
		JOIN invoice i ON i.id = x.invoice_id ORDER BY i.number" | paste -sd' ' -)" \
	"D-1:1106:1 D-2:1117:1 D-3:1128:1 R-1:-550:1"
t_is "… and audited" "$(q "SELECT count(*) FROM audit WHERE action = 'issue'
	AND entity LIKE 'statement%'")" 1
t_ok "issued again" u statement W1 --format txt -o "$T/out" --force
t_is "… the first stays in the history" "$(q "SELECT count(*) FROM statement_issue")" 2
q "UPDATE statement_issue SET billed = 1" 2>/dev/null
t_is "… which cannot be rewritten" "$(q "SELECT billed FROM statement_issue ORDER BY id" | paste -sd, -)" \
	"2799,2799"

. "$top_srcdir/tests/cli/lib-mail.sh"
cat >"$T/company" <<EOF
name = 株式会社うりかけ商事
mail-from = keiri@urikake.example
mail-command = "$T/sendmail" -t -oi
EOF
q "UPDATE customer SET email = 'keiri@maruyama.example' WHERE code = 'W1'"
t_ok "e-mailed (--dry-run)" u statement W1 --company "$T/company" --email --dry-run -o "$T/dry/"
t_is "… a dry run is no issue" "$(q "SELECT count(*) FROM statement_issue")" 2
t_ok "e-mailed" u statement W1 --company "$T/company" --email
t_is "… recorded as e-mailed, with the attachment's name" \
	"$(q "SELECT delivery, CASE WHEN file LIKE 'statement-W1-%.pdf' THEN 1 END FROM statement_issue
		ORDER BY id DESC LIMIT 1")" "emailed|1"

cat >"$T/d.sql" <<'SQL'
INSERT INTO deposit (booking_date, value_date, amount, currency, payer_name, reference)
VALUES ('2026-11-10', '2026-11-10', 2799, 'JPY', 'ｶ)ﾏﾙﾔﾏｼﾖｸﾋﾝ', '0001');
SQL
t_sql "$DB" <"$T/d.sql"
export URIKAKE_TODAY=2026-11-10
t_ok "match show --json" u match show --deposit 0001 --json
t_is "… the best proposal is the statement's" \
	"$(jq -r '.proposals[0].statement | "\(.closing) \(.billed) \(.figure) \(.valid)"' \
		"$T/.out")" "2026-10-20 2799 billed true"
t_grep "… and says so" "合計請求書 of 2026-10-20" "$T/.out"
t_ok "match --auto" u match --auto
t_is "… clears the statement's slips, the ¥2 of tax rounding as a fee" \
	"$(q "SELECT i.number FROM allocation a JOIN invoice i ON i.id = a.invoice_id
		ORDER BY i.number" | paste -sd' ' -) $(q "SELECT sum(amount) || ' ' || sum(fee) FROM allocation")" \
	"D-1 D-2 D-3 R-1 2799 2"
t_done
