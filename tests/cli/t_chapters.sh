# The review's chapters from the command line (docs/chapters.md): written
# in English from a file and in Khmer from standard input, listed with who
# saved them; refused in a published round until it is reopened for a
# correction, for an unknown chapter, and for a text outside the Markdown
# subset's limits (the line named); every save in the audit trail; the
# JSON model carries them out and back in.
. "$(dirname "$0")/lib.sh"

D=$(db d)
"$LMPMON" --db "$D" init --sample cambodia-lmp-2015-2018 >/dev/null || fail "sample"

# The sample's rounds are published: locked until a correction.
printf 'Text\n' >intro.md
run --db "$D" round chapter 2017 introduction --file intro.md
expect_status 1
expect_err "round '2017' is published and locked: its chapters change only after an administrator reopens it for a correction"
[ "$(db_sql d "SELECT count(*) FROM round_chapter")" = 0 ] || fail "a published round's chapter was written"
"$LMPMON" --db "$D" round correct 2017 --reason "the review's chapters" >/dev/null || fail "correct"

# From the seed's review (seeds/000, "Introduction"), in English.
cat >intro.md <<'EOF'
The Royal Government of Cambodia (RGC) issued its second Policy on Labour
Migration for Cambodia (LMP) in December 2014.

This review updates the progress on the Policy since the **2016 review**.
EOF
run --db "$D" --as officer round chapter 2017 introduction --file intro.md
expect_status 0
expect_out "chapter 'Introduction' (English) of round 2017 is saved"
printf 'សេចក្តីផ្តើម\n' >km.md
"$LMPMON" --db "$D" --as translator round chapter 2017 introduction --lang km --file - <km.md >out.txt 2>err.txt ||
    fail "Khmer from standard input: $(cat err.txt)"
grep -qF "(Khmer)" out.txt || fail "no word of the Khmer save: $(cat out.txt)"
run --db "$D" round chapters 2017
expect_status 0
grep -q '^Introduction  *introduction  *31 words  *1 word  .* translator  *2$' out.txt ||
    fail "the list does not show the chapter: $(cat out.txt)"
grep -q '^Findings  *findings  *-  *-  *not written' out.txt || fail "an unwritten chapter: $(cat out.txt)"
# The English text is kept as written when the Khmer one is saved.
[ "$(db_sql d "SELECT text FROM round_chapter WHERE kind = 'introduction'")" = "$(cat intro.md)" ] ||
    fail "the English text changed: $(db_sql d "SELECT text FROM round_chapter")"

# Refused, nothing written: an unknown chapter, a language, a text
# outside the subset's limits, not a text file.
run --db "$D" round chapter 2017 annex --file intro.md
expect_status 2
expect_err "unknown chapter 'annex'"
run --db "$D" round chapter 2017 findings --lang fr --file intro.md
expect_status 2
expect_err "unknown language 'fr'"
printf 'Fine\n\nA bell \007 here\n' >bad.md
run --db "$D" round chapter 2017 findings --file bad.md
expect_status 1
expect_err "cannot save chapter 'Findings' (English): line 3, column 8: a control character (0x07)"
awk 'BEGIN { for (i = 0; i < 3000; i++) print "A sentence of the review, long enough." }' >long.md
run --db "$D" round chapter 2017 findings --file long.md
expect_status 1
expect_err "the chapter is longer than 65536 bytes"
printf 'a\000b' >nul.md
run --db "$D" round chapter 2017 findings --file nul.md
expect_status 1
expect_err "it holds a NUL byte"
run --db "$D" round chapter 2017 findings --file missing.md
expect_status 1
expect_err "cannot read 'missing.md': there is no such file"
[ "$(db_sql d "SELECT count(*) FROM round_chapter")" = 1 ] || fail "a refused chapter was written"

# The audit trail: the creation and the Khmer text, by their writers.
[ "$(db_sql d "SELECT actor || ' ' || coalesce(field, '-') FROM audit WHERE entity = 'chapter' ORDER BY id" | tr '\n' ';')" = "officer -;translator text_km;" ] ||
    fail "audit: $(db_sql d "SELECT actor, field FROM audit WHERE entity = 'chapter'")"

# Out and back in with the JSON model.
"$LMPMON" --db "$D" export --format json --out m.json || fail "export"
grep -q '"kind": "introduction"' m.json || fail "the export lacks the chapter"
grep -q 'សេចក្តីផ្តើម' m.json || fail "the export lacks the Khmer text"
E=$(db e)
"$LMPMON" --db "$E" init >/dev/null || fail "init e"
run --db "$E" import m.json
expect_status 0
run --db "$E" round chapters 2017
grep -q '^Introduction  *introduction  *31 words  *1 word' out.txt || fail "imported: $(cat out.txt)"
# A file whose chapter the subset refuses is refused whole, the path named.
sed 's/"kind": "introduction"/"kind": "annex"/' m.json >bad.json
run --db "$E" import bad.json
expect_status 1
expect_err "rounds[1].chapters[0].kind: unknown chapter"
finish
