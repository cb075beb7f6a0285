/*
** ooxml.c — the XML builder and the zip package of Office Open XML
** (ooxml.h).
*/
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include <zip.h>

#include "ooxml.h"
#include "escape.h"
#include "../base/base.h"
#include "../base/banned.h"

/* ---- XML ------------------------------------------------------------------ */

void
xml_begin(Xml *x, Buf *b)
{
    memset(x, 0, sizeof *x);
    x->b = b;
    buf_puts(b,
             "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
}

/* End the start tag of the innermost element: its content follows. */
static void
xml_content(Xml *x)
{
    if (x->bTagOpen) {
        buf_putc(x->b, '>');
        x->bTagOpen = 0;
    }
}

void
xml_open_(Xml *x, const char *zName)
{
    assert(x->nOpen < XML_MAX_DEPTH);
    xml_content(x);
    buf_putc(x->b, '<');
    buf_puts(x->b, zName);
    x->azOpen[x->nOpen++] = zName;
    x->bTagOpen = 1;
}

void
xml_attr_(Xml *x, const char *zName, const char *zValue)
{
    assert(x->bTagOpen);
    buf_putc(x->b, ' ');
    buf_puts(x->b, zName);
    buf_puts(x->b, "=\"");
    esc_html(x->b, zValue);
    buf_putc(x->b, '"');
}

void
xml_attr_long_(Xml *x, const char *zName, long v)
{
    assert(x->bTagOpen);
    buf_printf(x->b, " %s=\"%ld\"", zName, v);
}

void
xml_leaf_(Xml *x, const char *zName, const char *zAttr, const char *zValue)
{
    xml_open_(x, zName);
    if (zAttr) {
        xml_attr_(x, zAttr, zValue);
    }
    xml_close(x);
}

void
xml_text(Xml *x, const char *z)
{
    xml_content(x);
    esc_html(x->b, z);
}

void
xml_close(Xml *x)
{
    assert(x->nOpen > 0);
    const char *zName = x->azOpen[--x->nOpen];
    if (x->bTagOpen) {
        buf_puts(x->b, "/>");
        x->bTagOpen = 0;
        return;
    }
    buf_puts(x->b, "</");
    buf_puts(x->b, zName);
    buf_putc(x->b, '>');
}

void
xml_end(Xml *x)
{
    while (x->nOpen > 0) {
        xml_close(x);
    }
    buf_putc(x->b, '\n');
}

/* ---- The package ---------------------------------------------------------- */

struct Ooxml {
    zip_source_t *src; /* the archive's bytes, in memory */
    zip_t *za;
    AppErr err; /* the first failure */
};

/* Parts are dated 1980-01-02 so that the same document gives the same
** bytes (the earliest DOS date, and a day more for any time zone). */
#define OOXML_MTIME ((time_t)315619200)

Ooxml *
ooxml_new(AppErr *err)
{
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
    zip_t *za = src ? zip_open_from_source(src, ZIP_TRUNCATE, &ze) : NULL;
    if (!za) {
        apperr_set(err, APPERR_INTERNAL, "cannot start the document");
        apperr_detail(err, "libzip: %s", zip_error_strerror(&ze));
        zip_error_fini(&ze);
        if (src) {
            zip_source_free(src);
        }
        return NULL;
    }
    zip_error_fini(&ze);
    zip_source_keep(src); /* kept past zip_close(), to read the bytes */
    Ooxml *o = xcalloc(1, sizeof *o);
    o->src = src;
    o->za = za;
    return o;
}

void
ooxml_add(Ooxml *o, const char *zPath, const char *z, size_t n)
{
    if (o->err.code) {
        return;
    }
    char *zCopy = xmalloc(n ? n : 1);
    memcpy(zCopy, z, n);
    zip_source_t *s = zip_source_buffer(o->za, zCopy, n, 1);
    if (!s) {
        free(zCopy);
        apperr_set(&o->err, APPERR_INTERNAL, "cannot add '%s' to the document",
                   zPath);
        apperr_detail(&o->err, "libzip: %s", zip_strerror(o->za));
        return;
    }
    zip_int64_t i = zip_file_add(o->za, zPath, s, ZIP_FL_ENC_UTF_8);
    if (i < 0) {
        zip_source_free(s);
        apperr_set(&o->err, APPERR_INTERNAL, "cannot add '%s' to the document",
                   zPath);
        apperr_detail(&o->err, "libzip: %s", zip_strerror(o->za));
        return;
    }
    (void)zip_file_set_mtime(o->za, (zip_uint64_t)i, OOXML_MTIME, 0);
}

int
ooxml_finish(Ooxml *o, Buf *b, AppErr *err)
{
    int rc = 0;
    if (o->err.code) {
        *err = o->err;
        zip_discard(o->za);
        rc = -1;
    } else if (zip_close(o->za) < 0) {
        rc = apperr_set(err, APPERR_INTERNAL, "cannot write the document");
        apperr_detail(err, "libzip: %s", zip_strerror(o->za));
        zip_discard(o->za);
    } else if (zip_source_open(o->src) < 0) {
        rc = apperr_set(err, APPERR_INTERNAL, "cannot read the document back");
    } else {
        char a[16384];
        zip_int64_t n;
        while ((n = zip_source_read(o->src, a, sizeof a)) > 0) {
            buf_append(b, a, (size_t)n);
        }
        if (n < 0) {
            rc = apperr_set(err, APPERR_INTERNAL,
                            "cannot read the document "
                            "back");
        }
        zip_source_close(o->src);
    }
    zip_source_free(o->src);
    free(o);
    return rc;
}
