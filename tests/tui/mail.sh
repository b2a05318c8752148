#!/bin/sh
# mail.sh: e-mail from the interface (issue 16) — scripts/mail.script at
# 80x24 in ja and zh_CN with the stand-in sendmail of tests/cli/lib-mail.sh
# (found on PATH as the company settings' `sendmail -t -oi`): every mail
# read back with the CLI tests' Python reader (the decoded subject, To, the
# attachment a PDF), and the contact log holding the entry the CLI's
# --email writes; scripts/mailfail.script with a mail command that refuses
# and with none set: the reason shown, no mail, nothing logged. Every
# dumped screen but the last run's (it names a temporary path) must equal
# tests/tui/expected-mail/80x24/NAME.screen.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tui/lib-tui.sh"
export TERM=xterm-256color URIKAKE_TODAY=2026-03-31
S="$top_srcdir/tests/tui/scripts"
E="$top_srcdir/tests/tui/expected-mail/80x24"

command -v python3 >/dev/null || t_skip_all "python3 (to read the mails back) is not installed"
command -v sqlite3 >/dev/null || t_skip_all "sqlite3 is not installed"
tui_demo_db "$T/demo.db" || t_skip_all "cannot build the demo database"
tui_catalogues "$T/locale" || t_skip_all "cannot compile the catalogues (msgfmt)"
. "$top_srcdir/tests/cli/lib-mail.sh"

# C90010 paid ¥6,270 short (MONEY-1) and has an address; C90020 has none,
# C90021 one that is not an address.
printf '%s\n' 'code,name,kana,currency,email' \
	'C90010,株式会社福田物産,フクダブッサン,JPY,keiri@fukuda.example.jp' \
	'C90020,株式会社無住所,ムジュウショ,JPY,' \
	'C90021,株式会社誤記,ゴキ,JPY,keiri at goki.example.jp' >"$T/cust.csv"
printf '%s\n' 'number,customer,issue_date,due_date,amount,currency' \
	'INV-9010,C90010,2026-02-01,2026-03-10,100000,JPY' \
	'INV-9020,C90020,2026-02-01,2026-03-10,50000,JPY' \
	'INV-9021,C90021,2026-02-01,2026-03-10,70000,JPY' >"$T/inv.csv"
{ "$URIKAKE" --db "$T/demo.db" import customers "$T/cust.csv" &&
	"$URIKAKE" --db "$T/demo.db" import invoices "$T/inv.csv" &&
	t_sql "$T/demo.db" "INSERT INTO deposit (booking_date, value_date, amount, currency,
		payer_name, reference) VALUES
		('2026-03-20', '2026-03-20', 93730, 'JPY', 'ﾌｸﾀﾞﾌﾞﾂｻﾝ', 'MONEY-1')"
} >"$T/seed.log" 2>&1 || { cat "$T/seed.log"; t_skip_all "cannot add the test data"; }

# settings FILE [mail-command]: our details and the mail settings.
settings() {
	printf '%s\n' 'name = 株式会社テスト商事' 'mail-from = keiri@urikake.example' \
		'rep-email.鈴木 美咲 = 鈴木 美咲 <suzuki@urikake.example>' >"$1"
	[ -z "$2" ] || printf 'mail-command = %s\n' "$2" >>"$1"
}

# run SCRIPT LANG DIR [MAIL-COMMAND]: the interface on a copy of the data
# in DIR/cwd, with a sendmail of its own (its mails in DIR/bin/box).
run() {
	rm -rf "$3" && mkdir -p "$3/cwd" "$3/bin/box" "$3/config/urikake"
	cp "$T/demo.db" "$3/db.db" && cp "$T/sendmail" "$3/bin/sendmail"
	settings "$3/config/urikake/company" "$4"
	(cd "$3/cwd" && PATH="$3/bin:$PATH" URIKAKE_LOCALEDIR="$T/locale" \
		URIKAKE_TEST_SCRIPT="$S/$1.script" URIKAKE_TEST_SIZE=80x24 \
		URIKAKE_TEST_DUMP_DIR="$3" XDG_CONFIG_HOME="$3/config" \
		"$URIKAKE" --db "$3/db.db" --user tester --lang "$2" 2>"$3/stderr")
	t_is "$1 in $2 exits 0 and prints nothing" "$?:$(cat "$3/stderr")" "0:"
}

screens() { # DIR LANG
	for got in "$1"/*.screen; do
		check_screen "$got" "$E/$2-$(basename "$got")" "$2 $(basename "$got")"
	done
}

# email_contacts DB [NOTE]: the e-mails in the contact log that carried
# a document (the demo's own e-mails carried none), oldest first; the
# note (in the sender's language) with any NOTE, else whether it names
# the address and the file.
email_contacts() {
	t_sql "$1" "SELECT c.code, k.channel, k.dunning_level, k.document, k.next_date,
		${2:-CASE WHEN k.note LIKE '%' || c.email || '%'
			AND k.note LIKE '%' || k.document || '%' THEN 1 ELSE 0 END}
		FROM contact AS k JOIN customer AS c ON c.id = k.customer_id
		WHERE k.channel = 'email' AND k.document IS NOT NULL ORDER BY k.id"
}

for lang in ja zh_CN; do
	o="$T/out-$lang"
	run mail "$lang" "$o" "sendmail -t -oi"
	screens "$o" "$lang"
	box="$o/bin/box"
	t_is "$lang: four mails handed to sendmail -t -oi" \
		"$(ls "$box" | grep -c '\.eml$'):$(cat "$box/1.args")" "4:-t -oi"
	t_is "$lang: the statement, to C00001's address" \
		"$(R "$box/1.eml" To) | $(R "$box/1.eml" Subject) | $(R "$box/1.eml" filename)" \
		"株式会社山田商事 <keiri@c00001.example.jp> | 合計請求書のご送付（株式会社テスト商事） | statement-C00001-2026-03-31.pdf"
	t_is "$lang: the reminder, to C00014's" \
		"$(R "$box/2.eml" To) | $(R "$box/2.eml" Subject) | $(R "$box/2.eml" filename)" \
		"株式会社木村電設 <keiri@c00014.example.jp> | お支払いのお願いのご送付（株式会社テスト商事） | dunning-C00014-2026-03-31.pdf"
	t_is "$lang: the difference notice, to C90010's" \
		"$(R "$box/3.eml" To) | $(R "$box/3.eml" Subject) | $(R "$box/3.eml" filename)" \
		"株式会社福田物産 <keiri@fukuda.example.jp> | ご入金額差異のご連絡のご送付（株式会社テスト商事） | notice-C90010-2026-03-31.pdf"
	t_is "$lang: the digest, to the rep's address" \
		"$(R "$box/4.eml" To) | $(R "$box/4.eml" Subject | grep -c .) | $(R "$box/4.eml" filename)" \
		"鈴木 美咲 <suzuki@urikake.example> | $(R "$box/4.eml" Subject | grep -c .) | digest-_____________-2026-03-31.pdf"
	for n in 1 2 3 4; do
		R "$box/$n.eml" pdf >"$o/att-$n.pdf"
		t_is "$lang: mail $n carries a PDF" "$(head -c 5 "$o/att-$n.pdf")" "%PDF-"
	done
	t_is "$lang: each mail to a customer is one contact, the rep's digest none" \
		"$(email_contacts "$o/db.db")" \
		"C00001|email|0|statement-C00001-2026-03-31.pdf||1
C00014|email|1|dunning-C00014-2026-03-31.pdf||1
C90010|email|0|notice-C90010-2026-03-31.pdf|2026-04-15|1"
	t_is "$lang: … naming the mails' Message-IDs and the PDFs' SHA-256" \
		"$(t_sql "$o/db.db" "SELECT '<' || message_id || '> ' || document_sha256
			FROM contact WHERE channel = 'email' AND document IS NOT NULL ORDER BY id")" \
		"$(for n in 1 2 3; do
			echo "$(R "$box/$n.eml" raw Message-ID) $(sha256sum "$o/att-$n.pdf" | cut -d' ' -f1)"
		done)"
done

# The same statement sent with the CLI's --email: the same contact entry.
mkdir -p "$T/cli/bin/box" && cp "$T/demo.db" "$T/cli/db.db" && cp "$T/sendmail" "$T/cli/bin/"
settings "$T/cli/company" "sendmail -t -oi"
PATH="$T/cli/bin:$PATH" URIKAKE_LOCALEDIR="$T/locale" "$URIKAKE" --db "$T/cli/db.db" \
	--user tester --lang ja statement C00001 --email --company "$T/cli/company" >"$T/cli/out" 2>&1
t_is "the CLI's --email logs the entry the interface's m does, note and all" \
	"$(email_contacts "$T/cli/db.db" k.note)" "$(email_contacts "$T/out-ja/db.db" k.note | head -1)"

for lang in ja zh_CN; do
	# the mail command refuses: said in full in the box, nothing logged
	o="$T/fail-$lang"
	FAKE_MTA_FAIL=1 run mailfail "$lang" "$o" "sendmail -t -oi"
	screens "$o" "$lang"
	t_grep "$lang: the box gives the mail command's own reason" "554 5.7.1 relay" \
		"$o/mailfail-01-not-sent.screen"
	t_is "$lang: no mail, no contact" \
		"$(ls "$o/bin/box" | grep -c '\.eml$'):$(email_contacts "$o/db.db")" "0:"
	# no mail-command: the box says what to set
	o="$T/nocmd-$lang"
	run mailfail "$lang" "$o"
	t_grep "$lang: no mail-command: the box says what to set" "mail-command" \
		"$o/mailfail-01-not-sent.screen"
	t_is "$lang: … nothing sent or logged" \
		"$(ls "$o/bin/box" | grep -c '\.eml$'):$(email_contacts "$o/db.db")" "0:"
done
# c in pane 3, then m: the confirmation mailed and recorded as sent, as
# `confirm send C00001 --as-of TODAY --email` records it.
mkdir -p "$T/clic/bin/box" && cp "$T/demo.db" "$T/clic/db.db" && cp "$T/sendmail" "$T/clic/bin/"
PATH="$T/clic/bin:$PATH" URIKAKE_LOCALEDIR="$T/locale" "$URIKAKE" --db "$T/clic/db.db" \
	--user tester --lang ja confirm send C00001 --as-of 2026-03-31 --email \
	--company "$T/cli/company" >"$T/clic/out" 2>&1
sent="SELECT c.code, f.sent_on, f.as_of, f.balance, f.currency, f.document, f.delivery,
	f.file, f.state FROM confirmation AS f JOIN customer AS c ON c.id = f.customer_id"
for lang in ja zh_CN; do
	o="$T/conf-$lang"
	run mail-confirm "$lang" "$o" "sendmail -t -oi"
	screens "$o" "$lang"
	box="$o/bin/box"
	t_is "$lang: c then m mailed C00001's confirmation letter" \
		"$(ls "$box" | grep -c '\.eml$') | $(R "$box/1.eml" To) | $(R "$box/1.eml" filename)" \
		"1 | 株式会社山田商事 <keiri@c00001.example.jp> | confirmation-C00001-2026-03-31.pdf"
	t_is "$lang: … recorded as sent by e-mail, as the CLI's --email records it" \
		"$(t_sql "$o/db.db" "$sent")" "$(t_sql "$T/clic/db.db" "$sent")"
	t_is "$lang: … one row, awaiting an answer" \
		"$(t_sql "$o/db.db" "SELECT count(*), min(state), min(delivery) FROM confirmation")" \
		"1|awaiting|emailed"
done
t_is "every expected screen was produced" "$(cd "$E" && ls | sort)" \
	"$(for l in ja zh_CN; do for d in out fail conf; do
		(cd "$T/$d-$l" && ls *.screen | sed "s/^/$l-/"); done; done | sort)"
t_done
