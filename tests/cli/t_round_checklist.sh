# Closing or publishing a round from the command line shows what is still
# open — the same checklist as the web's confirm page, from core — and
# refuses (exit 1, nothing done) unless --yes; in the reader's language.
. "$(dirname "$0")/lib.sh"

"$LMPMON" --db "$(db d)" init --sample cambodia-lmp-2015-2018 >/dev/null || fail "sample"
"$LMPMON" --db "$(db d)" round open 2018 --title "2018 review" --as-of 2018-11-30 >/dev/null ||
    fail "open 2018"

run --db "$(db d)" round close 2018
expect_status 1
expect_err "round 2018 is not closed; before you go on:"
expect_err "  - 103 of 103 activities are not rated."
expect_err "  - 103 of 103 activities are not approved."
expect_err "statements owed by the responsible bodies were never submitted."
expect_err "  + No organisation is overdue."
expect_err "give --yes to close it all the same"
"$LMPMON" --db "$(db d)" round list | grep -q '2018 .*open' || fail "the round was closed without --yes"

run --db "$(db d)" round close 2018 --yes
expect_status 0
expect_out "round 2018 is closed"
run --db "$(db d)" round publish 2018
expect_status 1
expect_err "round 2018 is not published; before you go on:"
# A closed round collects nothing more: nobody is "0 overdue" in it.
expect_err "  + No organisation can be overdue: the round is no longer collecting."
grep -q "0 organisations are overdue" err.txt && fail "a closed round counts 0 overdue organisations"
# The same list in Khmer for a Khmer reader.
LANG=km_KH.UTF-8 run --db "$(db d)" round publish 2018
expect_status 1
expect_err "សកម្មភាព 103 ក្នុងចំណោម 103 មិនទាន់បានវាយតម្លៃ។"
run --db "$(db d)" round publish 2018 --yes
expect_status 0
expect_out "round 2018 is published"
finish
