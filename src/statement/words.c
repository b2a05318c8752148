/* words: document wording per language and how documents write dates
 * (see words.h). */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "date.h"
#include "words.h"

static const struct stmt_words ja = {
	.title = "合計請求書",
	.to_prefix = "",
	.to_suffix = " 御中",
	.intro = "毎度格別のお引き立てを賜り厚く御礼申し上げます。下記の通りご請求申し上げます。",
	.colon = "：",
	.issued = "発行日",
	.period = "請求期間",
	.account = "お客様コード",
	.currency = "通貨",
	.registration = "登録番号",
	.period_sep = "～",
	.previous = "前回御請求額",
	.received = "ご入金額",
	.adjusted = "調整額",
	.carried = "繰越金額",
	.sales = "今回お買上額",
	.tax = "うち消費税額",
	.current = "今回御請求額",
	.sec_payments = "ご入金明細",
	.sec_invoices = "お買上明細",
	.sec_ledger = "取引明細",
	.sec_tax = "税率別内訳",
	.sec_aging = "未決済残高（支払期日からの経過日数）",
	.sec_pay_to = "お振込先",
	.c_date = "日付",
	.c_number = "伝票番号",
	.c_memo = "摘要",
	.c_amount = "金額（税込）",
	.c_fee = "手数料・調整",
	.c_tax = "消費税",
	.c_due = "支払期日",
	.c_debit = "お買上",
	.c_credit = "ご入金",
	.c_balance = "残高",
	.c_open = "未決済額",
	.c_days = "経過日数",
	.m_opening = "前回繰越",
	.m_invoice = "売上",
	.m_payment = "ご入金",
	.m_fee = "振込手数料",
	.m_write_off = "貸倒償却",
	.m_credit_note = "値引・返品",
	.m_reversal = "ご入金取消",
	.m_refund = "ご返金",
	.m_closing = "今回御請求額",
	.none = "期間中のお取引はありません。",
	.aging = { "期日前", "1～30日", "31～60日", "61～90日", "91日以上" },
	.on_account = "前受金（ご入金済・未充当、上記より差引）",
	.rate_pre = "",
	.rate_post = "%対象",
	.exempt = "非課税",
	.rate_unknown = "税額記載なし",
	.rate_other = "税率混在",
	.reduced_mark = "※",
	.reduced_note = "※印は軽減税率（8%）対象",
	.base = "税抜金額",
	.tax_incl = "税込金額",
	.tax_unknown_note = "※消費税額の記載がない伝票を含みます。",
	.tax_total_note = "※消費税は税率ごとに今回お買上額の合計で計算しています"
			  "（伝票ごとの消費税額の合計との差額：",
	.as_of_pre = "",
	.as_of_post = "現在",
	.closing = "締日",
	.deadline = "お支払期限",
	.tel = "TEL",
	.contact = "担当",
	.seal = "印",
};

static const struct stmt_words zh = {
	.title = "对账单",
	.to_prefix = "致：",
	.to_suffix = "",
	.intro = "感谢贵公司一直以来的支持。现将本期往来款项列示如下，请核对后在确认栏签章并回传。",
	.colon = "：",
	.issued = "出具日期",
	.period = "对账期间",
	.account = "客户编号",
	.currency = "币种",
	.registration = "纳税人识别号",
	.period_sep = " 至 ",
	.previous = "期初余额",
	.received = "本期收款",
	.adjusted = "手续费及调整",
	.carried = "结转余额",
	.sales = "本期开票",
	.tax = "其中税额",
	.current = "期末余额",
	.sec_payments = "收款明细",
	.sec_invoices = "开票明细",
	.sec_ledger = "往来明细",
	.sec_tax = "税率明细",
	.sec_aging = "账龄分析",
	.sec_pay_to = "收款账户",
	.c_date = "日期",
	.c_number = "单号",
	.c_memo = "摘要",
	.c_amount = "金额",
	.c_fee = "手续费",
	.c_tax = "税额",
	.c_due = "到期日",
	.c_debit = "应收金额",
	.c_credit = "已收金额",
	.c_balance = "余额",
	.c_open = "未收金额",
	.c_days = "逾期天数",
	.m_opening = "期初余额",
	.m_invoice = "销售开票",
	.m_payment = "收到货款",
	.m_fee = "银行手续费",
	.m_write_off = "坏账核销",
	.m_credit_note = "红字冲减",
	.m_reversal = "收款冲回",
	.m_refund = "退款",
	.m_closing = "期末余额",
	.none = "本期无往来。",
	.aging = { "未到期", "1-30天", "31-60天", "61-90天", "90天以上" },
	.on_account = "预收款（已收款未核销，从上述金额中扣除）",
	.rate_pre = "税率",
	.rate_post = "%",
	.exempt = "免税",
	.rate_unknown = "未注明税额",
	.rate_other = "多税率",
	.reduced_mark = "",
	.reduced_note = "",
	.base = "不含税金额",
	.tax_incl = "价税合计",
	.tax_unknown_note = "注：部分发票未注明税额。",
	.tax_total_note = "注：税额按税率对本期合计计算一次（与各单据税额合计之差：",
	.slip_title = "确认栏",
	.slip_agree = "□ 上述余额核对相符。",
	.slip_disagree = "□ 核对不符，不符金额及原因：",
	.slip_seal = "客户（盖章）：",
	.slip_signer = "经办人（签字）：",
	.slip_date = "日期：　　　　年　　月　　日",
	.as_of_pre = "截至",
	.as_of_post = "",
	.tel = "电话",
	.contact = "联系人",
	.seal = "公司盖章",
};

static const struct stmt_words en = {
	.title = "Statement of Account",
	.to_prefix = "",
	.to_suffix = "",
	.intro = "Please find below your account with us for the period.",
	.colon = ": ",
	.issued = "Date",
	.period = "Period",
	.account = "Account",
	.currency = "Currency",
	.registration = "Registration No.",
	.period_sep = " to ",
	.previous = "Previous balance",
	.received = "Payments received",
	.adjusted = "Fees and adjustments",
	.carried = "Balance carried forward",
	.sales = "New invoices",
	.tax = "of which tax",
	.current = "Balance due",
	.sec_payments = "Payments",
	.sec_invoices = "Invoices",
	.sec_ledger = "Transactions",
	.sec_tax = "Tax by rate",
	.sec_aging = "Aging",
	.sec_pay_to = "Please pay to",
	.c_date = "Date",
	.c_number = "Reference",
	.c_memo = "Description",
	.c_amount = "Amount",
	.c_fee = "Fee",
	.c_tax = "Tax",
	.c_due = "Due",
	.c_debit = "Charges",
	.c_credit = "Credits",
	.c_balance = "Balance",
	.c_open = "Open",
	.c_days = "Days late",
	.m_opening = "Opening balance",
	.m_invoice = "Invoice",
	.m_payment = "Payment",
	.m_fee = "Bank charges deducted",
	.m_write_off = "Written off",
	.m_credit_note = "Credit note",
	.m_reversal = "Payment reversed",
	.m_refund = "Refund",
	.m_closing = "Balance due",
	.none = "No transactions in this period.",
	.aging = { "Not yet due", "1-30 days", "31-60 days", "61-90 days", "Over 90 days" },
	.on_account = "Paid in advance, held on account (less the above)",
	.rate_pre = "",
	.rate_post = "% rate",
	.exempt = "Exempt",
	.rate_unknown = "Tax not stated",
	.rate_other = "Mixed rates",
	.reduced_mark = "",
	.reduced_note = "",
	.base = "Net",
	.tax_incl = "Gross",
	.tax_unknown_note = "Some invoices do not state their tax.",
	.tax_total_note = "Tax is computed once per rate on the period's total (the difference "
			  "from the slips' own tax: ",
	.as_of_pre = "as of ",
	.as_of_post = "",
	.tel = "Tel",
	.contact = "Contact",
};

const struct stmt_words *
stmt_words(enum stmt_lang lang)
{
	return lang == STMT_JA ? &ja : lang == STMT_ZH ? &zh : &en;
}

void
stmt_date_long(int32_t day, enum stmt_lang lang, char buf[STMT_DATE_SIZE])
{
	static const char *const months[] = {
		"January", "February", "March", "April", "May", "June", "July",
		"August", "September", "October", "November", "December",
	};
	int y, m, d;

	date_to_ymd(day, &y, &m, &d);
	if (lang == STMT_EN)
		snprintf(buf, STMT_DATE_SIZE, "%d %s %d", d, months[(m - 1) % 12], y);
	else
		snprintf(buf, STMT_DATE_SIZE, "%d年%d月%d日", y, m, d);
}

void
stmt_date_short(int32_t day, enum stmt_lang lang, char buf[STMT_DATE_SIZE])
{
	int y, m, d;

	if (!day) {
		buf[0] = '\0';
		return;
	}
	date_to_ymd(day, &y, &m, &d);
	snprintf(buf, STMT_DATE_SIZE, lang == STMT_JA ? "%04d/%02d/%02d" : "%04d-%02d-%02d",
		 y, m, d);
}

/* n ASCII digits at s */
static bool
digits(const char *s, int n)
{
	for (int i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

const char *
stmt_postal_split(const char *address, char buf[STMT_POSTAL_SIZE])
{
	static const char mark[] = "〒", ideo_space[] = "　";
	const char *s = address, *end;

	buf[0] = '\0';
	if (strncmp(s, mark, strlen(mark)) == 0)
		s += strlen(mark);
	while (*s == ' ')
		s++;
	if (digits(s, 3) && s[3] == '-' && digits(s + 4, 4))
		end = s + 8;
	else if (digits(s, 7))
		end = s + 7;
	else
		return address;
	if (*end && *end != ' ' && *end != '\n' && strncmp(end, ideo_space, strlen(ideo_space)) != 0)
		return address;
	snprintf(buf, STMT_POSTAL_SIZE, "%s%.3s-%.4s", mark, s, s + (end - s == 8 ? 4 : 3));
	while (*end == ' ' || *end == '\n' || strncmp(end, ideo_space, strlen(ideo_space)) == 0)
		end += *end == ' ' || *end == '\n' ? 1 : strlen(ideo_space);
	return end;
}

const char *
stmt_line_text(const struct stmt_line *l, enum stmt_lang lang)
{
	const struct stmt_words *w = stmt_words(lang);

	switch (l->kind) {
	case LEDGER_MOVE_INVOICE:
		return *l->text ? l->text : w->m_invoice;
	case LEDGER_MOVE_PAYMENT:
		return l->amount < 0 ? w->m_reversal : w->m_payment;
	case LEDGER_MOVE_REFUND:
		return w->m_refund;
	case LEDGER_MOVE_ADJUSTMENT:
		if (strcmp(l->text, "fee") == 0)
			return w->m_fee;
		return strcmp(l->text, "write_off") == 0 ? w->m_write_off : w->m_credit_note;
	}
	return "";
}

void
stmt_rate_label(int rate, enum stmt_lang lang, char *buf, size_t size)
{
	const struct stmt_words *w = stmt_words(lang);

	if (rate > 0)
		snprintf(buf, size, "%s%d%s", w->rate_pre, rate, w->rate_post);
	else
		snprintf(buf, size, "%s", rate == STMT_RATE_EXEMPT ? w->exempt
					  : rate == STMT_RATE_UNKNOWN ? w->rate_unknown
								      : w->rate_other);
}
