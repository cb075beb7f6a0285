# Extract the translatable strings of src/ into OUT (po/lmpmon.pot).
# Called by the 'pot' target with XGETTEXT, ROOT (the source tree) and OUT.
# Only our keywords count ("--keyword" alone drops the defaults): the
# gettext() inside HTML_TR and the header lookup in i18n.c are no strings.
# Paths are relative to ROOT, locations name files only (no line numbers,
# which would change the template at every edit), and OUT is replaced only
# when a string changed: the creation date alone is no change.
file(GLOB_RECURSE sources RELATIVE ${ROOT} ${ROOT}/src/*.c ${ROOT}/src/*.h)
list(SORT sources)
# A temporary file of the calling build (TMP), so that two build trees
# extracting at once never write the same file.
if(NOT TMP)
  set(TMP ${OUT}.new)
endif()
set(tmp ${TMP})
execute_process(
  COMMAND ${XGETTEXT} --language=C --from-code=UTF-8
          --keyword --keyword=_ --keyword=N_ --keyword=ngettext:1,2
          --keyword=HTML_TR:2 --add-comments=TRANSLATORS:
          --add-location=file --package-name=lmpmon
          --copyright-holder=lmpmon --output=${tmp} ${sources}
  WORKING_DIRECTORY ${ROOT}
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "xgettext failed")
endif()
set(changed TRUE)
if(EXISTS ${OUT})
  file(READ ${OUT} old)
  file(READ ${tmp} new)
  string(REGEX REPLACE "\"POT-Creation-Date:[^\"]*\"" "" old "${old}")
  string(REGEX REPLACE "\"POT-Creation-Date:[^\"]*\"" "" new "${new}")
  if(old STREQUAL new)
    set(changed FALSE)
  endif()
endif()
if(changed)
  # A copy, not a rename: the build tree may be on another file system.
  file(COPY_FILE ${tmp} ${OUT})
  file(REMOVE ${tmp})
  message(STATUS "po/lmpmon.pot updated: merge it into po/*.po "
                 "(docs/translate.md)")
else()
  file(REMOVE ${tmp})
endif()
