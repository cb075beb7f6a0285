# The Khmer catalogue is complete and well-formed: every string the sources
# mark for translation (extracted again here, as 'cmake --build' does into
# po/lmpmon.pot) has a Khmer translation in po/km.po that is neither empty
# nor fuzzy, and msgfmt --check accepts the file (the same placeholders, in
# the same order or numbered, the header, the plural forms).  On failure it
# lists the strings still to translate (docs/translate.md says how).
. "$(dirname "$0")/lib.sh"

POT=template.pot
cmake -DXGETTEXT="$(command -v xgettext)" -DROOT="$SRC" -DOUT="$SCRATCH/$POT" \
    -P "$SRC/cmake/pot.cmake" >pot.log 2>&1 ||
    fail "xgettext cannot extract the strings: $(cat pot.log)"
[ -s "$POT" ] || fail "no template was extracted"
grep -q '^msgid "Log in"' "$POT" || fail "the template lacks the login page's strings"

# Missing or untranslated (empty or fuzzy) in km.po: msgcmp names each.
if ! msgcmp "$SRC/po/km.po" "$POT" >msgcmp.out 2>&1; then
    # The strings themselves, for the translator.
    msgmerge -q --no-fuzzy-matching -o merged.po "$SRC/po/km.po" "$POT" 2>/dev/null
    msgattrib --untranslated --no-obsolete merged.po 2>/dev/null |
        sed -n 's/^msgid "\(..*\)"$/  \1/p' >untranslated.txt
    fail "po/km.po lacks the Khmer of $(wc -l <untranslated.txt) strings (translate them; docs/translate.md):
$(cat untranslated.txt)
$(grep -c 'not defined' msgcmp.out) reported by msgcmp"
fi

# Well-formed: placeholders kept, header present, plural forms right.
msgfmt --check --statistics -o km.mo "$SRC/po/km.po" >msgfmt.out 2>&1 ||
    fail "msgfmt --check refuses po/km.po:\n$(cat msgfmt.out)"
grep -q 'untranslated\|fuzzy' msgfmt.out &&
    fail "po/km.po has untranslated or fuzzy entries: $(cat msgfmt.out)"
grep -q '^"Plural-Forms: nplurals=1; plural=0;\\n"' "$SRC/po/km.po" ||
    fail "po/km.po must declare Khmer's one plural form (nplurals=1; plural=0)"
# A translation is Khmer, not the English copied: at most a few strings
# (acronyms, file formats) may read the same in both.
msgattrib --no-obsolete --translated "$SRC/po/km.po" 2>/dev/null | awk '
    /^msgid "/ { id = $0; sub(/^msgid /, "", id); next }
    /^msgstr "/ { s = $0; sub(/^msgstr /, "", s); if (s == id && id != "\"\"") n++ }
    END { print n + 0 }' >same.txt
[ "$(cat same.txt)" -le 12 ] ||
    fail "$(cat same.txt) translations in po/km.po are the English string itself"
finish
