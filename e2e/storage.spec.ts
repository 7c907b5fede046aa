// What the app does with unusable, newer or older saved data: it still
// starts, keeps the original text in a backup, explains, offers an export, and
// only overwrites the record once the trainee has made new progress.
import {
  test, expect, gotoApp, reloadApp, seedStorage, savedRaw, savedRecord, backups,
  downloadText, markDone, rowStatus, t, BACKUP_PREFIX, type Page, SCHEMA } from './fixtures';

async function expectCourseMap(page: Page) {
  await expect(page.locator('[data-testid^=lecture-card-]')).toHaveCount(12);
  await expect(page.locator('#recovery')).toBeHidden();
}

test('corrupted saved data: app starts, keeps a backup, explains, exports it', async ({ page }) => {
  const raw = '{not json';
  await seedStorage(page, raw);
  await gotoApp(page, '#/');
  await expectCourseMap(page);
  const notice = page.getByTestId('notice-damaged');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText(t('zh', 'notice.damaged_title'));
  await expect(notice).toContainText(t('zh', 'decode.not_json'));
  // The notice is an alert (a warning).
  await expect(page.locator('[data-testid=notice]', { has: notice })).toHaveAttribute('role', 'alert');

  const kept = await backups(page);
  expect(kept).toHaveLength(1);
  expect(kept[0][0].startsWith(BACKUP_PREFIX)).toBe(true);
  expect(kept[0][1]).toBe(raw);
  await expect(notice).toContainText(t('zh', 'notice.damaged_kept', { key: kept[0][0] }));
  // Nothing overwritten yet; the app starts with empty progress.
  expect(await savedRaw(page)).toBe(raw);
  await expect(page.getByTestId('overall-progress')).toHaveJSProperty('value', 0);

  // "Export the original data" downloads the exact raw text.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-damaged').click()]);
  expect(download.suggestedFilename()).toMatch(/^loyalty-lab-unreadable-\d{4}-\d{2}-\d{2}\.json$/);
  expect(await downloadText(download)).toBe(raw);

  // New progress is saved normally, and the backup stays.
  await markDone(page, 2);
  const saved = await savedRecord(page);
  expect(saved).toMatchObject({ app: 'loyalty-lab', version: SCHEMA, lectures: { 2: { visited: true, done: true } } });
  expect((await backups(page)).map(([, v]) => v)).toContain(raw);
  await reloadApp(page);
  await expect(page.getByTestId('notice-damaged')).toHaveCount(0);
  await expect(page.getByTestId('mark-done')).toHaveAttribute('aria-pressed', 'true');
});

test('corrupted saved data set before a reload is handled the same way', async ({ page }) => {
  await gotoApp(page, '#/lecture/1');
  await page.evaluate(() => localStorage.setItem('loyalty-lab', '\u0000garbage\u{1F600}'));
  await reloadApp(page);
  await expect(page.getByTestId('notice-damaged')).toBeVisible();
  await expect(page.getByTestId('lecture')).toBeVisible();
  const kept = await backups(page);
  expect(kept.map(([, v]) => v)).toEqual(['\u0000garbage\u{1F600}']);
});

test('damaged-data notice is explained in English too, and can be dismissed', async ({ page }) => {
  await seedStorage(page, '[]');
  await gotoApp(page, '#/?lang=en');
  const notice = page.getByTestId('notice-damaged');
  await expect(notice).toContainText(t('en', 'notice.damaged_title'));
  await expect(notice).toContainText(t('en', 'decode.not_ours'));
  await page.locator('[data-testid=notice]', { has: notice }).getByRole('button', { name: t('en', 'notice.dismiss') }).click();
  await expect(notice).toHaveCount(0);
  await expectCourseMap(page);
});

test('a record from a newer version is kept in a backup and explained', async ({ page }) => {
  const raw = '{"app":"loyalty-lab","version":9}';
  await seedStorage(page, raw);
  await gotoApp(page, '#/');
  await expectCourseMap(page);
  const notice = page.getByTestId('notice-damaged');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText(t('zh', 'decode.too_new', { v: 9 }));
  const kept = await backups(page);
  expect(kept).toHaveLength(1);
  expect(kept[0][1]).toBe(raw);
  await expect(notice).toContainText(kept[0][0]);
  expect(await savedRaw(page)).toBe(raw);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-damaged').click()]);
  expect(await downloadText(download)).toBe(raw);
  // Making progress replaces the record; the newer data survives in the backup.
  await markDone(page, 1);
  expect((await savedRecord(page)).version).toBe(SCHEMA);
  expect((await backups(page)).map(([, v]) => v)).toContain(raw);
});

test('a schema-1 record is migrated, with an info notice and a backup', async ({ page }) => {
  const raw = '{"app":"loyalty-lab","version":1,"lang":"en","visited":[2],"done":[2]}';
  await seedStorage(page, raw);
  await gotoApp(page, '#/');
  await expectCourseMap(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('main h1')).toHaveText(t('en', 'home.title'));
  await expect(page.getByTestId('notice-damaged')).toHaveCount(0);
  const info = page.locator('[data-testid=notice].info');
  await expect(info).toHaveCount(1);
  await expect(info).toHaveAttribute('role', 'status');
  await expect(info).toContainText(t('en', 'notice.migrated', { v: 1 }));
  await expect(page.getByTestId('lecture-card-2').getByTestId('lecture-status')).toHaveText(t('en', 'status.done'));
  await expect(page.getByTestId('overall-progress')).toHaveJSProperty('value', 1);
  expect((await backups(page)).map(([, v]) => v)).toEqual([raw]);

  await gotoApp(page, '#/progress');
  expect(await rowStatus(page, 2)).toBe('done');
  // New progress is written in the current schema.
  await markDone(page, 3);
  const saved = await savedRecord(page);
  expect(saved).toMatchObject({ app: 'loyalty-lab', version: SCHEMA, lang: 'en', lectures: { 2: { done: true }, 3: { done: true } } });
  await reloadApp(page);
  await expect(page.locator('[data-testid=notice].info')).toHaveCount(0);
  await gotoApp(page, '#/progress');
  expect(await rowStatus(page, 2)).toBe('done');
  expect(await rowStatus(page, 3)).toBe('done');
});

test('at most five backups are kept', async ({ page }) => {
  await markDone(page, 1);
  await gotoApp(page, '#/progress');
  for (let i = 0; i < 7; i++) {
    await page.getByTestId('reset').click();
    await page.getByTestId('reset-confirm').click();
    await expect(page.getByTestId('progress-message')).toContainText(BACKUP_PREFIX);
  }
  const kept = await backups(page);
  expect(kept).toHaveLength(5);
  const stamps = kept.map(([k]) => Number(k.slice(BACKUP_PREFIX.length)));
  expect(new Set(stamps).size).toBe(5);
  expect(stamps.every(Number.isFinite)).toBe(true);
});

test('an empty or blank record is a fresh start, with no notice', async ({ page }) => {
  await seedStorage(page, '   ');
  await gotoApp(page, '#/');
  await expectCourseMap(page);
  await expect(page.locator('[data-testid=notice]')).toHaveCount(0);
  expect(await backups(page)).toEqual([]);
});

test('in normal use there are no notices and the recovery panel is hidden', async ({ page }) => {
  await gotoApp(page, '#/');
  await markDone(page, 1);
  for (const hash of ['#/', '#/lecture/1', '#/progress']) {
    await gotoApp(page, hash);
    await expect(page.locator('#recovery')).toBeHidden();
    await expect(page.locator('#app')).toBeVisible();
    await expect(page.locator('[data-testid=notice]')).toHaveCount(0);
  }
  await reloadApp(page);
  await expect(page.locator('#recovery')).toBeHidden();
  expect(await backups(page)).toEqual([]);
});

test('when the browser refuses to save, the app says so and keeps working', async ({ page }) => {
  await page.addInitScript(() => {
    const real = Storage.prototype.setItem;
    Storage.prototype.setItem = function (this: Storage, k: string, v: string) {
      if (this === window.localStorage) throw new DOMException('full', 'QuotaExceededError');
      return real.call(this, k, v);
    };
  });
  await gotoApp(page, '#/lecture/2');
  const notice = page.getByTestId('notice-cannot-save');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText(t('zh', 'notice.cannot_save'));
  await page.getByTestId('mark-done').click();
  await expect(page.getByTestId('mark-done')).toHaveAttribute('aria-pressed', 'true');
  expect(await savedRaw(page)).toBeNull();
  // Only one such notice, however many saves fail.
  await page.locator('nav.pager a.next').click();
  await expect(page).toHaveURL(/#\/lecture\/3$/);
  await page.getByTestId('mark-done').click();
  await expect(page.getByTestId('mark-done')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('notice-cannot-save')).toHaveCount(1);
  expect(await savedRaw(page)).toBeNull();
});

test('unreadable data that cannot be backed up is never overwritten', async ({ page }) => {
  const raw = '{not json';
  await seedStorage(page, raw);
  await page.addInitScript((prefix) => {
    const real = Storage.prototype.setItem;
    Storage.prototype.setItem = function (this: Storage, k: string, v: string) {
      if (k.startsWith(prefix)) throw new DOMException('full', 'QuotaExceededError');
      return real.call(this, k, v);
    };
  }, BACKUP_PREFIX);
  await gotoApp(page, '#/lecture/3');
  const notice = page.getByTestId('notice-damaged');
  await expect(notice).toContainText(t('zh', 'notice.damaged_not_kept'));
  await expect(page.getByTestId('notice-cannot-save')).toBeVisible();
  await page.getByTestId('mark-done').click();
  await expect(page.getByTestId('mark-done')).toHaveAttribute('aria-pressed', 'true');
  expect(await savedRaw(page)).toBe(raw);
  expect(await backups(page)).toEqual([]);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-damaged').click()]);
  expect(await downloadText(download)).toBe(raw);
});
