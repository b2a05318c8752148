/* queue_explain: the queue's `e` — every proposal for the deposit under the
 * cursor read in full over the panes: its band and score, every invoice it
 * clears (a closing total may clear hundreds of slips) with the fee and
 * what stays on account, and the whole explanation, which the detail's
 * one line cuts at the screen's edge; and that line's reason itself. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "draw.h"
#include "i18n.h"
#include "panes.h"
#include "queue.h"

/* One invoice line of p: "  INV-1 91,190 (fee 770)", its customer's code
 * when it is another customer's invoice. */
static void
explain_line(struct strbuf *sb, const struct match_proposal *p, int i, const char *cur)
{
	const struct match_line *l = &p->line[i];
	char amt[48];

	app_money(l->cleared, cur, amt, sizeof amt);
	sb_addf(sb, "    %s%s%s %s", l->customer_code ? l->customer_code : "",
		l->customer_code ? " " : "", l->number, amt);
	if (l->fee) {
		app_money(l->fee, cur, amt, sizeof amt);
		sb_addf(sb, _(" (fee %s)"), amt);
	}
	sb_addc(sb, '\n');
}

static void
explain_proposal(struct strbuf *sb, struct view *v, const struct match_config *cfg,
		 const struct sui_match *det, int k, int sel)
{
	const struct match_proposal *p = &det->r.prop[k];
	const char *cur = det->d.currency;
	char amt[48], rating[128];
	bool hold;

	if (k)
		sb_addc(sb, '\n');
	sb_addf(sb, "%s %c %3d  %s %s%s\n", k == sel ? ">" : " ", match_band(cfg, p->score),
		p->score, p->customer_code ? p->customer_code : "",
		p->customer_name ? p->customer_name : "",
		queue_rating(v, p, rating, sizeof rating, &hold));
	for (int i = 0; i < p->nlines; i++)
		explain_line(sb, p, i, cur);
	if (p->on_account) {
		app_money(p->on_account, cur, amt, sizeof amt);
		sb_addf(sb, "    %s %s\n", _("on account"), amt);
	}
	sb_adds(sb, "    ");
	match_explain(p, &det->md, sb);
	sb_addc(sb, '\n');
}

void
queue_explain_open(struct view *v, const struct match_config *cfg, const struct sui_match *det,
		   int sel)
{
	struct app *a = v->app;
	struct strbuf sb, title;
	char amt[48], date[32];
	size_t at = 0;

	if (!det->r.nprop) {
		app_error(a, "%s", _("No proposal to explain."));
		return;
	}
	sb_init(&sb);
	sb_init(&title);
	app_money(det->d.amount, det->d.currency, amt, sizeof amt);
	settings_date(&a->set, det->d.date, date, sizeof date);
	sb_addf(&title, _("Proposals for %s %s %s from %s"), date, amt, det->d.currency,
		det->d.payer.payer_name);
	if (det->r.hold != MATCH_AUTO)
		sb_addf(&sb, "%s\n\n", match_hold_text(det->r.hold));
	for (int k = 0; k < det->r.nprop; k++) {
		if (k == sel && k)
			at = sb.len + 1; /* past the blank line before it */
		explain_proposal(&sb, v, cfg, det, k, sel);
	}
	textview_open_at(a, title.buf, sb.buf, at);
	sb_free(&sb);
	sb_free(&title);
}

void
queue_proposal_reason(const struct match_proposal *p, const struct match_deposit *d,
		      bool reading_first, struct strbuf *out)
{
	if (!reading_first) {
		match_explain(p, d, out);
		return;
	}
	match_explain_reading(p, d, out);
	sb_adds(out, "; ");
	match_explain_who(p, d, out);
}

bool
queue_reasons_overflow(const struct match_result *r, const struct match_deposit *d, int first,
		       int n, int width)
{
	struct strbuf sb;
	bool wide = false;

	sb_init(&sb);
	for (int i = first; i < r->nprop && i < first + n && !wide; i++) {
		sb_reset(&sb);
		match_explain(&r->prop[i], d, &sb);
		wide = draw_width(sb.buf) > width;
	}
	sb_free(&sb);
	return wide;
}
