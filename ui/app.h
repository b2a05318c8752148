/* app: the state every pane shares — the store, settings, keymap, the
 * panes, the status line, the modal layer (forms, pickers, prompts) — and
 * the services panes call (messages, prompts, switching panes). */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_UI_APP_H
#define UR_UI_APP_H

#include <stdbool.h>
#include <stdatomic.h>
#include <stdint.h>

#include "arconf.h"
#include "keymap.h"
#include "rating.h"
#include "request.h"
#include "settings.h"
#include "store_ui.h"
#include "strbuf.h"

struct store;
struct loader;
struct app;
struct view;

/* One pane (tig's view_ops, ncmpc's screen). */
struct view_ops {
	const char *title;           /* N_(), translated on draw */
	enum keymap_section section; /* its keymap section */
	void (*open)(struct view *v);
	void (*close)(struct view *v);
	/* the database changed: re-query, keeping the cursor's place */
	void (*reload)(struct view *v);
	/* draw rows [y, y + rows) of the screen */
	void (*draw)(struct view *v, int y, int rows);
	/* handle req; return REQ_NONE when done, else pass it on */
	enum request (*request)(struct view *v, enum request req);
	/* rows in the list (for the generic movement) */
	long (*count)(struct view *v);
	/* position of the first row at or after `from` (before, dir < 0)
	 * matching text, or -1 */
	long (*find)(struct view *v, const char *text, long from, int dir);
	/* on every turn of the loop (may be NULL): swap in what a background
	 * load finished (with wait, wait for it first: the headless test
	 * mode); true while a load is still under way */
	bool (*poll)(struct view *v, bool wait);
};

struct view {
	const struct view_ops *ops;
	struct app *app;
	long cursor, top;
	int page; /* list rows drawn last time */
	void *priv;
};

/* A modal layer over the panes: a form or a picker. Its keys are looked
 * up in the form section, which takes the generic moving keys. */
struct modal {
	void (*draw)(struct app *a, void *ctx);
	/* a key arrived (req: its action in the form section); return false
	 * to close the modal */
	bool (*key)(struct app *a, void *ctx, enum request req, int key);
	void (*free)(void *ctx);
	void *ctx;
	/* true while a text field has the focus: typed characters (? q j k
	 * g G too) then reach key with req REQ_NONE (NULL: never) */
	bool (*editing)(void *ctx);
};

/* Called when a prompt is accepted (text) or cancelled (NULL), and on
 * every edit when incremental. */
typedef void (*prompt_fn)(struct app *a, const char *text, bool final, void *ctx);

enum { VIEW_QUEUE, VIEW_AGING, VIEW_CONTACTS, VIEW_COUNT };

struct app {
	struct store *st;
	_Atomic int64_t company; /* store_company_id, for the loaders' threads */
	const char *db_path, *user;
	int32_t today;
	struct ui_settings set;
	struct ar_settings conf; /* the receivables settings (src/ar/arconf.c), read with set */
	struct keymap *km;
	struct view views[VIEW_COUNT];
	int cur;
	struct strbuf msg;
	bool msg_error;
	bool help, quit;
	int help_top, help_page; /* the help overlay's first line and page */
	bool busy; /* a pane has work left for idle time: do not wait for keys */
	bool loading; /* a pane is loading in the background: redraw often */
	bool foreign; /* this refresh follows another process's change */
	bool told_no_company; /* a preview said there are no company settings */
	int64_t data_version;
	long generation; /* one more at every refresh: the data may have changed */
	struct dayrows *rows; /* the aging rows panes 2 and 3 share */
	struct sui_counts counts; /* the status line's */
	struct modal *modal;
	struct {
		bool active, incremental;
		struct strbuf label, text;
		prompt_fn fn;
		void *ctx;
	} prompt;
	char search[256];
};

/** Show a message on the message line (printf-style, translated). */
void app_msg(struct app *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/** Show an error message. */
void app_error(struct app *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/** Open a prompt on the message line with label; fn gets the text. */
void app_prompt(struct app *a, const char *label, bool incremental, prompt_fn fn, void *ctx);
/** Put a modal layer on top (the app frees it with m->free when closed). */
void app_modal(struct app *a, const struct modal *m);
/** Take the modal layer off into *out without freeing it (to put it back
 *  with app_modal later); out->ctx is NULL when there was none. */
void app_modal_detach(struct app *a, struct modal *out);
/** Put the layer under (detached by a layer over it) back on top, which
 *  frees the layer over it: true when there was one (under->ctx set; it is
 *  cleared so the freed layer does not free it too). */
bool app_modal_back(struct app *a, struct modal *under);
/** Switch to pane i. */
void app_show(struct app *a, int i);
/** The client company to work in, chosen in a modal list at the start
 *  (company_pick.c); q quits the program. */
void company_pick_open(struct app *a);
/** Re-read the counts on the status line. */
void app_counts(struct app *a);
/** Re-read the counts on the status line and reload every pane. */
void app_refresh(struct app *a);
/** Move v's cursor to pos (clamped) and keep it on the page. */
void app_move(struct view *v, long pos);
/** Rows [y, y + rows) for a list area with its cursor; returns the first
 *  row to draw (adjusting v->top). */
long app_list_top(struct view *v, int rows);
/** Draw the progress of background load l at the right end of row y:
 *  "| loading what… 0.4 s", then extra (NULL: nothing), e.g. rows read. */
void app_loading(int y, struct loader *l, const char *what, const char *extra);
/** Before anything is loaded: large blocks are mapped apart, so that a
 *  model freed gives its memory back at once. */
void app_memory_init(void);
/** Give memory freed by a swapped-out model back to the system. */
void app_trim(struct app *a);
/** Format money for display (grouped) into buf. */
void app_money(int64_t v, const char *cur, char *buf, size_t size);
/** Format money for a column of `cells` cells: grouped when it fits, else
 *  in the catalogue's units (1.2M, 298.7万); display only. */
void app_money_compact(int64_t v, const char *cur, int cells, char *buf, size_t size);

/** The loader for a pane: its own connection to the app's database. */
struct loader *app_loader(struct app *a);
/** A pane's poll hook on its loader l: a finished load goes to swap (which
 *  owns it), a failed one becomes the error message; true while l is still
 *  busy. wait: block until the load is done. */
bool app_poll_loader(struct view *v, struct loader *l, bool wait,
		     void (*swap)(struct view *v, void *work));
/** Draw, read keys and handle them until the user quits; start_ms is
 *  when the program started (app_now_ms), for the benchmark's timings. */
void app_loop(struct app *a, double start_ms);
/** Milliseconds on the monotonic clock. */
double app_now_ms(void);

/* The panes. */
extern const struct view_ops queue_ops, aging_ops, contacts_ops;

/** Pane 2: the rating of customer_id in currency as of today, from the rows
 *  pane 2 loaded (no database work); false while they are not loaded or
 *  are of another date. *hold: on credit hold. */
bool aging_rating(struct view *v, int64_t customer_id, const char *currency, struct rating *out,
		  bool *hold);
/** Pane 2: put the cursor on customer code (after opening). */
void aging_goto(struct view *v, const char *code);
/** Pane 3: show only the contacts of customer id (0: everyone). */
void contacts_filter(struct view *v, int64_t customer, const char *name);

/** Draw the help overlay for the active section: its own keys first. */
void help_draw(struct app *a);
/** A key while the help overlay shows: true when a moving key scrolled
 *  it, false for any other key (which closes it). */
bool help_key(struct app *a, int key);
/** Draw the key hint bar of the active pane on row y. */
void hints_draw(struct app *a, int y);
/** Draw the prompt on the message line and handle its keys; returns true
 *  when the key was the prompt's. */
bool prompt_key(struct app *a, int key);
void prompt_draw(struct app *a, int y);

#endif
