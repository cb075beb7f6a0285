/*
** print.c — the printing module's entry points (print.h says why).
*/
#include "print.h"
#include "../base/base.h"
#include "../base/module.h"
#include "../base/banned.h"

typedef int (*PrintRenderFn)(const ReviewReport *, Buf *, AppErr *);

static const char *const azEntry[] = {
    "print_review_pdf", "print_review_docx", "print_release_fonts",
    "print_sheet_pdf",  "print_sheet_docx",  NULL
};
static void *apEntry[5];
static Module printModule =
    MODULE_INIT("lmpmon-print.so", "printing module", azEntry, apEntry);

/* Load the module once; 0, or -1 with err saying what is missing. */
static int
print_module(const char *zWhat, AppErr *err)
{
    return module_load(&printModule, zWhat, err);
}

/* Entry point i as the function it is (POSIX's way from a data pointer to
** a function pointer). */
static PrintRenderFn
print_render_fn(int i)
{
    PrintRenderFn fn;
    *(void **)&fn = apEntry[i];
    return fn;
}

int
review_render_pdf(const ReviewReport *r, Buf *b, AppErr *err)
{
    return print_module("write a PDF", err) ? -1
                                            : print_render_fn(0)(r, b, err);
}

int
review_render_docx(const ReviewReport *r, Buf *b, AppErr *err)
{
    return print_module("write a Word document", err)
               ? -1
               : print_render_fn(1)(r, b, err);
}

typedef int (*PrintSheetFn)(const SheetDocSpec *, Buf *, AppErr *);

static PrintSheetFn
print_sheet_fn(int i)
{
    PrintSheetFn fn;
    *(void **)&fn = apEntry[i];
    return fn;
}

int
sheet_render_pdf(const SheetDocSpec *s, Buf *b, AppErr *err)
{
    return print_module("write a PDF", err) ? -1 : print_sheet_fn(3)(s, b, err);
}

int
sheet_render_docx(const SheetDocSpec *s, Buf *b, AppErr *err)
{
    return print_module("write a Word document", err)
               ? -1
               : print_sheet_fn(4)(s, b, err);
}

int
sheet_render_print(const SheetDocSpec *s, int bDocx, Buf *b, AppErr *err)
{
    return bDocx ? sheet_render_docx(s, b, err) : sheet_render_pdf(s, b, err);
}

void
review_print_release_fonts(void)
{
    /* Only a loaded module has fonts to release; the once-flag is read
    ** after every drawing thread has stopped (print.h). */
    if (module_loaded(&printModule)) {
        void (*xRelease)(void);
        *(void **)&xRelease = apEntry[2];
        xRelease();
    }
}
