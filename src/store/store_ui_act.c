/* store_ui_act: the clerk's writes from the queue pane — confirm (through
 * the matching engine's store_match_confirm), park, assign the payer
 * (teaching the alias as a confirmation does) — each in one short
 * transaction that checks the state it expects and records an undoable
 * audit row (undone in store_ui_undo.c). */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "store_match.h"
#include "store_match_priv.h"
#include "store_ui.h"

/* Record the undoable action: after = {"deposit":…,"from":…,"to":…,
 * "customer":prev}. */
static enum ur_status
record(struct store *st, const char *action, const struct sui_deposit *d, enum deposit_state to,
       struct ur_err *err)
{
	struct strbuf j;
	char key[24];
	enum ur_status rc;

	sb_init(&j);
	sb_addf(&j, "{\"deposit\":%" PRId64 ",\"from\":\"%s\",\"to\":\"%s\",\"customer\":%" PRId64
		    "}", d->id, deposit_state_word(d->state), deposit_state_word(to),
		d->customer_id);
	snprintf(key, sizeof key, "%" PRId64, d->id);
	rc = store_audit_entity(st, action, "deposit", key, NULL, j.buf, err);
	sb_free(&j);
	return rc;
}

/* Commit, or roll back and pass the failure on. */
static enum ur_status
finish_tx(struct store *st, enum ur_status rc, struct ur_err *err)
{
	if (rc == UR_OK && store_commit(st, err) == UR_OK)
		return UR_OK;
	store_rollback(st);
	return err->status;
}

enum ur_status
store_ui_confirm(struct store *st, const struct sui_deposit *d, const struct match_proposal *p,
		 struct ur_err *err)
{
	struct match_deposit md;
	enum ur_status rc;

	sui_match_deposit(d, &md);
	if (store_begin(st, err) != UR_OK)
		return err->status;
	rc = store_match_confirm(st, &md, p, ALLOC_MANUAL, err);
	if (rc == UR_OK)
		rc = record(st, "ui-confirm", d, DEPOSIT_MATCHED, err);
	return finish_tx(st, rc, err);
}

enum ur_status
store_ui_park(struct store *st, int64_t id, const char *reason, struct ur_err *err)
{
	struct sui_deposit d;
	enum ur_status rc;

	if (!reason || !*reason)
		return ur_fail(err, UR_INPUT, _("a parked deposit needs a reason"));
	if (store_ui_deposit_get(st, id, &d, err) != UR_OK)
		return err->status;
	if ((rc = store_begin(st, err)) == UR_OK) {
		rc = store_deposit_set_state(st, id, DEPOSIT_UNMATCHED, DEPOSIT_PARKED,
					     d.customer_id, reason, err);
		if (rc == UR_OK)
			rc = record(st, "ui-park", &d, DEPOSIT_PARKED, err);
		rc = finish_tx(st, rc, err);
	}
	sui_deposit_free(&d);
	return rc;
}

enum ur_status
store_ui_assign(struct store *st, const struct sui_deposit *d, int64_t customer,
		struct ur_err *err)
{
	struct match_deposit md;
	enum ur_status rc;

	sui_match_deposit(d, &md);
	if (store_begin(st, err) != UR_OK)
		return err->status;
	rc = store_deposit_set_state(st, d->id, DEPOSIT_UNMATCHED, DEPOSIT_UNMATCHED, customer,
				     NULL, err);
	if (rc == UR_OK)
		rc = store_alias_learn(st, &md, customer, 1, err);
	if (rc == UR_OK)
		rc = record(st, "ui-assign", d, DEPOSIT_UNMATCHED, err);
	return finish_tx(st, rc, err);
}
