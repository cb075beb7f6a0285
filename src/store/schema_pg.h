/*
** schema_pg.h — the PostgreSQL schema as a list of migrations.
**
** Migration i (1-based) brings a database from version i-1 to version i.
** The table schema_version holds one row: application 'lmpmon' (what
** tells our database from another program's) and the version; migrations
** run on open in one transaction, and a newer version is refused.  To
** change the schema, append a migration here and one to
** schema_sqlite.c; never edit one that has shipped (docs/HACKING.md).
** The two lists are numbered independently: PostgreSQL's starts at
** SQLite's version 6.
*/
#ifndef LMPMON_SCHEMA_PG_H
#define LMPMON_SCHEMA_PG_H

extern const char *const azPgMigration[];
extern const int nPgMigration;

#endif
