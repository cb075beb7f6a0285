/*
** base.h — everything of the base layer, for files that use most of it.
*/
#ifndef LMPMON_BASE_H
#define LMPMON_BASE_H

#include "apperr.h"
#include "buf.h"
#include "limits.h"
#include "str.h"
#include "utf8.h"
#include "xalloc.h"

#endif
