/* queue_matched: a matched deposit in pane 1's detail — how it was matched
 * (by the engine or by hand, and who), the customer and the invoices it
 * cleared (the ledger's live allocations) and the engine's reason, looked
 * at as before the match; for the engine's matches of today, that u takes
 * it back. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <curses.h>
#include <string.h>

#include "draw.h"
#include "i18n.h"
#include "queue.h"
#include "store.h"

bool
queue_auto_match(const struct sui_alloc *a, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (a[i].kind != ALLOC_AUTO)
			return false;
	return n > 0;
}

/* The engine's reason for the match: its proposal for the customer
 * matched ("" when it has none now). */
static void
match_reason(const struct sui_match *det, struct strbuf *out)
{
	const struct match_result *r = &det->r;

	for (int i = 0; i < r->nprop; i++)
		if (r->prop[i].customer_id == det->d.customer_id) {
			sb_adds(out, _("Why: "));
			match_explain(&r->prop[i], &det->md, out);
			return;
		}
}

/* "CODE name  INV-1 1,000, INV-2 2,000 (fee 440), on account 500". */
static void
cleared(const struct sui_deposit *d, const struct sui_alloc *a, size_t n, struct strbuf *b)
{
	char amt[48], fee[48];

	sb_addf(b, "%s %s ", d->customer_code, d->customer);
	for (size_t i = 0; i < n; i++) {
		app_money(a[i].amount, d->currency, amt, sizeof amt);
		sb_addf(b, "%s %s %s", i ? "," : "", *a[i].number ? a[i].number : _("on account"),
			amt);
		if (a[i].fee) {
			app_money(a[i].fee, d->currency, fee, sizeof fee);
			sb_addf(b, _(" (fee %s)"), fee);
		}
	}
}

int
queue_draw_matched(const struct sui_match *det, const struct sui_alloc *a, size_t n,
		   bool undo_hint, int y, int rows)
{
	struct strbuf b;
	int line = 0;

	sb_init(&b);
	sb_addf(&b, _("State: %s"), deposit_state_label(det->d.state));
	if (n)
		sb_addf(&b, queue_auto_match(a, n) ? _(" automatically (%s)") : _(" by hand (%s)"),
			a[0].user);
	draw_text(y + ++line, 1, COLS - 1, b.buf, TEXT_LEFT, UI_MUTED);
	if (n && line + 1 < rows) {
		sb_reset(&b);
		cleared(&det->d, a, n, &b);
		draw_text(y + ++line, 1, COLS - 1, b.buf, TEXT_LEFT, UI_NORMAL);
	}
	sb_reset(&b);
	match_reason(det, &b);
	if (*b.buf && line + 1 < rows)
		draw_text(y + ++line, 3, COLS - 3, b.buf, TEXT_LEFT, UI_MUTED);
	if (undo_hint && queue_auto_match(a, n) && line + 1 < rows)
		draw_text(y + ++line, 1, COLS - 1,
			  _("u undoes this automatic match: the deposit waits in the queue again."),
			  TEXT_LEFT, UI_MUTED);
	sb_free(&b);
	return line;
}
