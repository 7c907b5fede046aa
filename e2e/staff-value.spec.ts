// What a member of staff is worth over time (#/staff-value, lecture 3, 图2-1;
// lecture 1's 15–40 % turnover): one person's output and cumulative value by
// month of tenure, the break-even month, a veteran against a newcomer, and
// the yearly cost of turnover for a team of N; the address as the screen's
// state, bad input, step-through, tools, axe in zh and en.
import { test, expect, gotoApp, axeCheck, settledUrl } from './fixtures';

test('defaults: break-even in month 21, the risky months cost, turnover costs a team of 20 over a million', async ({ page }) => {
  await gotoApp(page, '#/staff-value?lang=en');
  await expect(page.getByTestId('staff-breakeven-month')).toHaveText('21');
  await expect(page.getByTestId('staff-risky-value')).toHaveText('-¥29,888');
  await expect(page.getByTestId('staff-value-36')).toHaveText('¥107,300');
  await expect(page.getByTestId('staff-leavers')).toHaveText('5');
  await expect(page.getByTestId('staff-per-post')).toHaveText('¥230,922');
  await expect(page.getByTestId('staff-turnover-cost')).toHaveText('¥1,154,610');
  await expect(page.getByTestId('staff-turnover-share')).toHaveText('32%');
  await expect(page.getByTestId('staff-range-15')).toHaveText('¥692,766');
  await expect(page.getByTestId('staff-range-40')).toHaveText('¥1,847,376');
  await expect(page.getByTestId('staff-veteran-gap')).toHaveText('¥135,385');
  // The chart, described in words, and every month as a table.
  const chart = page.getByTestId('staff-chart');
  await expect(chart).toBeVisible();
  await expect(chart.locator('desc')).toContainText('break-even in month 21');
  await expect(page.getByTestId('staff-table').locator('tbody tr')).toHaveCount(37);
  await expect(page.getByTestId('staff-row-0')).toContainText('-¥13,000');
  await expect(page.getByTestId('staff-row-1')).toContainText('training');
  await expect(page.getByTestId('staff-row-3')).toContainText('risky');
  await expect(page.getByTestId('staff-row-21')).toHaveClass(/current/);
  await expect(page.getByTestId('staff-notice')).toHaveCount(0);
});

test('parameters in the address apply', async ({ page }) => {
  await gotoApp(page, '#/staff-value?train_months=4&pay=7000&team=40&turnover=0.15&lang=en');
  await expect(page.getByTestId('staff-train-months-field')).toHaveValue('4');
  await expect(page.getByTestId('staff-turnover-field')).toHaveValue('15');
  await expect(page.getByTestId('staff-breakeven-month')).toHaveText('30');
  await expect(page.getByTestId('staff-risky-value')).toHaveText('-¥34,000');
  await expect(page.getByTestId('staff-leavers')).toHaveText('6');
  await expect(page.getByTestId('staff-turnover-cost')).toHaveText('¥1,553,551');
  await expect(page.getByTestId('staff-range-15')).toHaveText('¥1,553,551');
});

test('a ramp too slow never breaks even within 36 months', async ({ page }) => {
  await gotoApp(page, '#/staff-value?train_months=12&half=36');
  await expect(page.getByTestId('staff-breakeven-month')).toHaveText('36 个月内收不回');
  await expect(page.getByTestId('staff-value-36')).toHaveText('-¥154,515');
  await expect(page.getByTestId('staff-chart').locator('.marker')).toHaveCount(0);
});

test('garbage in the address falls back to defaults with a notice', async ({ page }) => {
  await gotoApp(page, '#/staff-value?pay=abc&turnover=2&team=2.5&half=0&hire=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&early=0&lang=en');
  const notice = page.getByTestId('staff-notice');
  await expect(notice).toBeVisible();
  for (const bad of ['pay=abc', 'turnover=2', 'team=2.5', 'half=0', '<img']) {
    await expect(notice).toContainText(bad);
  }
  await expect(page.locator('img')).toHaveCount(0);
  await expect(page.getByTestId('staff-pay-field')).toHaveValue('6000');
  await expect(page.getByTestId('staff-team-field')).toHaveValue('20');
  await expect(page.getByTestId('staff-breakeven-month')).toHaveText('21');
  // The valid value applies: nobody leaves early, one hire a post.
  await expect(page.getByTestId('staff-per-post')).toHaveText('¥216,700');
  await expect(page.getByTestId('staff-turnover-cost')).toHaveText('¥1,083,500');
});

test('slider and field stay in sync, the results follow, the address is written', async ({ page }) => {
  await gotoApp(page, '#/staff-value?lang=en');
  await page.getByTestId('staff-team-field').fill('40');
  await expect(page.getByTestId('staff-team-range')).toHaveValue('40');
  await expect(page.getByTestId('staff-turnover-cost')).toHaveText('¥2,309,221');
  await expect(page).toHaveURL(/team=40(&|$)/);
  await page.getByTestId('staff-pay-field').fill('8000');
  await expect(page.getByTestId('staff-pay-range')).toHaveValue('8000');
  await expect(page.getByTestId('staff-breakeven-month')).toHaveText('30');
  const range = page.getByTestId('staff-pay-range');
  await range.focus();
  for (let i = 0; i < 21; i++) await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('staff-pay-field')).toHaveValue('5900');
  await expect(page.getByTestId('staff-risky-value')).toHaveText('-¥29,588');
  await expect(page.getByTestId('staff-breakeven-month')).toHaveText('21');
  await expect(page).toHaveURL(/pay=5900(&|$)/);
  const url = await settledUrl(page);
  const other = await page.context().newPage();
  await other.goto(url);
  await expect(other.getByTestId('staff-value-36')).toHaveText('¥110,900');
  await expect(other.getByTestId('staff-turnover-cost')).toHaveText('¥2,309,221');
  await other.close();
});

test('a bad typed value is explained and changes nothing', async ({ page }) => {
  await gotoApp(page, '#/staff-value');
  const field = page.getByTestId('staff-turnover-field');
  for (const bad of ['abc', '-5', '95']) {
    await field.fill(bad);
    await expect(page.locator('.control.invalid [role=alert]')).toBeVisible();
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByTestId('staff-turnover-cost')).toHaveText('¥1,154,610');
  }
  await page.getByTestId('staff-train-months-field').fill('2.5');
  await expect(page.getByTestId('staff-train-months-field')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('staff-breakeven-month')).toHaveText('21');
});

test('step-through tells the story one step at a time by keyboard', async ({ page }) => {
  await gotoApp(page, '#/staff-value?present=1&lang=en');
  await page.getByTestId('staff-step-mode').click();
  await expect(page.getByTestId('staff-risky-value')).toBeVisible();
  await expect(page.getByTestId('staff-breakeven-month')).toBeHidden();
  await expect(page.getByTestId('staff-step-text')).toContainText('-¥29,888');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('staff-breakeven-month')).toBeVisible();
  await expect(page.getByTestId('staff-veteran-gap')).toBeHidden();
  await expect(page.getByTestId('staff-step-text')).toContainText('month 21');
  await page.keyboard.press('PageDown');
  await expect(page.getByTestId('staff-veteran-gap')).toBeVisible();
  await expect(page.getByTestId('staff-turnover-cost')).toBeHidden();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('staff-turnover-cost')).toBeVisible();
  await expect(page.getByTestId('staff-step-text')).toContainText('¥1,154,610');
  await expect(page).toHaveURL(/reveal=4(&|$)/);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('staff-step-mode')).toHaveAttribute('aria-pressed', 'false');
});

test('A/B: two scenarios side by side', async ({ page }) => {
  await gotoApp(page, '#/staff-value?lang=en');
  await page.getByTestId('staff-keep-a').click();
  await expect(page.getByTestId('staff-compare')).toBeVisible();
  await expect(page.getByTestId('staff-compare')).toContainText('the same');
  await page.getByTestId('staff-team-field').fill('40');
  await page.getByTestId('staff-pay-field').fill('8000');
  await expect(page.getByTestId('staff-a-breakeven')).toHaveText('21');
  await expect(page.getByTestId('staff-b-breakeven')).toHaveText('30');
  await expect(page.getByTestId('staff-compare-breakeven')).toContainText('+9');
  await expect(page.getByTestId('staff-b-value-36')).toHaveText('¥35,300');
  await expect(page.getByTestId('staff-compare-value-36')).toContainText('-¥72,000');
  await expect(page.getByTestId('staff-a-turnover-cost')).toHaveText('¥1,154,610');
  await expect(page.getByTestId('staff-b-turnover-cost')).toHaveText('¥2,309,221');
  await expect(page.getByTestId('staff-compare')).toContainText('Team size N');
  await expect(page).toHaveURL(/compare=6000(,|%2C)15000(,|%2C)8000/);
  await page.getByTestId('staff-clear-a').click();
  await expect(page.getByTestId('staff-compare')).toHaveCount(0);
});

test('reset returns every part to the defaults; share carries the changes', async ({ page }) => {
  await gotoApp(page, '#/staff-value?team=100&early=0.5');
  await expect(page.getByTestId('staff-leavers')).toHaveText('25');
  await page.getByTestId('staff-share').click();
  await expect(page.getByTestId('staff-share-link')).toHaveValue(/team=100/);
  await page.getByTestId('staff-reset').click();
  await expect(page.getByTestId('staff-team-field')).toHaveValue('20');
  await expect(page.getByTestId('staff-early-field')).toHaveValue('20');
  await expect(page.getByTestId('staff-turnover-cost')).toHaveText('¥1,154,610');
});

test('lecture 3 links to the model', async ({ page }) => {
  await gotoApp(page, '#/lecture/3');
  await page.locator('a[href="#/staff-value"]').first().click();
  await expect(page.getByTestId('staff')).toBeVisible();
});

for (const lang of ['zh', 'en']) {
  test(`axe: no violations on #/staff-value (${lang})`, async ({ page }) => {
    await gotoApp(page, `#/staff-value?lang=${lang}&train_months=4`);
    await expect(page.getByTestId('staff-chart')).toBeVisible();
    await page.locator('.staff-chart summary').click();
    await expect(page.getByTestId('staff-table')).toBeVisible();
    await page.getByTestId('staff-keep-a').click();
    await page.getByTestId('staff-turnover-field').fill('40');
    await expect(page.getByTestId('staff-compare')).toBeVisible();
    await axeCheck(page, `staff-value ${lang}`);
  });
}

test('axe: no violations on #/staff-value in presentation mode, dark, mid-story', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await gotoApp(page, '#/staff-value?present=1&reveal=2');
  await expect(page.getByTestId('staff-breakeven-month')).toBeVisible();
  await axeCheck(page, 'staff-value present dark');
});

test('@phone #/staff-value fits a 360 px screen', async ({ page }) => {
  await gotoApp(page, '#/staff-value');
  await expect(page.getByTestId('staff-chart')).toBeVisible();
  await expect(page.getByTestId('staff-range')).toBeVisible();
  const overflow = await page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
