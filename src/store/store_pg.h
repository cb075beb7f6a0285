/*
** store_pg.h — the PostgreSQL backend of the Store interface.
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

/* zUrl without its password (from "user:PASSWORD@" or "password=") into
** pOut, and that password, %-decoded, into pPassword (when not NULL;
** nothing when there is none). */
void store_pg_conceal(const char *zUrl, Buf *pOut, Buf *pPassword);

#endif
