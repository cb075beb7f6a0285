/*
** complaints.h — the complaints reports of the whole register (all years
** and each year lodged), as the database keeps them ready or counted
** again.
**
** Counting a million cases takes seconds.  The database keeps the reports
** of its current cases (store_kept_get("complaints"), made by the server's
** background thread and by imports that only add cases), labelled with
** the register's generation: the id of its newest audit row with key
** "cases", which every change to cases writes.  A reader whose generation
** matches uses them; any other counts the register.
*/
#ifndef LMPMON_APP_COMPLAINTS_H
#define LMPMON_APP_COMPLAINTS_H

#include "../store/store.h"

/* The reports of every case into x (initialised, empty; unfinished: call
** case_report_set_finish() before rendering) and the generation they are
** of into *pGen, read in one snapshot: the kept ones when current, else
** counted.  With bKeep, reports counted are kept for the next reader, in
** a short write transaction of their own when the database is free (a
** busy or read-only database keeps nothing; that is no error).  0, or -1
** with err filled when the database cannot be read. */
int complaints_set_load(Store *s, int bKeep, CaseReportSet *x, long *pGen,
                        AppErr *err);

#endif
