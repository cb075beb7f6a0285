# The command line speaks the language of its environment: with
# LANG=km_KH.UTF-8 (or LANGUAGE=km) the help's summaries and the messages
# are Khmer, with LANG=C English as always; the Khmer comes from the
# catalogue (po/km.po), never from this test.
. "$(dirname "$0")/lib.sh"

# km ID: the Khmer of msgid ID in po/km.po.
km() {
    python3 -c 'import sys; sys.path.insert(0, sys.argv[1]); import i18n_check as c; print(c.read_po(sys.argv[2]).get(sys.argv[3], ""))' \
        "$SRC/tests/http" "$SRC/po/km.po" "$1"
}
KM_INIT=$(km "create a database")
KM_SERVE=$(km "run the web application")
[ -n "$KM_INIT" ] && [ -n "$KM_SERVE" ] || fail "po/km.po lacks the help's summaries"

unset LANGUAGE LC_ALL LC_MESSAGES
LANG=km_KH.UTF-8 run --help
expect_status 0
expect_out "$KM_INIT"
expect_out "$KM_SERVE"
grep -q "create a database" out.txt && fail "the Khmer help still says 'create a database'"

LANG=C run --help
expect_out "create a database"
grep -qF "$KM_INIT" out.txt && fail "LANG=C prints Khmer"

# LC_ALL outranks LANG; LANGUAGE picks the catalogue when the locale is not C.
LC_ALL=km_KH.UTF-8 LANG=C run --help
expect_out "$KM_INIT"
LANGUAGE=km LANG=en_US.UTF-8 run --help
expect_out "$KM_INIT"
LANGUAGE=km LANG=C run --help
expect_out "create a database"

# A message: the unknown command, in Khmer, the command's name kept.
LANG=km_KH.UTF-8 run frobnicate
expect_status 2
KM_UNKNOWN=$(km "lmpmon: unknown command '%s' (see 'lmpmon --help')
" | sed "s/%s/frobnicate/")
expect_err "$(echo "$KM_UNKNOWN" | head -1)"

# A usage error: the option's own words kept, the rest Khmer.
LANG=km_KH.UTF-8 run serve --language fr
expect_status 2
expect_err "$(km "--language (or LMPMON_LANG) takes en or km, not '%s'" | sed "s/%s/fr/")"
expect_err "$(km "(see 'lmpmon %s --help')
" | sed "s/%s/serve/")"
finish
