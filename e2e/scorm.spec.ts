// The app inside a learning platform (issue 21): a host page on the app's
// own origin plays the LMS with scorm-again, the open-source SCORM 1.2
// run-time LMS vendors embed, and frames the app at the package's launch
// address (index.html?scorm=12, see scripts/scorm). What the app writes, a
// resume from cmi.suspend_data, a commit when the page is hidden, a value
// the run-time refuses, an LMS that is missing or broken, and no call at
// all outside a package; axe-clean in both languages.
import * as fs from 'fs';
import * as path from 'path';
import {
  test, expect, axeCheck, t, savedRecord, STORAGE_KEY, SCHEMA, type Page, type Lang } from './fixtures';
import type { FrameLocator } from '@playwright/test';

const SCORM_AGAIN = fs
  .readFileSync(path.join(__dirname, '..', 'node_modules', 'scorm-again', 'dist', 'scorm12.min.js'), 'utf8')
  .replace(/\/\/# sourceMappingURL=.*$/m, '');
const selfcheck = (id: string) =>
  JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'content', 'selfchecks', `${id}.json`), 'utf8'));

type Lms = {
  /** 'scorm-again': a real run-time; 'none': no API at all; 'throws': every method throws. */
  api?: 'scorm-again' | 'none' | 'throws';
  /** The address the host frames (the package's launch address by default). */
  launch?: string;
  /** cmi.suspend_data the LMS already holds (a trainee resuming). */
  suspend?: string;
  /** Elements whose LMSSetValue the run-time refuses ("false", error 405). */
  refuse?: string[];
};

/**
 * Serves the host page (the LMS) on the app's origin and opens it. The
 * host records every API call in `window.__calls`, every commit's
 * suspend_data in `window.__commits`. The e2e server sends the hosts'
 * `frame-ancestors 'none'`; an LMS serves the package's files itself, so
 * here the app's page may be framed by its own origin.
 */
async function openLms(page: Page, lms: Lms = {}): Promise<FrameLocator> {
  const cfg = { api: 'scorm-again', launch: 'index.html?scorm=12', refuse: [], ...lms };
  await page.route('**/__lms/scorm12.js', (route) =>
    route.fulfill({ contentType: 'application/javascript', body: SCORM_AGAIN }));
  await page.route('**/__lms/host.js', (route) =>
    route.fulfill({ contentType: 'application/javascript', body: HOST_JS }));
  await page.route('**/__lms.html', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test LMS</title>
<link rel="icon" href="data:,">
<script>window.__LMS = ${JSON.stringify(cfg).replace(/</g, '\\u003c')};</script>
<script src="/__lms/scorm12.js"></script><script src="/__lms/host.js"></script></head>
<body><main><h1>Test LMS</h1><iframe id="sco" title="Loyalty Lab" src="/${cfg.launch}"></iframe></main></body></html>`,
    }));
  await page.route((url) => url.pathname.endsWith('/index.html'), async (route) => {
    const response = await route.fetch();
    const headers = { ...response.headers() };
    headers['content-security-policy'] = (headers['content-security-policy'] ?? '').replace(
      "frame-ancestors 'none'", "frame-ancestors 'self'");
    await route.fulfill({ response, headers });
  });
  await page.goto('/__lms.html');
  const app = page.frameLocator('#sco');
  await expect(app.locator('main#main > *').first()).toBeVisible({ timeout: 15_000 });
  return app;
}

// The host page's script: the API (a real run-time, none, or a broken one)
// and the record of what the app did with it.
const HOST_JS = `
const cfg = window.__LMS;
window.__calls = [];
window.__commits = [];
if (cfg.api === 'scorm-again') {
  const api = new Scorm12API({ logLevel: 5, autocommit: false });
  if (cfg.suspend) api.loadFromFlattenedJSON({ 'cmi.suspend_data': cfg.suspend, 'cmi.core.entry': 'resume' });
  let refusal = '';
  for (const name of ['LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit',
                      'LMSGetLastError', 'LMSGetErrorString', 'LMSGetDiagnostic']) {
    const real = api[name].bind(api);
    api[name] = (...args) => {
      let result;
      if (name === 'LMSSetValue' && cfg.refuse.includes(args[0])) {
        refusal = '405';
        result = 'false';
      } else if (name === 'LMSGetLastError' && refusal) {
        result = refusal;
        refusal = '';
      } else {
        if (name !== 'LMSGetLastError') refusal = '';
        result = real(...args);
      }
      window.__calls.push([name, args, result]);
      if (name === 'LMSCommit') window.__commits.push(api.cmi.suspend_data);
      return result;
    };
  }
  window.API = api;
} else if (cfg.api === 'throws') {
  const fail = (name) => () => { window.__calls.push([name]); throw new Error('the LMS is down'); };
  window.API = {};
  for (const name of ['LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit',
                      'LMSGetLastError', 'LMSGetErrorString', 'LMSGetDiagnostic']) window.API[name] = fail(name);
}
`;

/** The run-time's data model now (scorm-again's own view, write-only elements included). */
const cmi = (page: Page) => page.evaluate(() => JSON.parse(JSON.stringify((window as any).API.cmi)));
const calls = (page: Page): Promise<Array<[string, string[], string]>> => page.evaluate(() => (window as any).__calls);
const named = async (page: Page, name: string) => (await calls(page)).filter((c) => c[0] === name);
/** The objectives as id → {status, raw}. */
async function objectives(page: Page): Promise<Record<string, { status: string; raw: string }>> {
  const list = Object.values((await cmi(page)).objectives ?? {}) as any[];
  return Object.fromEntries(list.map((o) => [o.id, { status: o.status, raw: o.score?.raw ?? '' }]));
}
const interactions = async (page: Page): Promise<any[]> => Object.values((await cmi(page)).interactions ?? {});
/** Reads localStorage of the framed app (same origin as the host). */
const frameRecord = (page: Page) => savedRecord(page);

async function markDoneIn(app: FrameLocator) {
  const button = app.getByTestId('mark-done');
  await expect(button).toHaveAttribute('aria-pressed', 'false');
  await button.click();
  await expect(button).toHaveAttribute('aria-pressed', 'true');
}

/** A record as the app saves it, for seeding an LMS or a browser. */
function record(part: object): string {
  return JSON.stringify({ app: 'loyalty-lab', version: SCHEMA, ...part });
}

test('the app reports status, score, objectives and interactions to a real SCORM 1.2 run-time', async ({ page }) => {
  const app = await openLms(page, { launch: 'index.html?scorm=12#/lecture/1?lang=en' });
  await expect(app.getByTestId('notice-lms')).toHaveCount(0);
  expect((await named(page, 'LMSInitialize')).map((c) => c[2])).toEqual(['true']);
  // At start: incomplete, the place, suspend as the exit, twelve lecture objectives.
  await expect.poll(async () => (await cmi(page)).core.lesson_status).toBe('incomplete');
  let data = await cmi(page);
  expect(data.core.lesson_location).toBe('/lecture/1');
  expect(data.core.exit).toBe('suspend');
  expect(data.core.score.raw).toBe('');
  let objs = await objectives(page);
  expect(Object.keys(objs).filter((id) => id.startsWith('lecture-'))).toHaveLength(12);
  expect(objs['lecture-1'].status).toBe('incomplete');
  expect(objs['lecture-2'].status).toBe('not attempted');

  await markDoneIn(app);
  await expect.poll(async () => (await objectives(page))['lecture-1'].status).toBe('completed');

  // A self-check is another bundle in a release build: the page reloads
  // inside the same LMS session, which the next page carries on with (its
  // LMSInitialize answers "false": already initialized; no LMSFinish).
  await app.locator('a[href="#/self-check/1-1"]').first().click();
  await expect(app.getByTestId('selfcheck-answer')).toBeVisible({ timeout: 15_000 });
  expect(await named(page, 'LMSFinish')).toHaveLength(0);
  expect((await named(page, 'LMSInitialize')).map((c) => c[2]).slice(0, 2)).toEqual(
    (await named(page, 'LMSInitialize')).length === 2 ? ['true', 'false'] : ['true']);
  await app.getByTestId('selfcheck-answer').fill(selfcheck('1-1').model_answer.en);
  await app.getByTestId('selfcheck-submit').click();
  await expect(app.getByTestId('selfcheck-feedback')).toBeVisible();
  const score = Number(await app.getByTestId('selfcheck-score').innerText());
  expect(score).toBeGreaterThan(0);

  // The course score: the mean best over every self-check and drill.
  const exercises = fs.readdirSync(path.join(__dirname, '..', 'content', 'selfchecks')).length
    + fs.readdirSync(path.join(__dirname, '..', 'content', 'drills')).length;
  await expect.poll(async () => (await cmi(page)).core.score.raw).toBe(String(Math.round(score / exercises)));
  data = await cmi(page);
  expect(data.core.score.min).toBe('0');
  expect(data.core.score.max).toBe('100');
  objs = await objectives(page);
  expect(objs['self-check-1-1']).toEqual({ status: 'completed', raw: String(score) });
  // One journal entry for the attempt, linked to its objective.
  const list = await interactions(page);
  expect(list).toHaveLength(1);
  expect(list[0]).toMatchObject({ id: 'self-check-1-1', type: 'fill-in', result: String(score), weighting: '1' });
  expect(list[0].objectives['0'].id).toBe('self-check-1-1');
  expect(list[0].time).toMatch(/^\d\d:\d\d:\d\d$/);

  // suspend_data holds the record: within the limit, safe characters.
  const suspend = (await cmi(page)).suspend_data as string;
  expect(suspend.length).toBeLessThanOrEqual(4096);
  expect(suspend).toMatch(/^LL1\.[A-Za-z0-9_-]+$/);
  // A re-render without a new result adds no journal entry.
  await app.getByTestId('lang-switch').click();
  await expect(app.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect.poll(async () => (await cmi(page)).suspend_data).not.toBe(suspend);
  expect(await interactions(page)).toHaveLength(1);
  // Nothing about the LMS reached the console or the local record's shape.
  expect(await frameRecord(page)).toMatchObject({ lectures: { 1: { done: true } }, exercises: { '1-1': { best: score } } });
});

test('a trainee resumes on another machine from suspend_data, and the page hiding commits', async ({ browser }) => {
  // Machine A: some progress, in an LMS.
  const a = await browser.newContext();
  const pageA = await a.newPage();
  let app = await openLms(pageA, { launch: 'index.html?scorm=12#/lecture/4?lang=en' });
  await markDoneIn(app);
  await expect.poll(async () => (await objectives(pageA))['lecture-4'].status).toBe('completed');
  // Hiding the page (a tab switched away) commits at once, with the record.
  const before = (await named(pageA, 'LMSCommit')).length;
  await pageA.frames()[1].evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await expect.poll(async () => (await named(pageA, 'LMSCommit')).length).toBe(before + 1);
  const committed: string[] = await pageA.evaluate(() => (window as any).__commits);
  const suspend = committed[committed.length - 1];
  expect(suspend.length).toBeLessThanOrEqual(4096);
  expect(suspend).toBe((await cmi(pageA)).suspend_data);
  // Leaving the course (the LMS removes the frame): session time, commit, finish.
  await pageA.evaluate(() => document.getElementById('sco')!.remove());
  await expect.poll(async () => (await named(pageA, 'LMSFinish')).length).toBe(1);
  const times = (await named(pageA, 'LMSSetValue')).filter((c) => c[1][0] === 'cmi.core.session_time');
  expect(times.length).toBeGreaterThan(0);
  expect(times[times.length - 1][1][1]).toMatch(/^\d{4}:\d\d:\d\d\.\d\d$/);
  await a.close();

  // Machine B: empty browser, the LMS hands back the suspend_data.
  const b = await browser.newContext();
  const pageB = await b.newPage();
  expect(await pageB.evaluate(() => 1)).toBe(1);
  app = await openLms(pageB, { suspend, launch: 'index.html?scorm=12' });
  await expect(app.getByTestId('lecture-card-4').getByTestId('lecture-status')).toHaveClass(/\bdone\b/);
  await expect(app.locator('html')).toHaveAttribute('lang', 'en');
  // ...and is saved in this browser too.
  expect(await frameRecord(pageB)).toMatchObject({ lectures: { 4: { done: true } }, lang: 'en' });
  await b.close();
});

test('resuming with progress in both: the better or later of each is kept', async ({ page }) => {
  // The LMS holds lecture 2 done and a self-check at 40 after three tries,
  // written by a first launch in this browser...
  await page.addInitScript(([key, raw]) => {
    if (!sessionStorage.getItem('__seeded')) {
      sessionStorage.setItem('__seeded', '1');
      localStorage.setItem(key, raw);
    }
  }, [STORAGE_KEY, record({ lectures: { 2: { visited: true, done: true } },
    exercises: { '3-1': { attempts: 3, best: 40, last: 40 } } })] as [string, string]);
  let app = await openLms(page, { launch: 'index.html?scorm=12#/progress?lang=en' });
  await expect.poll(async () => ((await cmi(page)).suspend_data as string).length).toBeGreaterThan(10);
  const suspend = (await cmi(page)).suspend_data as string;
  // ...while this browser now has lecture 5 done and the self-check at 90
  // after one try.
  await page.evaluate(([key, raw]) => localStorage.setItem(key, raw), [STORAGE_KEY, record({
    lang: 'en', lectures: { 5: { visited: true, done: true } },
    exercises: { '3-1': { attempts: 1, best: 90, last: 90 } } })]);
  await page.unrouteAll({ behavior: 'wait' });
  app = await openLms(page, { suspend, launch: 'index.html?scorm=12#/progress?lang=en' });
  await expect(app.getByTestId('progress-row-2').getByTestId('lecture-status')).toHaveClass(/\bdone\b/);
  await expect(app.getByTestId('progress-row-5').getByTestId('lecture-status')).toHaveClass(/\bdone\b/);
  const merged = await frameRecord(page);
  // Attempts and the latest score from the later (more attempts), best the higher.
  expect(merged.exercises['3-1']).toEqual({ attempts: 3, best: 90, last: 40 });
  await expect.poll(async () => (await objectives(page))['self-check-3-1']?.raw).toBe('90');
});

test('a run-time that refuses suspend_data: one quiet notice, the app and local progress unharmed', async ({ page }) => {
  const app = await openLms(page, { refuse: ['cmi.suspend_data'], launch: 'index.html?scorm=12#/lecture/6?lang=en' });
  // The rest is written; the record is refused, once at full size, once smaller.
  await expect.poll(async () => (await cmi(page)).core.lesson_status).toBe('incomplete');
  await expect(app.getByTestId('notice-lms')).toHaveText(t('en', 'notice.lms_refused'));
  await expect(app.locator('[data-testid=notice][role=status]')).toHaveCount(1);
  const tries = (await named(page, 'LMSSetValue')).filter((c) => c[1][0] === 'cmi.suspend_data');
  expect(tries.map((c) => c[2])).toEqual(['false', 'false']);
  expect(tries[1][1][1].length).toBeLessThanOrEqual(1024);
  // The app goes on; progress is saved locally and other values still reach the LMS.
  await markDoneIn(app);
  expect(await frameRecord(page)).toMatchObject({ lectures: { 6: { done: true } } });
  await expect.poll(async () => (await objectives(page))['lecture-6'].status).toBe('completed');
  // The refused value is not asked for again, and the notice is not repeated.
  expect((await named(page, 'LMSSetValue')).filter((c) => c[1][0] === 'cmi.suspend_data')).toHaveLength(2);
  await expect(app.getByTestId('notice-lms')).toHaveCount(1);
  await axeCheck(page, 'LMS refused a value');
});

for (const lang of ['zh', 'en'] as Lang[]) {
  test(`launched from the package with no LMS: works on its own and says so once, quietly (${lang})`, async ({ page }) => {
    const app = await openLms(page, { api: 'none', launch: `index.html?scorm=12#/lecture/5?lang=${lang}` });
    const notice = app.getByTestId('notice-lms');
    await expect(notice).toHaveText(t(lang, 'notice.lms_missing'));
    // Quiet: a status, not an alert.
    await expect(app.locator('[data-testid=notice]')).toHaveAttribute('role', 'status');
    await markDoneIn(app);
    expect(await frameRecord(page)).toMatchObject({ lectures: { 5: { done: true } } });
    await axeCheck(page, `no LMS (${lang})`);
    // Once: another screen of the same bundle, and a hand-off to another
    // bundle (a new page), do not repeat it.
    await app.locator('a[href="#/lecture/6"]').first().click();
    await expect(app.getByTestId('lecture').locator('.lecture-no')).toContainText('6');
    await expect(notice).toHaveCount(1);
    const frame = page.frame({ url: /index\.html/ })!;
    await frame.evaluate(() => { (window as any).__samePage = true; });
    await app.locator('a[href="#/self-check/3-1"]').first().click();
    await expect(app.getByTestId('selfcheck-answer')).toBeVisible({ timeout: 15_000 });
    // A release build reloads into the self-check bundle; a debug build
    // (one bundle) stays on the page, where the notice stays until dismissed.
    const reloaded = await page.frame({ url: /index\.html/ })!.evaluate(() => !(window as any).__samePage);
    await expect(notice).toHaveCount(reloaded ? 0 : 1);
  });
}

test('launched from the package at the top level (no frame, no LMS): the same quiet notice', async ({ page }) => {
  await page.goto('/index.html?scorm=12#/?lang=en');
  await expect(page.getByTestId('notice-lms')).toHaveText(t('en', 'notice.lms_missing'));
  await expect(page.getByTestId('lecture-card-1')).toBeVisible();
});

test('an LMS whose API throws: the app works standalone and says so once', async ({ page }) => {
  const app = await openLms(page, { api: 'throws', launch: 'index.html?scorm=12#/lecture/2?lang=en' });
  await expect(app.getByTestId('notice-lms')).toHaveText(t('en', 'notice.lms_broken'));
  await markDoneIn(app);
  expect(await frameRecord(page)).toMatchObject({ lectures: { 2: { done: true } } });
  // It gave up after LMSInitialize threw: no further calls.
  expect((await calls(page)).map((c) => c[0])).toEqual(['LMSInitialize']);
  await axeCheck(page, 'broken LMS');
});

test('an LMS that breaks during the session: the app carries on, one notice', async ({ page }) => {
  const app = await openLms(page, { launch: 'index.html?scorm=12#/lecture/8?lang=zh' });
  await expect.poll(async () => (await cmi(page)).core.lesson_status).toBe('incomplete');
  await page.evaluate(() => {
    (window as any).API.LMSSetValue = () => { throw new Error('connection lost'); };
  });
  await markDoneIn(app);
  await expect(app.getByTestId('notice-lms')).toHaveText(t('zh', 'notice.lms_broken'));
  expect(await frameRecord(page)).toMatchObject({ lectures: { 8: { done: true } } });
  await axeCheck(page, 'LMS broke (zh)');
});

test('outside a package nothing changes: an API in the parent is never called, no notice', async ({ page }) => {
  const app = await openLms(page, { launch: 'index.html#/lecture/1?lang=en' });
  await markDoneIn(app);
  await expect(app.getByTestId('notice')).toHaveCount(0);
  expect(await calls(page)).toEqual([]);
  // The same page on its own, as hosted: no notice either.
  await page.goto('/#/?lang=en');
  await expect(page.getByTestId('lecture-card-1')).toBeVisible();
  await expect(page.getByTestId('notice')).toHaveCount(0);
});

for (const lang of ['zh', 'en'] as Lang[]) {
  test(`inside a working LMS the app is axe-clean (${lang})`, async ({ page }) => {
    const app = await openLms(page, { launch: `index.html?scorm=12#/?lang=${lang}` });
    await expect(app.locator('html')).toHaveAttribute('lang', lang === 'zh' ? 'zh-CN' : 'en');
    await expect(app.getByTestId('lecture-card-1')).toBeVisible();
    await axeCheck(page, `in an LMS (${lang})`);
  });
}
