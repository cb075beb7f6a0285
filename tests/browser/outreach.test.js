// Browser test of the outreach and statistics pages on a 390 px phone: a
// MOLVT reporter opens the events of 2019Q3 from the navigation, records an
// event of its organisation (preselected) with a total that is not women +
// men, is told which field is wrong with what it typed kept, corrects it
// and finds it in the list; the M&E officer records a statistics figure.
// Every page fits the phone without sideways scrolling.  Screenshots are
// kept in the scratch directory.
//
//   node outreach.test.js LMPMON SOURCE_DIR SCRATCH_DIR
'use strict';
const path = require('path');
const { harness } = require('./harness');

const h = harness(process.argv, 'o.db');
const { run, check, startServer, login, noSidewaysScroll, PASS, shots } = h;

run(['init', '--sample', 'cambodia-lmp-2015-2018']);
run(['user', 'add', 'molvt', '--role', 'reporter', '--org', 'MOLVT'], PASS + '\n');
run(['user', 'add', 'officer', '--role', 'me_officer'], PASS + '\n');

(async () => {
  const { srv, base } = await startServer();
  const browser = await h.launch();
  try {
    const ctx = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await ctx.newPage();
    await login(page, base, 'molvt');

    await Promise.all([page.waitForNavigation(), page.click('header a[href="/outreach"]')]);
    await page.fill('#period', '2019Q3');
    await Promise.all([page.waitForNavigation(), page.click('form.filters button[type=submit]')]);
    const list = await page.textContent('main');
    check(list.includes('Joint ILO and UN Women training session'), 'the quarter\'s training is not listed');
    await noSidewaysScroll(page, 'the events of 2019Q3');
    await page.screenshot({ path: path.join(shots, '390-1-events.png'), fullPage: true });

    await Promise.all([page.waitForNavigation(), page.click('a[href="/outreach/new"]')]);
    check(await page.$eval('#org', (e) => e.value) === 'MOLVT', 'the reporter\'s organisation is not preselected');
    await noSidewaysScroll(page, 'the event form');
    await page.fill('#date', '2019-08-20');
    await page.fill('#title', 'Pre-departure orientation');
    await page.selectOption('#kind', 'training');
    await page.fill('#places', 'Prey Veng');
    await page.fill('#women', '12');
    await page.fill('#men', '9');
    await page.fill('#total', '20');
    await Promise.all([page.waitForNavigation(), page.click('form.entry button[type=submit]')]);
    const refused = await page.textContent('main');
    check(refused.includes('total: 20 is not women + men (12 + 9 = 21)'),
          'the wrong total is not named: ' + refused.slice(0, 300));
    check(await page.$eval('#title', (e) => e.value) === 'Pre-departure orientation', 'the title typed is lost');
    await noSidewaysScroll(page, 'the refused form');
    await page.screenshot({ path: path.join(shots, '390-3-refused.png'), fullPage: true });
    await page.fill('#total', '21');
    await Promise.all([page.waitForNavigation(), page.click('form.entry button[type=submit]')]);
    const saved = await page.textContent('main');
    check(saved.includes('The event is saved.'), 'no notice after saving the event');
    await page.goto(base + '/outreach?period=2019Q3&org=MOLVT');
    check((await page.textContent('main')).includes('Pre-departure orientation'), 'the event is not listed');
    await noSidewaysScroll(page, 'MOLVT\'s events');
    await page.screenshot({ path: path.join(shots, '390-4-listed.png'), fullPage: true });

    const off = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
    await login(off, base, 'officer');
    await off.goto(base + '/statistics');
    await noSidewaysScroll(off, 'the statistics');
    await off.screenshot({ path: path.join(shots, '390-5-statistics.png'), fullPage: true });
    await Promise.all([off.waitForNavigation(), off.click('a[href="/statistics/new"]')]);
    await noSidewaysScroll(off, 'the figure form');
    await off.fill('#destination', 'Saudi Arabia');
    await off.fill('#period', '2019-06');
    await off.fill('#source', 'MOLVT');
    await off.fill('#total', '150');
    await Promise.all([off.waitForNavigation(), off.click('form.entry button[type=submit]')]);
    const stats = await off.textContent('main');
    check(stats.includes('The figure is saved.') && stats.includes('Saudi Arabia'),
          'the figure is not saved and listed: ' + stats.slice(0, 300));
    await off.screenshot({ path: path.join(shots, '390-6-figure.png'), fullPage: true });
    await ctx.close();
  } finally {
    await browser.close();
    srv.kill();
  }
  h.finish();
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
