/*
** test_orgdir.c — unit tests of organisation name resolution
** (src/core/orgdir.h).
**
** Reviews name the same ministry by acronym, alias or full name; imports
** must resolve all of them to one organisation, and for a name nobody
** knows, suggest the closest ones ("did you mean 'MOFA&IC'?") or nothing
** when nothing is close.
*/
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/xalloc.h"
#include "core/model.h"
#include "core/orgdir.h"

static Org *
add_org(Model *m, const char *zAcronym, const char *zName, const char *zAlias)
{
    Org *o = model_add_org(m);
    o->zAcronym = xstrdup(zAcronym);
    o->zName = xstrdup(zName);
    o->eKind = ORG_GOVERNMENT;
    if (zAlias) {
        strv_push(&o->azAlias, &o->nAlias, zAlias);
    }
    return o;
}

static int
setup(void **state)
{
    Model *m = xcalloc(1, sizeof *m);
    add_org(m, "MOFA&IC",
            "Ministry of Foreign Affairs and International Cooperation",
            "MOFAIC");
    add_org(m, "MOLVT", "Ministry of Labour and Vocational Training", NULL);
    add_org(m, "MOSVY",
            "Ministry of Social Affairs, Veterans and Youth Rehabilitation",
            "MOSAVY");
    *state = m;
    return 0;
}

static int
teardown(void **state)
{
    Model *m = *state;
    model_release(m);
    free(m);
    return 0;
}

/* Acronym of the organisation z resolves to, or "(none)". */
static const char *
resolved(const OrgDir *d, const char *z)
{
    const Org *o = orgdir_resolve(d, z);
    return o ? o->zAcronym : "(none)";
}

static void
test_orgdir_resolve_acronym(void **state)
{
    OrgDir *d = orgdir_new(*state);
    assert_string_equal(resolved(d, "MOFA&IC"), "MOFA&IC");
    assert_string_equal(resolved(d, "MOLVT"), "MOLVT");
    assert_string_equal(resolved(d, "molvt"), "MOLVT");
    assert_string_equal(resolved(d, " MoSvY "), "MOSVY");
    orgdir_free(d);
}

static void
test_orgdir_resolve_alias(void **state)
{
    OrgDir *d = orgdir_new(*state);
    assert_string_equal(resolved(d, "MOFAIC"), "MOFA&IC");
    assert_string_equal(resolved(d, "mofaic"), "MOFA&IC");
    assert_string_equal(resolved(d, "MOSAVY"), "MOSVY");
    orgdir_free(d);
}

static void
test_orgdir_resolve_full_name(void **state)
{
    OrgDir *d = orgdir_new(*state);
    assert_string_equal(
        resolved(d,
                 "Ministry of Foreign Affairs and International Cooperation"),
        "MOFA&IC");
    assert_string_equal(
        resolved(d, "  ministry of FOREIGN affairs  and\tinternational "
                    "cooperation"),
        "MOFA&IC");
    assert_string_equal(
        resolved(d, "Ministry of Labour and Vocational-Training"), "MOLVT");
    orgdir_free(d);
}

static void
test_orgdir_resolve_unknown(void **state)
{
    OrgDir *d = orgdir_new(*state);
    assert_null(orgdir_resolve(d, "MOFA"));
    assert_null(orgdir_resolve(d, "MOLV"));
    assert_null(orgdir_resolve(d, "Ministry of Foreign Affairs"));
    assert_null(orgdir_resolve(d, ""));
    orgdir_free(d);
}

/* An alias of one body must not hide another body's acronym. */
static void
test_orgdir_acronym_wins_over_alias(void **state)
{
    Model *m = *state;
    Org *o = model_add_org(m);
    o->zAcronym = xstrdup("NCDD");
    o->zName = xstrdup("National Committee for Sub-National Democratic "
                       "Development");
    strv_push(&o->azAlias, &o->nAlias, "MOI"); /* a careless alias */
    add_org(m, "MOI", "Ministry of Interior", NULL);
    OrgDir *d = orgdir_new(m);
    assert_string_equal(resolved(d, "moi"), "MOI");
    assert_string_equal(resolved(d, "NCDD"), "NCDD");
    orgdir_free(d);
}

static void
test_orgdir_refresh(void **state)
{
    Model *m = *state;
    OrgDir *d = orgdir_new(m);
    assert_null(orgdir_resolve(d, "ILO"));
    add_org(m, "ILO", "International Labour Organization", NULL);
    orgdir_refresh(d);
    assert_string_equal(resolved(d, "ilo"), "ILO");
    assert_string_equal(resolved(d, "International Labour Organization"),
                        "ILO");
    /* The earlier organisations are still there. */
    assert_string_equal(resolved(d, "MOFAIC"), "MOFA&IC");
    orgdir_free(d);
}

/* Organisations appended one at a time (as import --create-orgs does)
** resolve by every name once added; the model's array moving as it grows
** does not lose the earlier ones. */
static void
test_orgdir_add_org(void **state)
{
    Model *m = *state;
    OrgDir *d = orgdir_new(m);
    add_org(m, "ILO", "International Labour Organization", "I.L.O.");
    orgdir_add_org(d, m->nOrg - 1);
    assert_string_equal(resolved(d, "ilo"), "ILO");
    assert_string_equal(resolved(d, "i.l.o."), "ILO");
    assert_string_equal(resolved(d, "International  Labour Organization"),
                        "ILO");
    for (int i = 0; i < 200; i++) {
        char z[32];
        (void)snprintf(z, sizeof z, "NEW%d", i);
        add_org(m, z, z, NULL);
        orgdir_add_org(d, m->nOrg - 1);
    }
    assert_string_equal(resolved(d, "new0"), "NEW0");
    assert_string_equal(resolved(d, "NEW199"), "NEW199");
    assert_string_equal(resolved(d, "MOFAIC"), "MOFA&IC");
    assert_string_equal(resolved(d, "Ministry of Labour and Vocational "
                                    "Training"),
                        "MOLVT");
    assert_null(orgdir_resolve(d, "NEW200"));
    orgdir_free(d);
}

static void
test_orgdir_suggest_near(void **state)
{
    OrgDir *d = orgdir_new(*state);
    Buf b = BUF_INIT;
    orgdir_suggest(d, "MOFA", 5, &b);
    assert_non_null(strstr(buf_str(&b), "'MOFA&IC'"));
    buf_reset(&b);
    /* A typo in an acronym: MOSVY is one edit away from MOSVI. */
    orgdir_suggest(d, "MOSVI", 1, &b);
    assert_string_equal(buf_str(&b), "'MOSVY'");
    buf_release(&b);
    orgdir_free(d);
}

/* nMax bounds the number of suggestions. */
static void
test_orgdir_suggest_max(void **state)
{
    OrgDir *d = orgdir_new(*state);
    Buf b = BUF_INIT;
    orgdir_suggest(d, "MOXX", 1, &b);
    assert_true(b.n > 0);
    assert_null(strstr(buf_str(&b), ", "));
    buf_reset(&b);
    orgdir_suggest(d, "MOFA", 0, &b);
    assert_string_equal(buf_str(&b), "");
    buf_release(&b);
    orgdir_free(d);
}

static void
test_orgdir_suggest_far(void **state)
{
    OrgDir *d = orgdir_new(*state);
    Buf b = BUF_INIT;
    orgdir_suggest(d, "World Bank", 5, &b);
    assert_string_equal(buf_str(&b), "");
    orgdir_suggest(d, "Asian Development Bank", 5, &b);
    assert_string_equal(buf_str(&b), "");
    buf_release(&b);
    orgdir_free(d);
}

/* 0 if no organisation comes twice in the suggestions for z, else -1
** (printed).  Frees everything before returning so a failing assertion in
** the caller leaks nothing. */
static int
one_per_org(const OrgDir *d, const char *z)
{
    Buf b = BUF_INIT;
    orgdir_suggest(d, z, 5, &b);
    const Org *aSeen[8];
    size_t nSeen = 0;
    int rc = 0;
    const char *p = buf_str(&b);
    while (rc == 0 && (p = strchr(p, '\'')) != NULL) {
        const char *e = strchr(p + 1, '\'');
        char *zName = xstrndup(p + 1, e ? (size_t)(e - p - 1) : 0);
        const Org *o = e ? orgdir_resolve(d, zName) : NULL;
        free(zName);
        if (!o || nSeen == 8) {
            print_error("for '%s', cannot parse suggestions: %s\n", z,
                        buf_str(&b));
            rc = -1;
            break;
        }
        for (size_t k = 0; k < nSeen; k++) {
            if (aSeen[k] == o) {
                print_error("for '%s', %s is suggested twice: %s\n", z,
                            o->zAcronym, buf_str(&b));
                rc = -1;
            }
        }
        aSeen[nSeen++] = o;
        p = e + 1;
    }
    if (nSeen == 0) {
        print_error("no suggestion for '%s'\n", z);
        rc = -1;
    }
    buf_release(&b);
    return rc;
}

/* Regression test (a bug found and fixed): orgdir_suggest() means to give one suggestion per organisation
** (comment in orgdir.c), but a body whose alias is closer than its acronym
** is suggested twice: for "MOFAI" the list is "'MOFAIC', 'MOFA&IC', ...",
** which crowds out other bodies.  The de-duplication only looks at index
** entries before the current one, not at those already shown at a smaller
** distance (the acronym comes first in the index, the alias later). */
static void
test_orgdir_suggest_one_per_org(void **state)
{
    OrgDir *d = orgdir_new(*state);
    int rcMofa = one_per_org(d, "MOFA");
    int rcMolv = one_per_org(d, "MOLV");
    int rcMofai = one_per_org(d, "MOFAI");
    int rcMosav = one_per_org(d, "MOSAV");
    orgdir_free(d);
    assert_int_equal(rcMofa, 0);
    assert_int_equal(rcMolv, 0);
    assert_int_equal(rcMofai, 0);
    assert_int_equal(rcMosav, 0);
}

/* An organisation named z with parent zParent (NULL for none). */
static void
add_child(Model *m, const char *z, const char *zParent)
{
    Org *o = add_org(m, z, z, NULL);
    o->zParent = zParent ? xstrdup(zParent) : NULL;
}

/* orgdir_find_parent_cycle(db, upd): the index and path it reports, as
** "i: A → B → A", or "none". */
static char *
cycle_of(const Model *db, const Model *upd)
{
    size_t i = 999;
    Buf path = BUF_INIT;
    Buf b = BUF_INIT;
    if (orgdir_find_parent_cycle(db, upd, &i, &path)) {
        buf_printf(&b, "%zu: %s", i, buf_str(&path));
    } else {
        buf_puts(&b, "none");
    }
    buf_release(&path);
    return buf_detach(&b);
}

static void
check_cycle(const Model *db, const Model *upd, const char *zWant)
{
    char *z = cycle_of(db, upd);
    int bOk = strcmp(z, zWant) == 0;
    if (!bOk) {
        print_error("got '%s', expected '%s'\n", z, zWant);
    }
    free(z);
    assert_true(bOk);
}

/* Parents form a tree: a cycle made by an update is found, with the
** update's first organisation on it, whether the cycle lies within the
** update or closes through the database. */
static void
test_orgdir_parent_cycle(void **state)
{
    (void)state;
    Model db, upd;
    memset(&db, 0, sizeof db);
    memset(&upd, 0, sizeof upd);
    check_cycle(&db, &upd, "none");

    /* Within the update: A's parent B, B's parent A. */
    add_child(&upd, "C", NULL);
    add_child(&upd, "A", "B");
    add_child(&upd, "B", "A");
    check_cycle(&db, &upd, "1: A → B → A");
    model_release(&upd);
    memset(&upd, 0, sizeof upd);

    /* Through the database: Y's parent is X there; the update makes X's
    ** parent Y. */
    add_child(&db, "X", NULL);
    add_child(&db, "Y", "X");
    add_child(&upd, "X", "Y");
    check_cycle(&db, &upd, "0: X → Y → X");
    /* ... unless it also moves Y elsewhere: the update's parents win. */
    add_child(&upd, "Y", "Z");
    add_child(&upd, "Z", NULL);
    check_cycle(&db, &upd, "none");
    model_release(&upd);
    memset(&upd, 0, sizeof upd);

    /* Its own parent. */
    add_child(&upd, "S", "S");
    check_cycle(&db, &upd, "0: S → S");
    model_release(&upd);
    memset(&upd, 0, sizeof upd);

    /* A cycle of the database's alone is not the update's doing; a parent
    ** nobody has is no cycle; a chain into a cycle is not on it. */
    add_child(&db, "P", "Q");
    add_child(&db, "Q", "P");
    add_child(&upd, "R", "P");
    add_child(&upd, "U", "nobody");
    check_cycle(&db, &upd, "none");
    model_release(&upd);
    memset(&upd, 0, sizeof upd);

    /* A long chain, then closed: found, in one pass. */
    char zName[16], zParent[16];
    for (int i = 0; i < 2000; i++) {
        (void)snprintf(zName, sizeof zName, "O%d", i);
        (void)snprintf(zParent, sizeof zParent, "O%d", i + 1);
        add_child(&upd, zName, i + 1 < 2000 ? zParent : NULL);
    }
    check_cycle(&db, &upd, "none");
    free(upd.aOrg[1999].zParent);
    upd.aOrg[1999].zParent = xstrdup("O1998");
    check_cycle(&db, &upd, "1998: O1998 → O1999 → O1998");
    model_release(&upd);
    model_release(&db);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_orgdir_parent_cycle),
        cmocka_unit_test_setup_teardown(test_orgdir_resolve_acronym, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_orgdir_resolve_alias, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_orgdir_resolve_full_name, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_orgdir_resolve_unknown, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_orgdir_acronym_wins_over_alias,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_orgdir_refresh, setup, teardown),
        cmocka_unit_test_setup_teardown(test_orgdir_add_org, setup, teardown),
        cmocka_unit_test_setup_teardown(test_orgdir_suggest_near, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_orgdir_suggest_max, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_orgdir_suggest_far, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_orgdir_suggest_one_per_org, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
