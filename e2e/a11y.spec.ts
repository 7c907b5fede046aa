// axe-core (WCAG 2.0/2.1/2.2 A and AA rules) finds nothing on every screen, in
// both languages, in presentation mode, with the dark colour scheme, and in
// the states the trainee reaches by interacting (notices, dialogs, messages).
import {
  test, expect, gotoApp, axeCheck, withQuery, seedStorage, markDone,
  ROUTES, NOT_FOUND_ROUTES, type Lang,
} from './fixtures';

const LANGS: Lang[] = ['zh', 'en'];

for (const lang of LANGS) {
  test.describe(`axe in ${lang}`, () => {
    for (const hash of [...ROUTES, ...NOT_FOUND_ROUTES]) {
      test(`${hash} (${lang})`, async ({ page }) => {
        await gotoApp(page, withQuery(hash, `lang=${lang}`));
        await axeCheck(page, `${hash} ${lang}`);
      });
    }
  });
}

test.describe('axe in presentation mode', () => {
  for (const hash of ['#/', '#/lecture/2', '#/progress']) {
    for (const lang of LANGS) {
      test(`${hash} present=1 (${lang})`, async ({ page }) => {
        await gotoApp(page, withQuery(hash, `present=1&lang=${lang}`));
        await expect(page.locator('html')).toHaveClass(/\bpresent\b/);
        await axeCheck(page, `${hash} present ${lang}`);
      });
    }
  }
});

test.describe('axe with the dark colour scheme', () => {
  for (const hash of ['#/', '#/lecture/1', '#/progress']) {
    for (const lang of LANGS) {
      test(`${hash} dark (${lang})`, async ({ page }) => {
        await page.emulateMedia({ colorScheme: 'dark' });
        await gotoApp(page, withQuery(hash, `lang=${lang}`));
        expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
        await axeCheck(page, `${hash} dark ${lang}`);
      });
    }
  }
  test('#/lecture/3 dark, presentation mode, done', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await markDone(page, 3);
    await gotoApp(page, '#/lecture/3?present=1');
    await axeCheck(page, 'lecture 3 dark present done');
  });
});

test.describe('axe in interactive states', () => {
  test('course map and progress page with progress (badges of every kind)', async ({ page }) => {
    await markDone(page, 1);
    await gotoApp(page, '#/lecture/2');
    await gotoApp(page, '#/');
    await axeCheck(page, 'course map with progress');
    await page.emulateMedia({ colorScheme: 'dark' });
    await axeCheck(page, 'course map with progress (dark)');
    await page.emulateMedia({ colorScheme: 'light' });
    await gotoApp(page, '#/progress');
    await axeCheck(page, 'progress with progress');
  });

  test('shortcut dialog open', async ({ page }) => {
    await gotoApp(page, '#/lecture/1');
    await page.keyboard.press('?');
    await expect(page.getByTestId('shortcuts')).toBeVisible();
    await axeCheck(page, 'shortcuts dialog');
  });

  test('notices: bad parameters and damaged storage', async ({ page }) => {
    await seedStorage(page, '{not json');
    await gotoApp(page, '#/?lang=xx');
    await expect(page.getByTestId('notice-damaged')).toBeVisible();
    await expect(page.getByTestId('notice-params')).toBeVisible();
    await axeCheck(page, 'notices (light)');
    await page.emulateMedia({ colorScheme: 'dark' });
    await axeCheck(page, 'notices (dark)');
  });

  test('progress page: reset confirmation and messages', async ({ page }) => {
    await markDone(page, 1);
    await gotoApp(page, '#/progress');
    await page.getByTestId('reset').click();
    await expect(page.getByTestId('reset-confirm')).toBeVisible();
    await axeCheck(page, 'reset confirmation');
    await page.getByTestId('reset-confirm').click();
    await expect(page.getByTestId('progress-message')).not.toBeEmpty();
    await axeCheck(page, 'reset message');
    await page.getByTestId('import').setInputFiles({
      name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('nope'),
    });
    await expect(page.getByTestId('progress-message').getByRole('alert')).toBeVisible();
    await axeCheck(page, 'import error message');
    await page.emulateMedia({ colorScheme: 'dark' });
    await axeCheck(page, 'import error message (dark)');
  });
});
