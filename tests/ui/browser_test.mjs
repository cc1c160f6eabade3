// Browser test of the agents' page against a running `turnaround serve` (see run.sh, which
// starts the server and sets the TA_* variables). Posts signed generic-webhook comments,
// then drives Debian's chromium through playwright-core: signs in, checks the queue, the
// explanation highlights, that a comment containing HTML is shown as text, the PHI guard as
// you type, a 409 from someone else's claim, then claims an item, inserts a suggested reply,
// sends it and resolves the item. Saves screenshots of the queue, the item and a phone width.
//
// Exit codes: 0 passed, 1 failed, 77 chromium could not be launched (skipped).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

const env = (name) => {
  const v = process.env[name];
  if (!v) {
    console.error(`browser_test: ${name} is not set (run tests/ui/run.sh)`);
    process.exit(1);
  }
  return v;
};
const BASE = env('TA_BASE_URL');
const USER = env('TA_USER');
const PASSWORD = env('TA_PASSWORD');
const OTHER_USER = env('TA_OTHER_USER');
const OTHER_TOKEN = env('TA_OTHER_TOKEN');
const SECRET = env('TA_GENERIC_SECRET');
const OUT = env('TA_OUT_DIR');
const PROFILE = env('TA_PROFILE_DIR');
const CHROMIUM = process.env.TA_CHROMIUM || '/usr/bin/chromium';
const SKIP = 77;

const XSS = '<img src=x onerror=alert(1)>';
const minutesAgo = (m) => new Date(Date.now() - m * 60000).toISOString().replace(/\.\d{3}Z$/, 'Z');
const COMMENTS = [
  { source: 'reviews', id: 'ui-billing', text: 'Billing charged me twice for the same visit and nobody answers the phone. Terrible service.', author: { id: 'rev-1', name: 'Dana Whitfield' }, created_at: minutesAgo(50) },
  { source: 'reviews', id: 'ui-xss', text: `Waited three hours in the ER and the staff were rude ${XSS} worst hospital ever`, author: { id: 'rev-2', name: 'Mallory <b>Tester</b>' }, created_at: minutesAgo(35) },
  { source: 'reviews', id: 'ui-utf8', text: 'Esperé 4 horas 😡 en urgencias y nadie me atendió. Pésimo servicio, qué vergüenza.', author: { id: 'rev-3', name: 'José Núñez' }, created_at: minutesAgo(20) },
  { source: 'forum', id: 'ui-urgent', text: 'My father has chest pain and can\'t breathe and nobody at the front desk will help us!!', author: { id: 'rev-4', name: 'Priya Raman' }, created_at: minutesAgo(5) },
  { source: 'forum', id: 'ui-parent', text: 'Does anyone know the visiting hours for the maternity ward?', author: { id: 'rev-5', name: 'Sam Lee' }, created_at: minutesAgo(90) },
  { source: 'forum', id: 'ui-child', parent_id: 'ui-parent', text: 'They told me different hours three times, the communication here is awful and nobody called me back.', author: { id: 'rev-6', name: 'Alex Moreno' }, created_at: minutesAgo(80) },
  { source: 'reviews', id: 'ui-praise', text: 'Thank you to the nurses on ward 4, they were wonderful and kind.', author: { id: 'rev-7', name: 'Ruth Okafor' }, created_at: minutesAgo(10) },
];

const failures = [];
let step = 'start';
function check(cond, what) {
  if (!cond) failures.push(`${step}: ${what}`);
  return cond;
}
function log(msg) {
  console.log(`browser_test: ${msg}`);
}

async function postComments(events = COMMENTS) {
  const body = JSON.stringify({ events });
  const sig = crypto.createHmac('sha256', SECRET).update(body).digest('hex');
  const res = await fetch(`${BASE}/webhooks/generic`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Turnaround-Signature': `sha256=${sig}` },
    body,
  });
  const json = await res.json().catch(() => null);
  if (res.status !== 200) throw new Error(`webhook answered ${res.status}: ${JSON.stringify(json)}`);
  log(`webhook: ${JSON.stringify(json)}`);
  if (!(json.flagged >= Math.min(4, events.length))) throw new Error(`expected at least 4 flagged comments, got ${json.flagged}`);
}

async function apiAs(token, method, p, body) {
  const res = await fetch(BASE + p, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, json: await res.json().catch(() => null) };
}

async function itemIdFor(externalId) {
  const r = await apiAs(OTHER_TOKEN, 'GET', '/api/queue?state=all&limit=100');
  if (r.status !== 200) throw new Error(`GET /api/queue as ${OTHER_USER}: ${r.status} ${JSON.stringify(r.json)}`);
  const it = r.json.items.find((x) => x.comment && x.comment.external_id === externalId);
  if (!it) throw new Error(`no queue item for comment ${externalId}`);
  return it.id;
}

const rowFor = (page, id) => page.locator(`.row-button[data-item-id="${id}"]`);

async function selectItem(page, id) {
  await rowFor(page, id).click();
  await page.waitForFunction((x) => {
    const h = document.getElementById('item-author');
    return document.querySelector(`.row-button.selected[data-item-id="${x}"]`) && h && h.textContent !== '' &&
      document.getElementById('comment-text').textContent !== 'Loading…';
  }, String(id));
}

async function main() {
  let context;
  try {
    // A persistent context is how playwright takes a fresh --user-data-dir (PROFILE is new).
    context = await chromium.launchPersistentContext(PROFILE, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 1366, height: 900 },
      deviceScaleFactor: 1,
      timeout: 60000,
    });
  } catch (err) {
    console.error(`browser_test: SKIP: chromium could not be launched: ${err.message}`);
    return SKIP;
  }

  try {
    step = 'webhooks';
    await postComments();
    const ids = {};
    for (const c of COMMENTS) if (c.id !== 'ui-praise' && c.id !== 'ui-parent') ids[c.id] = await itemIdFor(c.id);
    log(`items: ${JSON.stringify(ids)}`);

    // Someone else holds the urgent item, so claiming it from the page must show a 409.
    const held = await apiAs(OTHER_TOKEN, 'POST', `/api/items/${ids['ui-urgent']}/claim`, {});
    if (held.status !== 200) throw new Error(`${OTHER_USER} could not claim: ${held.status} ${JSON.stringify(held.json)}`);

    const page = context.pages()[0] || await context.newPage();
    page.setDefaultTimeout(15000);
    const dialogs = [];
    const pageErrors = [];
    const consoleErrors = [];
    const foreignRequests = [];
    page.on('dialog', (d) => {
      dialogs.push(`${d.type()}: ${d.message()}`);
      d.dismiss().catch(() => {});
    });
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    page.on('console', (m) => {
      // Failed API calls (the 409 below) are logged by the browser itself; anything else,
      // CSP refusals above all, is a defect.
      if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) consoleErrors.push(m.text());
    });
    page.on('request', (r) => {
      const u = r.url();
      if (!u.startsWith(BASE + '/') && !u.startsWith('data:')) foreignRequests.push(u);
    });

    step = 'page';
    const resp = await page.goto(BASE + '/');
    check(resp && resp.status() === 200, `GET / answered ${resp && resp.status()}`);
    const headers = resp ? resp.headers() : {};
    check((headers['content-security-policy'] || '').includes("script-src 'self'"), 'CSP header on the page');
    check(headers['x-content-type-options'] === 'nosniff', 'nosniff header');
    check(headers['cache-control'] === 'no-cache', 'Cache-Control: no-cache');

    step = 'sign-in';
    await page.locator('#login-username').waitFor({ state: 'visible' });
    await page.fill('#login-username', USER);
    await page.fill('#login-password', 'not-the-password');
    await page.click('#login-submit');
    await page.waitForFunction(() => document.getElementById('login-error').textContent.trim() !== '');
    check(await page.locator('#app-view').isHidden(), 'a wrong password does not sign in');
    await page.fill('#login-password', PASSWORD);
    await page.click('#login-submit');
    await page.locator('#app-view').waitFor({ state: 'visible' });
    check((await page.textContent('#whoami')).includes(USER), 'the header names the agent');
    // A reload keeps the session (HttpOnly cookie) and gets the CSRF token again from /api/me;
    // every change below is made after it.
    await page.reload();
    await page.locator('#app-view').waitFor({ state: 'visible' });
    check((await page.textContent('#whoami')).includes(USER), 'still signed in after a reload');

    step = 'queue';
    await page.locator('.row-button').first().waitFor();
    const rowCount = await page.locator('.row-button').count();
    check(rowCount >= 5, `queue shows the flagged comments (saw ${rowCount})`);
    const firstRow = page.locator('.row-button').first();
    check(await firstRow.getAttribute('data-item-id') === String(ids['ui-urgent']), 'the urgent item comes first');
    check(await firstRow.locator('.chip-urgent').count() === 1, 'the urgent item has an urgent badge');
    check(/due in|overdue/.test(await firstRow.locator('.sla').textContent()), 'rows show an SLA countdown');
    check(/ago$/.test((await firstRow.locator('.row-age').textContent()).trim()), 'rows show the age');
    check((await firstRow.textContent()).includes('@' + OTHER_USER), 'rows show the assignee');
    check(await page.locator('.row-button', { hasText: 'Thank you to the nurses' }).count() === 0, 'praise is not queued');
    // The HTML in a comment is text in the list too.
    const xssRow = rowFor(page, ids['ui-xss']);
    check((await xssRow.locator('.row-text').textContent()).includes(XSS), 'the list shows the <img> markup as text');
    // Filters.
    await page.selectOption('#f-platform', 'forum');
    await page.waitForFunction(() => [...document.querySelectorAll('.row-platform')].every((e) => e.textContent === 'forum'));
    check(await page.locator('.row-button').count() === 2, 'the platform filter keeps the forum items');
    await page.selectOption('#f-platform', '');
    await page.waitForFunction((n) => document.querySelectorAll('.row-button').length >= n, rowCount);
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(OUT, 'ui-queue.png') });

    step = 'shortcuts';
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    const before = await page.getAttribute('.row-button.selected', 'data-item-id');
    await page.keyboard.press('j');
    await page.waitForFunction((b) => {
      const s = document.querySelector('.row-button.selected');
      return s && s.dataset.itemId !== b;
    }, before);
    await page.keyboard.press('k');
    await page.waitForFunction((b) => {
      const s = document.querySelector('.row-button.selected');
      return s && s.dataset.itemId === b;
    }, before);
    await page.keyboard.press('?');
    check(await page.locator('#help-dialog').isVisible(), '? opens the shortcuts help');
    await page.keyboard.press('Escape');

    step = 'html-as-text';
    await selectItem(page, ids['ui-xss']);
    const shown = await page.textContent('#comment-text');
    check(shown.includes(XSS), `the comment shows ${XSS} literally (saw: ${shown})`);
    check((await page.textContent('#item-author')) === 'Mallory <b>Tester</b>', 'the author name is text');
    check(await page.locator('img').count() === 0, 'no <img> element anywhere in the page');
    check(await page.locator('#app-view b').count() === 0, 'no <b> element from the author name');
    check(await page.locator('#comment-text mark').count() > 0, 'the explanation is highlighted in the comment');
    check(await page.locator('#verdict-rules li').count() > 0, 'the matched rules are listed');

    step = 'utf8-highlights';
    await selectItem(page, ids['ui-utf8']);
    const hl = await page.evaluate(async (id) => {
      const r = await fetch(`/api/items/${id}`);
      const item = await r.json();
      return {
        matches: (item.verdict && item.verdict.matches || []).map((m) => m.text),
        marks: [...document.querySelectorAll('#comment-text mark')].map((m) => m.textContent),
        text: document.getElementById('comment-text').textContent,
        original: item.comment.text,
      };
    }, ids['ui-utf8']);
    check(hl.text === hl.original, 'the highlighted comment keeps its exact text');
    check(hl.marks.length > 0, 'the Spanish comment has highlights');
    for (const mk of hl.marks) {
      check(hl.matches.some((t) => t.includes(mk)), `highlight "${mk}" lies inside a matched span (${JSON.stringify(hl.matches)})`);
    }
    for (const t of hl.matches) {
      check(hl.marks.some((mk) => t.includes(mk)), `matched "${t}" is highlighted`);
    }

    step = 'thread';
    await selectItem(page, ids['ui-child']);
    check((await page.textContent('#thread')).includes('visiting hours'), 'the parent comment is shown as thread context');

    step = 'conflict';
    await selectItem(page, ids['ui-urgent']);
    check((await page.textContent('#item-chips')).includes('claimed by ' + OTHER_USER), 'the item names the holder');
    check(await page.isEnabled('#act-claim'), 'claim is offered on an item someone else holds');
    await page.locator('#act-claim').focus();
    await page.keyboard.press('c');
    await page.locator('#banner.banner-error').waitFor();
    const banner = await page.textContent('#banner-text');
    check(banner.includes(OTHER_USER), `the 409 names the holder (banner: ${banner})`);
    await page.click('#banner-close');

    step = 'phi-guard';
    await page.click('#reply-text');
    await page.keyboard.type('Sorry about your visit on 03/14/2025, your MRN 12345678 is on file.');
    await page.waitForFunction(() => document.querySelectorAll('#lint-findings li').length > 0);
    check((await page.getAttribute('#lint-status', 'class')).includes('bad'), 'blocking findings are flagged');
    check(await page.locator('#lint-preview mark.f-block').count() > 0, 'the findings are highlighted in the reply');
    // Drafts survive a refresh of the queue.
    await page.click('#refresh-button');
    await page.waitForTimeout(500);
    check((await page.inputValue('#reply-text')).startsWith('Sorry about your visit'), 'the draft survives a refresh');
    await page.click('#reply-clear');

    step = 'claim';
    await selectItem(page, ids['ui-billing']);
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('c');
    await page.waitForFunction(() => document.getElementById('item-chips').textContent.includes('claimed by you'));
    check((await rowFor(page, ids['ui-billing']).textContent()).includes('@' + USER), 'the list shows the claim');

    step = 'suggestion';
    const useButton = page.locator('#suggestions [data-suggestion]').first();
    await useButton.waitFor();
    const suggestion = await page.evaluate(async (id) => {
      const r = await fetch(`/api/items/${id}/suggestions`);
      return (await r.json()).suggestions[0];
    }, ids['ui-billing']);
    await useButton.click();
    check(await page.inputValue('#reply-text') === suggestion.text, 'Use puts the suggested reply in the editor');
    check((await page.textContent('#reply-template')).includes(suggestion.template_id), 'the template is named');
    await page.waitForFunction(() => /Privacy check/.test(document.getElementById('lint-status').textContent));
    await page.waitForTimeout(200);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(OUT, 'ui-item.png'), fullPage: true });

    step = 'reply';
    check(suggestion.text && !suggestion.text.includes('{{'), 'the suggestion is fully rendered');
    await page.click('#reply-send');
    await page.waitForFunction(() => document.querySelectorAll('#past-replies li').length > 0);
    check(await page.locator('#override-box').isHidden(), 'a clean suggested reply needs no override');
    check((await page.textContent('#past-replies')).includes(suggestion.text.slice(0, 40)), 'the reply is listed on the item');
    check(await page.inputValue('#reply-text') === '', 'the editor is emptied after sending');

    step = 'resolve';
    await page.waitForFunction(() => !document.getElementById('act-resolve').disabled);
    await page.click('#act-resolve');
    await page.waitForFunction(() => document.querySelector('#item-chips .state-resolved'));
    const final = await page.evaluate(async (id) => (await fetch(`/api/items/${id}`)).json(), ids['ui-billing']);
    check(final.state === 'resolved', `the item is resolved (state ${final.state})`);
    check(final.replies && final.replies.length === 1 && final.replies[0].template_id === suggestion.template_id,
      'the reply was recorded with its template');
    check(final.first_response_at, 'the first response time is set');

    step = 'queue after resolve';
    await page.waitForFunction((id) => !document.querySelector(`.row-button[data-item-id="${id}"]`), String(ids['ui-billing']));
    check(true, 'the resolved item left the open queue');

    step = 'note, escalate, dismiss';
    await selectItem(page, ids['ui-child']);
    await page.click('#act-note');
    await page.fill('#note-text', 'Asked the ward manager about the visiting hours.');
    await page.click('#panel-note button[type=submit]');
    await page.waitForFunction(() => document.getElementById('item-events').textContent.includes('note'));
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('e');
    check(await page.locator('#panel-escalate').isVisible(), 'e opens the escalation form');
    check(await page.evaluate(() => document.activeElement.id) === 'escalate-reason', 'e puts the focus on the reason');
    await page.keyboard.type('needs the maternity ward manager');
    await page.fill('#escalate-to', 'maternity');
    await page.click('#panel-escalate button[type=submit]');
    await page.waitForFunction(() => document.querySelector('#item-chips .state-escalated'));
    check((await page.textContent('#item-chips')).includes('maternity'), 'the escalation target is shown');
    await selectItem(page, ids['ui-utf8']);
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('d');
    check(await page.locator('#panel-dismiss').isVisible(), 'd opens the dismiss form');
    await page.keyboard.press('Escape');
    check(await page.locator('#panel-dismiss').isHidden(), 'Escape closes it');
    await page.keyboard.press('d');
    await page.selectOption('#dismiss-reason', 'duplicate');
    await page.click('#panel-dismiss button[type=submit]');
    await page.waitForFunction(() => document.querySelector('#item-chips .state-dismissed'));
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('r');
    check(await page.evaluate(() => document.activeElement.id) === 'reply-text', 'r puts the focus in the reply editor');
    await page.keyboard.press('Escape');

    step = 'send anyway';
    await selectItem(page, ids['ui-xss']);
    await page.click('#act-claim');
    await page.waitForFunction(() => document.getElementById('item-chips').textContent.includes('claimed by you'));
    await page.fill('#reply-text', 'We are sorry about your visit on 03/14/2025. Please call us.');
    await page.waitForFunction(() => document.querySelectorAll('#lint-findings .finding-block').length > 0);
    await page.click('#reply-send');
    await page.locator('#override-box').waitFor({ state: 'visible' });
    check(await page.locator('#override-findings li').count() > 0, 'the confirmation lists the blocking findings');
    await page.click('#override-send');
    await page.locator('#banner.banner-error').waitFor();
    check(await page.locator('#past-replies li').count() === 0, 'no reason, no override');
    await page.fill('#override-reason', 'the date is the public open day, checked with patient relations');
    await page.click('#override-send');
    await page.waitForFunction(() => document.querySelectorAll('#past-replies li').length > 0);
    check((await page.textContent('#past-replies')).includes('guard overridden'), 'the override is shown on the reply');
    const overridden = await page.evaluate(async (id) => (await fetch(`/api/items/${id}`)).json(), ids['ui-xss']);
    check(overridden.replies.length === 1 && overridden.replies[0].guard_overridden === true, 'the override is recorded');
    // Mine: only the item this agent holds (bob holds the urgent one).
    await page.check('#f-mine');
    await page.waitForFunction(() => document.querySelectorAll('.row-button').length === 1);
    check(await page.getAttribute('.row-button', 'data-item-id') === String(ids['ui-xss']), 'Mine shows the item I hold');
    await page.uncheck('#f-mine');
    await page.waitForFunction(() => document.querySelectorAll('.row-button').length > 1);

    step = 'auto refresh';
    // A new complaint shows up by itself while a draft is being written; the draft, the
    // selection and the focus stay.
    await selectItem(page, ids['ui-urgent']);
    await page.fill('#reply-text', 'Draft that must survive the refresh');
    await page.focus('#reply-text');
    await postComments([{ source: 'reviews', id: 'ui-late', text: 'Parking was a nightmare and the billing office never called me back. Awful.', author: { id: 'rev-8', name: 'Late Arrival' }, created_at: minutesAgo(1) }]);
    await page.waitForFunction(() => [...document.querySelectorAll('.row-author')].some((e) => e.textContent === 'Late Arrival'), null, { timeout: 20000 });
    check(await page.inputValue('#reply-text') === 'Draft that must survive the refresh', 'the draft survives the automatic refresh');
    check(await page.getAttribute('.row-button.selected', 'data-item-id') === String(ids['ui-urgent']), 'the selection survives it');
    check(await page.evaluate(() => document.activeElement.id) === 'reply-text', 'the focus stays in the editor');
    await page.click('#reply-clear');

    step = 'phone';
    await page.setViewportSize({ width: 390, height: 844 });
    await selectItem(page, ids['ui-xss']);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(300);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    check(overflow <= 0, `no horizontal scrolling at phone width (overflow ${overflow}px)`);
    await page.screenshot({ path: path.join(OUT, 'ui-phone.png') });

    step = 'page health';
    check(dialogs.length === 0, `no dialog was opened (${dialogs.join('; ')})`);
    check(pageErrors.length === 0, `no script errors (${pageErrors.join('; ')})`);
    check(consoleErrors.length === 0, `no console errors (${consoleErrors.join('; ')})`);
    check(foreignRequests.length === 0, `no requests outside the server (${foreignRequests.join(', ')})`);
  } catch (err) {
    failures.push(`${step}: ${err.stack || err}`);
  } finally {
    await context.close().catch(() => {});
  }

  for (const f of failures) console.error(`browser_test: FAIL ${f}`);
  for (const f of ['ui-queue.png', 'ui-item.png', 'ui-phone.png']) {
    if (fs.existsSync(path.join(OUT, f))) log(`screenshot ${path.join(OUT, f)}`);
  }
  log(failures.length ? `${failures.length} check(s) failed` : 'all checks passed');
  return failures.length ? 1 : 0;
}

process.exitCode = await main();
