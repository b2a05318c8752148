/* test_store: placeholder while the store builds. */
#include "config.h"
#include "tap.h"
#include "store.h"
TAP_SUITE(store_open) { tap_ok(1, "x"); }
