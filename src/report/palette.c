/*
** palette.c — the colours of the ratings (see palette.h).
*/
#include <stdio.h>

#include "palette.h"
#include "../base/banned.h"

static const struct {
    const char *zFill;
    const char *zInk;
} aColour[RATING_COUNT] = {
    [RATING_NONE] = { NULL, "#000000" },
    [RATING_ON_TARGET] = { "#1b5e20", "#ffffff" },     /* 7.9:1 */
    [RATING_PROGRESSING] = { "#ffb300", "#000000" },   /* 11:1 */
    [RATING_NOT_ON_TARGET] = { "#d32f2f", "#ffffff" }, /* 5.0:1 */
};

const char *
rating_fill(Rating e)
{
    return (unsigned)e < RATING_COUNT ? aColour[e].zFill : NULL;
}

const char *
rating_ink(Rating e)
{
    return (unsigned)e < RATING_COUNT ? aColour[e].zInk : "#000000";
}

void
rating_fill_rgb(Rating e, double *pr, double *pg, double *pb)
{
    const char *z = rating_fill(e);
    unsigned r, g, b;
    /* NOLINTNEXTLINE(cert-err34-c): fixed widths cannot overflow */
    if (!z || sscanf(z, "#%2x%2x%2x", &r, &g, &b) != 3) {
        *pr = *pg = *pb = -1;
        return;
    }
    *pr = r / 255.0;
    *pg = g / 255.0;
    *pb = b / 255.0;
}
