#!/bin/sh
# panes.sh: headless screen tests of the aging and contact panes, the
# drill-down, the record-a-contact form, the statement preview, the
# dunning letter (D), disputed invoices left out of the worklist's dunning
# rows, the queue's difference notice (d) and resolving a balance dispute
# (R, also at 120x40 in English), at 80x24 and 132x43 on the demo data plus Japanese
# and Chinese contacts, small remainders to write off and a customer whose
# name looks like a formula.
# Every dumped screen must equal tests/tui/expected-panes/SIZE/NAME.screen
# (URIKAKE_UPDATE_EXPECTED=1 rewrites them for review).
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tui/lib-tui.sh"
export TERM=xterm-256color URIKAKE_TODAY=2026-03-31
S="$top_srcdir/tests/tui/scripts"

tui_demo_db "$T/demo.db" || t_skip_all "cannot build the demo database"
# the data the scripts need, added with the CLI
cat >"$T/cust.csv" <<'CSV'
code,name,currency,sales_rep
C90001,=1+2 株式会社,JPY,山本 花子
C90002,株式会社端数商事,JPY,山本 花子
CSV
cat >"$T/inv.csv" <<'CSV'
number,customer,issue_date,due_date,amount,currency
INV-9001,C90001,2026-01-10,2026-02-28,120000,JPY
INV-9002,C90002,2026-01-15,2026-02-15,800,JPY
INV-9003,C90002,2026-01-20,2026-02-20,900,JPY
CSV
seed() {
	U="$URIKAKE --db $T/demo.db"
	$U import customers "$T/cust.csv" &&
	$U import invoices "$T/inv.csv" &&
	$U --user 田中 contact add C00001 --channel phone --date 2026-03-10 \
		--note "経理の山田様と話した。月末に振込予定" --promise 2026-03-20:500000 &&
	$U --user 王 contact add C00010 --channel email --date 2026-03-25 --outcome 承诺付款 \
		--note "已发送对账单，财务确认下周付款" --promise 2026-03-31:100000.00 &&
	$U --user 佐藤 contact add C00003 --channel visit --date 2026-03-15 --next 2026-03-31 \
		--owner sales --note "社長と面談、支払条件の見直しを相談"
}
seed >"$T/seed.log" 2>&1 || { cat "$T/seed.log"; t_skip_all "cannot add the test data"; }

# An editor for C-e and a stand-in for CUPS' lp.
mkdir -p "$T/bin"
printf '#!/bin/sh\nprintf "長い備考：一行目\\n二行目 第二行\\n" >"$1"\n' >"$T/bin/editor"
printf '#!/bin/sh\necho "request id is 経理部-7 (1 file(s))"\n' >"$T/bin/lp"
chmod +x "$T/bin/editor" "$T/bin/lp"

tui_catalogues "$T/locale" || rm -rf "$T/locale"
E="$top_srcdir/tests/tui/expected-panes"

# run_one SCRIPT SIZE OUT: in its own directory (documents are saved there).
run_one() {
	rm -rf "$3" "$T/config" && mkdir -p "$3/cwd" "$T/config/urikake"
	cp "$T/demo.db" "$3/db.db"
	lang=
	case $1 in
	print) printf 'name = 株式会社テスト\nprinter = 経理部\n' >"$T/config/urikake/company" ;;
	ja) lang="--lang ja" ;;
	esac
	(cd "$3/cwd" && PATH="$T/bin:$PATH" EDITOR="$T/bin/editor" VISUAL= \
		URIKAKE_LOCALEDIR="$T/locale" URIKAKE_TEST_SCRIPT="$S/$1.script" \
		URIKAKE_TEST_SIZE="$2" URIKAKE_TEST_DUMP_DIR="$3" DB="$3/db.db" URIKAKE="$URIKAKE" \
		XDG_CONFIG_HOME="$T/config" "$URIKAKE" --db "$3/db.db" --user tester $lang \
		2>"$3/stderr")
}

# A customer who paid ¥6,270 short, owes a ¥761,200 remainder and has
# ¥50,000 on account, for money.script.
seed_money() { # DB
	printf 'code,name,kana,currency\nC90010,株式会社福田物産,フクダブッサン,JPY\n' >"$T/mc.csv"
	printf '%s\n' 'number,customer,issue_date,due_date,amount,currency' \
		'INV-9010,C90010,2026-02-01,2026-03-10,100000,JPY' \
		'INV-9011,C90010,2026-01-05,2026-02-05,761200,JPY' >"$T/mi.csv"
	"$URIKAKE" --db "$1" import customers "$T/mc.csv" &&
	"$URIKAKE" --db "$1" import invoices "$T/mi.csv" &&
	t_sql "$1" "INSERT INTO deposit (booking_date, value_date, amount, currency,
		payer_name, reference) VALUES
		('2026-03-20', '2026-03-20', 93730, 'JPY', 'ﾌｸﾀﾞﾌﾞﾂｻﾝ', 'MONEY-1'),
		('2026-03-15', '2026-03-15', 50000, 'JPY', 'ﾌｸﾀﾞﾌﾞﾂｻﾝ', 'MONEY-2')" &&
	"$URIKAKE" --db "$1" match confirm --deposit MONEY-2 --on-account 50000 --customer C90010
}

# A database without the demo's company settings (and no settings file),
# for nocompany.script.
seed_nocompany() { # DB
	t_sql "$1" "DELETE FROM company_settings"
}

# C00001 calls back with a long note (more lines than a screen) and a new
# promise, for worklog.script; the call of 03-10 stays, its promise broken.
seed_worklog() { # DB
	note="社長より折り返しの電話。資金繰りの事情を詳しく聞いた。取引先からの入金が遅れているため、今月末の支払いは一部のみ、残りは来月半ばになる見込みとのこと。"
	for i in $(seq 1 24); do
		note="$note
$i. 取引先からの入金が遅れているため、今月末の支払いは一部のみとなる見込み。"
	done
	"$URIKAKE" --db "$1" --user 田中 contact add C00001 --channel phone --direction in \
		--date 2026-03-28 --outcome 一部入金の約束 --note "$note" \
		--promise 2026-04-15:2,000,000 --next 2026-04-16 --owner accounting
}

# C00014 was sent the reminder (level 1) and C00143 the certified letter
# (level 3) on 03-20, for dunning.script; both owe overdue invoices in the
# demo. (A letter of today would be printed again by D, not the next one.)
seed_dunning() { # DB
	URIKAKE_TODAY=2026-03-20 "$URIKAKE" --db "$1" contact dunning C00014 --level 1 &&
	URIKAKE_TODAY=2026-03-20 "$URIKAKE" --db "$1" contact dunning C00143 --level 3
}

# C00001 (Japanese) and C00010 (Chinese) answer the balance confirmation
# of 03-31 with their own figures, for confirm.script: in the demo C00001
# owes its March invoices (616,990 "3月分 ご請求" and 472,780) and leaves
# out the first, not yet inspected; C00010 owes two February and two March
# invoices (79,965.35 in all) and says March is paid.
seed_confirm() { # DB
	"$URIKAKE" --db "$1" confirm send C00001 C00010 --as-of 2026-03-31 -o "$1.letters/" &&
	"$URIKAKE" --db "$1" confirm answer C00001 --balance 472,780 \
		--reason "3月分の請求書は未検収" &&
	"$URIKAKE" --db "$1" confirm answer C00010 --balance 74666.44 --reason "3月货款已付"
}

# What R recorded in OUT/db.db (resolve.script): C00001's invoice named
# and the dispute closed, audited as `confirm resolve` audits the same on
# a copy; C00010's dispute closed by the other clerk first, nothing of the
# tester's written to it.
check_resolve() { # OUT LABEL
	cp "$T/demo.db" "$1/cli.db" && seed_confirm "$1/cli.db" >/dev/null 2>&1 &&
		"$URIKAKE" --db "$1/cli.db" --user tester confirm resolve C00001 \
			--invoice INV-2603-000001 >/dev/null &&
		"$URIKAKE" --db "$1/cli.db" --user tester confirm resolve C00001 --close >/dev/null
	q="SELECT action, entity, after FROM audit WHERE \"user\" = 'tester'
		AND (entity LIKE 'dispute_item:%' OR action = 'resolve') ORDER BY id"
	t_is "$2: R named C00001's invoice and closed the dispute, audited as confirm resolve" \
		"$(t_sql "$1/db.db" "$q")" "$(t_sql "$1/cli.db" "$q")"
	q="SELECT f.state, f.resolved_on, i.kind, coalesce(v.number, ''), i.amount, i.\"user\"
		FROM confirmation AS f JOIN customer AS c ON c.id = f.customer_id
		JOIN dispute_item AS i ON i.confirmation_id = f.id
		LEFT JOIN invoice AS v ON v.id = i.invoice_id WHERE c.code = '%s' ORDER BY i.id"
	t_is "$2: … resolved, explained by the invoice's open amount" \
		"$(t_sql "$1/db.db" "$(printf "$q" C00001)")" \
		"resolved|2026-03-31|invoice|INV-2603-000001|616990|tester"
	t_is "$2: C00010 closed by the other clerk first, nothing of ours added" \
		"$(t_sql "$1/db.db" "$(printf "$q" C00010)")" "resolved|2026-03-31|unreceived||7996535|suzuki"
	t_grep "$2: … the conflict said on the message line" "C00010" "$1/resolve-12-conflict.screen"
}

# C00001 and C00010 are sent the balance confirmation of 03-31 and have
# not answered yet, for confirm-answer.script.
seed_confirm_sent() { # DB
	"$URIKAKE" --db "$1" confirm send C00001 C00010 --as-of 2026-03-31 -o "$1.letters/"
}

# C00164 disputes its oldest overdue invoice (INV-2601-000328, 1,171,720)
# and C90001 its only one (INV-9001), each named in the dispute, for
# disputed.script.
seed_disputed() { # DB
	"$URIKAKE" --db "$1" confirm send C00164 C90001 --as-of 2026-03-31 -o "$1.letters/" &&
	"$URIKAKE" --db "$1" confirm answer C00164 --reason "1月分は返品済み" --balance \
		"$(t_sql "$1" "SELECT balance - 1171720 FROM confirmation WHERE currency = 'JPY'
			AND customer_id = (SELECT id FROM customer WHERE code = 'C00164')")" &&
	"$URIKAKE" --db "$1" confirm resolve C00164 --invoice INV-2601-000328 &&
	"$URIKAKE" --db "$1" confirm answer C90001 --balance 0 --reason "請求書未着" &&
	"$URIKAKE" --db "$1" confirm resolve C90001 --invoice INV-9001
}

# A deposit ¥6,270 short (seed_money's), one from a payer nobody knows and
# C00001's dispute naming the invoice it left out (seed_confirm), for
# notice.script.
seed_notice() { # DB
	seed_money "$1" && seed_confirm "$1" &&
	"$URIKAKE" --db "$1" confirm resolve C00001 --invoice INV-2603-000001:616990 &&
	t_sql "$1" "INSERT INTO deposit (booking_date, value_date, amount, currency,
		payer_name, reference) VALUES
		('2026-03-25', '2026-03-25', 12345, 'JPY', 'ｸﾞﾛｰﾊﾞﾙｴｯｸｽ', 'NOTICE-9')"
}

# A payment agent's transfer of ¥123,457 for two customers: C90031's
# INV-9031 (¥80,000; its INV-9032 stays open) and C90032's INV-9033
# (¥43,457), for multi.script.
seed_multi() { # DB
	printf '%s\n' 'code,name,kana,currency' 'C90031,株式会社南物流,ミナミブツリュウ,JPY' \
		'C90032,北陸運輸株式会社,ホクリクウンユ,JPY' >"$T/uc.csv"
	printf '%s\n' 'number,customer,issue_date,due_date,amount,currency' \
		'INV-9031,C90031,2026-02-01,2026-03-20,80000,JPY' \
		'INV-9032,C90031,2026-03-01,2026-04-20,50000,JPY' \
		'INV-9033,C90032,2026-02-05,2026-03-20,43457,JPY' >"$T/ui.csv"
	"$URIKAKE" --db "$1" import customers "$T/uc.csv" &&
	"$URIKAKE" --db "$1" import invoices "$T/ui.csv" &&
	t_sql "$1" "INSERT INTO deposit (booking_date, value_date, amount, currency,
		payer_name, reference) VALUES
		('2026-03-24', '2026-03-24', 123457, 'JPY', 'ﾐﾅﾐﾌﾞﾂﾘﾕｳ', 'MULTI-1')"
}

# SCRIPT.script in both catalogues after SEED DB, in OUT/cwd (documents are
# saved there): screens named LANG-SCRIPT-NN-….
lang_screens() { # SCRIPT SEED SIZE
	for lang in ja zh_CN; do
		out="$T/out/$3/$1-$lang"
		if [ ! -f "$T/locale/$lang/LC_MESSAGES/urikake.mo" ] || ! command -v sqlite3 >/dev/null
		then
			t_report 0 "$3 $1 $lang # SKIP no catalogues (msgfmt) or no sqlite3 shell"
			continue
		fi
		rm -rf "$out" "$T/config" && mkdir -p "$out" "$T/config/urikake"
		cp "$T/demo.db" "$out/db.db"
		$2 "$out/db.db" >"$out/seed.log" 2>&1 || cat "$out/seed.log"
		mkdir -p "$out/cwd"
		(cd "$out/cwd" && URIKAKE_LOCALEDIR="$T/locale" URIKAKE_TEST_SCRIPT="$S/$1.script" \
			URIKAKE_TEST_SIZE="$3" URIKAKE_TEST_DUMP_DIR="$out" DB="$out/db.db" \
			XDG_CONFIG_HOME="$T/config" "$URIKAKE" --db "$out/db.db" --user tester \
			--lang $lang 2>"$out/stderr")
		t_is "$1 in $lang at $3 exits 0 and prints nothing" "$?:$(cat "$out/stderr")" "0:"
		for got in "$out"/*.screen; do
			name=$lang-$(basename "$got")
			check_screen "$got" "$E/$3/$name" "$3 $name"
		done
	done
}

# Customers of one sales rep whose names sort differently by code point
# than by reading (Japanese), pinyin (Chinese) and letters, for names.script.
seed_names() { # DB
	printf '%s\n' 'code,name,kana,currency,sales_rep' \
		'C90021,株式会社渡辺,カブシキガイシャワタナベ,JPY,試験' 'C90022,青木産業,アオキサンギョウ,JPY,試験' \
		'C90023,加藤商店,カトウショウテン,JPY,試験' 'C90024,ガス興業,ガスコウギョウ,JPY,試験' \
		'C90025,张江电子,,JPY,試験' 'C90026,北京华信,,JPY,試験' 'C90027,安徽恒通,,JPY,試験' \
		'C90028,zeta trading,,JPY,試験' 'C90029,Acme Ltd.,,JPY,試験' >"$T/nc.csv"
	printf 'number,customer,issue_date,due_date,amount,currency\n' >"$T/ni.csv"
	for c in 1 2 3 4 5 6 7 8 9; do
		printf 'INV-902%s,C9002%s,2026-03-01,2026-04-30,1000,JPY\n' $c $c >>"$T/ni.csv"
	done
	"$URIKAKE" --db "$1" import customers "$T/nc.csv" &&
	"$URIKAKE" --db "$1" import invoices "$T/ni.csv"
}

# Sorted by name, one rep's customers read Latin by letters, Japanese by
# reading (50音, company type ignored), Chinese by pinyin — in ja and zh_CN.
for lang in ja zh_CN; do
	out="$T/names-$lang"
	mkdir -p "$out" && cp "$T/demo.db" "$out/db.db" && rm -rf "$T/config" &&
		seed_names "$out/db.db" >"$out/seed.log" 2>&1 || cat "$out/seed.log"
	URIKAKE_LOCALEDIR="$T/locale" URIKAKE_TEST_SCRIPT="$S/names.script" \
		URIKAKE_TEST_SIZE=80x24 URIKAKE_TEST_DUMP_DIR="$out" DB="$out/db.db" \
		XDG_CONFIG_HOME="$T/config" "$URIKAKE" --db "$out/db.db" --user tester \
		--lang $lang 2>"$out/stderr"
	t_is "names in $lang: sorted by name, in reading, pinyin and letter order" \
		"$(grep -o 'C9002[0-9]' "$out/names-01-by-name.screen" | tr '\n' ' ')" \
		"C90029 C90028 C90022 C90024 C90023 C90021 C90027 C90026 C90025 "
done

# The export for a spreadsheet: a UTF-8 BOM and the headers in the
# interface language, asked for (export.script) or the config's defaults
# (export-defaults.script); the rows as in the CLI's report.
export_run() { # SCRIPT LANG CONFIG
	out="$T/export-$1-$2"
	rm -rf "$out" "$T/config" && mkdir -p "$out" "$T/config/urikake" &&
		cp "$T/demo.db" "$out/db.db" && printf '%s' "$3" >"$T/config/urikake/config"
	(cd "$out" && URIKAKE_LOCALEDIR="$T/locale" URIKAKE_TEST_SCRIPT="$S/$1.script" \
		URIKAKE_TEST_SIZE=80x24 URIKAKE_TEST_DUMP_DIR="$out" DB="$out/db.db" \
		XDG_CONFIG_HOME="$T/config" "$URIKAKE" --db "$out/db.db" --user tester \
		--lang $2 2>"$out/stderr")
	t_is "export $1 in $2: starts with a UTF-8 BOM" "$(head -c 3 "$out/sheet.csv" | od -An -tx1)" \
		" ef bb bf"
	t_is "export $1 in $2: headers in the interface language" \
		"$(head -1 "$out/sheet.csv" | cut -c4- | cut -d, -f1-3,9-10)" "$4"
	t_is "export $1 in $2: the rows of the CLI's aging report" \
		"$(sed 1d "$out/sheet.csv" | cut -d, -f1,4- | sort)" \
		"$("$URIKAKE" --db "$out/db.db" aging --format csv | sed 1d | cut -d, -f1,4- | sort)"
}
if [ -f "$T/locale/ja/LC_MESSAGES/urikake.mo" ]; then
	export_run export ja "" "コード,得意先,通貨,合計,前受金"
	export_run export zh_CN "" "编码,客户,币种,合计,预收款"
	export_run export-defaults ja "export-headers = language
export-bom = yes
" "コード,得意先,通貨,合計,前受金"
fi

for size in 80x24 132x43; do
	for script in aging drill contacts preview print ja; do
		out="$T/out/$size/$script"
		if [ $script = ja ] && [ ! -f "$T/locale/ja/LC_MESSAGES/urikake.mo" ]; then
			t_report 0 "$size ja # SKIP cannot compile the catalogues (msgfmt)"
			continue
		fi
		run_one $script $size "$out"
		t_is "$script at $size exits 0 and prints nothing" "$?:$(cat "$out/stderr")" "0:"
		for got in "$out"/*.screen; do
			check_screen "$got" "$E/$size/$(basename "$got")" "$size $(basename "$got")"
		done
	done
	lang_screens money seed_money $size
	lang_screens worklog seed_worklog $size
	lang_screens nocompany seed_nocompany $size
	lang_screens dunning seed_dunning $size
	for lang in ja zh_CN; do
		dun="$T/out/$size/dunning-$lang" # not d: t_ok sets it
		[ -f "$dun/db.db" ] || continue
		t_ok "$size $lang: D in pane 2 saved C00014's letter" \
			test -s "$dun/cwd/dunning-C00014-2026-03-31.pdf"
		t_ok "$size $lang: D in pane 3 saved C00209's letter" \
			test -s "$dun/cwd/dunning-C00209-2026-03-31.pdf"
		t_is "$size $lang: each logged once, a level up, as the dunning command does" \
			"$(t_sql "$dun/db.db" "SELECT c.code, k.channel, k.dunning_level,
				substr(k.at, 1, 10), k.note FROM contact AS k JOIN customer AS c
				ON c.id = k.customer_id WHERE k.channel = 'letter' AND k.note <> ''
				ORDER BY k.id")" \
			"C00014|letter|2|2026-03-31|3 × JPY 7,982,810
C00209|letter|1|2026-03-31|2 × JPY 8,322,930"
	done
	for lang in ja zh_CN; do
		f="$T/out/$size/dunning-$lang/dunning-01-aging-letter.screen"
		[ -f "$f" ] || continue
		t_grep "$size $lang: the demo's letter is from the demo company" "株式会社さくら精機" "$f"
		t_is "... saying nothing of missing settings" \
			"$(grep -c '自社設定がありません\|没有公司设置' "$f")" 0
	done
	t_grep "$size: ja preview without settings says so" "自社設定がありません" \
		"$T/out/$size/nocompany-ja/nocompany-01-preview.screen"
	t_grep "$size: zh_CN preview without settings says so" "没有公司设置" \
		"$T/out/$size/nocompany-zh_CN/nocompany-01-preview.screen"
	lang_screens reps true $size
	for lang in ja zh_CN; do
		[ -f "$T/locale/$lang/LC_MESSAGES/urikake.mo" ] || continue
		o="$T/out/$size/reps-$lang"
		t_grep "$size $lang: P saved the digest of one rep's calls" "  C00[0-9]*  " \
			"$o/cwd/digest.txt"
		t_is "$size $lang: … as many rows as it said" \
			"$(grep -c '  C00[0-9]*  ' "$o/cwd/digest.txt")" \
			"$(grep . "$o/reps-04-digest-saved.screen" | tail -1 | grep -o '[0-9][0-9]*' | head -1)"
	done
	lang_screens confirm seed_confirm $size
	lang_screens disputed seed_disputed $size
	[ $size = 80x24 ] && lang_screens confirm-answer seed_confirm_sent $size
	for lang in ja zh_CN; do
		o="$T/out/$size/confirm-answer-$lang"
		[ -f "$o/db.db" ] || continue
		t_is "$size $lang: b recorded C00001's figure as a dispute and C00010's agreement" \
			"$(t_sql "$o/db.db" "SELECT c.code, f.state, f.answered_on,
				f.their_balance, f.balance - f.their_balance, f.reason
				FROM confirmation AS f JOIN customer AS c ON c.id = f.customer_id
				ORDER BY c.code")" \
			"C00001|disputed|2026-03-31|472780|616990|3月分の請求書は未検収
C00010|agreed|2026-03-31|$(t_sql "$o/db.db" "SELECT balance FROM confirmation
				WHERE currency = 'CNY'")|0|"
		t_is "$size $lang: … once each, audited as the CLI's answers, none for C00003" \
			"$(t_sql "$o/db.db" "SELECT count(*) FROM audit WHERE action = 'answer'")" 2
	done
	[ $size = 80x24 ] && lang_screens confirm-send seed_confirm $size
	for lang in ja zh_CN; do
		o="$T/out/$size/confirm-send-$lang"
		[ -f "$o/db.db" ] || continue
		# what `confirm send C00003 --as-of 2026-03-31` records on the same data
		cp "$T/demo.db" "$o/cli.db" && seed_confirm "$o/cli.db" >/dev/null 2>&1 &&
			"$URIKAKE" --db "$o/cli.db" confirm send C00003 --as-of 2026-03-31 \
				-o "$o/cli/" >/dev/null 2>&1
		q="SELECT f.sent_on, f.as_of, f.balance, f.currency, f.document
			FROM confirmation AS f JOIN customer AS c ON c.id = f.customer_id
			WHERE c.code = 'C00003'"
		t_is "$size $lang: c recorded C00003's confirmation as the CLI's send does" \
			"$(t_sql "$o/db.db" "$q")" "$(t_sql "$o/cli.db" "$q")"
		t_is "$size $lang: … saved, then agreed with b" \
			"$(t_sql "$o/db.db" "SELECT f.delivery, f.file, f.state
				FROM confirmation AS f JOIN customer AS c ON c.id = f.customer_id
				WHERE c.code = 'C00003'")" \
			"saved|confirmation-C00003-2026-03-31.pdf|agreed"
		t_ok "$size $lang: … its letter saved as a PDF" \
			test -s "$o/cwd/confirmation-C00003-2026-03-31.pdf"
		t_is "$size $lang: none sent to C00001, whose dispute is open" \
			"$(t_sql "$o/db.db" "SELECT count(*) FROM confirmation AS f JOIN customer
				AS c ON c.id = f.customer_id WHERE c.code = 'C00001'")" 1
	done
	[ $size = 80x24 ] && lang_screens resolve seed_confirm $size
	for lang in ja zh_CN; do
		o="$T/out/$size/resolve-$lang"
		[ -f "$o/db.db" ] && check_resolve "$o" "$size $lang"
	done
	lang_screens notice seed_notice $size
	for lang in ja zh_CN; do
		o="$T/out/$size/notice-$lang"
		[ -f "$o/db.db" ] || continue
		t_is "$size $lang: d logged the short payment's notice with its day, not the unknown payer's" \
			"$(t_sql "$o/db.db" "SELECT c.code, k.channel, k.next_date, k.note
				FROM contact AS k JOIN customer AS c ON c.id = k.customer_id
				WHERE k.note LIKE '%MONEY-1%' OR k.note LIKE '%NOTICE-9%'")" \
			"C90010|letter|2026-04-15|ご入金額差異のご連絡 (MONEY-1)"
		t_ok "$size $lang: the short payment's notice saved as a PDF" \
			test -s "$o/cwd/notice-C90010-MONEY-1-2026-03-31.pdf"
		t_ok "$size $lang: the unknown payer's too, named by the deposit" \
			test -s "$o/cwd/notice-NOTICE-9-2026-03-31.pdf"
	done
	lang_screens multi seed_multi $size
	for lang in ja zh_CN; do
		o="$T/out/$size/multi-$lang"
		[ -f "$o/db.db" ] || continue
		t_is "$size $lang: one match over two customers, an allocation each, by hand" \
			"$(t_sql "$o/db.db" "SELECT d.state, c.code, i.number, a.amount, a.kind
				FROM allocation AS a JOIN deposit AS d ON d.id = a.deposit_id
				JOIN customer AS c ON c.id = a.customer_id
				JOIN invoice AS i ON i.id = a.invoice_id
				WHERE d.reference = 'MULTI-1' ORDER BY i.number")" \
			"matched|C90031|INV-9031|80000|manual
matched|C90032|INV-9033|43457|manual"
		t_is "$size $lang: the payer learned for both customers" \
			"$(t_sql "$o/db.db" "SELECT c.code, p.\"user\" FROM payer_alias AS p
				JOIN customer AS c ON c.id = p.customer_id
				WHERE c.code IN ('C90031', 'C90032') ORDER BY c.code")" "C90031|tester
C90032|tester"
		t_is "$size $lang: the confirmation audited" \
			"$(t_sql "$o/db.db" "SELECT count(*) FROM audit
				WHERE action = 'ui-confirm'")" "1"
	done
	a="$T/out/$size"
	t_is "$size: the CSV export has the CLI columns" "$(head -1 "$a/aging/cwd/view.csv")" \
		"customer,name,currency,current,d1_30,d31_60,d61_90,d90_plus,total,on_account,rating"
	t_grep "$size: a formula-like name is neutralised" "^C90001,'=1+2 株式会社,JPY," \
		"$a/aging/cwd/view.csv"
	t_is "$size: the export holds the rows shown (overdue JPY of one rep)" \
		"$(sed 1d "$a/aging/cwd/view.csv" | cut -d, -f1 | tr '\n' ' ')" "C90001 C90002 "
	t_ok "$size: the preview saved the PDF without a printer" \
		test -s "$a/preview/cwd/statement-C00010-2026-03-31.pdf"
	t_ok "$size: printing kept the PDF too" \
		test -s "$a/print/cwd/statement-C00001-2026-03-31.pdf"
done
# R in English at 120x40 (resolve.script): the same steps, wider.
out="$T/out/120x40/resolve"
rm -rf "$out" "$T/config" && mkdir -p "$out/cwd" "$T/config/urikake" && cp "$T/demo.db" "$out/db.db"
seed_confirm "$out/db.db" >"$out/seed.log" 2>&1 || cat "$out/seed.log"
(cd "$out/cwd" && URIKAKE_TEST_SCRIPT="$S/resolve.script" URIKAKE_TEST_SIZE=120x40 \
	URIKAKE_TEST_DUMP_DIR="$out" DB="$out/db.db" XDG_CONFIG_HOME="$T/config" \
	"$URIKAKE" --db "$out/db.db" --user tester 2>"$out/stderr")
t_is "resolve at 120x40 exits 0 and prints nothing" "$?:$(cat "$out/stderr")" "0:"
for got in "$out"/*.screen; do
	check_screen "$got" "$E/120x40/$(basename "$got")" "120x40 $(basename "$got")"
done
command -v sqlite3 >/dev/null && check_resolve "$out" "120x40 en"
t_is "every expected screen was produced" "$(cd "$E" && ls */*.screen | sort)" \
	"$(cd "$T/out" && ls */*/*.screen | sed 's|/[a-z-]*-\([a-zA-Z_]*\)/|/\1-|; s|/[a-z]*/|/|' | sort)"
t_done
