// Progress: marking lectures done, what the course map and the progress page
// show, "continue", and export / reset / import on the progress page.
import {
  test, expect, gotoApp, reloadApp, markDone, rowStatus, savedRaw, savedRecord, backups,
  downloadText, t, COURSE, LECTURE_NS, type Page, SCHEMA } from './fixtures';

async function doneRows(page: Page): Promise<number[]> {
  await gotoApp(page, '#/progress');
  const out: number[] = [];
  for (const n of LECTURE_NS) if ((await rowStatus(page, n)) === 'done') out.push(n);
  return out;
}

test('marking lecture 3 done survives reload and shows everywhere', async ({ page }) => {
  await gotoApp(page, '#/lecture/3');
  const button = page.getByTestId('mark-done');
  const badge = page.getByTestId('lecture').getByTestId('lecture-status');
  // Opening the lecture already counts as "opened".
  await expect(badge).toHaveText(t('zh', 'status.visited'));
  await expect(button).toHaveAttribute('aria-pressed', 'false');
  await expect(button).toHaveText(t('zh', 'lecture.mark_done'));
  await button.click();
  await expect(button).toHaveAttribute('aria-pressed', 'true');
  await expect(button).toHaveText(t('zh', 'lecture.done'));
  await expect(badge).toHaveText(t('zh', 'status.done'));
  const saved = await savedRecord(page);
  expect(saved).toMatchObject({ app: 'loyalty-lab', version: SCHEMA, lectures: { 3: { visited: true, done: true } } });

  await reloadApp(page);
  await expect(page.getByTestId('mark-done')).toHaveAttribute('aria-pressed', 'true');
  await expect(badge).toHaveText(t('zh', 'status.done'));

  await gotoApp(page, '#/');
  await expect(page.getByTestId('lecture-card-3').getByTestId('lecture-status')).toHaveText(t('zh', 'status.done'));
  await expect(page.getByTestId('lecture-card-3').getByTestId('lecture-status')).toHaveClass(/\bdone\b/);
  for (const n of LECTURE_NS.filter((n) => n !== 3)) {
    await expect(page.getByTestId(`lecture-card-${n}`).getByTestId('lecture-status')).toHaveText(t('zh', 'status.not_started'));
  }
  await expect(page.getByTestId('overall-progress')).toHaveJSProperty('value', 1);
  await expect(page.getByTestId('overall-progress')).toHaveAttribute('max', '12');
  await expect(page.locator('.overall label')).toHaveText(t('zh', 'home.done_count', { done: 1, total: 12 }));

  await gotoApp(page, '#/progress');
  expect(await rowStatus(page, 3)).toBe('done');
  await expect(page.getByTestId('progress-row-3').getByTestId('lecture-status')).toHaveText(t('zh', 'status.done'));
  expect(await rowStatus(page, 1)).toBe('todo');
  await expect(page.getByTestId('progress-summary')).toHaveText(t('zh', 'home.done_count', { done: 1, total: 12 }));
});

test('mark done can be undone', async ({ page }) => {
  await markDone(page, 4);
  const button = page.getByTestId('mark-done');
  await button.click();
  await expect(button).toHaveAttribute('aria-pressed', 'false');
  await reloadApp(page);
  await expect(page.getByTestId('mark-done')).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByTestId('lecture').getByTestId('lecture-status')).toHaveText(t('zh', 'status.visited'));
  await gotoApp(page, '#/');
  await expect(page.getByTestId('overall-progress')).toHaveJSProperty('value', 0);
  await expect(page.getByTestId('lecture-card-4').getByTestId('lecture-status')).toHaveClass(/\bseen\b/);
});

test('"continue" starts at lecture 1, then leads to the last lecture opened', async ({ page }) => {
  await gotoApp(page, '#/');
  const cont = page.getByTestId('continue');
  await expect(cont).toHaveText(t('zh', 'home.start'));
  await expect(page.locator('a.button.primary', { has: cont })).toHaveAttribute('href', /#\/lecture\/1$/);

  await gotoApp(page, '#/lecture/3');
  await gotoApp(page, '#/lecture/9');
  await gotoApp(page, '#/');
  await expect(cont).toHaveText(t('zh', 'home.continue'));
  await expect(page.locator('.hero-actions .sub')).toContainText(COURSE.lectures[8].title.zh);
  await cont.click();
  await expect(page).toHaveURL(/#\/lecture\/9$/);
  await expect(page.getByTestId('lecture').locator('h1')).toContainText(COURSE.lectures[8].title.zh);

  // Opening another lecture (here with the pager) updates it, also after a reload.
  await page.locator('nav.pager a.prev').click();
  await expect(page).toHaveURL(/#\/lecture\/8$/);
  await gotoApp(page, '#/');
  await reloadApp(page);
  await page.getByTestId('continue').click();
  await expect(page).toHaveURL(/#\/lecture\/8$/);
  expect((await savedRecord(page))?.last).toBe('/lecture/8');
});

test('export, reset and import round-trip the progress', async ({ page }) => {
  await markDone(page, 2);
  await markDone(page, 5);
  await markDone(page, 11);
  await gotoApp(page, '#/lecture/7'); // opened, not done
  await gotoApp(page, '#/progress');
  expect(await doneRows(page)).toEqual([2, 5, 11]);
  expect(await rowStatus(page, 7)).toBe('seen');
  const before = await savedRecord(page);

  // Export.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export').click()]);
  const name = download.suggestedFilename();
  expect(name).toMatch(/^loyalty-lab-progress-\d{4}-\d{2}-\d{2}\.json$/);
  const text = await downloadText(download);
  const exported = JSON.parse(text);
  expect(exported.app).toBe('loyalty-lab');
  expect(exported.version).toBe(SCHEMA);
  expect(exported).toEqual(before);
  for (const n of [2, 5, 11]) expect(exported.lectures[n]).toEqual({ visited: true, done: true });
  expect(exported.lectures[7]).toEqual({ visited: true, done: false });
  await expect(page.getByTestId('progress-message')).toHaveText(t('zh', 'progress.exported', { file: name }));

  // Reset (confirmed): progress is gone, a backup is kept.
  await page.getByTestId('reset').click();
  await page.getByTestId('reset-confirm').click();
  await expect(page.getByTestId('reset-confirm')).toHaveCount(0);
  for (const n of LECTURE_NS) expect(await rowStatus(page, n)).toBe('todo');
  await expect(page.getByTestId('progress-summary')).toHaveText(t('zh', 'home.done_count', { done: 0, total: 12 }));
  const afterReset = await savedRecord(page);
  expect(afterReset.lectures ?? {}).toEqual({});
  const kept = await backups(page);
  expect(kept).toHaveLength(1);
  expect(JSON.parse(kept[0][1])).toEqual(before);
  await expect(page.getByTestId('progress-message')).toHaveText(t('zh', 'progress.reset_done_kept', { key: kept[0][0] }));
  await gotoApp(page, '#/');
  await expect(page.getByTestId('overall-progress')).toHaveJSProperty('value', 0);

  // Import the exported file: the same lectures are done again.
  await gotoApp(page, '#/progress');
  await page.getByTestId('import').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(page.getByTestId('progress-message')).toHaveText(t('zh', 'progress.imported', { file: name, done: 3 }));
  await expect(page.getByTestId('progress-message').getByRole('alert')).toHaveCount(0);
  expect(await doneRows(page)).toEqual([2, 5, 11]);
  expect(await rowStatus(page, 7)).toBe('seen');
  expect(await savedRecord(page)).toEqual(before);
  // The reset state was backed up before the import replaced it.
  expect(await backups(page)).toHaveLength(2);

  // And it all survives a reload.
  await reloadApp(page);
  expect(await doneRows(page)).toEqual([2, 5, 11]);
  await gotoApp(page, '#/');
  await expect(page.getByTestId('overall-progress')).toHaveJSProperty('value', 3);
});

test('the same file can be imported twice in a row', async ({ page }) => {
  await gotoApp(page, '#/progress');
  const file = {
    name: 'p.json', mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ app: 'loyalty-lab', version: 2, lectures: { 6: { visited: true, done: true } } })),
  };
  await page.getByTestId('import').setInputFiles(file);
  await expect(page.getByTestId('progress-message')).toHaveText(t('zh', 'progress.imported', { file: 'p.json', done: 1 }));
  expect(await rowStatus(page, 6)).toBe('done');
  await page.getByTestId('progress-row-6').getByRole('link').click();
  await page.getByTestId('mark-done').click();
  await expect(page.getByTestId('mark-done')).toHaveAttribute('aria-pressed', 'false');
  await gotoApp(page, '#/progress');
  expect(await rowStatus(page, 6)).toBe('seen');
  await page.getByTestId('import').setInputFiles(file);
  await expect(page.getByTestId('progress-message')).toHaveText(t('zh', 'progress.imported', { file: 'p.json', done: 1 }));
  expect(await rowStatus(page, 6)).toBe('done');
});

test.describe('invalid imports change nothing and say why', () => {
  const big = JSON.stringify({ app: 'loyalty-lab', version: 2 }).replace('}', ' '.repeat(300 * 1024) + '}');
  const cases: Array<{ what: string; name: string; body: string; why: (lang: 'zh' | 'en') => string }> = [
    { what: 'not JSON', name: 'notes.txt', body: 'this is not json {', why: (l) => t(l, 'decode.not_json') },
    { what: 'another app', name: 'other.json', body: JSON.stringify({ app: 'something-else', version: 2 }), why: (l) => t(l, 'decode.not_ours') },
    { what: 'version 99', name: 'future.json', body: JSON.stringify({ app: 'loyalty-lab', version: 99 }), why: (l) => t(l, 'decode.too_new', { v: 99 }) },
    {
      what: 'lecture 13', name: 'thirteen.json',
      body: JSON.stringify({ app: 'loyalty-lab', version: 2, lectures: { 13: { visited: true, done: true } } }),
      why: (l) => t(l, 'decode.invalid', { detail: 'lecture 13 does not exist' }),
    },
    { what: 'over 256 KB', name: 'huge.json', body: big, why: (l) => t(l, 'decode.too_large', { kb: Math.floor(big.length / 1024), max: 256 }) },
  ];

  for (const lang of ['zh', 'en'] as const) {
    test(`all rejected, previous progress intact (${lang})`, async ({ page }) => {
      await markDone(page, 1);
      await markDone(page, 8);
      await gotoApp(page, `#/progress?lang=${lang}`);
      const raw = await savedRaw(page);
      expect(raw).not.toBeNull();
      const message = page.getByTestId('progress-message');
      for (const c of cases) {
        await page.getByTestId('import').setInputFiles({ name: c.name, mimeType: 'application/json', buffer: Buffer.from(c.body) });
        const alert = message.getByRole('alert');
        await expect(alert, c.what).toContainText(c.why(lang));
        // Nothing changed: stored text, backups, the table.
        expect(await savedRaw(page), c.what).toBe(raw);
        expect(await backups(page), c.what).toEqual([]);
        expect(await doneRows(page), c.what).toEqual([1, 8]);
        expect(await rowStatus(page, 2), c.what).toBe('todo');
      }
      await reloadApp(page);
      expect(await savedRaw(page)).toBe(raw);
      expect(await doneRows(page)).toEqual([1, 8]);
    });
  }

  test('every rejection names the file and says progress is unchanged', async ({ page }) => {
    // Oversized files are refused before reading, with the same wording as
    // every other rejection.
    await gotoApp(page, '#/progress');
    for (const c of cases) {
      await page.getByTestId('import').setInputFiles({ name: c.name, mimeType: 'application/json', buffer: Buffer.from(c.body) });
      await expect(page.getByTestId('progress-message').getByRole('alert'), c.what)
        .toHaveText(t('zh', 'progress.import_failed', { file: c.name, why: c.why('zh') }));
    }
  });

  test('a file of exactly 256 KB is accepted, 256 KB + 1 byte is not', async ({ page }) => {
    await gotoApp(page, '#/progress');
    const base = JSON.stringify({ app: 'loyalty-lab', version: 2, lectures: { 12: { visited: true, done: true } } });
    const pad = (size: number) => base.slice(0, -1) + ' '.repeat(size - base.length) + '}';
    await page.getByTestId('import').setInputFiles({ name: 'over.json', mimeType: 'application/json', buffer: Buffer.from(pad(256 * 1024 + 1)) });
    await expect(page.getByTestId('progress-message').getByRole('alert')).toContainText(t('zh', 'decode.too_large', { kb: 256, max: 256 }));
    expect(await rowStatus(page, 12)).toBe('todo');
    await page.getByTestId('import').setInputFiles({ name: 'exact.json', mimeType: 'application/json', buffer: Buffer.from(pad(256 * 1024)) });
    await expect(page.getByTestId('progress-message')).toHaveText(t('zh', 'progress.imported', { file: 'exact.json', done: 1 }));
    expect(await rowStatus(page, 12)).toBe('done');
  });

  test('impossible values are rejected', async ({ page }) => {
    await markDone(page, 2);
    await gotoApp(page, '#/progress');
    const raw = await savedRaw(page);
    const bad = [
      { app: 'loyalty-lab', version: 2, lectures: { 0: { visited: true } } },
      { app: 'loyalty-lab', version: 2, last: '/progress' },
      { app: 'loyalty-lab', version: 2, surprise: true },
      { app: 'loyalty-lab', version: 2, exercises: { '9-9': { attempts: 1, best: 50, last: 50 } } },
      { app: 'loyalty-lab', version: 2, exercises: { '1-1': { attempts: 1, best: 150, last: 50 } } },
      { app: 'loyalty-lab' },
      { app: 'loyalty-lab', version: 0 },
      [1, 2, 3],
    ];
    for (const [i, body] of bad.entries()) {
      const name = `bad-${i}.json`;
      await page.getByTestId('import').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(body)) });
      await expect(page.getByTestId('progress-message').getByRole('alert'), JSON.stringify(body)).toContainText(name);
      expect(await savedRaw(page), JSON.stringify(body)).toBe(raw);
    }
    expect(await doneRows(page)).toEqual([2]);
  });
});

test('reset asks for confirmation; cancel changes nothing', async ({ page }) => {
  await markDone(page, 6);
  await gotoApp(page, '#/progress');
  const raw = await savedRaw(page);
  await page.getByTestId('reset').click();
  const confirm = page.getByRole('alertdialog');
  await expect(confirm).toBeVisible();
  await expect(confirm).toContainText(t('zh', 'progress.reset_confirm'));
  await expect(page.getByTestId('reset-confirm')).toBeVisible();
  // Nothing happens until confirmed.
  expect(await rowStatus(page, 6)).toBe('done');
  expect(await savedRaw(page)).toBe(raw);
  await confirm.getByRole('button', { name: t('zh', 'progress.reset_no') }).click();
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await expect(page.getByTestId('reset-confirm')).toHaveCount(0);
  await expect(page.getByTestId('reset')).toBeVisible();
  expect(await rowStatus(page, 6)).toBe('done');
  expect(await savedRaw(page)).toBe(raw);
  expect(await backups(page)).toEqual([]);
  await reloadApp(page);
  expect(await rowStatus(page, 6)).toBe('done');
});

test('reset keeps the chosen language', async ({ page }) => {
  await markDone(page, 1);
  await gotoApp(page, '#/progress?lang=en');
  await page.getByTestId('reset').click();
  await page.getByTestId('reset-confirm').click();
  expect(await rowStatus(page, 1)).toBe('todo');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const saved = await savedRecord(page);
  expect(saved.lang).toBe('en');
  await reloadApp(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  expect(await rowStatus(page, 1)).toBe('todo');
});
