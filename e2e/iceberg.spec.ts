// Complaint iceberg and Heinrich (#/iceberg): the course's 8 / 23 / 69 of
// 1,000, the address as the screen's state, bad input and the shares rule,
// controls in sync, step-through, A/B of two handling policies, workshop tools.
import { test, expect, gotoApp, axeCheck, settledUrl } from './fixtures';

test('defaults reproduce the course: 80 / 230 / 690 of 1,000', async ({ page }) => {
  await gotoApp(page, '#/iceberg');
  await expect(page.getByTestId('iceberg-formal')).toHaveText('80');
  await expect(page.getByTestId('iceberg-grumble')).toHaveText('230');
  await expect(page.getByTestId('iceberg-silent')).toHaveText('690');
  // 0.8 + 12 + 12.96 + 13.8 + 99.36 + 434.7 customers lost.
  await expect(page.getByTestId('iceberg-lost-customers')).toHaveText('573.6');
  await expect(page.getByTestId('iceberg-per-customer')).toHaveText('$26,000');
  await expect(page.getByTestId('iceberg-money')).toHaveText('$14,914,120');
  // 898 unhappy customers tell 11 people each.
  await expect(page.getByTestId('iceberg-hear-bad')).toHaveText('9,878');
  await expect(page.getByTestId('iceberg-heinrich-serious')).toHaveText('1');
  await expect(page.getByTestId('iceberg-heinrich-minor')).toHaveText('29');
  await expect(page.getByTestId('iceberg-heinrich-near')).toHaveText('300');
  await expect(page.getByTestId('iceberg-chart')).toBeVisible();
  await expect(page.getByTestId('iceberg-heinrich-chart')).toBeVisible();
  await expect(page.getByTestId('iceberg-notice')).toHaveCount(0);
  await expect(page.getByTestId('iceberg-rule')).toHaveCount(0);
});

test('parameters in the address apply', async ({ page }) => {
  await gotoApp(page, '#/iceberg?problems=500&formal=0.1&grumble=0.3&silent=0.6&serious=3&lang=en');
  await expect(page.getByTestId('iceberg-formal')).toHaveText('50');
  await expect(page.getByTestId('iceberg-grumble')).toHaveText('150');
  await expect(page.getByTestId('iceberg-silent')).toHaveText('300');
  await expect(page.getByTestId('iceberg-heinrich-minor')).toHaveText('87');
  await expect(page.getByTestId('iceberg-heinrich-near')).toHaveText('900');
  await expect(page.getByTestId('iceberg-problems-field')).toHaveValue('500');
  await expect(page.getByTestId('iceberg-formal-field')).toHaveValue('10');
});

test('garbage in the address falls back to defaults with a notice', async ({ page }) => {
  await gotoApp(page, '#/iceberg?problems=abc&serious=-3&quick=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&compare=1,2');
  await expect(page.getByTestId('iceberg-notice')).toBeVisible();
  await expect(page.getByTestId('iceberg-notice')).toContainText('problems=abc');
  await expect(page.getByTestId('iceberg-notice')).toContainText('<img');
  await expect(page.locator('img')).toHaveCount(0);
  await expect(page.getByTestId('iceberg-formal')).toHaveText('80');
  await expect(page.getByTestId('iceberg-lost-customers')).toHaveText('573.6');
  await expect(page.getByTestId('iceberg-heinrich-serious')).toHaveText('1');
  await expect(page.getByTestId('iceberg-compare')).toHaveCount(0);
});

test('shares that do not add up to 100 % are explained and the defaults kept', async ({ page }) => {
  await gotoApp(page, '#/iceberg?formal=0.1&problems=2000&lang=en');
  await expect(page.getByTestId('iceberg-rule')).toBeVisible();
  await expect(page.getByTestId('iceberg-rule')).toContainText('102%');
  await expect(page.getByTestId('iceberg-rule')).toContainText('100');
  await expect(page.getByTestId('iceberg-notice')).toContainText('formal=0.1');
  // The other parameter applies; the three shares keep 8 / 23 / 69.
  await expect(page.getByTestId('iceberg-formal')).toHaveText('160');
  await expect(page.getByTestId('iceberg-silent')).toHaveText('1,380');
  await gotoApp(page, '#/iceberg?quick=0.8&resolved=0.5&lang=en');
  await expect(page.getByTestId('iceberg-rule')).toContainText('130%');
  await gotoApp(page, '#/iceberg?back_unresolved=0.9&lang=en');
  await expect(page.getByTestId('iceberg-rule')).toBeVisible();
  await expect(page.getByTestId('iceberg-lost-customers')).toHaveText('573.6');
});

test('slider and number field stay in sync, keep the shares at 100 % and write the address', async ({ page }) => {
  await gotoApp(page, '#/iceberg');
  const field = page.getByTestId('iceberg-problems-field');
  await field.fill('2000');
  await expect(page.getByTestId('iceberg-problems-range')).toHaveValue('2000');
  await expect(page.getByTestId('iceberg-formal')).toHaveText('160');
  await expect(page).toHaveURL(/problems=2000/);
  const range = page.getByTestId('iceberg-formal-range');
  await range.focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('iceberg-formal-field')).toHaveValue('9');
  // Silent takes up the difference: 68 % of 2,000.
  await expect(page.getByTestId('iceberg-silent-field')).toHaveValue('68');
  await expect(page.getByTestId('iceberg-formal')).toHaveText('180');
  await expect(page.getByTestId('iceberg-silent')).toHaveText('1,360');
  await expect(page).toHaveURL(/formal=0.09(&|$)/);
  await expect(page.getByTestId('iceberg-rule')).toHaveCount(0);
  const url = await settledUrl(page);
  const other = await page.context().newPage();
  await other.goto(url);
  await expect(other.getByTestId('iceberg-silent')).toHaveText('1,360');
  await other.close();
});

test('a bad typed value is explained and changes nothing', async ({ page }) => {
  await gotoApp(page, '#/iceberg');
  const field = page.getByTestId('iceberg-formal-field');
  for (const bad of ['abc', '150', '-5']) {
    await field.fill(bad);
    await expect(page.locator('.control.invalid [role=alert]')).toBeVisible();
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByTestId('iceberg-formal')).toHaveText('80');
    await expect(page.getByTestId('iceberg-formal-range')).toHaveValue('8');
  }
  await page.getByTestId('iceberg-serious-field').fill('2.5');
  await expect(page.locator('.control.invalid [role=alert]').first()).toBeVisible();
  await expect(page.getByTestId('iceberg-heinrich-serious')).toHaveText('1');
  await page.getByTestId('iceberg-serious-field').fill('4');
  await expect(page.getByTestId('iceberg-heinrich-near')).toHaveText('1,200');
});

test('return rates for a problem over $100 lose more customers', async ({ page }) => {
  await gotoApp(page, '#/iceberg');
  await page.getByTestId('iceberg-rates-major').click();
  await expect(page.getByTestId('iceberg-rates-major')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('iceberg-lost-customers')).toHaveText('838.8');
  await expect(page.getByTestId('iceberg-back-quick-field')).toHaveValue('82');
  await page.getByTestId('iceberg-rates-minor').click();
  await expect(page.getByTestId('iceberg-lost-customers')).toHaveText('573.6');
});

test('step-through tells the story one step at a time by keyboard', async ({ page }) => {
  await gotoApp(page, '#/iceberg?present=1');
  await page.getByTestId('iceberg-step-mode').click();
  await expect(page.getByTestId('iceberg-formal')).toBeVisible();
  await expect(page.getByTestId('iceberg-grumble')).toBeHidden();
  await expect(page.getByTestId('iceberg-step-text')).toContainText('80');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('iceberg-grumble')).toBeVisible();
  await expect(page.getByTestId('iceberg-silent')).toBeVisible();
  await expect(page.getByTestId('iceberg-lost-customers')).toBeHidden();
  await page.keyboard.press('PageDown');
  await expect(page.getByTestId('iceberg-lost-customers')).toBeVisible();
  await expect(page.getByTestId('iceberg-hear-bad')).toBeHidden();
  for (let i = 0; i < 3; i++) await page.keyboard.press('PageDown');
  await expect(page.getByTestId('iceberg-money')).toBeVisible();
  await expect(page.getByTestId('iceberg-heinrich-near')).toBeVisible();
  await expect(page.getByTestId('iceberg-step-text')).toContainText('300');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('iceberg-step-mode')).toHaveAttribute('aria-pressed', 'false');
});

test('A/B: two handling policies compared', async ({ page }) => {
  await gotoApp(page, '#/iceberg?lang=en');
  await page.getByTestId('iceberg-keep-a').click();
  await expect(page.getByTestId('iceberg-compare')).toBeVisible();
  // B solves 80 % of complaints quickly (the rest solved too).
  await page.getByTestId('iceberg-quick-field').fill('80');
  await expect(page.getByTestId('iceberg-resolved-field')).toHaveValue('20');
  const lost = page.getByTestId('iceberg-compare-lost');
  await expect(lost).toContainText('573.6');
  await expect(lost).toContainText('555.9');
  await expect(lost).toContainText('-17.8');
  await expect(page.getByTestId('iceberg-compare')).toContainText('Complaints solved quickly');
  await expect(page).toHaveURL(/compare=1000(,|%2C)0.08(,|%2C)0.23/);
  await page.getByTestId('iceberg-clear-a').first().click();
  await expect(page.getByTestId('iceberg-compare')).toHaveCount(0);
});

test('reset returns every assumption to the course defaults', async ({ page }) => {
  await gotoApp(page, '#/iceberg?problems=90&serious=4');
  await expect(page.getByTestId('iceberg-heinrich-serious')).toHaveText('4');
  await page.getByTestId('iceberg-reset').click();
  await expect(page.getByTestId('iceberg-formal')).toHaveText('80');
  await expect(page.getByTestId('iceberg-problems-field')).toHaveValue('1000');
  await expect(page.getByTestId('iceberg-heinrich-serious')).toHaveText('1');
});

test('lecture 7 links to the model', async ({ page }) => {
  await gotoApp(page, '#/lecture/7');
  await page.locator('a[href="#/iceberg"]').first().click();
  await expect(page.getByTestId('iceberg')).toBeVisible();
});

for (const lang of ['zh', 'en']) {
  test(`axe: no violations on #/iceberg (${lang})`, async ({ page }) => {
    await gotoApp(page, `#/iceberg?lang=${lang}&formal=0.5`);
    await expect(page.getByTestId('iceberg-heinrich-chart')).toBeVisible();
    await page.getByTestId('iceberg-keep-a').click();
    await expect(page.getByTestId('iceberg-compare')).toBeVisible();
    await axeCheck(page, `iceberg ${lang}`);
  });
}

test('axe: no violations on #/iceberg in presentation mode, dark', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await gotoApp(page, '#/iceberg?present=1');
  await expect(page.getByTestId('iceberg-heinrich-chart')).toBeVisible();
  await page.getByTestId('iceberg-step-mode').click();
  await axeCheck(page, 'iceberg present dark');
});

test('@phone #/iceberg fits a 360 px screen', async ({ page }) => {
  await gotoApp(page, '#/iceberg');
  await expect(page.getByTestId('iceberg-heinrich-chart')).toBeVisible();
  const overflow = await page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
