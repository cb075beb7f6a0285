/*
** fuzz.h — what every harness in tests/fuzz shares.
**
** Each fuzz_NAME.c defines LLVMFuzzerTestOneInput() for one parser of
** untrusted input.  The same file is linked two ways (CMakeLists.txt):
** with clang's libFuzzer for 'make fuzz', and with replay.c as a plain
** program that runs every file of corpus/NAME/ once, so the corpus is an
** ordinary test in both the plain and the ASan+UBSan build.
**
** A harness leaves nothing behind between two inputs (no globals, no
** leaks: libFuzzer's leak check runs after every input), and beyond "no
** crash" it checks what the parser promises, with FUZZ_CHECK(): release
** builds define NDEBUG, so assert() would check nothing.
*/
#ifndef LMPMON_FUZZ_H
#define LMPMON_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *aData, size_t nData);

/* A broken promise is a crash the fuzzer reports, with the place. */
#define FUZZ_CHECK(x)                                                          \
 do {                                                                          \
  if (!(x)) {                                                                  \
   (void)fprintf(stderr, "%s:%d: FUZZ_CHECK failed: %s\n", __FILE__, __LINE__, \
                 #x);                                                          \
   abort();                                                                    \
  }                                                                            \
 } while (0)

/* A heap copy of a[0..n) with a NUL after it (the input itself has none:
** a parser that reads past its end is caught by ASan).  Caller frees. */
static inline char *
fuzz_cstr(const uint8_t *a, size_t n)
{
    char *z = malloc(n + 1);
    if (!z) {
        abort();
    }
    if (n) {
        memcpy(z, a, n);
    }
    z[n] = 0;
    return z;
}

#endif
