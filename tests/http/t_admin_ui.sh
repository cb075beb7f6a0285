# Admin and polish (issue 11): the new-user form starts at the least
# privileged role and picks organisations from the directory; disabling,
# enabling, closing and publishing ask first (a second page: the CSP
# forbids inline script) and do nothing until confirmed; error pages keep
# the site's header and navigation; a refused form keeps what was typed.
. "$(dirname "$0")/lib.sh"

make_db "$(db d)"
start_server "$(db d)"
for u in admin officer viewer; do login "$u"; done

curl -s -b admin.jar "$BASE/admin" >a.html
grep -q '<option value="viewer" selected="selected">Viewer</option>' a.html ||
    fail "the new-user form does not default to viewer"
grep -q '<option value="admin" selected' a.html && fail "the new-user form defaults to admin"
grep -q '<select id="org" name="org"><option value="">(none)</option>' a.html ||
    fail "the user's organisation is not picked from a list"
grep -q '<option value="MOLVT">MOLVT — Ministry of Labour' a.html ||
    fail "the organisation list does not name MOLVT"
grep -q '<select id="parent" name="parent">' a.html || fail "an organisation's parent is typed by hand"
grep -q '<input id="org"\|<input id="parent"' a.html && fail "an organisation is still typed by hand"

# --- confirmation steps ------------------------------------------------
code=$(post admin /admin/user name=viewer action=disable)
[ "$code" = 200 ] || fail "disable without confirmation answered $code"
grep -q 'Disable viewer?' post.body || fail "the disable step does not ask"
grep -q 'name="confirm" value="yes"' post.body || fail "the disable step has no confirmation"
grep -q 'href="/admin">Cancel</a>' post.body || fail "the disable step has no way back"
"$LMPMON" --db "$(db d)" user list | grep -q '^viewer .*disabled' && fail "the account was disabled without confirmation"
curl -s -b viewer.jar -o /dev/null -w '%{http_code}' "$BASE/api/me" | grep -q 200 ||
    fail "the viewer was logged out without confirmation"
code=$(post admin /admin/user name=viewer action=disable confirm=yes)
[ "$code" = 303 ] || fail "confirmed disable answered $code"
"$LMPMON" --db "$(db d)" user list | grep -q '^viewer .*disabled' || fail "the confirmed disable did nothing"
code=$(post admin /admin/user name=viewer action=enable)
[ "$code" = 200 ] && grep -q 'Enable viewer?' post.body || fail "enabling does not ask first ($code)"

code=$(post officer /admin/round round=2018 state=closed)
[ "$code" = 200 ] || fail "close without confirmation answered $code"
grep -q 'Close 2018 review?' post.body || fail "the close step does not ask"
grep -q 'reporters can no longer save or submit' post.body || fail "the close step does not say what it does"
grep -q '103 of 103 activities are not rated' post.body || fail "the close step lacks the checklist"
grep -q '291 of 291 statements owed by the responsible bodies were never submitted' post.body ||
    fail "the checklist does not count the statements never submitted"
"$LMPMON" --db "$(db d)" round list | grep -q '2018 .*open' || fail "the round closed without confirmation"
code=$(post officer /admin/round round=2018 state=closed confirm=yes)
[ "$code" = 303 ] || fail "confirmed close answered $code"
"$LMPMON" --db "$(db d)" round list | grep -q '2018 .*closed' || fail "the confirmed close did nothing"
code=$(post officer /admin/round round=2018 state=published)
[ "$code" = 200 ] && grep -q 'Publishing locks the round' post.body || fail "publishing does not warn first ($code)"
"$LMPMON" --db "$(db d)" round list | grep -q '2018 .*closed' || fail "the round was published without confirmation"
# Reopening a closed round is easily undone: no second step.
code=$(post officer /admin/round round=2018 state=open)
[ "$code" = 303 ] || fail "reopen answered $code"

# --- error pages keep the frame, never the request ---------------------
curl -s -b officer.jar -o e.html -w '%{http_code}' "$BASE/round/no-such-round" | grep -q 404 ||
    fail "an unknown round is not a 404"
grep -q '<header class="top">' e.html || fail "the 404 page lost the header"
grep -q 'href="/rounds">Rounds</a>' e.html || fail "the 404 page lost the navigation"
grep -q 'officer (M&amp;E officer)' e.html || fail "the 404 page does not say who is logged in"
grep -q 'no-such-round' e.html && fail "the 404 page echoes the request"
curl -s -b viewer.jar -o e.html -w '%{http_code}' "$BASE/no/such/page" | grep -q 404 || fail "an unknown page is not a 404"
grep -q '<header class="top">' e.html || fail "the unknown page's 404 lost the header"
curl -s -b officer.jar -o e.html "$BASE/admin/user" -d x=1
grep -q '<header class="top">' e.html || fail "the 403 page lost the header"

# --- a refused form keeps what the user typed --------------------------
code=$(post admin /admin/user "name=new person" role=reporter org=ILO password=short action=add)
case $code in 4??) ;; *) fail "a short password was accepted ($code)" ;; esac
grep -q 'value="new person"' post.body || fail "the refused user form lost the name"
grep -q '<option value="reporter" selected="selected">' post.body || fail "the refused user form lost the role"
grep -q '<option value="ILO" selected="selected">' post.body || fail "the refused user form lost the organisation"
grep -q 'value="short"' post.body && fail "the refused user form shows the password"
grep -q 'class="notice error"' post.body || fail "the refused user form does not say why"
code=$(post admin /admin/org acronym=NEWORG "name=A new body" kind=ngo parent=NO_SUCH)
case $code in 4??) ;; *) fail "an unknown parent was accepted ($code)" ;; esac
grep -q 'value="NEWORG"' post.body || fail "the refused organisation form lost the acronym"
grep -q 'value="A new body"' post.body || fail "the refused organisation form lost the name"
grep -q '<option value="ngo" selected="selected">' post.body || fail "the refused organisation form lost the kind"
code=$(post officer /admin/round round=2018 state=new "title=Twice" as_of=2018-12-01)
case $code in 4??) ;; *) fail "opening round 2018 twice answered $code" ;; esac
grep -q 'value="Twice"' post.body || fail "the refused round form lost the title"
grep -q 'value="2018-12-01"' post.body || fail "the refused round form lost the date"
finish
