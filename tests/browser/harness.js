// harness.js — what every browser test of lmpmon does the same way: a
// fresh scratch directory and database, the lmpmon CLI to set it up, a
// running 'lmpmon serve' on a free loopback port, Debian's chromium, login,
// checks that count their failures, and the 390 px "no sideways scrolling"
// check.  Each test keeps only its own story.
//
//   const h = harness(process.argv, 'r.db', { LMPMON_NOW: ... });
//   h.run(['init', ...]);
//   const { srv, base } = await h.startServer();
//   const browser = await h.launch();
//   ... h.check(ok, 'what'); await h.login(page, base, 'officer'); ...
//   h.finish();
'use strict';
const { spawn, execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

let chromium;
try {
  ({ chromium } = require('playwright-core'));
} catch (e) {
  console.error('playwright-core is not installed: run "make test" (it runs npm ci in tests/browser)');
  process.exit(1);
}

const PASS = 'browser-pass-1';

// argv: node's (LMPMON SOURCE_DIR SCRATCH_DIR after the script); dbName:
// the database's file name in the scratch directory; envExtra: variables
// for the CLI and the server alike (a pinned LMPMON_NOW).
function harness(argv, dbName, envExtra = {}) {
  const [lmpmon, src, scratch] = argv.slice(2);
  fs.rmSync(scratch, { recursive: true, force: true });
  fs.mkdirSync(scratch, { recursive: true });
  const db = path.join(scratch, dbName);
  const shots = path.join(scratch, 'screenshots');
  fs.mkdirSync(shots);
  // No reminders from the server: they would depend on the day (web/reminder.h).
  const env = { ...process.env, LMPMON_DB: '', LMPMON_REMIND: 'off', ...envExtra };
  let failures = 0;

  function run(args, input) {
    return execFileSync(lmpmon, ['--db', db, ...args], { input, env });
  }

  function check(ok, what) {
    if (!ok) {
      failures++;
      console.error('FAIL: ' + what);
    }
  }

  function startServer() {
    return new Promise((resolve, reject) => {
      const srv = spawn(lmpmon, ['--db', db, 'serve', '--listen', '127.0.0.1:0'],
                        { stdio: ['ignore', 'pipe', 'pipe'], env });
      let out = '';
      srv.stderr.on('data', (d) => fs.appendFileSync(path.join(scratch, 'serve.err'), d));
      srv.stdout.on('data', (d) => {
        out += d;
        const m = out.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
        if (m) resolve({ srv, base: 'http://127.0.0.1:' + m[1] });
      });
      srv.on('exit', (code) => reject(new Error('server exited with ' + code)));
      setTimeout(() => reject(new Error('server did not start')), 10000);
    });
  }

  function launch() {
    return chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
             '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }

  async function login(page, base, user) {
    await page.goto(base + '/login');
    await page.fill('#username', user);
    await page.fill('#password', PASS);
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
    check(!page.url().includes('/login'), user + ' could not log in');
  }

  async function noSidewaysScroll(page, what) {
    const sw = await page.evaluate(() => document.documentElement.scrollWidth);
    check(sw <= 390, what + ' scrolls sideways at 390 px: ' + sw + ' px wide');
  }

  // The end of a test: exit 1 with the count of failures, or say ok.
  function finish() {
    if (failures) {
      console.error(failures + ' failure(s); screenshots in ' + shots);
      process.exit(1);
    }
    console.log('ok; screenshots in ' + shots);
  }

  return {
    lmpmon, src, scratch, db, shots, env, PASS,
    run, check, startServer, launch, login, noSidewaysScroll, finish,
  };
}

module.exports = { harness };
