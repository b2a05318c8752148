/* view_contacts: pane 3 as far as this issue goes — the latest entries of
 * the contact log (calls, letters, promises), for everyone or for the
 * customer chosen from the queue. */
#include "config.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "draw.h"
#include "i18n.h"
#include "store_ui.h"
#include "xalloc.h"

#define MAX_CONTACTS 500

struct contacts {
	struct sui_contact rows[MAX_CONTACTS];
	int n;
	int64_t customer;
	char *name;
};

static void
contacts_load(struct view *v)
{
	struct contacts *c = v->priv;
	struct ur_err err;

	sui_contacts_free(c->rows, c->n);
	c->n = 0;
	ur_err_clear(&err);
	if (store_ui_contacts(v->app->st, c->customer, MAX_CONTACTS, c->rows, &c->n, &err) != UR_OK)
		app_error(v->app, "%s", err.msg);
	app_move(v, v->cursor);
}

static void
contacts_open(struct view *v)
{
	v->priv = xcalloc(1, sizeof(struct contacts));
	contacts_load(v);
}

static void
contacts_close(struct view *v)
{
	struct contacts *c = v->priv;

	sui_contacts_free(c->rows, c->n);
	free(c->name);
	free(c);
	v->priv = NULL;
}

static long
contacts_count(struct view *v)
{
	return ((struct contacts *)v->priv)->n;
}

void
contacts_filter(struct view *v, int64_t customer, const char *name)
{
	struct contacts *c = v->priv;

	free(c->name);
	c->name = customer ? xstrdup(name) : NULL;
	c->customer = customer;
	v->cursor = v->top = 0;
	contacts_load(v);
}

static void
contacts_draw(struct view *v, int y, int rows)
{
	struct contacts *c = v->priv;
	int wc = (COLS - 46) / 3, wn = COLS - 46 - wc;
	char buf[512];
	long top;

	if (c->name)
		snprintf(buf, sizeof buf, _("Contact log · %s · %d"), c->name, c->n);
	else
		snprintf(buf, sizeof buf, _("Contact log · everyone · %d"), c->n);
	draw_text(y, 0, COLS, buf, TEXT_LEFT, UI_TITLE);
	draw_text(y + 1, 0, 17, _("When"), TEXT_LEFT, UI_HEADER);
	draw_text(y + 1, 17, 9, _("Who"), TEXT_LEFT, UI_HEADER);
	draw_text(y + 1, 26, wc, _("Customer"), TEXT_LEFT, UI_HEADER);
	draw_text(y + 1, 26 + wc, 9, _("Channel"), TEXT_LEFT, UI_HEADER);
	draw_text(y + 1, 35 + wc, 11, _("Next"), TEXT_LEFT, UI_HEADER);
	draw_text(y + 1, 46 + wc, wn, _("Note"), TEXT_LEFT, UI_HEADER);
	top = app_list_top(v, rows - 2);
	for (long i = top; i < c->n && i < top + rows - 2; i++) {
		struct sui_contact *k = &c->rows[i];
		enum ui_elem e = i == v->cursor ? UI_CURSOR : UI_NORMAL;
		int yy = y + 2 + (int)(i - top);

		snprintf(buf, sizeof buf, "%.10s %.5s", k->at, k->at + (strlen(k->at) > 11 ? 11 : 0));
		draw_text(yy, 0, 17, buf, TEXT_LEFT, e);
		draw_text(yy, 17, 9, k->user, TEXT_LEFT, e);
		draw_text(yy, 26, wc, k->customer, TEXT_LEFT, e);
		draw_text(yy, 26 + wc, 9, k->channel, TEXT_LEFT, e);
		draw_text(yy, 35 + wc, 11, k->next, TEXT_LEFT, e);
		snprintf(buf, sizeof buf, "%s%s%s", k->outcome, *k->outcome ? ": " : "", k->note);
		draw_text(yy, 46 + wc, wn, buf, TEXT_LEFT, e);
	}
	if (!c->n)
		draw_text(y + 3, 2, COLS - 4, _("No contacts recorded yet."), TEXT_LEFT, UI_MUTED);
}

static enum request
contacts_request(struct view *v, enum request req)
{
	(void)v;
	return req;
}

static long
contacts_find(struct view *v, const char *text, long from, int dir)
{
	struct contacts *c = v->priv;

	for (long i = from; i >= 0 && i < c->n; i += dir)
		if (strstr(c->rows[i].customer, text) || strstr(c->rows[i].note, text))
			return i;
	return -1;
}

const struct view_ops contacts_ops = {
	.title = N_("Contacts"),
	.section = KM_CONTACTS,
	.open = contacts_open,
	.close = contacts_close,
	.reload = contacts_load,
	.draw = contacts_draw,
	.request = contacts_request,
	.count = contacts_count,
	.find = contacts_find,
};
