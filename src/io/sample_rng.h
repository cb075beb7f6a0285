/*
** sample_rng.h — the random numbers of the synthetic data generators
** (cases_sample.c, plan_sample.c).
**
** splitmix64: tiny, fast, and the same sequence on every platform, which is
** what "the same seed gives the same bytes" needs; the C library's rand()
** differs between libcs.  Static inline so each generator keeps its own
** state and nothing global is shared.
*/
#ifndef LMPMON_SAMPLE_RNG_H
#define LMPMON_SAMPLE_RNG_H

#include <stdint.h>

typedef struct Rng {
    uint64_t s; /* the state: advanced by a constant per draw */
} Rng;

/* The next 64 random bits. */
static inline uint64_t
rng_next(Rng *r)
{
    uint64_t z = (r->s += 0x9E3779B97F4A7C15uLL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9uLL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBuLL;
    return z ^ (z >> 31);
}

/* Uniform in [0, 1). */
static inline double
rng_unit(Rng *r)
{
    return (double)(rng_next(r) >> 11) * (1.0 / 9007199254740992.0);
}

/* Index drawn by weights w[0..n). */
static inline int
rng_pick(Rng *r, const double *w, int n)
{
    double total = 0;
    for (int i = 0; i < n; i++) {
        total += w[i];
    }
    double x = rng_unit(r) * total;
    for (int i = 0; i < n; i++) {
        if (x < w[i]) {
            return i;
        }
        x -= w[i];
    }
    return n - 1;
}

#endif
