/*
** test_store_ids.c — unit tests of the ids remembered within a transaction
** (src/store/store_ids.h), which both backends use to turn codes into ids.
**
** A wrong answer here would put an assessment on another activity or
** round, so: kinds and scopes are kept apart, an answer survives the
** table's growth, nothing is kept outside a transaction or after it ends.
*/
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>

#include "store/store_ids.h"

static void
test_store_ids_kinds_and_scopes_apart(void **state)
{
    (void)state;
    StoreIds t = STORE_IDS_INIT;
    long long id = 0;
    store_ids_start(&t);
    store_ids_put(&t, STORE_ID_NODE, 1, "1.1", 10);
    store_ids_put(&t, STORE_ID_NODE, 2, "1.1", 20);
    store_ids_put(&t, STORE_ID_ROUND, 1, "1.1", 30);
    store_ids_put(&t, STORE_ID_ORG, 0, "1.1", 40);
    assert_true(store_ids_get(&t, STORE_ID_NODE, 1, "1.1", &id));
    assert_int_equal(id, 10);
    assert_true(store_ids_get(&t, STORE_ID_NODE, 2, "1.1", &id));
    assert_int_equal(id, 20);
    assert_true(store_ids_get(&t, STORE_ID_ROUND, 1, "1.1", &id));
    assert_int_equal(id, 30);
    assert_true(store_ids_get(&t, STORE_ID_ORG, 0, "1.1", &id));
    assert_int_equal(id, 40);
    assert_false(store_ids_get(&t, STORE_ID_PLAN, 0, "1.1", &id));
    assert_false(store_ids_get(&t, STORE_ID_NODE, 3, "1.1", &id));
    assert_false(store_ids_get(&t, STORE_ID_NODE, 1, "1.10", &id));
    /* "None found" is not remembered: the row may be inserted next. */
    store_ids_put(&t, STORE_ID_PLAN, 0, "lmp", -1);
    assert_false(store_ids_get(&t, STORE_ID_PLAN, 0, "lmp", &id));
    store_ids_release(&t);
}

/* Ten thousand activities of a national plan: every one found after the
** table has doubled many times. */
static void
test_store_ids_grow(void **state)
{
    (void)state;
    StoreIds t = STORE_IDS_INIT;
    char z[32];
    store_ids_start(&t);
    for (long long i = 0; i < 10000; i++) {
        (void)snprintf(z, sizeof z, "%lld.%lld", i / 100, i % 100);
        store_ids_put(&t, STORE_ID_NODE, 7, z, 1000 + i);
    }
    for (long long i = 0; i < 10000; i++) {
        long long id = -1;
        (void)snprintf(z, sizeof z, "%lld.%lld", i / 100, i % 100);
        assert_true(store_ids_get(&t, STORE_ID_NODE, 7, z, &id));
        assert_int_equal(id, 1000 + i);
    }
    store_ids_release(&t);
}

/* Outside a transaction nothing is kept; its end forgets everything
** (a row inserted and rolled back must not be found in the next one). */
static void
test_store_ids_only_within_transaction(void **state)
{
    (void)state;
    StoreIds t = STORE_IDS_INIT;
    long long id = 0;
    store_ids_put(&t, STORE_ID_PLAN, 0, "lmp", 1);
    assert_false(store_ids_get(&t, STORE_ID_PLAN, 0, "lmp", &id));
    store_ids_start(&t);
    store_ids_put(&t, STORE_ID_PLAN, 0, "lmp", 1);
    assert_true(store_ids_get(&t, STORE_ID_PLAN, 0, "lmp", &id));
    store_ids_release(&t);
    assert_false(store_ids_get(&t, STORE_ID_PLAN, 0, "lmp", &id));
    store_ids_start(&t);
    assert_false(store_ids_get(&t, STORE_ID_PLAN, 0, "lmp", &id));
    store_ids_release(&t);
    store_ids_release(&t); /* twice is harmless */
}

/* A row the transaction inserted has no children but those written under
** it since; a row found in the database may have any; a bit shared by
** two children (ids 64 apart) only says "ask". */
static void
test_store_ids_children_of_new_rows(void **state)
{
    (void)state;
    StoreIds t = STORE_IDS_INIT;
    store_ids_start(&t);
    store_ids_put(&t, STORE_ID_NODE, 1, "old", 10);
    store_ids_put_new(&t, STORE_ID_NODE, 1, "new", 11);
    assert_false(store_ids_child_absent(&t, STORE_ID_NODE, 1, "old", 3));
    assert_false(store_ids_child_absent(&t, STORE_ID_NODE, 1, "gone", 3));
    assert_true(store_ids_child_absent(&t, STORE_ID_NODE, 1, "new", 3));
    assert_true(store_ids_child_absent(&t, STORE_ID_NODE, 2, "new", 3) == 0);
    store_ids_add_child(&t, STORE_ID_NODE, 1, "new", 3);
    assert_false(store_ids_child_absent(&t, STORE_ID_NODE, 1, "new", 3));
    assert_false(store_ids_child_absent(&t, STORE_ID_NODE, 1, "new", 67));
    assert_true(store_ids_child_absent(&t, STORE_ID_NODE, 1, "new", 4));
    /* Found again by a lookup, it stays new. */
    store_ids_put(&t, STORE_ID_NODE, 1, "new", 11);
    assert_true(store_ids_child_absent(&t, STORE_ID_NODE, 1, "new", 4));
    store_ids_add_child(&t, STORE_ID_NODE, 1, "old", 5);
    assert_false(store_ids_child_absent(&t, STORE_ID_NODE, 1, "old", 6));
    /* The next transaction knows nothing of it. */
    store_ids_start(&t);
    assert_false(store_ids_child_absent(&t, STORE_ID_NODE, 1, "new", 4));
    store_ids_release(&t);
}

int
main(void)
{
    const struct CMUnitTest aTest[] = {
        cmocka_unit_test(test_store_ids_kinds_and_scopes_apart),
        cmocka_unit_test(test_store_ids_grow),
        cmocka_unit_test(test_store_ids_only_within_transaction),
        cmocka_unit_test(test_store_ids_children_of_new_rows),
    };
    return cmocka_run_group_tests(aTest, NULL, NULL);
}
