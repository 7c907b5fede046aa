// Language: the header switch, the ?lang= parameter, and that the choice is
// remembered (in the saved record) across reloads and navigation.
import {
  test, expect, gotoApp, reloadApp, savedRecord, expectedTitle, t, COURSE,
} from './fixtures';

test('the language switch changes texts and <html lang>, and survives reload', async ({ page }) => {
  await gotoApp(page, '#/');
  const html = page.locator('html');
  const h1 = page.locator('main h1');
  const toggle = page.getByTestId('lang-switch');
  await expect(html).toHaveAttribute('lang', 'zh-CN');
  await expect(h1).toHaveText(t('zh', 'home.title'));
  // The switch is labelled in the language it switches to.
  await expect(toggle).toHaveText(t('en', 'lang.name'));
  await expect(toggle).toHaveAttribute('lang', 'en');
  await expect(toggle).toHaveAccessibleName(t('en', 'lang.switch_label'));

  await toggle.click();
  await expect(html).toHaveAttribute('lang', 'en');
  await expect(h1).toHaveText(t('en', 'home.title'));
  await expect(page).toHaveTitle(expectedTitle('en', '#/'));
  await expect(page.getByTestId('lecture-card-1')).toContainText(COURSE.lectures[0].title.en);
  await expect(toggle).toHaveText(t('zh', 'lang.name'));
  await expect(toggle).toHaveAttribute('lang', 'zh-CN');
  expect((await savedRecord(page))?.lang).toBe('en');

  // Reload with no query: still English.
  expect(page.url()).not.toContain('lang=');
  await reloadApp(page);
  await expect(html).toHaveAttribute('lang', 'en');
  await expect(h1).toHaveText(t('en', 'home.title'));

  // And back to Chinese, also remembered.
  await toggle.click();
  await expect(html).toHaveAttribute('lang', 'zh-CN');
  await expect(h1).toHaveText(t('zh', 'home.title'));
  await reloadApp(page);
  await expect(html).toHaveAttribute('lang', 'zh-CN');
  expect((await savedRecord(page))?.lang).toBe('zh');
});

test('?lang=en keeps English while navigating and on later visits', async ({ page }) => {
  await gotoApp(page, '#/?lang=en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByTestId('lecture-card-6').getByRole('link').first().click();
  await expect(page).toHaveURL(/#\/lecture\/6$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('lecture').locator('h1')).toContainText(COURSE.lectures[5].title.en);
  await expect(page.getByTestId('mark-done')).toHaveText(t('en', 'lecture.mark_done'));
  await page.locator('.site-header nav').getByRole('link', { name: t('en', 'nav.progress') }).click();
  await expect(page.locator('main h1')).toHaveText(t('en', 'progress.title'));
  // A fresh load of another address without the parameter.
  await gotoApp(page, '#/lecture/2');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page).toHaveTitle(expectedTitle('en', '#/lecture/2'));
  // ?lang=zh switches back.
  await gotoApp(page, '#/lecture/2?lang=zh');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page).toHaveTitle(expectedTitle('zh', '#/lecture/2'));
});

test('?lang is case-insensitive', async ({ page }) => {
  await gotoApp(page, '#/?lang=EN');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('notice-params')).toHaveCount(0);
});

test('?lang=xx shows a notice and keeps the previous language', async ({ page }) => {
  // Previous language English.
  await gotoApp(page, '#/?lang=en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await gotoApp(page, '#/lecture/4?lang=xx');
  const notice = page.getByTestId('notice-params');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('lang=xx');
  await expect(notice).toContainText(t('en', 'notice.bad_params', { params: 'lang=xx' }));
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('lecture').locator('h1')).toContainText(COURSE.lectures[3].title.en);
  expect((await savedRecord(page))?.lang).toBe('en');
  // The notice can be dismissed.
  await page.locator('[data-testid=notice]').filter({ has: notice }).getByRole('button', { name: t('en', 'notice.dismiss') }).click();
  await expect(notice).toHaveCount(0);
});

test('?lang=xx on a first visit falls back to Chinese with a notice', async ({ page }) => {
  await gotoApp(page, '#/?lang=xx');
  await expect(page.getByTestId('notice-params')).toContainText(t('zh', 'notice.bad_params', { params: 'lang=xx' }));
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.locator('main h1')).toHaveText(t('zh', 'home.title'));
});

test('?present=maybe is reported and ignored', async ({ page }) => {
  await gotoApp(page, '#/?present=maybe');
  await expect(page.getByTestId('notice-params')).toContainText('present=maybe');
  await expect(page.locator('.site-header')).toBeVisible();
  await expect(page.locator('html')).not.toHaveClass(/\bpresent\b/);
});
