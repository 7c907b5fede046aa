// Presentation mode and keyboard shortcuts.
import { test, expect, gotoApp, reloadApp, t, COURSE, type Page } from './fixtures';

const lectureH1 = (page: Page) => page.getByTestId('lecture').locator('h1');

test.describe('presentation mode', () => {
  test('?present=1 hides the header and footer and sets html.present', async ({ page }) => {
    await gotoApp(page, '#/lecture/2?present=1');
    await expect(page.locator('html')).toHaveClass(/\bpresent\b/);
    await expect(page.locator('.site-header')).toHaveCount(0);
    await expect(page.locator('.site-footer')).toHaveCount(0);
    await expect(page.getByRole('toolbar', { name: t('zh', 'present.toolbar') })).toBeVisible();
    const toggle = page.getByTestId('present-toggle');
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await expect(toggle).toHaveText(t('zh', 'present.exit'));
    await expect(lectureH1(page)).toContainText(COURSE.lectures[1].title.zh);
    // Presentation mode makes text larger.
    const size = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    expect(size).toBeGreaterThan(16);
  });

  test('?present=0 turns it off', async ({ page }) => {
    await gotoApp(page, '#/?present=1');
    await expect(page.locator('html')).toHaveClass(/\bpresent\b/);
    await page.goto('/#/?present=0');
    await expect(page.locator('.site-header')).toBeVisible();
    await expect(page.locator('html')).not.toHaveClass(/\bpresent\b/);
  });

  test('the present toggle enters and leaves presentation mode', async ({ page }) => {
    await gotoApp(page, '#/');
    const html = page.locator('html');
    const toggle = page.getByTestId('present-toggle');
    await expect(html).not.toHaveClass(/\bpresent\b/);
    await expect(page.locator('.site-header')).toBeVisible();
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await expect(toggle).toHaveText(t('zh', 'present.enter'));
    await toggle.click();
    await expect(html).toHaveClass(/\bpresent\b/);
    await expect(page.locator('.site-header')).toHaveCount(0);
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await toggle.click();
    await expect(html).not.toHaveClass(/\bpresent\b/);
    await expect(page.locator('.site-header')).toBeVisible();
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  });

  test('presentation mode stays on while moving between lectures', async ({ page }) => {
    await gotoApp(page, '#/lecture/1?present=1');
    await page.locator('nav.pager a.next').click();
    await expect(lectureH1(page)).toContainText(COURSE.lectures[1].title.zh);
    await expect(page.locator('html')).toHaveClass(/\bpresent\b/);
    await expect(page.locator('.site-header')).toHaveCount(0);
  });
});

test.describe('keyboard shortcuts', () => {
  test('? opens the shortcut list, Escape closes it, and it opens again', async ({ page }) => {
    await gotoApp(page, '#/');
    const dialog = page.getByTestId('shortcuts');
    await expect(dialog).toBeHidden();
    await page.keyboard.press('?');
    await expect(dialog).toBeVisible();
    await expect(dialog).toHaveJSProperty('open', true);
    await expect(page.getByRole('dialog', { name: t('zh', 'help.title') })).toBeVisible();
    await expect(dialog.locator('kbd')).toHaveText(['?', 'P', 'L', 'H', '← →', 'PgUp PgDn', 'S', '→ ← Home End', 'R', 'Esc']);
    for (const key of ['help.key_help', 'help.key_present', 'help.key_lang', 'help.key_home', 'help.key_lectures']) {
      await expect(dialog).toContainText(t('zh', key));
    }
    // Focus goes into the dialog; shortcuts do not fire behind it.
    await expect(dialog.getByRole('button', { name: t('zh', 'help.close') })).toBeFocused();
    await page.keyboard.press('p');
    await expect(page.locator('html')).not.toHaveClass(/\bpresent\b/);

    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await page.keyboard.press('?');
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: t('zh', 'help.close') }).click();
    await expect(dialog).toBeHidden();
  });

  test('the footer and presentation-bar buttons open the shortcut list', async ({ page }) => {
    await gotoApp(page, '#/?lang=en');
    const dialog = page.getByTestId('shortcuts');
    await page.locator('.site-footer').getByRole('button', { name: t('en', 'help.open') }).click();
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(t('en', 'help.key_present'));
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await page.getByTestId('present-toggle').click();
    await page.getByRole('toolbar').getByRole('button', { name: t('en', 'help.open') }).click();
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  });

  test('p toggles presentation mode', async ({ page }) => {
    await gotoApp(page, '#/lecture/3');
    await page.keyboard.press('p');
    await expect(page.locator('html')).toHaveClass(/\bpresent\b/);
    await expect(page.locator('.site-header')).toHaveCount(0);
    await page.keyboard.press('P');
    await expect(page.locator('html')).not.toHaveClass(/\bpresent\b/);
    await expect(page.locator('.site-header')).toBeVisible();
  });

  test('l toggles the language', async ({ page }) => {
    await gotoApp(page, '#/lecture/3');
    await page.keyboard.press('l');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(lectureH1(page)).toContainText(COURSE.lectures[2].title.en);
    await page.keyboard.press('l');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(lectureH1(page)).toContainText(COURSE.lectures[2].title.zh);
  });

  test('arrow keys move between lectures, h goes home', async ({ page }) => {
    await gotoApp(page, '#/lecture/1');
    await page.keyboard.press('ArrowLeft'); // no lecture 0: nothing happens
    await expect(page).toHaveURL(/#\/lecture\/1$/);
    await page.keyboard.press('ArrowRight');
    await expect(page).toHaveURL(/#\/lecture\/2$/);
    await expect(lectureH1(page)).toContainText(COURSE.lectures[1].title.zh);
    await page.keyboard.press('ArrowRight');
    await expect(page).toHaveURL(/#\/lecture\/3$/);
    await expect(lectureH1(page)).toContainText(COURSE.lectures[2].title.zh);
    await page.keyboard.press('ArrowLeft');
    await expect(page).toHaveURL(/#\/lecture\/2$/);
    await expect(lectureH1(page)).toContainText(COURSE.lectures[1].title.zh);
    // Focus moved to the page content on navigation.
    await expect(page.locator('main#main')).toBeFocused();
    await page.keyboard.press('h');
    await expect(page.locator('[data-testid^=lecture-card-]')).toHaveCount(12);
    // Arrows do nothing on the course map.
    await page.keyboard.press('ArrowRight');
    await expect(page.locator('[data-testid^=lecture-card-]')).toHaveCount(12);
    await expect(page.getByTestId('lecture')).toHaveCount(0);
  });

  test('ArrowRight stops at lecture 12', async ({ page }) => {
    await gotoApp(page, '#/lecture/12');
    await page.keyboard.press('ArrowRight');
    await expect(lectureH1(page)).toContainText(COURSE.lectures[11].title.zh);
    await expect(page).toHaveURL(/#\/lecture\/12$/);
    await expect(page.getByTestId('not-found')).toHaveCount(0);
  });

  test('PageDown/PageUp turn lectures only in presentation mode', async ({ page }) => {
    await gotoApp(page, '#/lecture/5');
    await page.keyboard.press('PageDown');
    await expect(page).toHaveURL(/#\/lecture\/5$/);
    await gotoApp(page, '#/lecture/5?present=1');
    await page.keyboard.press('PageDown');
    await expect(page).toHaveURL(/#\/lecture\/6$/);
    await expect(lectureH1(page)).toContainText(COURSE.lectures[5].title.zh);
    await page.keyboard.press('PageUp');
    await page.keyboard.press('PageUp');
    await expect(page).toHaveURL(/#\/lecture\/4$/);
    await expect(lectureH1(page)).toContainText(COURSE.lectures[3].title.zh);
    await expect(page.locator('html')).toHaveClass(/\bpresent\b/);
  });

  test('keys with Ctrl, Meta or Alt are not shortcuts', async ({ page }) => {
    await gotoApp(page, '#/lecture/7');
    await page.keyboard.press('Control+ArrowRight');
    await page.keyboard.press('Alt+l');
    await page.keyboard.press('Meta+p');
    await page.keyboard.press('Control+h');
    // Give any wrongly handled key time to act.
    await page.waitForTimeout(300);
    await expect(page).toHaveURL(/#\/lecture\/7$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.locator('html')).not.toHaveClass(/\bpresent\b/);
    await expect(page.getByTestId('shortcuts')).toBeHidden();
  });

  test('shortcuts are ignored while typing in a form field', async ({ page }) => {
    await gotoApp(page, '#/progress');
    const input = page.getByTestId('import');
    await input.focus();
    await expect(input).toBeFocused();
    for (const key of ['l', 'p', 'h', '?']) await page.keyboard.press(key);
    await page.waitForTimeout(300);
    await expect(page).toHaveURL(/#\/progress$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.locator('html')).not.toHaveClass(/\bpresent\b/);
    await expect(page.getByTestId('shortcuts')).toBeHidden();
    // An input added to the page (as future screens will have) is respected too.
    await page.evaluate(() => {
      const el = document.createElement('input');
      el.type = 'text';
      el.id = 'e2e-typing';
      el.setAttribute('aria-label', 'typing test');
      document.querySelector('main')!.appendChild(el);
    });
    await page.locator('#e2e-typing').focus();
    await page.keyboard.type('lph?');
    await expect(page.locator('#e2e-typing')).toHaveValue('lph?');
    await expect(page).toHaveURL(/#\/progress$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByTestId('shortcuts')).toBeHidden();
    // Once focus leaves the field, the shortcuts work again.
    await page.locator('main h1').click();
    await page.keyboard.press('l');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });

  test('the language chosen with l survives a reload of a lecture', async ({ page }) => {
    await gotoApp(page, '#/lecture/8');
    await page.keyboard.press('l');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await reloadApp(page);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(lectureH1(page)).toContainText(COURSE.lectures[7].title.en);
  });
});

test('handled shortcut keys cancel the browser default and log nothing', async ({ page }) => {
  // Regression test: app.rs once registered the keydown listener as passive
  // (gloo EventListener::new), so prevent_default() was ignored and Chromium
  // logged "Unable to preventDefault inside passive event listener
  // invocation." on every shortcut. The guard fixture fails on that message.
  await gotoApp(page, '#/lecture/1');
  await page.evaluate(() => {
    (window as any).__keys = [];
    window.addEventListener('keydown', (e) => (window as any).__keys.push([e.key, e.defaultPrevented]));
  });
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/#\/lecture\/2$/);
  await page.keyboard.press('x'); // not a shortcut: left alone
  await page.keyboard.press('p');
  await expect(page.locator('html')).toHaveClass(/\bpresent\b/);
  await page.keyboard.press('PageDown');
  await expect(page).toHaveURL(/#\/lecture\/3$/);
  const keys = await page.evaluate(() => (window as any).__keys);
  expect(keys).toEqual([['ArrowRight', true], ['x', false], ['p', true], ['PageDown', true]]);
});
