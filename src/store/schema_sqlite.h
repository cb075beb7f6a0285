/*
** schema_sqlite.h — the SQLite schema as a list of migrations.
**
** Migration i (1-based) brings a database from version i-1 to version i;
** PRAGMA user_version holds the version a database is at, and PRAGMA
** application_id marks the file as lmpmon's.  To change the schema, append
** a migration; never edit one that has shipped (docs/HACKING.md).
*/
#ifndef LMPMON_SCHEMA_SQLITE_H
#define LMPMON_SCHEMA_SQLITE_H

/* 'LMPM' in ASCII: what PRAGMA application_id holds in our files. */
#define SCHEMA_APPLICATION_ID 0x4C4D504D

extern const char *const azSchemaMigration[];
extern const int nSchemaMigration;

#endif
