/* notice: difference and refund notices (see notice.h): the placeholders,
 * the sentences that depend on the difference and on what we will do,
 * and the table of amounts. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "match.h"
#include "money.h"
#include "notice.h"
#include "render.h"
#include "stmt_build.h"
#include "store.h"
#include "words.h"
#include "xalloc.h"

extern const char ur_tpl_notice_difference_en[], ur_tpl_notice_difference_ja[],
	ur_tpl_notice_difference_zh_CN[];
extern const char ur_tpl_notice_refund_en[], ur_tpl_notice_refund_ja[],
	ur_tpl_notice_refund_zh_CN[];

/* The difference as the letter states it. */
enum situation { SIT_SHORT, SIT_OVER, SIT_UNKNOWN, SITUATIONS };

struct notice_words {
	const char *billed, *received, *difference, *refunded;
	const char *situation[SITUATIONS];
	const char *action[NOTICE_ACTIONS]; /* %s: the difference; expect: %s by %s */
};

static const struct notice_words words[STMT_LANGS] = {
	[STMT_JA] = {
		"ご請求金額", "ご入金額", "差額", "返金額",
		{ "ご請求金額に対しご入金額が不足しておりましたので、ご連絡申し上げます。",
		  "ご請求金額を超えるご入金をいただいておりましたので、ご連絡申し上げます。",
		  "弊社にてご請求の確認ができないご入金がございましたので、ご連絡申し上げます。" },
		{ "差額%sは前受金としてお預かりし、次回以降のご請求に充当させていただきます。",
		  "差額%sはご返金させていただきます。ご返金先の口座をお知らせくださいますようお願い申し上げます。",
		  "不足額%sにつきましては、%sまでにお振込みくださいますようお願い申し上げます。" },
	},
	[STMT_ZH] = {
		"应收金额", "实收金额", "差额", "退款金额",
		{ "实收金额少于应收金额，特此通知。",
		  "实收金额超过应收金额，特此通知。",
		  "我公司未能查到与该笔款项对应的应收账款，特此通知。" },
		{ "差额%s将作为预收款保留，用于抵扣以后的应收款项。",
		  "差额%s将退还贵方，请告知收款账户信息。",
		  "请于%2$s前支付不足部分%1$s。" },
	},
	[STMT_EN] = {
		"Amount billed", "Amount received", "Difference", "Amount refunded",
		{ "It is less than the amount billed.",
		  "It is more than the amount billed.",
		  "We cannot find an invoice of ours that it pays." },
		{ "We will keep the difference of %s on your account and set it against your next invoices.",
		  "We will refund the difference of %s; please tell us the bank account to pay it to.",
		  "Please pay the remaining %s by %s." },
	},
};

static const char *const actions[NOTICE_ACTIONS] = { "keep", "refund", "expect" };

int
notice_action_parse(const char *word)
{
	for (int i = 0; word && i < NOTICE_ACTIONS; i++)
		if (strcmp(word, actions[i]) == 0)
			return i;
	return -1;
}

const char *
notice_action_word(enum notice_action a)
{
	return a < NOTICE_ACTIONS ? actions[a] : "";
}

static enum situation
situation(const struct notice_facts *f)
{
	if (!f->billed)
		return SIT_UNKNOWN;
	return f->received < f->billed ? SIT_SHORT : SIT_OVER;
}

int
notice_action_fits(const struct notice_facts *f, enum notice_action a)
{
	return situation(f) == SIT_SHORT ? a == NOTICE_EXPECT : a != NOTICE_EXPECT;
}

int64_t
notice_fee(const struct match_proposal *p, int i)
{
	if (p->fit == MATCH_FIT_NEAR && (p->diff == MATCH_DIFF_DISCOUNT || p->diff == MATCH_DIFF_OTHER))
		return 0;
	return p->line[i].fee;
}

void
notice_difference_facts(struct notice_facts *f, const struct match_deposit *d,
			const struct match_proposal *p, const struct customer *c, int32_t today)
{
	memset(f, 0, sizeof *f);
	f->kind = NOTICE_DIFFERENCE;
	f->lang = c ? (int)stmt_lang_for(c) : -1;
	f->date = today;
	f->deposit = d->reference;
	f->payer = d->payer.payer_name;
	f->deposit_date = d->date;
	f->currency = d->currency;
	f->received = d->amount;
	f->code = c ? c->code : "";
	f->name = c ? c->name : d->payer.payer_name;
	f->address = c ? c->address : "";
	for (int i = 0; p && c && i < p->nlines; i++)
		f->billed += p->line[i].cleared - notice_fee(p, i);
	f->action = f->billed && f->received < f->billed ? NOTICE_EXPECT : NOTICE_KEEP;
}

enum stmt_lang
notice_lang(const struct notice_facts *f)
{
	if (f->lang >= 0 && f->lang < STMT_LANGS)
		return (enum stmt_lang)f->lang;
	if (f->currency && strcmp(f->currency, "JPY") == 0)
		return STMT_JA;
	return f->currency && strcmp(f->currency, "CNY") == 0 ? STMT_ZH : STMT_EN;
}

enum ur_status
notice_template(enum notice_kind kind, enum stmt_lang lang, const char *dir, char **text,
		char **name, struct ur_err *err)
{
	static const char *const diff[STMT_LANGS] = { ur_tpl_notice_difference_en,
						      ur_tpl_notice_difference_ja,
						      ur_tpl_notice_difference_zh_CN };
	static const char *const refund[STMT_LANGS] = { ur_tpl_notice_refund_en,
							ur_tpl_notice_refund_ja,
							ur_tpl_notice_refund_zh_CN };

	if (kind == NOTICE_REFUND)
		return letter_template("notice-refund", lang, refund[lang], dir, text, name, err);
	return letter_template("notice-difference", lang, diff[lang], dir, text, name, err);
}

/* An amount as a letter in lang writes it in running text. */
static void
amount_text(int64_t v, const char *cur, enum stmt_lang lang, char *buf, size_t size)
{
	char m[RENDER_MONEY_SIZE];

	render_money(v, cur, lang, m);
	if (lang == STMT_JA && strcmp(cur, "JPY") == 0)
		snprintf(buf, size, "%s円", m);
	else if (lang == STMT_ZH && strcmp(cur, "CNY") == 0)
		snprintf(buf, size, "人民币%s元", m);
	else
		snprintf(buf, size, "%s %s", cur, m);
}

static void
add_row(struct notice *n, const char *label, int64_t v)
{
	struct letter_row *r = &n->rows[n->letter.nrows++];

	r->label = label;
	amount_text(v, n->s.currency, n->s.lang, r->amount, sizeof r->amount);
}

/* The sentences and amounts of a difference notice. */
static void
difference_vars(struct notice *n, const struct notice_facts *f, struct letter_vars *v)
{
	const struct notice_words *w = &words[n->s.lang];
	int64_t diff = f->received - f->billed, gap = diff < 0 ? -diff : diff;
	char a[RENDER_MONEY_SIZE + 32], by[STMT_DATE_SIZE], buf[512];

	if (f->billed)
		add_row(n, w->billed, f->billed);
	add_row(n, w->received, f->received);
	if (f->billed)
		add_row(n, w->difference, diff);
	amount_text(f->billed, n->s.currency, n->s.lang, buf, sizeof buf);
	letter_var(v, "billed", buf);
	amount_text(f->received, n->s.currency, n->s.lang, buf, sizeof buf);
	letter_var(v, "received", buf);
	amount_text(gap, n->s.currency, n->s.lang, a, sizeof a);
	letter_var(v, "difference", a);
	letter_var(v, "situation", w->situation[situation(f)]);
	stmt_date_long(f->by, n->s.lang, by);
	letter_var(v, "by", f->by ? by : "");
	/* the format is one of the fixed sentences above */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	snprintf(buf, sizeof buf, w->action[f->action], a, by);
#pragma GCC diagnostic pop
	letter_var(v, "action", buf);
}

static void
refund_vars(struct notice *n, const struct notice_facts *f, struct letter_vars *v)
{
	char buf[512];

	add_row(n, words[n->s.lang].refunded, f->refunded);
	amount_text(f->refunded, n->s.currency, n->s.lang, buf, sizeof buf);
	letter_var(v, "amount", buf);
	stmt_date_long(f->refund_date, n->s.lang, buf);
	letter_var(v, "refund_date", buf);
	letter_var(v, "to", f->paid_to);
	letter_var(v, "reason", f->reason);
}

static void
common_vars(struct notice *n, const struct notice_facts *f, const struct company *c,
	    struct letter_vars *v)
{
	const char *lang = stmt_lang_code(n->s.lang);
	char buf[128];

	letter_var(v, "customer", n->s.name);
	letter_var(v, "code", n->s.code);
	letter_var(v, "company", company_get(c, "name", lang));
	stmt_date_long(f->date, n->s.lang, buf);
	letter_var(v, "date", buf);
	letter_var(v, "deposit", f->deposit);
	letter_var(v, "payer", f->payer);
	stmt_date_long(f->deposit_date, n->s.lang, buf);
	letter_var(v, "deposit_date", f->deposit_date ? buf : "");
	letter_var(v, "currency", n->s.currency);
	letter_var(v, "bank", company_get(c, "bank", lang));
	letter_var(v, "phone", company_get(c, "phone", lang));
}

static enum ur_status
check(const struct notice_facts *f, struct ur_err *err)
{
	if (f->kind == NOTICE_REFUND)
		return f->refunded > 0 ? UR_OK
				       : ur_fail(err, UR_INPUT, _("a refund notice needs a refund"));
	if (f->billed && f->received == f->billed)
		return ur_fail(err, UR_INPUT, _("deposit %s is the amount billed: no difference "
						"to write about"), f->deposit ? f->deposit : "");
	if (!notice_action_fits(f, f->action))
		return ur_fail(err, UR_INPUT,
			       situation(f) == SIT_SHORT
				       ? _("deposit %s is short: the notice can only ask for the rest "
					   "(expect --by DATE)")
				       : _("deposit %s is more than was billed: keep it on account or "
					   "refund it (keep or refund)"), f->deposit ? f->deposit : "");
	if (f->action == NOTICE_EXPECT && !f->by)
		return ur_fail(err, UR_INPUT, _("say by when the rest is expected (--by DATE)"));
	return UR_OK;
}

enum ur_status
notice_build(const char *text, const char *name, const struct notice_facts *f,
	     const struct company *c, struct notice *out, struct ur_err *err)
{
	struct letter_vars v = { .n = 0 };
	enum ur_status rc;

	memset(out, 0, sizeof *out);
	if ((rc = check(f, err)) != UR_OK)
		return rc;
	/* a payer we do not know is named by the deposit (file names) */
	out->s.code = xstrdup(f->code && *f->code ? f->code : f->deposit ? f->deposit : "");
	out->s.name = xstrdup(f->name ? f->name : "");
	out->s.address = xstrdup(f->address ? f->address : "");
	out->s.currency = xstrdup(f->currency ? f->currency : "JPY");
	out->s.lang = notice_lang(f);
	out->s.to = f->date;
	out->letter.lang = out->s.lang;
	out->letter.s = &out->s;
	out->letter.date = f->date;
	out->letter.rows = out->rows;
	common_vars(out, f, c, &v);
	if (f->kind == NOTICE_REFUND)
		refund_vars(out, f, &v);
	else
		difference_vars(out, f, &v);
	rc = letter_expand(text, name, &v, &out->letter, err);
	letter_vars_free(&v);
	if (rc != UR_OK)
		notice_free(out);
	return rc;
}

void
notice_free(struct notice *n)
{
	dunning_free(&n->letter);
	stmt_free(&n->s);
	memset(n, 0, sizeof *n);
}
