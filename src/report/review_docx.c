/* placeholder */
#include "review_print.h"
int
review_render_docx(const ReviewReport *r, Buf *b, AppErr *err)
{
    (void)r;
    (void)b;
    return apperr_set(err, APPERR_INTERNAL, "not yet");
}
