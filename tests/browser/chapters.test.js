// Browser test of the review's chapters (docs/chapters.md), as the M&E
// officer writes them: from the round's page the officer opens the
// Findings' editor, reads the help on the Markdown subset, types a
// paragraph with bold text and a list, previews it (nothing saved), saves
// it, sees it as the report will, adds the Khmer text below; the review
// report then shows the chapter before Figure 1 with its bold text and
// list; the editor and the round's page do not scroll sideways at 390 px.
// Screenshots: SCRATCH_DIR/screenshots/chapters-*.png.
//
//   node chapters.test.js LMPMON SOURCE_DIR SCRATCH_DIR
'use strict';
const path = require('path');
const { harness } = require('./harness');

const h = harness(process.argv, 'c.db');
const { run, check, startServer, login, noSidewaysScroll, PASS, shots } = h;

run(['init', '--sample', 'cambodia-lmp-2015-2018']);
run(['round', 'open', '2018', '--title', '2018 review', '--as-of', '2018-11-30']);
run(['user', 'add', 'officer', '--role', 'me_officer'], PASS + '\n');

// From the seed's review (seeds/000, "Findings").
const TEXT = 'In contrast to 2016, stakeholders interviewed had **significant awareness** of the LMP.\n\n' +
  '- Ministries were engaged in conducting activities.\n' +
  '- Challenges remain around coordination.\n';
const KM = 'អ្នកពាក់ព័ន្ធមានការយល់ដឹងច្រើនអំពីគោលនយោបាយ។';

(async () => {
  const { srv, base } = await startServer();
  const browser = await h.launch();
  try {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    await login(page, base, 'officer');
    await page.goto(base + '/round/2018');
    check(await page.isVisible('#chapters'), 'the round page has no chapters section');
    await Promise.all([page.waitForNavigation(), page.click('#chapters a:text-is("Findings")')]);
    check(page.url().endsWith('/round/2018/chapter/findings'), 'the list does not lead to the editor: ' + page.url());
    await page.click('details.help summary');
    check(await page.isVisible('details.help code:text-is("**bold**")'), 'the help on the subset does not open');

    // A preview: shown, not saved.
    await page.fill('#text', TEXT);
    await Promise.all([page.waitForNavigation(), page.click('form.entry button[value=preview]')]);
    check((await page.innerHTML('#preview')).includes('<strong>significant awareness</strong>'),
          'the preview does not show the bold text');
    check((await page.inputValue('#text')) === TEXT.replace(/\n$/, '') || (await page.inputValue('#text')) === TEXT,
          'the preview loses the text typed');
    check(run(['round', 'chapters', '2018']).toString().match(/^Findings .* not written/m) !== null,
          'a preview was saved');

    // Saved, then the Khmer text.
    await Promise.all([page.waitForNavigation(), page.click('form.entry button[type=submit]:not([value])')]);
    check((await page.innerText('.notice')).includes('Saved.'), 'no word that it was saved');
    check((await page.innerHTML('#preview')).includes('<li>Challenges remain around coordination.</li>'),
          'the saved preview has no list');
    await page.fill('#text_km', KM);
    await Promise.all([page.waitForNavigation(), page.click('form.entry button[type=submit]:not([value])')]);
    check((await page.innerText('#preview')).includes(KM), 'the Khmer text is not shown');
    check((await page.innerText('#history')).includes("Chapter 'Findings': Khmer text"),
          'the history does not say the Khmer text changed');
    await page.screenshot({ path: path.join(shots, 'chapters-editor.png'), fullPage: true });

    // The report: before Figure 1, bold, a list.
    await page.goto(base + '/round/2018/report');
    const order = await page.evaluate(() => {
      const c = document.querySelector('#chapter-findings');
      const s = document.querySelector('#status');
      return c && s ? !!(c.compareDocumentPosition(s) & Node.DOCUMENT_POSITION_FOLLOWING) : false;
    });
    check(order, 'the findings are not before the status by area in the report');
    check((await page.innerHTML('#chapter-findings')).includes('<strong>significant awareness</strong>'),
          'the report does not show the bold text');
    await page.screenshot({ path: path.join(shots, 'chapters-report.png'), fullPage: false });
    await ctx.close();

    // On a phone.
    for (const addr of ['/round/2018/chapter/findings', '/round/2018']) {
      const c = await browser.newContext({ viewport: { width: 390, height: 844 } });
      const p = await c.newPage();
      await login(p, base, 'officer');
      await p.goto(base + addr);
      await noSidewaysScroll(p, addr);
      await p.screenshot({ path: path.join(shots, 'chapters-390' + addr.replace(/\//g, '-') + '.png'), fullPage: true });
      await c.close();
    }
  } catch (e) {
    check(false, String(e && e.stack || e));
  } finally {
    await browser.close();
    srv.kill('SIGTERM');
  }
  h.finish();
})();
