/*
** banned.h — functions lmpmon must not call, turned into compile errors.
**
** Included last by every .c file of the project (through base.h).  Each of
** these has a bounded or thread-safe replacement in base: Buf instead of
** sprintf/strcpy/strcat, str_to_long() instead of atoi, gmtime_r instead of
** localtime.  Idea from git's banned.h.
*/
#ifndef LMPMON_BANNED_H
#define LMPMON_BANNED_H

#define BANNED(func) sorry_##func##_is_a_banned_function

#undef strcpy
#define strcpy(x, y) BANNED(strcpy)
#undef strcat
#define strcat(x, y) BANNED(strcat)
#undef strncpy
#define strncpy(x, y, n) BANNED(strncpy)
#undef strncat
#define strncat(x, y, n) BANNED(strncat)
#undef sprintf
#define sprintf(...) BANNED(sprintf)
#undef vsprintf
#define vsprintf(...) BANNED(vsprintf)
#undef strtok
#define strtok(x, y) BANNED(strtok)
#undef atoi
#define atoi(x) BANNED(atoi)
#undef atol
#define atol(x) BANNED(atol)
#undef localtime
#define localtime(x) BANNED(localtime)
#undef gmtime
#define gmtime(x) BANNED(gmtime)
#undef gets
#define gets(x) BANNED(gets)

#endif
