# 'lmpmon case places': before the register's destinations and provinces
# are stored by code, every value as case officers wrote it is listed with
# its number of cases and the place the gazetteer makes of it; a value it
# makes none of is said so, with the closest names, never dropped; nothing
# is written.
. "$(dirname "$0")/lib.sh"

"$LMPMON" --db "$(db a)" init --sample cambodia-lmp-2015-2018 >/dev/null || fail "sample"
run --db "$(db a)" case places
expect_status 0
expect_out "no destination or province in the register"

cat >c.csv <<'CSV'
case_no,lodged_on,destination,province,assisting_org
P-1,2019-01-10,Thailand,Prey Veng,MOLVT
P-2,2019-01-11,Thaïland,PreyVeng,MOLVT
P-3,2019-01-12,Korea,Kompong Cham,MOLVT
P-4,2019-01-13,Atlantis,Siemreap ,MOLVT
P-5,2019-01-14,Thailand,Prey Vang,MOLVT
CSV
"$LMPMON" --db "$(db a)" case import c.csv >/dev/null || fail "cases"
before=$(db_state a)
COLUMNS=160 run --db "$(db a)" case places
expect_status 0
expect_out "KR Republic of Korea"
expect_out "KH-17 Siem Reap"
expect_out "KH-3 Kampong Cham"
grep "Thailand" out.txt | grep -q " 2 " || fail "the two cases of 'Thailand' not counted together"
grep "Thaïland" out.txt | grep -q "TH Thailand" || fail "'Thaïland' not resolved"
grep "Atlantis" out.txt | grep -q "unresolved" || fail "'Atlantis' not said unresolved"
grep "Prey Vang" out.txt | grep -q "unresolved (closest: 'Prey Veng'" ||
    fail "'Prey Vang' without its closest name"
expect_out "2 of 9 values (in 2 cases) name no place the gazetteer knows"
[ "$(db_state a)" = "$before" ] || fail "case places wrote something"
finish
