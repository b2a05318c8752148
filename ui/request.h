/* request: every action a key can be bound to, in one X-macro table that
 * gives the enum, the names used in keymap files and the help overlay. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_UI_REQUEST_H
#define UR_UI_REQUEST_H

#include "i18n.h"

#define REQ_INFO(G, R) \
	G(N_("Panes")) \
	R(VIEW_QUEUE, "view-queue", N_("Show the unmatched-deposit queue")) \
	R(VIEW_AGING, "view-aging", N_("Show aged receivables")) \
	R(VIEW_CONTACTS, "view-contacts", N_("Show the contact log")) \
	R(VIEW_NEXT, "view-next", N_("Go to the next pane")) \
	R(HELP, "help", N_("Show the active keys")) \
	R(QUIT, "quit", N_("Close the overlay, or quit")) \
	G(N_("Moving")) \
	R(MOVE_UP, "move-up", N_("Previous row")) \
	R(MOVE_DOWN, "move-down", N_("Next row")) \
	R(PAGE_UP, "page-up", N_("Previous page")) \
	R(PAGE_DOWN, "page-down", N_("Next page")) \
	R(HALF_UP, "half-page-up", N_("Half a page up")) \
	R(HALF_DOWN, "half-page-down", N_("Half a page down")) \
	R(FIRST, "first", N_("First row")) \
	R(LAST, "last", N_("Last row")) \
	G(N_("Searching")) \
	R(SEARCH, "search", N_("Search as you type")) \
	R(SEARCH_NEXT, "search-next", N_("Next match")) \
	R(SEARCH_PREV, "search-prev", N_("Previous match")) \
	G(N_("Deposit queue")) \
	R(CONFIRM, "confirm", N_("Confirm the selected proposal")) \
	R(NEXT_PROPOSAL, "next-proposal", N_("Select the next proposal")) \
	R(EXPLAIN, "explain", N_("Read every proposal with all its invoices and reasons")) \
	R(PICK, "pick", N_("Pick invoices by hand")) \
	R(SPLIT, "split", N_("Split across invoices with amounts")) \
	R(ASSIGN, "assign", N_("Assign the payer to a customer")) \
	R(PARK, "park", N_("Park as not a customer payment")) \
	R(NOTICE, "difference-notice", \
	  N_("Preview a notice of the payment's difference (p prints and logs it)")) \
	R(GOTO_AGING, "goto-aging", N_("Show the customer's aging")) \
	R(GOTO_CONTACTS, "goto-contacts", N_("Show the customer's contact log")) \
	R(UNDO, "undo", N_("Undo my last action")) \
	R(FILTER, "filter", N_("Change the filter")) \
	R(SORT, "sort", N_("Change the sort order")) \
	G(N_("Aged receivables")) \
	R(DRILL, "drill", N_("Open the customer's details")) \
	R(AS_OF_PREV, "as-of-prev", N_("As of one month earlier")) \
	R(AS_OF_NEXT, "as-of-next", N_("As of one month later")) \
	R(AS_OF_TODAY, "as-of-today", N_("As of today")) \
	R(AS_OF_DATE, "as-of-date", N_("As of a date you type")) \
	R(AGE_BASIS, "age-basis", N_("Age by due date or by issue date")) \
	R(SORT_REVERSE, "sort-reverse", N_("Reverse the sort order")) \
	R(FILTER_REP, "filter-rep", N_("Only the sales rep of the row (again: all)")) \
	R(FILTER_CURRENCY, "filter-currency", N_("Only the currency of the row (again: all)")) \
	R(OVERDUE_ONLY, "overdue-only", N_("Show only customers with overdue items")) \
	R(SCROLL_LEFT, "scroll-left", N_("Scroll the columns left")) \
	R(SCROLL_RIGHT, "scroll-right", N_("Scroll the columns right")) \
	R(EXPORT_CSV, "export-csv", N_("Export the rows shown as CSV")) \
	R(WRITE_OFF, "write-off", N_("Write off the invoice's small remainder")) \
	R(GOTO_QUEUE, "goto-queue", N_("Show the deposit queue")) \
	G(N_("Contact log")) \
	R(WORKLIST, "worklist", N_("Show today's worklist")) \
	R(RECORD_CONTACT, "record-contact", N_("Record a call or other contact")) \
	R(DUNNING_MOVE, "dunning-move", N_("Move the customer's dunning level")) \
	R(CONFIRM_ANSWER, "confirm-answer", \
	  N_("Record the customer's answer to the balance confirmation")) \
	R(CONFIRM_SEND, "confirm-send", \
	  N_("Preview the balance confirmation as of today (p prints and records it as sent)")) \
	R(CONFIRM_RESOLVE, "confirm-resolve", \
	  N_("Resolve the balance dispute: name the items that explain it, then close it")) \
	R(DIGEST, "digest", N_("Save the worklist shown as a digest to print (.pdf or .txt)")) \
	R(EDITOR, "editor", N_("Edit the note in $EDITOR")) \
	G(N_("Documents")) \
	R(STATEMENT, "statement", N_("Preview the customer's statement")) \
	R(PRINT, "print", N_("Print the statement (from the details: preview it)")) \
	R(DUNNING_LETTER, "dunning-letter", \
	  N_("Preview the next dunning letter (p prints and logs it)")) \
	R(EMAIL, "email", \
	  N_("E-mail the document (pane 3: the rep's digest)")) \
	G(N_("Forms")) \
	R(TOGGLE, "toggle", N_("Select or unselect the row")) \
	R(EDIT_AMOUNT, "edit-amount", N_("Enter the amount for the row")) \
	R(BOOK_FEE, "book-fee", N_("Book the difference as a transfer fee")) \
	R(ON_ACCOUNT, "on-account", N_("Leave the difference on account")) \
	R(ADD_CUSTOMER, "add-customer", N_("Add another customer's open invoices")) \
	R(ACCEPT, "accept", N_("Accept")) \
	R(CANCEL, "cancel", N_("Cancel"))

/* The key hint bar at the bottom of each pane (htop's F-key bar): the few
 * most used actions, most used first, each with a short label. The keys
 * come from the keymap: an action shows in a pane whose section binds it. */
#define REQ_HINTS(H) \
	H(CONFIRM, N_("Confirm")) \
	H(DRILL, N_("Details")) \
	H(PICK, N_("Pick")) \
	H(SPLIT, N_("Split")) \
	H(ASSIGN, N_("Assign")) \
	H(PARK, N_("Park")) \
	H(UNDO, N_("Undo")) \
	H(NOTICE, N_("Notice")) \
	H(WORKLIST, N_("Worklist")) \
	H(RECORD_CONTACT, N_("Contact")) \
	H(DUNNING_MOVE, N_("Dunning")) \
	H(DUNNING_LETTER, N_("Letter")) \
	H(STATEMENT, N_("Statement")) \
	H(CONFIRM_RESOLVE, N_("Resolve")) \
	H(SORT, N_("Sort")) \
	H(OVERDUE_ONLY, N_("Overdue")) \
	H(FILTER, N_("Filter")) \
	H(EXPORT_CSV, N_("Export")) \
	H(SEARCH, N_("Search")) \
	H(HELP, N_("Help")) \
	H(QUIT, N_("Quit"))

#define REQ_ENUM_G_(text)
#define REQ_ENUM_R_(id, name, help) REQ_##id,
enum request {
	REQ_NONE = 0,
	REQ_INFO(REQ_ENUM_G_, REQ_ENUM_R_)
	REQ_COUNT
};
#undef REQ_ENUM_G_
#undef REQ_ENUM_R_

/* One row of the table: a group heading (req == REQ_NONE) or an action. */
struct req_info {
	enum request req;
	const char *name; /* keymap name, or NULL for a group */
	const char *help; /* untranslated (N_), translate on display */
};

/* One action of the hint bar. */
struct req_hint {
	enum request req;
	const char *label; /* untranslated (N_), translate on display */
};

/** The hint bar's actions, most used first, ending with REQ_NONE. */
const struct req_hint *req_hints(void);
/** The table in order, ending with a row whose help is NULL. */
const struct req_info *req_table(void);
/** The request named name ("move-up"), or REQ_NONE. */
enum request req_by_name(const char *name);

#endif
