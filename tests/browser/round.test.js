// Browser test of a whole review round with three organisations, as the
// people who run it would (issue 11): on a pinned day (LMPMON_NOW, five
// days after the round's due date) the M&E officer finds the 2018 round
// open and gives two ministries more time; MOLVT and MOFA&IC write and
// submit their statements on activity 2.3, which all three are responsible
// for; the officer returns MOLVT's alone, with a comment (MOFA&IC's is
// untouched and never sees it); MOLVT reads the comment, rewrites and
// resubmits; MOI does nothing and is shown overdue, in words, on the round
// page and in its own tasks; the officer accepts both statements, composes
// the narrative from the resubmitted text, rates and approves; closing and
// publishing show the checklist and do nothing until confirmed; the
// published report carries the resubmitted text, never the first one.
// At 1280 px, and the key pages again at 390 px without sideways
// scrolling.  Screenshots: SCRATCH_DIR/screenshots/round-*.png.
//
//   node round.test.js LMPMON SOURCE_DIR SCRATCH_DIR
'use strict';
const path = require('path');
const { harness } = require('./harness');

// Today, for the CLI and the server alike: 20 December 2018, 10:00 in
// Phnom Penh; the round was due on 15 December.
const h = harness(process.argv, 'r.db', { LMPMON_NOW: '2018-12-20T03:00:00Z', LMPMON_TZ: 'Asia/Phnom_Penh' });
const { run, check, startServer, login, noSidewaysScroll, PASS, shots } = h;

run(['init', '--sample', 'cambodia-lmp-2015-2018']);
run(['round', 'open', '2018', '--title', '2018 review', '--as-of', '2018-11-30', '--due', '2018-12-15']);
run(['user', 'add', 'officer', '--role', 'me_officer'], PASS + '\n');
// Activity 2.3 has exactly these three responsible bodies (data/).
run(['user', 'add', 'molvt', '--role', 'reporter', '--org', 'MOLVT'], PASS + '\n');
run(['user', 'add', 'mofa', '--role', 'reporter', '--org', 'MOFA&IC'], PASS + '\n');
run(['user', 'add', 'moi', '--role', 'reporter', '--org', 'MOI'], PASS + '\n');

const ACT = '2.3';
const FIRST = 'MOLVT attended the ASEAN meeting on labour migration statistics.';
const SECOND = 'MOLVT named 4 data focal points and sent the 2018 migration figures to the ASEAN database.';
const MOFA = 'MOFA&IC passed the embassies\' figures on workers abroad to MOLVT\'s focal point.';
const COMMENT = 'Please say how many data focal points were named and what was shared.';

let nShot = 0;
async function shot(page, name) {
  nShot++;
  await page.screenshot({ path: path.join(shots, 'round-' + String(nShot).padStart(2, '0') + '-' + name + '.png'), fullPage: true });
}

// The page's main text, its runs of white space made one space.
async function mainText(page, sel = 'main') {
  return (await page.innerText(sel)).replace(/\s+/g, ' ');
}

// Organisation ORG's statement card on the officer's activity page: its
// heading's badge and the card's text ('' when there is no card).
async function statementCard(page, org) {
  return page.evaluate((o) => {
    for (const s of document.querySelectorAll('section.stmt')) {
      const h = s.querySelector('h4');
      if (h && h.firstChild && h.firstChild.textContent.trim() === o) {
        const badge = h.querySelector('.badge');
        return { badge: badge ? badge.textContent.trim() : '', text: s.innerText.replace(/\s+/g, ' ') };
      }
    }
    return { badge: '', text: '' };
  }, org);
}

// Row ORG of the round page's table by organisation, as text.
async function orgRow(page, org) {
  return page.evaluate((o) => {
    for (const tr of document.querySelectorAll('#t-organisations tbody tr')) {
      const th = tr.querySelector('th');
      if (th && th.textContent.trim() === o) return tr.innerText.replace(/\s+/g, ' ');
    }
    return '';
  }, org);
}

(async () => {
  const { srv, base } = await startServer();
  const browser = await h.launch();
  const desk = { viewport: { width: 1280, height: 900 } };
  const sessions = {};
  // A logged-in page of USER at 1280 px, kept for the whole test.
  async function as(user) {
    if (!sessions[user]) {
      const ctx = await browser.newContext(desk);
      const page = await ctx.newPage();
      await login(page, base, user);
      sessions[user] = page;
    }
    return sessions[user];
  }
  try {
    // 1. The officer finds the round open and overdue, and gives MOLVT
    // and MOFA&IC more time: of the three, only MOI is left overdue.
    let page = await as('officer');
    await page.goto(base + '/round/2018');
    let main = await mainText(page);
    check(/Due 15 December 2018, 5 days overdue/.test(main),
          'the round page does not say the round was due 5 days ago: ' + (await page.textContent('.round-due')));
    for (const org of ['MOLVT', 'MOFA&IC']) {
      await page.click('details.forms summary');
      await page.selectOption('form[action="/round/2018/extension"] select#org', org);
      await page.fill('#ext_due', '2019-01-31');
      await page.fill('#reason', 'statements sent in two batches');
      await Promise.all([page.waitForNavigation(), page.click('form[action="/round/2018/extension"] button[value=save]')]);
    }
    main = await mainText(page);
    check(main.includes('2 organisations have an extension'), 'the two extensions are not listed on the round page');
    await shot(page, 'officer-round-opened');

    // 2. MOLVT and MOFA&IC write and submit their statements on 2.3.
    for (const [user, text, rating] of [['molvt', FIRST, 'progressing'], ['mofa', MOFA, 'on_target']]) {
      page = await as(user);
      await page.goto(base + '/activity/' + ACT);
      await page.fill('#text', text);
      await page.selectOption('#rating', rating);
      await Promise.all([page.waitForNavigation(), page.click('button[value=submit]')]);
      check((await mainText(page)).includes('Statement submitted'), user + ' sees no confirmation after submitting');
      await shot(page, user + '-submitted');
    }

    // The officer returns MOLVT's statement alone, with a comment.
    page = await as('officer');
    await page.goto(base + '/activity/' + ACT);
    let molvt = await statementCard(page, 'MOLVT');
    let mofa = await statementCard(page, 'MOFA&IC');
    check(molvt.badge === 'Submitted' && molvt.text.includes(FIRST), 'the officer does not see MOLVT\'s submitted statement: ' + JSON.stringify(molvt));
    check(mofa.badge === 'Submitted' && mofa.text.includes(MOFA), 'the officer does not see MOFA&IC\'s submitted statement: ' + JSON.stringify(mofa));
    check((await statementCard(page, 'MOI')).text === '', 'MOI, who wrote nothing, has a statement card');
    // The officer starts the narrative from the two statements and saves
    // it: it must not outlive MOLVT's rewrite silently.
    const review = 'form[action="/activity/' + ACT + '/review"]';
    check((await page.inputValue('#progress')).includes(FIRST), 'the narrative does not start from the statements');
    await Promise.all([page.waitForNavigation(), page.click(review + ' button[value=save]')]);
    const molvtForm = 'form[action="/activity/' + ACT + '/statement/MOLVT/review"]';
    await page.fill(molvtForm + ' textarea[name=comment]', COMMENT);
    await shot(page, 'officer-returning');
    await Promise.all([page.waitForNavigation(), page.click(molvtForm + ' button[value=return]')]);
    molvt = await statementCard(page, 'MOLVT');
    mofa = await statementCard(page, 'MOFA&IC');
    check(molvt.badge === 'Returned', 'MOLVT\'s statement does not read "Returned" after the return: ' + molvt.badge);
    check(molvt.text.includes(COMMENT), 'the comment is not in MOLVT\'s thread');
    check(mofa.badge === 'Submitted', 'returning MOLVT\'s statement changed MOFA&IC\'s: it reads "' + mofa.badge + '"');
    check(!mofa.text.includes(COMMENT), 'the comment meant for MOLVT is in MOFA&IC\'s thread');
    await shot(page, 'officer-returned');

    // MOFA&IC's reporter: still submitted, never sees MOLVT's comment.
    page = await as('mofa');
    await page.goto(base + '/activity/' + ACT);
    main = await mainText(page);
    check(!main.includes(COMMENT), 'MOFA&IC\'s reporter sees the comment meant for MOLVT');
    check(!main.includes('Returned by the M&E officer'), 'MOFA&IC\'s reporter is told its statement was returned');

    // MOLVT's reporter: the returned statement first in "My tasks", the
    // comment on the activity; rewrites and resubmits.
    page = await as('molvt');
    await page.goto(base + '/');
    await Promise.all([page.waitForNavigation(), page.click('header a:text-is("My tasks")')]);
    const first = (await page.textContent('#t-tasks tbody tr')).replace(/\s+/g, ' ');
    check(first.includes(ACT) && first.includes('Returned'), 'the returned statement is not first in MOLVT\'s tasks: ' + first);
    check(!(await mainText(page)).includes('overdue'), 'MOLVT, with its extension, is told it is overdue');
    await shot(page, 'molvt-tasks-returned');
    await page.goto(base + '/activity/' + ACT);
    main = await mainText(page);
    check(main.includes(COMMENT), 'MOLVT\'s reporter does not see the officer\'s comment');
    check(main.includes('Returned by the M&E officer'), 'MOLVT\'s reporter is not told the statement was returned');
    check((await page.inputValue('#text')) === FIRST, 'the returned statement is not in the form to rewrite');
    await shot(page, 'molvt-sees-comment');
    await page.fill('#text', SECOND);
    await Promise.all([page.waitForNavigation(), page.click('button[value=submit]')]);
    check((await mainText(page)).includes('Statement submitted'), 'MOLVT sees no confirmation after resubmitting');
    await shot(page, 'molvt-resubmitted');

    // 3. MOI does nothing: overdue on the round page (the word) and in
    // its own tasks; MOLVT and MOFA&IC, with their extensions, are not.
    page = await as('moi');
    await page.goto(base + '/');
    await Promise.all([page.waitForNavigation(), page.click('header a:text-is("My tasks")')]);
    main = await mainText(page);
    check(/due 15 December 2018, 5 days overdue/.test(main), 'MOI\'s tasks do not say it is overdue: ' + main.slice(0, 300));
    await shot(page, 'moi-tasks-overdue');
    page = await as('officer');
    await page.goto(base + '/round/2018');
    const moiRow = await orgRow(page, 'MOI');
    check(/\boverdue\b/.test(moiRow), 'MOI is not marked overdue on the round page: ' + moiRow);
    for (const org of ['MOLVT', 'MOFA&IC']) {
      const row = await orgRow(page, org);
      check(row.includes('2019-01-31') && !/overdue/.test(row), org + ', with its extension, is shown overdue or without its date: ' + row);
    }
    await shot(page, 'officer-round-collecting');

    // 4. The officer sees the resubmission, accepts both statements,
    // composes the narrative from the resubmitted text, rates, approves.
    await page.goto(base + '/activity/' + ACT);
    molvt = await statementCard(page, 'MOLVT');
    check(molvt.badge === 'Resubmitted', 'MOLVT\'s statement does not read "Resubmitted": ' + molvt.badge);
    check(molvt.text.includes(SECOND), 'the officer does not see the resubmitted text');
    await shot(page, 'officer-resubmitted');
    for (const org of ['MOLVT', 'MOFA&IC']) {
      const form = 'form[action="/activity/' + ACT + '/statement/' + encodeURIComponent(org) + '/review"]';
      await Promise.all([page.waitForNavigation(), page.click(form + ' button[value=accept]')]);
      const c = await statementCard(page, org);
      check(c.badge === 'Accepted', org + '\'s statement does not read "Accepted" after accepting: ' + c.badge);
    }
    check((await statementCard(page, 'MOFA&IC')).badge === 'Accepted', 'accepting MOLVT\'s statement undid MOFA&IC\'s');
    const notice = await page.evaluate(() => {
      const e = document.querySelector('.notice.warning');
      return e ? e.innerText.replace(/\s+/g, ' ') : '';
    });
    check(notice.includes('The saved narrative keeps the text MOLVT submitted on 2018-12-20 10:00 +07, which MOLVT has replaced since'),
          'the officer is not told the saved narrative keeps MOLVT\'s replaced text: ' + notice);
    const narrative = await page.inputValue('#progress');
    check(narrative.includes(SECOND), 'the narrative does not start from the resubmitted text: ' + narrative);
    check(!narrative.includes(FIRST), 'the narrative keeps the text MOLVT replaced: ' + narrative);
    check(narrative.includes(MOFA), 'the narrative leaves out MOFA&IC\'s statement: ' + narrative);
    await page.selectOption(review + ' select#rating', 'progressing');
    await shot(page, 'officer-composing');
    await Promise.all([page.waitForNavigation(), page.click(review + ' button[value=approve]')]);
    main = await mainText(page);
    check(main.includes('Approved'), 'no confirmation after approving');
    await shot(page, 'officer-approved');

    // 5. Close, then publish: each shows the checklist first and does
    // nothing until confirmed.
    const roundRow = async () => {
      await page.goto(base + '/rounds');
      return page.evaluate(() => {
        for (const tr of document.querySelectorAll('main table tbody tr')) {
          if (tr.textContent.includes('2018 review')) return tr.innerText.replace(/\s+/g, ' ');
        }
        return '';
      });
    };
    const askTo = async (button) => {
      await page.goto(base + '/admin');
      await Promise.all([page.waitForNavigation(),
                         page.click('form[action="/admin/round"]:has(input[name=round][value="2018"]) button:text-is("' + button + '…")')]);
    };
    const moves = [['Close', 'close', 'Open', 'Closed'], ['Publish', 'publish', 'Closed', 'Published']];
    for (const [button, verb, before, after] of moves) {
      await askTo(button);
      main = await mainText(page);
      check(main.includes('Before you go on'), verb + ': no checklist before it is done');
      check(main.includes('102 of 103 activities are not rated'), verb + ': the checklist does not count the unrated activities: ' + main.slice(0, 600));
      check(main.includes('289 of 291 statements owed by the responsible bodies were never submitted'),
            verb + ': the checklist does not count the statements never submitted');
      if (verb === 'close') {
        // While the round is open, MOI is overdue; MOLVT, with its
        // extension, is not.  (Once closed, no organisation is overdue:
        // the count above is what is left.)
        const line = (main.match(/\d+ organisations are overdue: [^\n]*?(?=The round's page|$)/) || [''])[0];
        check(/\bMOI\b/.test(line) && !/\bMOLVT\b/.test(line),
              'close: the checklist does not name MOI (and only it of the three) overdue: ' + line);
      }
      await shot(page, 'officer-confirm-' + verb);
      if (verb === 'close') {
        // The checklist on a phone.
        await page.setViewportSize({ width: 390, height: 844 });
        await noSidewaysScroll(page, 'the checklist to close');
        await page.screenshot({ path: path.join(shots, 'round-390-officer-confirm-close.png'), fullPage: true });
        await page.setViewportSize(desk.viewport);
      }
      let row = await roundRow();
      check(row.includes(before) && !row.includes(after), verb + ': the round moved without confirmation: ' + row);
      // Back to the checklist, and confirm.
      await askTo(button);
      await Promise.all([page.waitForNavigation(), page.click('form.confirm button[type=submit]')]);
      row = await roundRow();
      check(row.includes(after), 'the round is not ' + after + ' after confirming: ' + row);
    }
    await shot(page, 'rounds-published');

    // 6. The published report (the page and its HTML) carries the
    // resubmitted text, not the first version.
    await page.goto(base + '/round/2018/report');
    main = await mainText(page, 'body'); // a document of its own, without the site's frame
    check(main.includes(SECOND), 'the published report does not carry the resubmitted text');
    check(!main.includes(FIRST), 'the published report carries the text MOLVT replaced');
    await shot(page, 'report');
    const html = await (await page.request.get(base + '/round/2018/report?format=html')).text();
    check(html.includes(SECOND.replace(/&/g, '&amp;')), 'the report\'s HTML does not carry the resubmitted text');
    check(!html.includes(FIRST), 'the report\'s HTML carries the text MOLVT replaced');

    // 7. The key pages again on a phone.
    const phone = [
      ['officer', 'round', '/round/2018'], ['officer', 'activity', '/activity/' + ACT],
      ['officer', 'report', '/round/2018/report'], ['officer', 'rounds', '/rounds'],
      ['molvt', 'tasks', '/org/MOLVT'], ['moi', 'tasks', '/org/MOI'], ['molvt', 'activity', '/activity/' + ACT],
    ];
    for (const [user, name, addr] of phone) {
      const ctx = await browser.newContext({ viewport: { width: 390, height: 844 } });
      const p = await ctx.newPage();
      await login(p, base, user);
      await p.goto(base + addr);
      await noSidewaysScroll(p, name + ' (' + addr + ') for ' + user);
      await p.screenshot({ path: path.join(shots, 'round-390-' + user + '-' + name + '.png'), fullPage: true });
      await ctx.close();
    }
  } catch (e) {
    check(false, String(e && e.stack || e));
  } finally {
    await browser.close();
    srv.kill('SIGTERM');
  }
  h.finish();
})();
