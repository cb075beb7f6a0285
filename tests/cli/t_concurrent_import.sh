# Eight people export the annex, each changes up to 13 different rows, and
# all import at the same time.  Every change must be in the database
# afterwards (before imports merged, all eight reported success and only
# the last one's 13 changes survived).  When two files change the same
# cell, one import wins and the other is refused with a conflict naming
# the cell: never a silent loss.
. "$(dirname "$0")/lib.sh"

"$LMPMON" --db "$(db c)" init --sample cambodia-lmp-2015-2018 >/dev/null || fail "sample"
# An open round to write into (the sample's two rounds are published).
"$LMPMON" --db "$(db c)" round open 2018 >/dev/null || fail "round open"
"$LMPMON" --db "$(db c)" export --out base.csv || fail "export"

# edit FROM TO TAG <IN >OUT: in data rows FROM..TO (1 = the first activity)
# set the 2018 progress cell, empty in the export, to "TAG row N".  Rows
# are CSV records (a quoted narrative may span lines); the record ends
# with 2018:progress, 2018:rating, lmpmon:revision.
edit() {
    awk -v lo="$1" -v hi="$2" -v tag="$3" '
    {
        rec = (rec == "" ? $0 : rec "\n" $0)
        if (gsub(/"/, "\"", rec) % 2 == 1) next   # inside a quoted field
        if (n >= lo && n <= hi) {
            i = match(rec, /,,,[0-9]+@[^,]*$/)
            if (i == 0) { print "no empty 2018 cells in record " n > "/dev/stderr"; exit 1 }
            rec = substr(rec, 1, i - 1) "," tag " row " n ",," substr(rec, i + 3)
        }
        n++
        print rec
        rec = ""
    }'
}

rows=$(db_sql c "SELECT count(*) FROM node WHERE depth = 3")
[ "$rows" = 103 ] || fail "expected 103 activities, got $rows"

# --- eight importers, distinct rows -------------------------------------
k=0
while [ $k -lt 8 ]; do
    lo=$((13 * k + 1))
    hi=$((lo + 12))
    [ $hi -gt 103 ] && hi=103
    edit $lo $hi "importer $k" <base.csv >e$k.csv || fail "editing e$k.csv"
    k=$((k + 1))
done
# The imports wait for each other on the write lock: give them time
# enough for a slow (sanitizer) build.
k=0
while [ $k -lt 8 ]; do
    "$LMPMON" --db "$(db c)" --busy-timeout 120000 --as "importer$k" import e$k.csv \
        >o$k.txt 2>r$k.txt &
    eval "pid$k=\$!"
    k=$((k + 1))
done
k=0
while [ $k -lt 8 ]; do
    eval "wait \$pid$k"
    st=$?
    [ $st -eq 0 ] || fail "importer $k exited $st: $(cat r$k.txt)"
    n=13
    [ $k -eq 7 ] && n=12
    grep -qF "imported 'e$k.csv': $n changes ($n progress) in $n activities" o$k.txt ||
        fail "importer $k: $(cat o$k.txt)"
    k=$((k + 1))
done

# Every change is in a fresh export, exactly once.
"$LMPMON" --db "$(db c)" export --out after.csv || fail "export after"
missing=0
k=0
while [ $k -lt 8 ]; do
    lo=$((13 * k + 1))
    hi=$((lo + 12))
    [ $hi -gt 103 ] && hi=103
    r=$lo
    while [ $r -le $hi ]; do
        grep -qF ",importer $k row $r,," after.csv || missing=$((missing + 1))
        r=$((r + 1))
    done
    k=$((k + 1))
done
[ $missing -eq 0 ] || fail "$missing of 103 changes are missing after eight concurrent imports"
n=$(grep -c ',importer [0-7] row [0-9]*,,' after.csv)
[ "$n" = 103 ] || fail "expected 103 changed rows in the export, got $n"
n=$(db_sql c "SELECT count(*) FROM audit WHERE field = 'progress' AND actor LIKE 'importer%'")
[ "$n" = 103 ] || fail "expected 103 progress changes in the audit trail, got $n"

# --- four importers, two of them change the same cell --------------------
# From a new export: importers 0 and 1 both change row 50; 2 and 3 do not
# overlap.  Whichever of 0 and 1 commits second is refused whole with a
# conflict naming row 50's cell; everything else is written.
"$LMPMON" --db "$(db c)" export --out base2.csv || fail "second export"
# replace K LO HI <IN >OUT: in rows LO..HI, the progress "importer J row N"
# becomes "second K row N" (the cell is on its record's last line).
replace() {
    awk -v lo="$2" -v hi="$3" -v k="$1" '
    {
        if (match($0, /,importer [0-7] row [0-9]+,,/)) {
            split(substr($0, RSTART + 1, RLENGTH - 3), w, " ")
            r = w[4] + 0
            if (r >= lo && r <= hi)
                $0 = substr($0, 1, RSTART) "second " k " row " r substr($0, RSTART + RLENGTH - 2)
        }
        print
    }'
}
replace 0 41 50 <base2.csv >f0.csv
replace 1 50 60 <base2.csv >f1.csv
replace 2 61 70 <base2.csv >f2.csv
replace 3 71 80 <base2.csv >f3.csv
k=0
while [ $k -lt 4 ]; do
    "$LMPMON" --db "$(db c)" --busy-timeout 120000 --as "second$k" import f$k.csv \
        >p$k.txt 2>q$k.txt &
    eval "pid$k=\$!"
    k=$((k + 1))
done
nrefused=0
k=0
while [ $k -lt 4 ]; do
    eval "wait \$pid$k"
    eval "st$k=\$?"
    k=$((k + 1))
done
"$LMPMON" --db "$(db c)" export --out after2.csv || fail "export after the second round"
for k in 0 1 2 3; do
    case $k in 0) lo=41 hi=50 ;; 1) lo=50 hi=60 ;; 2) lo=61 hi=70 ;; 3) lo=71 hi=80 ;; esac
    eval "st=\$st$k"
    nin=0
    r=$lo
    while [ $r -le $hi ]; do
        grep -qF ",second $k row $r,," after2.csv && nin=$((nin + 1))
        r=$((r + 1))
    done
    if [ "$st" -eq 0 ]; then
        [ $nin -eq $((hi - lo + 1)) ] ||
            fail "importer $k succeeded but only $nin of $((hi - lo + 1)) changes are in the database"
    elif [ "$st" -eq 1 ]; then
        nrefused=$((nrefused + 1))
        [ $k -le 1 ] || fail "importer $k, which overlaps nobody, was refused: $(cat q$k.txt)"
        grep -qF "column 19 (2018:progress), activity " q$k.txt &&
            grep -qF "since the export; nothing was imported" q$k.txt &&
            grep -qF "in the database to 'second $((1 - k)) row 50' (by second$((1 - k)) at" q$k.txt ||
            fail "importer $k was refused without naming the conflicting cell: $(cat q$k.txt)"
        [ $nin -eq 0 ] || fail "importer $k was refused but $nin of its changes were written"
    else
        fail "importer $k exited $st: $(cat q$k.txt)"
    fi
done
[ $nrefused -eq 1 ] || fail "expected exactly one of the two overlapping imports refused, got $nrefused"

finish
