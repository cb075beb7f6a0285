/*
** pg_testdb.h — a fresh PostgreSQL database for each unit test, for the
** tests that run against both backends (test_store.c, test_app.c).
**
** When LMPMON_TEST_PG_URL names the test server's maintenance database
** (scripts/pg-test-server env; ctest sets it for unit_store_pg and
** unit_app_pg), testdb_create() makes a new empty database on it and
** gives its URL, and testdb_drop() removes it.  Without the variable the
** tests run on SQLite files as before.  Header-only: each test program
** includes it once.
*/
#ifndef LMPMON_PG_TESTDB_H
#define LMPMON_PG_TESTDB_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libpq-fe.h>

/* Whether the tests run on PostgreSQL. */
static int
testdb_pg(void)
{
    const char *z = getenv("LMPMON_TEST_PG_URL");
    return z && *z;
}

/* Run zSql on the database zUrl; 0 when it worked.  With pOut, the first
** column of the first row as a number (-1 when there is none). */
static int
testdb_exec_url(const char *zUrl, const char *zSql, long *pOut)
{
    PGconn *db = PQconnectdb(zUrl);
    int rc = -1;
    if (PQstatus(db) == CONNECTION_OK) {
        PGresult *r = PQexec(db, zSql);
        ExecStatusType e = PQresultStatus(r);
        rc = e == PGRES_COMMAND_OK || e == PGRES_TUPLES_OK ? 0 : -1;
        if (rc) {
            (void)fprintf(stderr, "%s: %s", zSql, PQresultErrorMessage(r));
        }
        if (pOut) {
            *pOut = e == PGRES_TUPLES_OK && PQntuples(r) > 0
                        ? strtol(PQgetvalue(r, 0, 0), NULL, 10)
                        : -1;
        }
        PQclear(r);
    } else {
        (void)fprintf(stderr, "cannot connect: %s", PQerrorMessage(db));
    }
    PQfinish(db);
    return rc;
}

/* The URL of database zName on the test server into z. */
static void
testdb_url(const char *zName, char *z, size_t n)
{
    const char *zAdmin = getenv("LMPMON_TEST_PG_URL");
    const char *zSlash = strrchr(zAdmin, '/');
    (void)snprintf(z, n, "%.*s/%s", (int)(zSlash - zAdmin), zAdmin, zName);
}

/* A new empty database: its name into zName, its URL into zUrl. */
static int
testdb_create(char *zName, size_t nName, char *zUrl, size_t nUrl)
{
    static int iSeq;
    (void)snprintf(zName, nName, "lmpmon_t_%ld_%d", (long)getpid(), ++iSeq);
    char zSql[160];
    (void)snprintf(zSql, sizeof zSql, "CREATE DATABASE %s", zName);
    testdb_url(zName, zUrl, nUrl);
    return testdb_exec_url(getenv("LMPMON_TEST_PG_URL"), zSql, NULL);
}

/* Drop database zName, closing whatever connection a test left. */
static void
testdb_drop(const char *zName)
{
    char zSql[160];
    (void)snprintf(zSql, sizeof zSql, "DROP DATABASE IF EXISTS %s WITH (FORCE)",
                   zName);
    (void)testdb_exec_url(getenv("LMPMON_TEST_PG_URL"), zSql, NULL);
}

#endif
