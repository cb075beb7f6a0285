/*
** palette.h — the colours of the ratings, wherever they are drawn: the
** review's charts (SVG in HTML, vector in PDF) and the web application's
** badges (src/web/static/app.css repeats the three fills and inks;
** scripts/lint checks that it does).
**
** Green, amber and red, as readers expect, of clearly different lightness
** (dark green, light amber, middle red) so that they stay apart in a
** greyscale print and for colour-blind readers; the rating's word is
** always written beside or on them.  The inks are white or black, whichever
** reads at WCAG AA contrast (4.5:1) on the fill.
*/
#ifndef LMPMON_PALETTE_H
#define LMPMON_PALETTE_H

#include "../core/rating.h"

/* The fill of rating e, "#rrggbb"; NULL for RATING_NONE (drawn hatched). */
const char *rating_fill(Rating e);

/* The colour of text drawn on rating e's fill, "#rrggbb". */
const char *rating_ink(Rating e);

/* rating_fill() as red, green and blue in [0, 1]; all -1 for RATING_NONE. */
void rating_fill_rgb(Rating e, double *pr, double *pg, double *pb);

#endif
