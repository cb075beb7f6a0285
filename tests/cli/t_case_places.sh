# Cases' places are stored by gazetteer code: an import resolves every
# usual spelling of a province or destination to its code and refuses one
# it does not know with its line, column and the closest names (nothing
# written); pages, exports and the complaints report show names, and an
# export imports back to the same register.  A database from before places
# were codes is migrated on open: values that name a place become its
# code, the others are kept as written and 'lmpmon case places' lists them
# with the closest names, writing nothing.
. "$(dirname "$0")/lib.sh"

"$LMPMON" --db "$(db a)" init --sample cambodia-lmp-2015-2018 >/dev/null || fail "sample"
run --db "$(db a)" case places
expect_status 0
expect_out "no destination or province in the register"

# Variants resolve to one code each.
cat >c.csv <<'CSV'
case_no,lodged_on,destination,province,assisting_org
P-1,2019-01-10,Thailand,Prey Veng ,MOLVT
P-2,2019-01-11,Thaïland,PreyVeng,MOLVT
P-3,2019-01-12,Korea,Kompong Cham,MOLVT
P-4,2019-01-13,TH,prey veng,MOLVT
P-5,2019-01-14,,ព្រៃវែង,MOLVT
CSV
run --db "$(db a)" case import c.csv
expect_status 0
[ "$(db_sql a "SELECT case_no, destination, province FROM complaint_case ORDER BY case_no" | tr '\n' ' ')" = \
    "P-1|TH|KH-14 P-2|TH|KH-14 P-3|KR|KH-3 P-4|TH|KH-14 P-5||KH-14 " ] ||
    fail "places not stored by code: $(db_sql a "SELECT destination, province FROM complaint_case")"

# An unknown place is refused with where it is and the closest names.
before=$(db_state a)
cat >bad.csv <<'CSV'
case_no,lodged_on,destination,province,assisting_org
P-6,2019-01-10,Thailand,Prey Veng,MOLVT
P-7,2019-01-11,Atlantis,Takeo,MOLVT
CSV
run --db "$(db a)" case import bad.csv
expect_status 1
expect_err "line 3, column 3 (destination): unknown country 'Atlantis' (closest: "
cat >bad.csv <<'CSV'
case_no,province,lodged_on
P-8,Prey Vang,2019-01-10
CSV
run --db "$(db a)" case import bad.csv
expect_status 1
expect_err "line 2, column 2 (province): unknown province 'Prey Vang' (closest: 'Prey Veng'"
[ "$(db_state a)" = "$before" ] || fail "a refused import wrote something"

# Exports and pages name the places; an export imports back as it was.
run --db "$(db a)" case export
expect_status 0
grep -q '^P-1,2019-01-10,,unknown,unknown,Thailand,Prey Veng,MOLVT,' out.txt ||
    fail "the export does not name the places: $(grep P-1 out.txt)"
grep -q 'KH-14\|,TH,' out.txt && fail "the export shows codes"
cp out.txt export1.csv
"$LMPMON" --db "$(db b)" init --sample cambodia-lmp-2015-2018 >/dev/null || fail "sample b"
run --db "$(db b)" case import export1.csv
expect_status 0
run --db "$(db b)" case export
cmp -s out.txt export1.csv || fail "export -> import -> export differs"
[ "$(db_sql b "SELECT case_no, destination, province FROM complaint_case ORDER BY case_no")" = \
    "$(db_sql a "SELECT case_no, destination, province FROM complaint_case ORDER BY case_no")" ] ||
    fail "the round trip stored other places"
run --db "$(db a)" case show P-3
expect_out "Kampong Cham -> Republic of Korea"
run --db "$(db a)" report complaints --format csv
expect_out "province,Prey Veng,4,"
expect_out "destination,Thailand,3,"
LANG=km_KH.UTF-8 run --db "$(db a)" case show P-3
expect_out "កំពង់ចាម"

# A database at the previous schema version whose cases hold places as
# typed (what every database had before): opening it converts those that
# name a place, keeps the others, and 'case places' lists those.
"$LMPMON" --db "$(db m)" init --sample cambodia-lmp-2015-2018 >/dev/null || fail "sample m"
cat >m.csv <<'CSV'
case_no,lodged_on,assisting_org
M-1,2019-01-10,MOLVT
M-2,2019-01-11,MOLVT
M-3,2019-01-12,MOLVT
M-4,2019-01-13,MOLVT
M-5,2019-01-14,MOLVT
CSV
"$LMPMON" --db "$(db m)" case import m.csv >/dev/null || fail "cases m"
"$LMPMON" --db "$(db m)" report complaints --format csv >/dev/null || fail "report m"
# The version before places were codes: SQLite 18, PostgreSQL 13 (the
# places' migration is 19 and 14); what later migrations added is undone
# first (20 and 15: indicator.computed_from; 22 and 17: ind_value.note;
# 23 and 18: indicator.definition_km; 24 and 19: the versions of
# outreach, media and statistics rows; 25 and 20: the review's chapters).
later="DROP TABLE round_chapter; ALTER TABLE indicator DROP COLUMN definition_km;
  ALTER TABLE indicator DROP COLUMN computed_from; ALTER TABLE ind_value DROP COLUMN note;
  ALTER TABLE outreach DROP COLUMN version; ALTER TABLE media DROP COLUMN version;
  ALTER TABLE stat_obs DROP COLUMN version;"
if [ "$LMPMON_TEST_BACKEND" = sqlite ]; then
    version="PRAGMA user_version"
    before_places=18
    prev="$later PRAGMA user_version = $before_places;"
else
    version="SELECT version FROM schema_version"
    before_places=13
    prev="$later UPDATE schema_version SET version = $before_places;"
fi
want=$(db_sql m "$version")
db_sql m "UPDATE complaint_case SET destination = 'Thailand', province = 'Prey Veng' WHERE case_no = 'M-1';
UPDATE complaint_case SET destination = 'Thaïland', province = 'PreyVeng' WHERE case_no = 'M-2';
UPDATE complaint_case SET destination = 'Korea', province = 'Kompong Cham' WHERE case_no = 'M-3';
UPDATE complaint_case SET destination = 'Atlantis', province = 'Siemreap ' WHERE case_no = 'M-4';
UPDATE complaint_case SET destination = 'Thailand', province = 'Prey Vang' WHERE case_no = 'M-5';
$prev" >/dev/null || fail "cannot make the previous version's database"
[ "$(db_sql m "$version")" = $before_places ] || fail "m is not at the version before places were codes"
COLUMNS=160 run --db "$(db m)" case places
expect_status 0
[ "$(db_sql m "$version")" = "$want" ] || fail "m not migrated to $want"
[ "$(db_sql m "SELECT case_no, destination, province FROM complaint_case ORDER BY case_no" | tr '\n' ' ')" = \
    "M-1|TH|KH-14 M-2|TH|KH-14 M-3|KR|KH-3 M-4|Atlantis|KH-17 M-5|TH|Prey Vang " ] ||
    fail "migrated places: $(db_sql m "SELECT case_no, destination, province FROM complaint_case ORDER BY case_no" | tr '\n' ' ')"
[ "$(db_sql m "SELECT count(*) FROM kept")" = 0 ] || fail "the complaints reports of the old values are still kept"
grep "Atlantis" out.txt | grep -q "unresolved" || fail "'Atlantis' not said unresolved"
grep "Prey Vang" out.txt | grep -q "unresolved (closest: 'Prey Veng'" ||
    fail "'Prey Vang' without its closest name"
grep "TH " out.txt | grep -q " 3 " || fail "the three cases in Thailand not counted together"
expect_out "KH-3 Kampong Cham"
expect_out "2 of 7 values (in 2 cases) name no place the gazetteer knows: they are kept as written"
before=$(db_state m)
run --db "$(db m)" case places
[ "$(db_state m)" = "$before" ] || fail "case places wrote something"
# The report names the converted places and shows the kept ones as written.
run --db "$(db m)" report complaints --format csv
expect_out "province,Prey Veng,2,"
expect_out "province,Prey Vang,1,"
expect_out "destination,Atlantis,1,"
finish
