/* match_explain: the one-line explanation of a proposal a clerk reads —
 * who the payer is taken to be and why, then how the amount is made up. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <inttypes.h>
#include <string.h>

#include "date.h"
#include "i18n.h"
#include "match.h"
#include "money.h"
#include "text.h"

/* An amount with its currency sign: "¥1,234", "USD 12.50". */
static void
put_money(struct strbuf *out, int64_t v, const char *cur)
{
	char buf[MONEY_BUFSZ];

	money_format(v, cur, MONEY_GROUP, buf, sizeof buf);
	if (cur && strcmp(cur, "JPY") == 0)
		sb_addf(out, "¥%s", buf);
	else
		sb_addf(out, "%s %s", cur ? cur : "", buf);
}

static void
put_payer(struct strbuf *out, const struct match_deposit *d)
{
	const char *n = d->payer.payer_name ? d->payer.payer_name : "";

	text_sanitize(out, n, strlen(n));
}

static void
put_name(struct strbuf *out, const char *n)
{
	n = n ? n : "";
	text_sanitize(out, n, strlen(n));
}

static void
put_customer(struct strbuf *out, const struct match_proposal *p)
{
	put_name(out, p->customer_name);
}

/* The payer links of the customer master: "= representative of 山田商事",
 * ", paid by parent 山田ホールディングス". */
static void
explain_link(const struct match_proposal *p, int alone, struct strbuf *out)
{
	unsigned f = p->features;

	if (alone && f & MATCH_F_REP) {
		sb_adds(out, _(" = representative of "));
		put_customer(out, p);
		if (f & MATCH_F_REP_SHARED)
			sb_adds(out, _(" (and of other customers)"));
	} else if (alone) {
		sb_adds(out, " → ");
		put_customer(out, p);
	} else if (f & MATCH_F_REP) {
		sb_adds(out, _(", the payer is its representative"));
	}
	if (f & MATCH_F_PARENT) {
		sb_adds(out, _(", paid by parent "));
		put_name(out, p->parent_name);
	}
}

void
match_explain_who(const struct match_proposal *p, const struct match_deposit *d,
		  struct strbuf *out)
{
	unsigned f = p->features;

	if (f & MATCH_F_VIRTUAL) {
		sb_addf(out, _("account %s is the virtual account of "), d->payer.acct_number);
		put_customer(out, p);
		return;
	}
	if (f & MATCH_F_AMOUNT_ONLY && f & MATCH_F_SEVERAL) {
		sb_adds(out, _("amount only: payer "));
		put_payer(out, d);
		sb_adds(out, _(" is not known to any of these customers"));
		return;
	}
	if (f & MATCH_F_AMOUNT_ONLY) {
		sb_adds(out, _("amount only: payer "));
		put_payer(out, d);
		sb_adds(out, _(" is not known as "));
		put_customer(out, p);
		return;
	}
	sb_adds(out, _("payer "));
	put_payer(out, d);
	if (!(f & MATCH_F_IDENTITY & ~MATCH_F_LINK)) {
		explain_link(p, 1, out);
		return;
	}
	sb_adds(out, f & (MATCH_F_NAME_FUZZY | MATCH_F_NAME_PREFIX) &&
			     !(f & (MATCH_F_ALIAS | MATCH_F_CODE)) ? " ≈ " : " = ");
	put_customer(out, p);
	if (f & MATCH_F_CONFLICT)
		sb_addf(out, _(" (alias, confirmed %" PRId64 "×, CONFLICT: also other customers)"),
			p->alias_count);
	else if (f & MATCH_F_CODE)
		sb_addf(out, _(" (payer code, confirmed %" PRId64 "×)"), p->alias_count);
	else if (f & MATCH_F_ALIAS)
		sb_addf(out, _(" (alias, confirmed %" PRId64 "×)"), p->alias_count);
	else if (f & MATCH_F_NAME_FUZZY)
		sb_addf(out, _(" (names %d%% similar)"), p->similarity);
	else if (f & MATCH_F_NAME_PREFIX)
		sb_adds(out, _(" (name cut short)"));
	else if (f & MATCH_F_NAME_SHARED)
		sb_adds(out, _(" (several customers have this name)"));
	if (f & MATCH_F_EDI)
		sb_adds(out, _(", EDI text names its invoice"));
	if (f & MATCH_F_CORP_DIFFERS)
		sb_adds(out, _(", company type differs"));
	explain_link(p, 0, out);
}

#define LINES_NAMED 4 /* a longer list names its first three and its last */

static void
explain_lines(const struct match_proposal *p, const char *cur, struct strbuf *out)
{
	int64_t fee = 0;

	for (int i = 0; i < p->nlines; i++) {
		const struct match_line *l = &p->line[i];

		fee += l->fee;
		if (p->nlines > LINES_NAMED && i >= LINES_NAMED - 1 && i < p->nlines - 1) {
			if (i == LINES_NAMED - 1)
				sb_adds(out, " + …");
			continue;
		}
		if (i)
			sb_adds(out, " + ");
		if (l->cleared < 0 || l->part || (p->fit == MATCH_FIT_PARTIAL && i == p->nlines - 1)) {
			sb_addf(out, l->cleared < 0 ? _("credit slip %s (") : _("part of %s ("),
				l->number);
			put_money(out, l->cleared, cur);
			if (l->share && p->nlines == 1)
				sb_addf(out, _(", %d %% of its bill"), l->share);
			sb_addc(out, ')');
		} else {
			sb_adds(out, l->number);
		}
	}
	if (p->nlines > LINES_NAMED)
		sb_addf(out, ngettext_(" (%d invoice)", " (%d invoices)", (unsigned long)p->nlines),
			p->nlines);
	if (fee && p->fit != MATCH_FIT_NEAR) {
		sb_adds(out, p->fit == MATCH_FIT_ROUNDING ? _(" − rounding ") : _(" − fee "));
		put_money(out, fee, cur);
	}
	if (p->on_account) {
		sb_adds(out, p->nlines ? " + " : "");
		put_money(out, p->on_account, cur);
		sb_adds(out, _(" on account"));
	}
}

/* The rest of an invoice an earlier deposit pays part of (its first
 * line): "after a part payment in the queue (¥430,000): the rest of
 * S-1 (¥195,641) + S-2". */
static void
explain_earlier(const struct match_proposal *p, const char *cur, struct strbuf *out)
{
	int64_t fee = 0;

	sb_adds(out, _("after a part payment waiting in the queue ("));
	put_money(out, p->earlier_part, cur);
	sb_adds(out, "): ");
	for (int i = 0; i < p->nlines; i++) {
		fee += p->line[i].fee;
		if (i) {
			sb_adds(out, " + ");
			sb_adds(out, p->line[i].number);
			continue;
		}
		sb_addf(out, _("the rest of %s ("), p->line[0].number);
		put_money(out, p->line[0].cleared, cur);
		sb_addc(out, ')');
	}
	if (fee) {
		sb_adds(out, _(" − fee "));
		put_money(out, fee, cur);
	}
}

/* How many customers p clears invoices of. */
static int
customers_of(const struct match_proposal *p)
{
	int n = 0;

	for (int i = 0; i < p->nlines; i++)
		n += match_line_first_of_customer(p, i);
	return n;
}

/* Which part payment: of the bill of one closing date (p->period), of a
 * later invoice, the invoice due now and the rest, or oldest first. */
static void
explain_partial_head(const struct match_proposal *p, struct strbuf *out)
{
	char day[DATE_ISO_SIZE];

	if (p->period) {
		date_format_iso(p->period, day);
		sb_addf(out, _("part of the bill of the closing of %s, older bills left open: "),
			day);
		return;
	}
	sb_adds(out, p->features & MATCH_F_SKIPS_OLDEST ? _("the oldest left open: ")
		     : p->features & MATCH_F_REST_OLDEST
			     ? _("the invoice due now in full, the rest towards the oldest: ")
			     : _("oldest first: "));
}

/* A closing total: "closing 2026-10-20: 37 slips (2 credit slips) − fee
 * ¥660", without listing every slip. */
static void
explain_period(const struct match_proposal *p, const char *cur, struct strbuf *out)
{
	char day[DATE_ISO_SIZE];
	int64_t fee = 0, total = 0, rounding = 0;
	int credits = 0;

	for (int i = 0; i < p->nlines; i++) {
		fee += p->line[i].fee;
		total += p->line[i].cleared;
		credits += p->line[i].cleared < 0;
	}
	date_format_iso(p->period, day);
	if (p->features & MATCH_F_BILLED_PERIOD) {
		sb_addf(out, _("the period's purchases (今回お買上額) on the 合計請求書 of %s, "),
			day);
		put_money(out, p->billed, cur);
		sb_adds(out, ": ");
	} else if (p->features & MATCH_F_BILLED && p->features & MATCH_F_SEVERAL) {
		sb_addf(out, _("the 合計請求書 of %s of %d customers, together "), day,
			customers_of(p));
		put_money(out, p->billed, cur);
		sb_adds(out, ": ");
	} else if (p->features & MATCH_F_BILLED) {
		sb_addf(out, _("the 合計請求書 of %s for "), day);
		put_money(out, p->billed, cur);
		sb_adds(out, ": ");
	} else if (p->periods > 1)
		sb_addf(out, ngettext_("everything open to the closing of %s (%d period): ",
				       "everything open to the closing of %s (%d periods): ",
				       (unsigned long)p->periods), day, p->periods);
	else
		sb_addf(out, _("the closing of %s: "), day);
	sb_addf(out, ngettext_("%d slip", "%d slips", (unsigned long)p->nlines), p->nlines);
	if (credits)
		sb_addf(out, ngettext_(" (%d credit slip)", " (%d credit slips)",
				       (unsigned long)credits), credits);
	sb_adds(out, " = ");
	put_money(out, total, cur);
	if (fee && p->fit != MATCH_FIT_NEAR && p->features & MATCH_F_BILLED &&
	    total > p->billed && total - fee <= p->billed) {
		rounding = total - p->billed; /* the bill's own tax, then a fee */
		sb_adds(out, p->features & MATCH_F_SEVERAL ? _(" − tax rounding on the bills ")
							    : _(" − tax rounding on the bill "));
		put_money(out, rounding, cur);
		fee -= rounding;
	}
	if (fee && p->fit != MATCH_FIT_NEAR) {
		sb_adds(out, !rounding && fee <= p->nlines ? _(" − tax rounding ") : _(" − fee "));
		put_money(out, fee, cur);
	}
	if (p->on_account) {
		sb_adds(out, _(" + tax rounding "));
		put_money(out, p->on_account, cur);
		sb_adds(out, _(" on account"));
	}
}

/* "everything due 2026-10-31 but S-7 + S-9 left open (¥4,400: disputed?): " */
static void
explain_left_open(const struct match_proposal *p, const char *cur, struct strbuf *out)
{
	char day[DATE_ISO_SIZE];
	struct strbuf nums, sum;

	sb_init(&nums);
	sb_init(&sum);
	for (int i = 0; i < p->left_open && i < MATCH_LEFT_OPEN_MAX; i++)
		sb_addf(&nums, "%s%s", i ? " + " : "", p->left_open_num[i]);
	date_format_iso(p->due_last, day);
	put_money(&sum, p->left_open_sum, cur);
	sb_addf(out, _("everything due %s but %s left open (%s: disputed?): "), day, nums.buf,
		sum.buf);
	sb_free(&nums);
	sb_free(&sum);
}

/* A near miss's difference by its kind: " − 1.00 % discount ¥12,345 (its
 * habit)". */
static void
explain_diff(const struct match_proposal *p, const char *cur, struct strbuf *out)
{
	int64_t diff = match_proposal_fees(p);

	switch (p->diff) {
	case MATCH_DIFF_FEE:
		sb_adds(out, _(" − a fee its policy does not list "));
		break;
	case MATCH_DIFF_ROUNDING:
		sb_adds(out, _(" − rounding "));
		break;
	case MATCH_DIFF_MOLING:
		sb_adds(out, _(" − small change dropped (抹零) "));
		break;
	case MATCH_DIFF_DISCOUNT:
		sb_addf(out, _(" − %d.%02d %% discount "), p->diff_bp / 100, p->diff_bp % 100);
		if (p->diff_fee || p->diff_round) {
			put_money(out, diff - p->diff_fee - p->diff_round, cur);
			sb_adds(out, p->diff_fee ? _(" and a fee ") : _(" and rounded down by "));
			if (p->diff_fee && p->diff_round) {
				put_money(out, p->diff_fee, cur);
				sb_adds(out, _(" and rounded down by "));
			}
			diff = p->diff_round ? p->diff_round : p->diff_fee;
		}
		break;
	default:
		sb_adds(out, _(" − a difference (an offset? a claim?) of "));
		break;
	}
	put_money(out, diff, cur);
	if (p->features & MATCH_F_LEARNED)
		sb_adds(out, _(" (the customer's habit)"));
}

int64_t
match_line_customer(const struct match_proposal *p, int i)
{
	return p->line[i].customer_id ? p->line[i].customer_id : p->customer_id;
}

const char *
match_line_customer_code(const struct match_proposal *p, int i)
{
	return p->line[i].customer_id ? p->line[i].customer_code : p->customer_code;
}

bool
match_line_first_of_customer(const struct match_proposal *p, int i)
{
	for (int k = 0; k < i; k++)
		if (match_line_customer(p, k) == match_line_customer(p, i))
			return false;
	return true;
}

/* "; one transfer for several customers: C001, C002". */
static void
explain_several(const struct match_proposal *p, struct strbuf *out)
{
	sb_adds(out, _("; one transfer for several customers: "));
	for (int i = 0; i < p->nlines; i++)
		if (match_line_first_of_customer(p, i)) {
			sb_adds(out, i ? ", " : "");
			put_name(out, match_line_customer_code(p, i));
		}
	if (p->features & MATCH_F_GROUP_LEARNED)
		sb_adds(out, _(" (it paid for each of them before; their closing totals add up in "
			       "one way only)"));
}

/* How many sets of as many statements add up to an agent's transfer. */
static void
explain_ways(const struct match_proposal *p, struct strbuf *out)
{
	if (p->amount_peers <= 1)
		sb_addf(out, _("; no other set of %d statements adds up to it"), customers_of(p));
	else
		sb_addf(out, _("; %d sets of %d statements add up to it"), p->amount_peers,
			customers_of(p));
}

/* Months from the other invoice's due date to the deposit, at least 1. */
static int
months_before(int32_t due, int32_t day)
{
	int m = (day - due + 15) / 30;

	return m < 1 ? 1 : m;
}

/* What a clerk should know before taking p: another open invoice of the
 * same amount, an invoice not yet issued on the deposit date. */
static void
explain_doubts(const struct match_proposal *p, const struct match_deposit *d,
	       struct strbuf *out)
{
	unsigned f = p->features;

	if (f & MATCH_F_SEVERAL)
		explain_several(p, out);
	if (f & MATCH_F_BILL_STALE) {
		char day[DATE_ISO_SIZE];

		date_format_iso(p->bill_to, day);
		sb_addf(out, _("; the 合計請求書 of %s for "), day);
		put_money(out, p->billed, d->currency ? d->currency : "");
		sb_adds(out, _(" no longer holds: its slips were paid or changed since"));
	}
	if (f & MATCH_F_FUTURE && p->nlines)
		sb_adds(out, _("; WARNING: issued after the deposit date"));
	if (f & MATCH_F_PAYS_OLDEST) {
		sb_adds(out, _("; the oldest of the open invoices of the same amount: this "
			       "customer pays its oldest first, as its confirmed payments show"));
	} else if (f & MATCH_F_OLDER_SAME) {
		int m = months_before(p->other_due, d->date);

		sb_addf(out, ngettext_("; an older open invoice of the same amount, due %d month "
				      "ago: a dispute?",
				      "; an older open invoice of the same amount, due %d months "
				      "ago: a dispute?", (unsigned long)m), m);
	} else if (f & MATCH_F_TIE_LATER) {
		sb_adds(out, _(", the same amount as the invoice due nearer the deposit"));
	} else if (f & MATCH_F_AMBIGUOUS && p->nlines == 1) {
		sb_adds(out, _("; another open invoice of the same amount: the dates do not tell "
			       "which"));
	} else if (f & MATCH_F_AMBIGUOUS) {
		sb_adds(out, _("; other combinations of open invoices add up as well"));
	}
}

void
match_explain(const struct match_proposal *p, const struct match_deposit *d,
	      struct strbuf *out)
{
	match_explain_who(p, d, out);
	sb_adds(out, "; ");
	match_explain_reading(p, d, out);
}

void
match_explain_reading(const struct match_proposal *p, const struct match_deposit *d,
		      struct strbuf *out)
{
	const char *cur = d->currency ? d->currency : "";

	switch (p->fit) {
	case MATCH_FIT_NONE:
		sb_adds(out, _("no open invoice fits the amount"));
		break;
	case MATCH_FIT_PARTIAL:
		if (p->features & MATCH_F_EARLIER_PART) {
			explain_earlier(p, cur, out);
			break;
		}
		explain_partial_head(p, out);
		explain_lines(p, cur, out);
		sb_adds(out, _(", the rest stays open"));
		break;
	case MATCH_FIT_OVER:
		sb_adds(out, p->nlines ? _("over-payment: ")
			     : p->features & MATCH_F_FUTURE ? _("paid before its invoice: ")
							    : _("nothing open: "));
		explain_lines(p, cur, out);
		if (p->features & MATCH_F_ROUNDED_UP)
			sb_adds(out, _(" (rounded up to a round sum)"));
		break;
	case MATCH_FIT_PERIOD:
		explain_period(p, cur, out);
		break;
	case MATCH_FIT_NEAR:
		sb_adds(out, _("amount = "));
		if (p->period)
			explain_period(p, cur, out);
		else
			explain_lines(p, cur, out);
		explain_diff(p, cur, out);
		break;
	default:
		sb_adds(out, _("amount = "));
		if (p->features & MATCH_F_LEFT_OPEN)
			explain_left_open(p, cur, out);
		explain_lines(p, cur, out);
		break;
	}
	if (p->features & MATCH_F_DUE_NEAR)
		sb_adds(out, _(", paid near the due date"));
	explain_doubts(p, d, out);
	if (p->features & MATCH_F_HELD_OTHER)
		sb_adds(out, _("; a deposit held earlier may be paying an invoice of this amount"));
	if (p->features & MATCH_F_AMOUNT_ONLY && p->features & MATCH_F_SEVERAL)
		explain_ways(p, out);
	else if (p->features & MATCH_F_AMOUNT_ONLY && p->amount_peers <= 1)
		sb_adds(out, _("; the only customer the amount fits"));
	else if (p->features & MATCH_F_AMOUNT_ONLY)
		sb_addf(out, _("; the amount fits %d customers"), p->amount_peers);
	sb_addf(out, _("; score %d"), p->score);
}
