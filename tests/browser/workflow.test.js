// Browser test of lmpmon's web application, in Debian's chromium driven by
// playwright-core: log in; a reporter submits progress; the M&E officer
// approves; the dashboard changes, counting only what is rated while the
// round is open; a reporter is refused on another organisation's activity;
// every main page fits a 390 px phone without sideways scrolling; the
// language switch turns the pages Khmer and back.
// Screenshots are kept in the scratch directory (390-*.png and 1280-*.png:
// the main pages at both widths).
//
//   node workflow.test.js LMPMON SOURCE_DIR SCRATCH_DIR
'use strict';
const path = require('path');
const { harness } = require('./harness');

const h = harness(process.argv, 'b.db');
const { run, check, startServer, login, noSidewaysScroll, PASS, shots } = h;

run(['init', '--sample', 'cambodia-lmp-2015-2018']);
run(['round', 'open', '2018', '--title', '2018 review', '--as-of', '2018-11-30', '--due', '2018-12-15']);
run(['round', 'extend', '2018', 'MOH', '2019-01-15', '--reason', 'new minister']);
run(['user', 'add', 'admin', '--role', 'admin'], PASS + '\n');
run(['user', 'add', 'officer', '--role', 'me_officer'], PASS + '\n');
run(['user', 'add', 'molvt', '--role', 'reporter', '--org', 'MOLVT'], PASS + '\n');
run(['user', 'add', 'ilo', '--role', 'reporter', '--org', 'ILO'], PASS + '\n');
run(['user', 'add', 'lscw', '--role', 'case_officer', '--org', 'LSCW'], PASS + '\n');

(async () => {
  const { srv, base } = await startServer();
  const browser = await h.launch();
  try {
    // The reporter: log in, find its task, submit a statement.
    let ctx = await browser.newContext({ viewport: { width: 420, height: 900 } }); // a phone
    let page = await ctx.newPage();
    await login(page, base, 'molvt');
    await page.goto(base + '/org/MOLVT');
    check((await page.textContent('main')).includes('Not begun'), 'MOLVT has no task not begun in the open round');
    await page.goto(base + '/activity/4.8');
    await page.fill('#text', 'MOLVT trained 120 border officials in Battambang in 2018.');
    await page.selectOption('#rating', 'on_target');
    await page.screenshot({ path: path.join(shots, '1-reporter-form.png'), fullPage: false });
    await Promise.all([page.waitForNavigation(), page.click('button[value=submit]')]);
    check((await page.textContent('main')).includes('Statement submitted'), 'no confirmation after submitting');
    await page.screenshot({ path: path.join(shots, '2-reporter-submitted.png') });
    await ctx.close();

    // Another organisation's reporter: no form, and a forged post is refused.
    ctx = await browser.newContext();
    page = await ctx.newPage();
    await login(page, base, 'ilo');
    await page.goto(base + '/activity/4.8');
    check((await page.$('form[action="/activity/4.8/statement"]')) === null,
          'ILO sees a statement form on an activity it is not linked to');
    // ILO is a partner of 14.3: take that form and point it at 4.8.
    await page.goto(base + '/activity/14.3');
    const form = await page.$('form[action="/activity/14.3/statement"]');
    check(form !== null, 'ILO has no statement form on 14.3, where it is a partner');
    if (form) {
      await page.fill('#text', 'forged');
      await page.evaluate(() => { document.querySelector('form.entry').action = '/activity/4.8/statement'; });
      const [resp] = await Promise.all([page.waitForNavigation(), page.click('button[value=submit]')]);
      check(resp.status() === 403, 'forged statement on 4.8 answered ' + resp.status());
      await page.screenshot({ path: path.join(shots, '3-other-org-refused.png') });
    }
    await ctx.close();

    // The M&E officer: the dashboard before, approve 4.8, the dashboard after.
    ctx = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
    page = await ctx.newPage();
    await login(page, base, 'officer');
    await page.goto(base + '/');
    const before = await page.textContent('main');
    await page.screenshot({ path: path.join(shots, '4-dashboard-before.png'), fullPage: true });
    // The open round has nothing rated yet: the dashboard says how far
    // collection is and counts nothing of it, instead of "0 per cent".
    check(before.includes('0 of 103 activities rated so far'), 'the dashboard does not say how far collection is');
    check(!/0 per cent \(0 out of/.test(before), 'the dashboard counts the unrated open round as "0 per cent"');
    check(!/[-\u2212]\d+ pts|^-\d+$/m.test(before), 'the dashboard compares the unrated open round with the last one');
    check(/\d+ of 291 statements owed by the responsible bodies (is|are) in/.test(before),
          'the dashboard does not count the statements owed');
    check(!before.includes('statements still missing'), 'the old "still missing" line is back');
    await page.goto(base + '/activity/4.8');
    const narrative = await page.inputValue('#progress');
    check(narrative.includes('MOLVT trained 120 border officials'), 'the review form is not pre-filled with the statement');
    await page.selectOption('select#rating >> nth=-1', 'on_target');
    await Promise.all([page.waitForNavigation(), page.click('button[value=approve]')]);
    check((await page.textContent('main')).includes('Approved'), 'no confirmation after approving');
    await page.screenshot({ path: path.join(shots, '5-officer-approved.png'), fullPage: true });
    await page.goto(base + '/');
    const after = await page.textContent('main');
    check(before !== after, 'the dashboard did not change after the approval');
    const desc = await page.textContent('svg desc');
    check(/All activities: 1 activities, 1 On Target/.test(desc), 'the 2018 chart does not count only the rated activity: ' + desc);
    check(after.includes('1 of 103 activities rated so far'), 'the dashboard does not count the rated activity');
    check(after.includes('of the activities rated so far (1 out of 1)'), 'the sentences do not say they count the rated activities only');
    check(!after.includes('(0 out of 12)'), 'an area with nothing rated is still counted');
    // Published rounds never report statements as missing.
    await page.goto(base + '/round/2017');
    const r2017 = await page.textContent('p.progress');
    check(/103 of 103 activities rated; \d+ of \d+ statements owed by the responsible bodies were given/.test(r2017) &&
          !/not yet|missing/.test(r2017), 'the published 2017 round reports statements as missing: ' + r2017);
    await page.screenshot({ path: path.join(shots, '6-dashboard-after.png'), fullPage: true });
    // The review report page keeps its own stylesheet inline (it is saved
    // and mailed as one file); the Content-Security-Policy allows exactly
    // that one by its hash, and nothing else inline.
    const cspErrors = [];
    page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) cspErrors.push(m.text()); });
    await page.goto(base + '/round/2017/report');
    const border = await page.evaluate(() => getComputedStyle(document.querySelector('h2')).borderBottomStyle);
    check(border === 'solid', 'the review report is unstyled (its inline stylesheet was blocked?): ' + border);
    await page.goto(base + '/activity/4.8');
    check(cspErrors.length === 0, 'Content-Security-Policy violations: ' + cspErrors.join(' | '));
    await ctx.close();

    // A case officer of LSCW records a case from lodging to payment.
    ctx = await browser.newContext({ viewport: { width: 420, height: 900 } });
    page = await ctx.newPage();
    await login(page, base, 'lscw');
    await page.goto(base + '/cases/new');
    await page.fill('#case_no', 'LSCW-2019-001');
    await page.fill('#lodged_on', '2019-01-31');
    await page.selectOption('#channel', 'ngo');
    await page.selectOption('#sex', 'female');
    await page.selectOption('#legal_status', 'irregular');
    await page.fill('#province', 'Prey Veng');
    await page.fill('#destination', 'Thailand');
    await page.check('input[name=type][value=unpaid_wages]');
    await page.fill('#requested', '1200');
    await page.fill('#name', 'Srey Mom');
    await Promise.all([page.waitForNavigation(), page.click('text=Open the case')]);
    check(page.url().endsWith('/case/LSCW-2019-001'), 'the new case page did not open: ' + page.url());
    check((await page.textContent('main')).includes('Srey Mom'), 'the case officer does not see the personal details');
    // Conciliation, then resolved on 30 April: within 3 months of 31 January.
    await page.selectOption('#stage', 'conciliation');
    await page.fill('#on', '2019-02-15');
    await Promise.all([page.waitForNavigation(), page.click('text=Record the stage')]);
    await page.selectOption('#stage', 'resolved');
    await page.fill('#on', '2019-04-30');
    await page.fill('#note', 'employer agreed to pay');
    await Promise.all([page.waitForNavigation(), page.click('text=Record the stage')]);
    await page.selectOption('#satisfied', 'yes');
    await page.fill('#ordered', '900');
    await Promise.all([page.waitForNavigation(), page.click('button:text-is("Save")')]);
    await page.fill('#paid_on', '2019-05-20');
    await page.fill('#amount', '450');
    await Promise.all([page.waitForNavigation(), page.click('text=Record the payment')]);
    const main = await page.textContent('main');
    check(main.includes('Resolved on 2019-04-30 (within 3 months)'), 'the case is not shown resolved within 3 months');
    check(main.includes('1200.00 requested, 900.00 ordered, 450.00 paid'), 'compensation not recorded');
    check(main.includes('2019-05-20: payment received, 450.00 USD'), 'the payment is not in the timeline');
    await page.screenshot({ path: path.join(shots, '7-case-timeline.png'), fullPage: true });
    // The server remakes the complaints report in the background after a
    // save: give it a few seconds.
    let rep = '';
    for (let i = 0; i < 20 && !(rep.includes('female') && rep.includes('100% (1)')); i++) {
      await page.waitForTimeout(250);
      await page.goto(base + '/complaints');
      rep = await page.textContent('main');
    }
    check(rep.includes('female') && rep.includes('100% (1)'), 'the complaints report does not count the case by sex');
    await page.screenshot({ path: path.join(shots, '8-complaints-report.png'), fullPage: true });
    await page.goto(base + '/');
    check((await page.textContent('main')).includes('All cases: 100% (1 of 1)'), 'the goal-10 line is not on the dashboard');
    await ctx.close();

    // Every main page at a phone's width (390 px) and a desktop's (1280
    // px): no sideways scrolling of the page (a wide table scrolls inside
    // its own box), and a screenshot of each for a person to look at.
    const pages = [
      ['officer', 'dashboard', '/'], ['officer', 'plan', '/plan'], ['officer', 'rounds', '/rounds'],
      ['officer', 'round-2018', '/round/2018'], ['officer', 'round-2017', '/round/2017'],
      ['officer', 'activity', '/activity/4.8'], ['officer', 'org', '/org/MOLVT'],
      ['officer', 'complaints', '/complaints'], ['officer', 'report', '/round/2017/report'],
      ['officer', 'coordination', '/round/2017/coordination'],
      ['admin', 'admin', '/admin'], ['lscw', 'cases', '/cases'], ['lscw', 'case', '/case/LSCW-2019-001'],
      ['officer', 'indicators', '/indicators'], ['officer', 'indicator', '/indicator/G11?period=2018'],
      ['officer', 'not-found', '/no-such-page'],
    ];
    for (const width of [390, 1280]) {
      const ctxs = {};
      for (const [user, name, addr] of pages) {
        if (!ctxs[user]) {
          ctxs[user] = await browser.newContext({ viewport: { width, height: 844 } });
          const p0 = await ctxs[user].newPage();
          await login(p0, base, user);
          await p0.close();
        }
        const pg = await ctxs[user].newPage();
        await pg.goto(base + addr);
        if (width === 390) {
          await noSidewaysScroll(pg, name + ' (' + addr + ')');
        }
        await pg.screenshot({ path: path.join(shots, width + '-' + name + '.png'), fullPage: true });
        await pg.close();
      }
      for (const c of Object.values(ctxs)) await c.close();
    }

    // The language switch, on a phone: Khmer from the link at the top of
    // the page, the same page again; the next page stays Khmer (a cookie,
    // though the browser asks for English); the pages fit 390 px in
    // Khmer too; and back to English.
    ctx = await browser.newContext({ viewport: { width: 390, height: 844 } });
    page = await ctx.newPage();
    await login(page, base, 'officer');
    await page.goto(base + '/plan');
    const khmer = /[\u1780-\u17FF]/;
    // The menu (the switch itself reads ខ្មែរ in any language).
    const menu = 'header nav:not(.lang)';
    check(!khmer.test(await page.textContent(menu)), 'the English menu has Khmer in it');
    await Promise.all([page.waitForNavigation(), page.click('nav.lang a[hreflang=km]')]);
    check(new URL(page.url()).pathname === '/plan', 'the switch to Khmer did not come back to /plan: ' + page.url());
    check((await page.getAttribute('html', 'lang')) === 'km', 'the page after the switch is not Khmer');
    check(khmer.test(await page.textContent(menu)) && !(await page.textContent(menu)).includes('Rounds'),
          'the Khmer page\'s menu is not in Khmer');
    for (const addr of ['/rounds', '/', '/activity/4.8', '/admin']) {
      await page.goto(base + addr);
      check((await page.getAttribute('html', 'lang')) === 'km', addr + ' is not Khmer after the switch');
      await noSidewaysScroll(page, addr + ' in Khmer');
      await page.screenshot({ path: path.join(shots, '390-km' + addr.replace(/\W+/g, '-') + '.png'), fullPage: true });
    }
    await Promise.all([page.waitForNavigation(), page.click('nav.lang a[hreflang=en]')]);
    check((await page.getAttribute('html', 'lang')) === 'en', 'the switch back did not give English');
    check((await page.textContent(menu)).includes('Rounds'), 'the English menu is not back');
    await ctx.close();

    // The admin publishes: a second step lists what is still open, and
    // nothing happens until it is confirmed.
    ctx = await browser.newContext({ viewport: { width: 390, height: 844 } });
    page = await ctx.newPage();
    await login(page, base, 'admin');
    await page.goto(base + '/admin');
    check((await page.inputValue('select#role')) === 'viewer', 'the new-user form does not default to viewer');
    check((await page.$('select#org option[value=MOLVT]')) !== null, 'organisations are not picked from the directory');
    await Promise.all([page.waitForNavigation(), page.click('form[action="/admin/round"] button:text("Close")')]);
    const confirmText = await page.textContent('main');
    check(confirmText.includes('102 of 103 activities are not rated'), 'the close step does not list the unrated activities: ' + confirmText.slice(0, 300));
    await page.screenshot({ path: path.join(shots, '390-confirm-close.png'), fullPage: true });
    await noSidewaysScroll(page, 'the confirmation page');
    await page.goto(base + '/rounds');
    check((await page.textContent('main')).includes('Open'), 'the round closed without confirmation');
    await ctx.close();
  } catch (e) {
    check(false, String(e && e.stack || e));
  } finally {
    await browser.close();
    srv.kill('SIGTERM');
  }
  h.finish();
})();
