/*
** store_pg.h — the PostgreSQL backend of the Store interface.
**
** The backend (store_pg*.c, with libpq) is the module lmpmon-pg.so
** (base/module.h says why): store_open() loads it the first time a
** postgresql:// database is opened.  schema_pg.c (the migrations' SQL and
** their count) stays in the program.
*/
#ifndef LMPMON_STORE_PG_H
#define LMPMON_STORE_PG_H

#include "store.h"
#include "../base/buf.h"

/* See store_open() in store.h; zUrl is a postgresql:// URL (libpq's
** connection URI: user, host, port, database, parameters such as
** sslmode), completed by libpq's environment (PGHOST, PGPASSFILE, ...).
** The database must exist; STORE_OPEN_CREATE creates lmpmon's schema in
** it when it is empty.  Returns NULL and fills err on failure: messages
** name user, host, port and database, never the password. */
Store *store_pg_open(const char *zUrl, StoreOpenMode eMode, const char *zActor,
                     AppErr *err);

/* The schema version this binary writes to PostgreSQL. */
int store_pg_schema_version(void);

#endif
