/* contact: channels, owners, levels, promise and dunning rules (see
 * contact.h). */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "contact.h"
#include "csv.h"
#include "date.h"
#include "i18n.h"
#include "strbuf.h"

static const char *const channel_names[CONTACT_CHANNELS] = {
	"phone", "email", "letter", "visit", "sms",
};

/* The same, as shown (translated); in channel_names' order. */
static const char *const channel_labels[CONTACT_CHANNELS] = {
	N_("phone"), N_("email"), N_("letter"), N_("visit"), N_("SMS"),
};

const char *
contact_channel_name(enum contact_channel ch)
{
	return (unsigned)ch < CONTACT_CHANNELS ? channel_names[ch] : "";
}

const char *
contact_channel_label(const char *name)
{
	enum contact_channel ch;

	return contact_channel_parse(name, &ch) ? _(channel_labels[ch]) : name;
}

bool
contact_channel_parse(const char *text, enum contact_channel *out)
{
	if (!text)
		return false;
	for (int i = 0; i < CONTACT_CHANNELS; i++)
		if (strcmp(text, channel_names[i]) == 0) {
			*out = (enum contact_channel)i;
			return true;
		}
	if (strcmp(text, "e-mail") == 0 || strcmp(text, "mail") == 0) {
		*out = CONTACT_EMAIL;
		return true;
	}
	return false;
}

const char *
contact_owner_name(enum contact_owner o)
{
	return o == CONTACT_SALES ? "sales" : o == CONTACT_ACCOUNTING ? "accounting" : "";
}

const char *
contact_owner_label(const char *name)
{
	enum contact_owner o;

	if (!contact_owner_parse(name, &o) || o == CONTACT_OWNER_NONE)
		return name ? name : "";
	return o == CONTACT_SALES ? _("sales") : _("accounting");
}

bool
contact_owner_parse(const char *text, enum contact_owner *out)
{
	if (!text || !*text)
		*out = CONTACT_OWNER_NONE;
	else if (strcmp(text, "sales") == 0)
		*out = CONTACT_SALES;
	else if (strcmp(text, "accounting") == 0)
		*out = CONTACT_ACCOUNTING;
	else
		return false;
	return true;
}

/* The dunning levels, the one table every command and pane reads: each
 * step's name and whether a letter goes with it (the dunning command and
 * D in the panes write one; legal action is the lawyer's). Index: level. */
static const struct {
	const char *name;
	bool letter;
} levels[ARCONF_LEVELS + 1] = {
	[CONTACT_LEVEL_NONE] = { N_("None"), false },
	[CONTACT_LEVEL_REMINDER] = { N_("Reminder"), true },
	[CONTACT_LEVEL_DEMAND] = { N_("Demand letter"), true },
	[CONTACT_LEVEL_CERTIFIED] = { N_("Certified letter"), true },
	[CONTACT_LEVEL_LEGAL] = { N_("Legal action"), false },
};

const char *
contact_level_name(int level)
{
	if (level < 0 || level > ARCONF_LEVELS)
		return "";
	return _(levels[level].name);
}

bool
contact_level_letter(int level)
{
	return level > 0 && level <= ARCONF_LEVELS && levels[level].letter;
}

void
contact_level_list(bool letters, struct strbuf *out)
{
	bool first = true;

	for (int i = 1; i <= ARCONF_LEVELS; i++) {
		if (letters && !levels[i].letter)
			continue;
		/* TRANSLATORS: between the levels of a list: "1 Reminder, 2 Demand letter" */
		sb_addf(out, "%s%d %s", first ? "" : _(", "), i, _(levels[i].name));
		first = false;
	}
}

const char *
contact_entry_head(int dunning_level, const char *outcome, const char *note, bool *show_note)
{
	*show_note = note && *note && !(dunning_level > 0 && outcome && !strcmp(note, outcome));
	if (dunning_level > 0 && dunning_level <= ARCONF_LEVELS)
		return contact_level_name(dunning_level);
	return outcome ? outcome : "";
}

/* Line breaks are fine in a note; other control characters (an escape
 * sequence pasted or left by an editor) are refused. */
static enum ur_status
check_text(const char *what, const char *s, struct ur_err *err)
{
	long cp = s ? csv_control_char(s, strlen(s), true, NULL) : -1;

	if (cp < 0)
		return UR_OK;
	return ur_fail(err, UR_INPUT, _("%s: control character U+%04lX is not allowed"), what,
		       (unsigned long)cp);
}

enum ur_status
contact_check(const struct contact *c, int32_t today, struct ur_err *err)
{
	int32_t day = c->day ? c->day : today;

	if (c->customer_id <= 0)
		return ur_fail(err, UR_INPUT, _("a contact needs a customer"));
	if ((unsigned)c->channel >= CONTACT_CHANNELS)
		return ur_fail(err, UR_INPUT, _("unknown contact channel"));
	if ((!c->note || !*c->note) && c->dunning_level <= 0) /* a step speaks for itself */
		return ur_fail(err, UR_INPUT, _("a contact needs a note"));
	if (check_text(_("note"), c->note, err) != UR_OK ||
	    check_text(_("outcome"), c->outcome, err) != UR_OK)
		return UR_INPUT;
	if (c->promise_date && c->promise_amount <= 0)
		return ur_fail(err, UR_INPUT, _("a promise needs an amount above zero"));
	if (!c->promise_date && c->promise_amount)
		return ur_fail(err, UR_INPUT, _("a promised amount needs a date"));
	if (c->promise_date && c->promise_date < day)
		return ur_fail(err, UR_INPUT, _("the promised date is before the contact"));
	if (c->next_date && c->next_date < day)
		return ur_fail(err, UR_INPUT, _("the next action is dated before the contact"));
	if (c->dunning_level < 0 || c->dunning_level > ARCONF_LEVELS)
		return ur_fail(err, UR_INPUT, _("dunning levels go from 0 to %d"), ARCONF_LEVELS);
	return UR_OK;
}

const char *
contact_promise_name(enum contact_promise p)
{
	/* ja 約束中 / 履行済 / 不履行: each differs from the others in its first
	 * character, so a state cut to one character still reads right. */
	return p == CONTACT_PROMISE_KEPT     ? _("kept")
	       : p == CONTACT_PROMISE_BROKEN ? _("broken")
					     : _("pending");
}

enum contact_promise
contact_promise_state(int32_t date, int64_t amount, int64_t paid, int32_t today)
{
	if (paid >= amount)
		return CONTACT_PROMISE_KEPT;
	return date < today ? CONTACT_PROMISE_BROKEN : CONTACT_PROMISE_PENDING;
}

int
contact_level_due(const struct ar_settings *s, int days_overdue)
{
	int level = 0;

	for (int i = 0; i < ARCONF_LEVELS; i++)
		if (days_overdue >= s->dunning_days[i])
			level = i + 1;
	return level;
}

bool
contact_dunnable(int days_late, bool disputed)
{
	return days_late > 0 && !disputed;
}

int
contact_level_crossed(const struct ar_settings *s, int days_overdue, int recorded,
		      int since_step, int32_t promise_until, int32_t today)
{
	int due = contact_level_due(s, days_overdue);

	if (due <= recorded || (promise_until && promise_until >= today))
		return 0;
	if (recorded > 0 && recorded < ARCONF_LEVELS &&
	    since_step < s->dunning_days[recorded] - s->dunning_days[recorded - 1])
		return 0; /* the last step has not had its time yet */
	return recorded + 1; /* skipping a level is the clerk's decision (L) */
}

enum contact_owner
contact_collector(const struct ar_settings *s, enum contact_owner customer_choice, int level,
		  bool has_rep)
{
	enum contact_owner o = customer_choice;

	if (o == CONTACT_OWNER_NONE)
		o = (enum contact_owner)s->collector[level < 0 ? 0 : level > ARCONF_LEVELS
							     ? ARCONF_LEVELS : level];
	return o == CONTACT_SALES && !has_rep ? CONTACT_ACCOUNTING : o;
}

bool
worklist_for_rep(const struct worklist_item *w, const char *rep)
{
	return strcmp(w->caller, "sales") == 0 && strcmp(w->sales_rep, rep) == 0;
}
