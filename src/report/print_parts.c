/*
** print_parts.c — a report's document built part by part (print.h's
** SheetDocParts), for the reports printed through sheet_render_pdf() and
** sheet_render_docx().
*/
#include <stdlib.h>
#include <string.h>

#include "print.h"
#include "../base/base.h"
#include "../base/banned.h"

/* z copied into x's texts; NULL stays NULL. */
static const char *
parts_text(SheetDocParts *x, const char *z)
{
    if (!z) {
        return NULL;
    }
    xgrow((void **)&x->azText, &x->nTextAlloc, x->nText, sizeof *x->azText);
    x->azText[x->nText] = xstrdup(z);
    return x->azText[x->nText++];
}

void
sheet_doc_part(SheetDocParts *x, int iLevel, const char *zHeading,
               const char *zText)
{
    xgrow((void **)&x->aPart, &x->nPartAlloc, x->nPart, sizeof *x->aPart);
    x->aiItem = xreallocarray(x->aiItem, x->nPartAlloc, sizeof *x->aiItem);
    SheetDocPart *p = &x->aPart[x->nPart];
    memset(p, 0, sizeof *p);
    p->iLevel = iLevel;
    p->zHeading = parts_text(x, zHeading);
    p->zText = parts_text(x, zText);
    x->aiItem[x->nPart++] = x->nItem;
}

void
sheet_doc_item(SheetDocParts *x, const char *z)
{
    if (!x->nPart) {
        sheet_doc_part(x, 2, NULL, NULL);
    }
    xgrow((void **)&x->azItem, &x->nItemAlloc, x->nItem, sizeof *x->azItem);
    x->azItem[x->nItem++] = xstrdup(z);
    x->aPart[x->nPart - 1].nItem++;
}

Sheet *
sheet_doc_table(SheetDocParts *x, const char *zId)
{
    if (!x->nPart) {
        sheet_doc_part(x, 2, NULL, NULL);
    }
    /* NOLINTNEXTLINE(bugprone-sizeof-expression): elements are pointers */
    xgrow((void **)&x->apSheet, &x->nSheetAlloc, x->nSheet, sizeof *x->apSheet);
    Sheet *t = xmalloc(sizeof *t);
    sheet_init(t, zId, NULL);
    x->apSheet[x->nSheet++] = t;
    x->aPart[x->nPart - 1].t = t;
    return t;
}

const SheetDocPart *
sheet_doc_parts(SheetDocParts *x, size_t *pn)
{
    /* The items' array has moved as it grew: point each part at its own
    ** now. */
    for (size_t i = 0; i < x->nPart; i++) {
        x->aPart[i].azItem =
            x->aPart[i].nItem ? x->azItem + x->aiItem[i] : NULL;
    }
    *pn = x->nPart;
    return x->aPart;
}

void
sheet_doc_parts_release(SheetDocParts *x)
{
    for (size_t i = 0; i < x->nText; i++) {
        free(x->azText[i]);
    }
    for (size_t i = 0; i < x->nItem; i++) {
        free(x->azItem[i]);
    }
    for (size_t i = 0; i < x->nSheet; i++) {
        sheet_release(x->apSheet[i]);
        free(x->apSheet[i]);
    }
    free(x->azText);
    free(x->azItem);
    free(x->apSheet);
    free(x->aPart);
    free(x->aiItem);
    memset(x, 0, sizeof *x);
}
