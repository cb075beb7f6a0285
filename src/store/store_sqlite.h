/*
** store_sqlite.h — the SQLite backend of the Store interface.
*/
#ifndef LMPMON_STORE_SQLITE_H
#define LMPMON_STORE_SQLITE_H

#include "store.h"

/* See store_open() in store.h. */
Store *store_sqlite_open(const char *zPath, StoreOpenMode eMode,
                         const char *zActor, AppErr *err);

#endif
