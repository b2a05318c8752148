/* queue: what the deposit-queue pane (view_queue.c) and its forms
 * (queue_form.c) share. */
#ifndef UR_UI_QUEUE_H
#define UR_UI_QUEUE_H

#include <stdbool.h>
#include <stdint.h>

#include "app.h"
#include "store_ui.h"

/** Open the allocation form for deposit d (copied) and customer: pick
 *  open invoices (split: enter amounts), see the running difference, book
 *  it as a fee or leave it on account, confirm. The caller holds the
 *  deposit's lease; the form gives it back when it closes. */
void queue_form_open(struct app *a, const struct sui_deposit *d, int64_t customer, bool split);

/** Called with the customer chosen in a picker. */
typedef void (*queue_pick_fn)(struct app *a, const struct sui_customer *c, void *ctx);

/** Let the user choose one of n customers (the array is copied and owned
 *  by the picker, which frees their strings); fn runs on Enter. */
void queue_picker_open(struct app *a, struct sui_customer *c, int n, queue_pick_fn fn);

/** Report a failed write: a lost race says so and refreshes. */
void queue_report(struct app *a, const struct ur_err *err);

#endif
