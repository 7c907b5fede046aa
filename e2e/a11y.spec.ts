// axe-core (WCAG 2.0/2.1/2.2 A and AA rules) finds nothing on every screen, in
// both languages, in presentation mode, with the dark colour scheme, and in
// the states the trainee reaches by interacting (notices, dialogs, messages).
import {
  test, expect, gotoApp, axeCheck, withQuery, seedStorage, markDone, t,
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
    // Opened with the footer button (the "?" key is covered in present.spec.ts).
    await page.locator('.site-footer button[aria-keyshortcuts="?"]').click();
    await expect(page.getByTestId('shortcuts')).toBeVisible();
    await axeCheck(page, 'shortcuts dialog');
    await page.getByRole('button', { name: t('zh', 'help.close') }).click();
    await expect(page.getByTestId('shortcuts')).toBeHidden();
    await page.getByTestId('present-toggle').click();
    await page.getByRole('toolbar').getByRole('button', { name: t('zh', 'help.open') }).click();
    await expect(page.getByTestId('shortcuts')).toBeVisible();
    await page.emulateMedia({ colorScheme: 'dark' });
    await axeCheck(page, 'shortcuts dialog (present, dark)');
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

test.describe('keyboard use', () => {
  test('the skip link is the first stop and moves focus to the content', async ({ page }) => {
    await gotoApp(page, '#/lecture/2?lang=en');
    await page.keyboard.press('Tab');
    const skip = page.locator('.skip-link');
    await expect(skip).toBeFocused();
    await expect(skip).toHaveText(t('en', 'nav.skip'));
    await expect(skip).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(page.locator('main#main')).toBeFocused();
    // The next Tab stop is inside the content, past the header.
    await page.keyboard.press('Tab');
    await expect(page.locator('main#main :focus')).toHaveCount(1);
  });

  test('a lecture can be marked done and the progress page reached with the keyboard only', async ({ page }) => {
    await gotoApp(page, '#/lecture/9');
    await page.getByTestId('mark-done').focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('mark-done')).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByTestId('mark-done')).toBeFocused();
    await page.keyboard.press('Space');
    await expect(page.getByTestId('mark-done')).toHaveAttribute('aria-pressed', 'false');
    await page.locator('.site-header nav a[href="#/progress"]').focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('main h1')).toHaveText(t('zh', 'progress.title'));
    await expect(page.locator('main#main')).toBeFocused();
  });

  test('closing the shortcut list returns focus to the button that opened it', async ({ page }) => {
    await gotoApp(page, '#/');
    const opener = page.locator('.site-footer button[aria-keyshortcuts="?"]');
    await opener.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('shortcuts')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('shortcuts')).toBeHidden();
    await expect(opener).toBeFocused();
  });

  test('reset confirmation moves focus to Cancel', async ({ page }) => {
    await gotoApp(page, '#/progress');
    await page.getByTestId('reset').focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('alertdialog').getByRole('button', { name: t('zh', 'progress.reset_no') })).toBeFocused();
  });

  test('focus is not lost when entering or leaving presentation mode', async ({ page }) => {
    // The header and the presentation bar have separate toggles: focus must
    // move to the one now on screen (WCAG 2.4.3).
    await gotoApp(page, '#/');
    await page.getByTestId('present-toggle').focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('html')).toHaveClass(/\bpresent\b/);
    await expect(page.getByTestId('present-toggle')).toBeFocused({ timeout: 1000 });
    await page.keyboard.press('Enter');
    await expect(page.locator('html')).not.toHaveClass(/\bpresent\b/);
    await expect(page.getByTestId('present-toggle')).toBeFocused({ timeout: 1000 });
  });

  test('focus is not lost when the reset confirmation closes', async ({ page }) => {
    // Cancel and "Yes, erase" close the confirmation: focus must return to
    // the reset button, not fall to <body> (WCAG 2.4.3).
    await gotoApp(page, '#/progress');
    await page.getByTestId('reset').focus();
    await page.keyboard.press('Enter');
    const cancel = page.getByRole('alertdialog').getByRole('button', { name: t('zh', 'progress.reset_no') });
    await expect(cancel).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('alertdialog')).toHaveCount(0);
    await expect(page.getByTestId('reset')).toBeVisible();
    const focused = await page.evaluate(() => document.activeElement?.tagName);
    expect(focused, 'focus after Cancel').not.toBe('BODY');
  });
});
