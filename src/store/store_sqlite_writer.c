/*
** store_sqlite_writer.c — who holds the database, for a writer kept
** waiting.
**
** SQLite lets one writer in at a time; the others wait their busy timeout
** and then fail.  "The database is busy" alone leaves a user guessing; the
** writer that holds it is usually a long one (an import) that said what it
** does with store_set_writer_note().  While such a writer's transaction
** lasts, a note beside the database ("DB-writer": process id, who, what,
** since when) says so; it cannot live in the database, whose committed
** state is all another connection sees.  A note left by a process that
** died is ignored (its process id is gone).
*/
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "store_sqlite_int.h"
#include "../base/base.h"
#include "../base/banned.h"

void
sq_writer_note_set(Store *s, const char *zWhat)
{
    SqStore *S = (SqStore *)s;
    free(S->zNote);
    S->zNote = zWhat ? xstrdup(zWhat) : NULL;
}

/* The note's text, one field a line; line breaks in what a user gave
** become spaces so that the fields stay apart. */
static void
sq_note_field(Buf *b, const char *z)
{
    for (const char *p = z ? z : ""; *p; p++) {
        buf_putc(b, (char)(*p == '\n' || *p == '\r' ? ' ' : *p));
    }
    buf_putc(b, '\n');
}

void
sq_writer_note_begin(SqStore *S)
{
    if (!S->zNote || !S->zNotePath) {
        return;
    }
    Buf b = BUF_INIT;
    buf_printf(&b, "%ld\n", (long)getpid());
    sq_note_field(&b, S->base.zActor);
    sq_note_field(&b, S->zNote);
    buf_printf(&b, "%lld\n", (long long)time(NULL));
    /* Written whole under another name and renamed: a reader never sees
    ** half a note.  A note that cannot be written costs only the better
    ** message, so failures are ignored. */
    Buf tmp = BUF_INIT;
    buf_printf(&tmp, "%s.%ld", S->zNotePath, (long)getpid());
    FILE *out = fopen(buf_str(&tmp), "w");
    if (out) {
        int bOk = fwrite(buf_str(&b), 1, b.n, out) == b.n;
        bOk = fclose(out) == 0 && bOk;
        if (bOk && rename(buf_str(&tmp), S->zNotePath) == 0) {
            S->bNoteWritten = 1;
        } else {
            (void)unlink(buf_str(&tmp));
        }
    }
    buf_release(&tmp);
    buf_release(&b);
}

void
sq_writer_note_end(SqStore *S)
{
    if (S->bNoteWritten) {
        (void)unlink(S->zNotePath);
        S->bNoteWritten = 0;
    }
}

int
sq_writer_note_describe(const SqStore *S, Buf *b)
{
    if (!S->zNotePath) {
        return 0;
    }
    FILE *in = fopen(S->zNotePath, "r");
    if (!in) {
        return 0;
    }
    char azLine[4][512];
    int n = 0;
    while (n < 4 && fgets(azLine[n], (int)sizeof azLine[n], in)) {
        azLine[n][strcspn(azLine[n], "\n")] = 0;
        n++;
    }
    (void)fclose(in);
    if (n < 4) {
        return 0;
    }
    long pid = strtol(azLine[0], NULL, 10);
    if (pid <= 0 || (kill((pid_t)pid, 0) != 0 && errno != EPERM)) {
        return 0; /* left by a process that is gone */
    }
    time_t since = (time_t)strtoll(azLine[3], NULL, 10);
    struct tm tm;
    char zSince[32] = "";
    if (localtime_r(&since, &tm)) {
        (void)strftime(zSince, sizeof zSince, "%H:%M:%S", &tm);
    }
    buf_printf(b, "%s by %s (since %s)", azLine[2], azLine[1], zSince);
    return 1;
}
