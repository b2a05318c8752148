/* store_ui_priv: helpers shared by src/store_ui*.c (one-off statements,
 * column copies). */
#ifndef UR_SRC_STORE_UI_PRIV_H
#define UR_SRC_STORE_UI_PRIV_H

#include <sqlite3.h>
#include <stddef.h>

#include "err.h"

struct store;

/** Prepare sql on st's connection; NULL after filling err on failure. */
sqlite3_stmt *sui_prepare(struct store *st, const char *sql, struct ur_err *err);
/** Finalize s; when rc (the last step's result) is an error, fill err and
 *  return its status, else UR_OK. */
enum ur_status sui_finish(struct store *st, sqlite3_stmt *s, int rc, struct ur_err *err);
/** Column text as a malloc'd string ("" for NULL). */
char *sui_col_dup(sqlite3_stmt *s, int col);
/** Column text copied (truncated) into buf. */
void sui_col_copy(sqlite3_stmt *s, int col, char *buf, size_t size);

#endif
