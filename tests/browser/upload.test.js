// Browser test of importing a plan in the browser (issue 11, "Getting
// started in the browser"): on a new database the admin logs in, the empty
// dashboard leads to the import page, the sample's plan and annex go up in
// one form, the preview says what would be created and writes nothing, the
// confirmation imports, and the dashboard shows the plan; the import page
// and its preview fit a 390 px phone.  Screenshots are kept in the scratch
// directory.
//
//   node upload.test.js LMPMON SOURCE_DIR SCRATCH_DIR
'use strict';
const path = require('path');
const { harness } = require('./harness');

const h = harness(process.argv, 'u.db');
const { run, check, startServer, login, noSidewaysScroll, PASS, shots } = h;
const sample = path.join(h.src, 'data', 'cambodia-lmp-2015-2018');

run(['init']);
run(['user', 'add', 'admin', '--role', 'admin'], PASS + '\n');

(async () => {
  const { srv, base } = await startServer();
  const browser = await h.launch();
  try {
    const ctx = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await ctx.newPage();
    // A new database: the dashboard sends a visitor to log in.
    await page.goto(base + '/');
    check(page.url().includes('/login'), 'the empty dashboard did not ask to log in: ' + page.url());
    await page.fill('#username', 'admin');
    await page.fill('#password', PASS);
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
    const empty = await page.textContent('main');
    check(empty.includes('The database holds no plan yet'), 'the empty dashboard does not say why it is empty');
    await page.screenshot({ path: path.join(shots, '390-1-empty.png'), fullPage: true });
    await Promise.all([page.waitForNavigation(), page.click('main a[href="/admin/import"]')]);
    check(page.url().endsWith('/admin/import'), 'the empty dashboard does not lead to the import: ' + page.url());
    await noSidewaysScroll(page, 'the import page');
    await page.screenshot({ path: path.join(shots, '390-2-import.png'), fullPage: true });
    await page.setInputFiles('#file', [path.join(sample, 'plan.json'), path.join(sample, 'annex.csv')]);
    await Promise.all([page.waitForNavigation(), page.click('form[action="/admin/import"] button[type=submit]')]);
    const preview = await page.textContent('main');
    check(/would import files 'plan\.json', 'annex\.csv': 627 changes/.test(preview),
          'the preview does not say what would change: ' + preview.slice(0, 300));
    check(preview.includes('New plan nodes (areas, goals, activities)'), 'the preview has no table of changes');
    await noSidewaysScroll(page, 'the preview');
    await page.screenshot({ path: path.join(shots, '390-3-preview.png'), fullPage: true });
    // Nothing is written yet.
    const other = await ctx.newPage();
    const r = await other.goto(base + '/');
    check(r.status() === 404, 'the preview imported already: the dashboard answered ' + r.status());
    await other.close();
    await Promise.all([page.waitForNavigation(), page.click('button[value=import]')]);
    check((await page.textContent('main')).includes("imported files 'plan.json', 'annex.csv'"),
          'no confirmation after importing');
    await page.screenshot({ path: path.join(shots, '390-4-done.png'), fullPage: true });
    await Promise.all([page.waitForNavigation(), page.click('main a[href="/"]')]);
    const dash = await page.textContent('main');
    check(dash.includes('(10 out of 12) are progressing or on target'), 'the dashboard does not show the imported plan');
    await ctx.close();
  } catch (e) {
    check(false, String(e && e.stack || e));
  } finally {
    await browser.close();
    srv.kill('SIGTERM');
  }
  h.finish();
})();
