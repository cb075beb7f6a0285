/*
** file.h — what lmpmon needs to know of a path before it writes one.
*/
#ifndef LMPMON_FILE_H
#define LMPMON_FILE_H

/* Whether zPath exists and is not a regular file (a device such as
** /dev/null or /dev/stdout, a pipe, a directory).  Outputs are written to a
** temporary file and renamed over the target, so that no reader ever sees
** half a file; renamed over a device, that would replace the device (as
** root, /dev/null itself) with a plain file.  Such a target is written
** directly instead, or refused. */
int file_is_special(const char *zPath);

/* Copy the bytes of file zFrom into zTo as it is (for a special zTo):
** 0, or -1 with errno set. */
int file_copy_into(const char *zFrom, const char *zTo);

#endif
