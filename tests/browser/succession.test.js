// Browser test of issue 15's plan succession and action-point editor, on a
// 390 px phone: the M&E officer creates the next plan from the sample on the
// admin page (a confirmation first), the new plan's activity shows the old
// plan's ratings by round; then on the 2018 action plan she opens an
// activity's editor from its row, words the action point and is back on the
// action plan with it.  Every page fits the phone without sideways
// scrolling.  Screenshots are kept in the scratch directory.
//
//   node succession.test.js LMPMON SOURCE_DIR SCRATCH_DIR
'use strict';
const path = require('path');
const { harness } = require('./harness');

const h = harness(process.argv, 's.db');
const { run, check, startServer, login, noSidewaysScroll, PASS, shots } = h;
const OLD = 'cambodia-lmp-2015-2018';
const NEW = 'cambodia-lmp-2019-2023';

run(['init', '--sample', OLD]);
run(['round', 'open', '2018', '--title', '2018 review', '--as-of', '2018-11-30']);
run(['user', 'add', 'officer', '--role', 'me_officer'], PASS + '\n');

(async () => {
  const { srv, base } = await startServer();
  const browser = await h.launch();
  try {
    const ctx = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await ctx.newPage();
    await login(page, base, 'officer');

    // The next plan, from the admin page.
    await page.goto(base + '/admin');
    await noSidewaysScroll(page, 'the admin page with the plan form');
    await page.fill('#code', NEW);
    await page.fill('#plan_title', 'Policy on Labour Migration 2019-2023');
    await page.screenshot({ path: path.join(shots, '390-1-plan-form.png'), fullPage: true });
    await Promise.all([page.waitForNavigation(), page.click('form[action="/admin/plan"] button[type=submit]')]);
    const confirm = await page.textContent('main');
    check(confirm.includes('134 nodes'), 'the confirmation does not count the nodes: ' + confirm.slice(0, 300));
    await noSidewaysScroll(page, 'the confirmation');
    await page.screenshot({ path: path.join(shots, '390-2-confirm.png'), fullPage: true });
    await Promise.all([page.waitForNavigation(), page.click('form.confirm button[type=submit]')]);
    check((await page.textContent('main')).includes('Plan created from the one it follows'),
          'no notice after creating the plan');

    // The history across plans.
    await page.goto(base + '/activity/1.1?plan=' + NEW);
    const act = await page.textContent('main');
    check(act.includes('Before this plan'), 'the new activity does not show its history');
    check(/2017 \(plan Policy on Labour Migration[^)]*\):\s*Progressing/.test(act),
          'the history does not give 2017 with its plan and rating: ' + act.slice(0, 400));
    await noSidewaysScroll(page, 'the new plan\'s activity page');
    await page.screenshot({ path: path.join(shots, '390-3-history.png'), fullPage: true });

    // The action plan: the row's editor, the agreed wording, back.
    await page.goto(base + '/round/2018/action-plan');
    await noSidewaysScroll(page, 'the action plan');
    await Promise.all([page.waitForNavigation(), page.click('a[href="/round/2018/action-plan/4.8"]')]);
    check(page.url().endsWith('/round/2018/action-plan/4.8'), 'the row does not lead to its editor: ' + page.url());
    await noSidewaysScroll(page, 'the action-point editor');
    const box = await page.$eval('#action_point', (e) => e.getBoundingClientRect().width);
    check(box >= 300 && box <= 390, 'the action point box is not as wide as the phone: ' + box + ' px');
    await page.fill('#action_point', 'Train 200 officials on the MOU by June 2018.');
    await page.screenshot({ path: path.join(shots, '390-4-editor.png'), fullPage: true });
    await Promise.all([page.waitForNavigation(), page.click('form.entry button[type=submit]')]);
    const plan = await page.textContent('main');
    check(plan.includes('The action point of 4.8 is saved.'), 'no notice after saving the action point');
    check(plan.includes('Train 200 officials on the MOU by June 2018.'),
          'the action plan does not show the saved action point');
    await page.screenshot({ path: path.join(shots, '390-5-saved.png'), fullPage: true });
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
