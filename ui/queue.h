/* queue: what the deposit-queue pane (view_queue.c), its window over the
 * database (queue_win.c), its forms (queue_form.c, picker.c) and its
 * difference notice (queue_notice.c) share. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_UI_QUEUE_H
#define UR_UI_QUEUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "app.h"
#include "match.h"
#include "store_ui.h"

/* Most rows loaded at once; best proposals remembered. */
#define QWIN_MAX 128
#define QWIN_BEST 512

/* The engine's best proposal for a deposit, as the list shows it. */
struct qbest {
	int64_t id; /* 0: empty slot */
	bool some;
	int score;
	char name[96];
};

/* The rows [top, top + len) of the queue in filter and sort order. */
struct qwin {
	enum sui_filter filter;
	enum sui_sort sort;
	long n; /* deposits in the filter; -1: not counted yet */
	long counts[SUI_FILTER_COUNT]; /* each filter's, -1: not counted yet */
	long top;
	int len;
	struct sui_deposit rows[QWIN_MAX];
	char *holder[QWIN_MAX]; /* who else handles the row, or NULL */
	struct qbest best[QWIN_BEST];
	struct match_config cfg;
	struct sui_names names; /* for the engine's names alike */
};

/** An empty window; proposals under cfg. */
void qwin_init(struct qwin *w, const struct match_config *cfg);
/** Free the rows and the names. */
void qwin_free(struct qwin *w);
/** Forget the rows (after a change of filter or sort); when the database
 *  changed, also the counts and the proposals. */
void qwin_reset(struct qwin *w, bool proposals);
/** The deposits in the filter (counted once until the database changes). */
long qwin_count(struct qwin *w, struct app *a);
/** Make rows [top, top + cnt) loaded (errors go to the message line). */
void qwin_load(struct qwin *w, struct app *a, long top, int cnt);
/** Row pos when loaded, else NULL. */
struct sui_deposit *qwin_row(struct qwin *w, long pos);
/** Who else handles row pos (NULL: nobody, or not loaded). */
const char *qwin_holder(const struct qwin *w, long pos);
/** The best proposal for d, remembered, or else computed (and remembered)
 *  when compute is true; NULL when not known (or on a failure). */
const struct qbest *qwin_best(struct qwin *w, struct app *a, const struct sui_deposit *d,
			      bool compute);
/** Remember the best proposal of result r for deposit id. */
void qwin_best_set(struct qwin *w, int64_t id, const struct match_result *r);

/** Open the allocation form for deposit d (copied) and customer: pick
 *  open invoices (split: enter amounts), see the running difference, book
 *  it as a fee or leave it on account, confirm. The caller holds the
 *  deposit's lease; the form gives it back when it closes. */
void queue_form_open(struct app *a, const struct sui_deposit *d, int64_t customer, bool split);

/** Called with the customer chosen in a picker; ctx: the context of the
 *  form it opened over (queue_picker_over), else NULL. */
typedef void (*queue_pick_fn)(struct app *a, const struct sui_customer *c, void *ctx);

/** Let the user choose one of n customers (the array is copied and owned
 *  by the picker, which frees their strings); fn runs on Enter. */
void queue_picker_open(struct app *a, struct sui_customer *c, int n, queue_pick_fn fn);
/** The same over the modal layer open now (a form), which shows below it
 *  and is back on top when the picker closes (Enter or Esc). */
void queue_picker_over(struct app *a, struct sui_customer *c, int n, queue_pick_fn fn);

/** The customers text names (at most 50) in a picker, over the form open
 *  now when over; an error message when none does. */
void queue_picker_find(struct app *a, const char *text, bool over, queue_pick_fn fn);

/** Are the n allocations a all the engine's (and some)? */
bool queue_auto_match(const struct sui_alloc *a, size_t n);
/** Draw matched deposit det's state, its customer and the n allocations a
 *  it has, and the engine's reason, below line y in at most rows lines
 *  (undo_hint: say that u undoes an automatic match); the lines used. */
int queue_draw_matched(const struct sui_match *det, const struct sui_alloc *a, size_t n,
		       bool undo_hint, int y, int rows);

/** The queue's d: ask what we will do about the difference between
 *  deposit det and proposal sel (none: from a payer we do not know), then
 *  preview the difference notice (preview_notice_open). */
void queue_notice_ask(struct app *a, const struct sui_match *det, int sel);

/** " (rating C)" or " (rating E, credit hold)" for p's customer, from pane
 *  2's rows of today, in buf (*hold: on credit hold); "" while they are not
 *  loaded. v: the queue. */
const char *queue_rating(struct view *v, const struct match_proposal *p, char *buf, size_t size,
			 bool *hold);
/** The queue's e: every proposal of det (band letters under cfg) with its
 *  customer's rating, all its invoices and its whole explanation, sel
 *  marked, in a text view. v: the queue. */
void queue_explain_open(struct view *v, const struct match_config *cfg,
			const struct sui_match *det, int sel);
/** A proposal's reason for its line under the proposal: who pays, then how
 *  the amount is read; reading_first puts the reading first. */
void queue_proposal_reason(const struct match_proposal *p, const struct match_deposit *d,
			   bool reading_first, struct strbuf *out);
/** Whether the reason of any of the n proposals of r from first is wider
 *  than width cells: then all are drawn reading first, which the clerk needs
 *  most, and they read alike. */
bool queue_reasons_overflow(const struct match_result *r, const struct match_deposit *d,
			    int first, int n, int width);

/** Say what was confirmed: the payer, to whom, and for how many other
 *  customers p clears invoices of. */
void queue_confirmed(struct app *a, const char *payer, const char *name,
		     const struct match_proposal *p);
/** Report a failed write: a lost race says so and refreshes. */
void queue_report(struct app *a, const struct ur_err *err);

#endif
