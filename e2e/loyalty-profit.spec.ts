// Loyalty over time (#/loyalty-profit): one customer's profit by year from
// its components, the lifetime value, five more points of retention, the
// two firms with the same sales; the address as the screen's state, bad
// input, controls in sync, step-through, A/B, reset, accessibility.
import { test, expect, gotoApp, axeCheck, settledUrl, t, type Page } from './fixtures';


test('defaults reproduce the course: a year-0 loss, rising profit, +5 points inside 25–85 %', async ({ page }) => {
  await gotoApp(page, '#/loyalty-profit?lang=en');
  await expect(page.getByTestId('loyalty-clv')).toHaveText('75.3');
  await expect(page.getByTestId('loyalty-profit-uplift')).toHaveText('+45.0%');
  await expect(page.getByTestId('loyalty-clv-plus')).toHaveText('109.2');
  await expect(page.getByTestId('loyalty-payback')).toHaveText('in year 3');
  await expect(page.getByTestId('loyalty-uplift-range')).toContainText(t('en', 'loyalty.in_range'));
  await expect(page.getByTestId('loyalty-year-0-profit')).toHaveText('-60.0');
  await expect(page.getByTestId('loyalty-year-1-profit')).toHaveText('20.0');
  await expect(page.getByTestId('loyalty-year-10-profit')).toHaveText('110.0');
  // Stacked bars: year 0 one layer, later years five.
  await expect(page.locator('[data-testid=loyalty-bars] rect.part')).toHaveCount(1 + 5 * 9 + 1);
  // Two firms, the same sales; the low-loyalty one spends twice as much on acquisition.
  await expect(page.getByTestId('loyalty-firm-high-customers')).toHaveText('1,000');
  await expect(page.getByTestId('loyalty-firm-low-customers')).toHaveText('1,000');
  await expect(page.getByTestId('loyalty-firm-high-acquisition')).toHaveText('12,000');
  await expect(page.getByTestId('loyalty-firm-low-acquisition')).toHaveText('24,000');
  await expect(page.getByTestId('loyalty-firms-ratio')).toContainText('2 times');
  await expect(page.getByTestId('loyalty-firms-chart')).toBeVisible();
  await expect(page.getByTestId('loyalty-defaults-note')).toBeVisible();
  await expect(page.getByTestId('loyalty-notice')).toHaveCount(0);
});

test('parameters in the address apply', async ({ page }) => {
  // Retention 0: the CLV is year 1's discounted profit minus acquisition.
  await gotoApp(page, '#/loyalty-profit?retention=0&low_retention=0&discount=0&acquisition=50');
  await expect(page.getByTestId('loyalty-clv')).toHaveText('-30.0');
  await expect(page.getByTestId('loyalty-retention-field')).toHaveValue('0');
  await expect(page.getByTestId('loyalty-acquisition-field')).toHaveValue('50');
  await gotoApp(page, '#/loyalty-profit?years=5&customers=2000');
  await expect(page.getByTestId('loyalty-year-5-profit')).toBeAttached();
  await expect(page.getByTestId('loyalty-year-6-profit')).toHaveCount(0);
  await expect(page.getByTestId('loyalty-firm-low-new')).toHaveText('800');
});

test('garbage in the address falls back to defaults with a notice', async ({ page }) => {
  await gotoApp(page, '#/loyalty-profit?acquisition=abc&retention=2&years=3.5&base=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&compare=1,2&spend=8');
  const notice = page.getByTestId('loyalty-notice');
  await expect(notice).toBeVisible();
  for (const bit of ['acquisition=abc', 'retention=2', 'years=3.5', '<img', 'compare=1,2']) await expect(notice).toContainText(bit);
  await expect(page.locator('img')).toHaveCount(0);
  await expect(page.getByTestId('loyalty-acquisition-field')).toHaveValue('60');
  await expect(page.getByTestId('loyalty-spend-field')).toHaveValue('8');
  await expect(page.getByTestId('loyalty-compare')).toHaveCount(0);
});

test('the retention order rule is explained and both retentions fall back', async ({ page }) => {
  await gotoApp(page, '#/loyalty-profit?lang=en&retention=0.5&low_retention=0.7');
  await expect(page.getByTestId('loyalty-rule')).toContainText('70%');
  await expect(page.getByTestId('loyalty-rule')).toContainText('50%');
  await expect(page.getByTestId('loyalty-notice')).toContainText('low_retention=0.7');
  await expect(page.getByTestId('loyalty-retention-field')).toHaveValue('80');
  await expect(page.getByTestId('loyalty-low-retention-field')).toHaveValue('60');
  await expect(page.getByTestId('loyalty-clv')).toHaveText('75.3');
  // Dragging one past the other keeps them in order instead.
  await gotoApp(page, '#/loyalty-profit');
  await page.getByTestId('loyalty-retention-field').fill('50');
  await expect(page.getByTestId('loyalty-low-retention-field')).toHaveValue('50');
  await expect(page.getByTestId('loyalty-rule')).toHaveCount(0);
});

test('slider and number field stay in sync and write the address', async ({ page }) => {
  await gotoApp(page, '#/loyalty-profit');
  const field = page.getByTestId('loyalty-retention-field');
  const range = page.getByTestId('loyalty-retention-range');
  await field.fill('85');
  await expect(range).toHaveValue('85');
  await expect(page.getByTestId('loyalty-clv')).toHaveText('109.2');
  await expect(page).toHaveURL(/retention=0\.85/);
  await range.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(field).toHaveValue('84');
  await expect(page).toHaveURL(/retention=0\.84/);
  const url = await settledUrl(page);
  const other = await page.context().newPage();
  await other.goto(url);
  await expect(other.getByTestId('loyalty-retention-field')).toHaveValue('84');
  await other.close();
  // Each callback reads the current set: the first change stays.
  await page.getByTestId('loyalty-base-field').fill('30');
  await expect(page).toHaveURL(/base=30(&|$)/);
  await expect(page).toHaveURL(/retention=0\.84/);
});

test('a bad typed value is explained and changes nothing', async ({ page }) => {
  await gotoApp(page, '#/loyalty-profit');
  const field = page.getByTestId('loyalty-retention-field');
  for (const bad of ['abc', '96', '-5']) {
    await field.fill(bad);
    await expect(page.locator('.control.invalid [role=alert]')).toBeVisible();
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByTestId('loyalty-clv')).toHaveText('75.3');
    await expect(page.getByTestId('loyalty-retention-range')).toHaveValue('80');
  }
  await page.getByTestId('loyalty-years-field').fill('4.5');
  await expect(page.locator('.control.invalid [role=alert]').first()).toBeVisible();
  await field.fill('85');
  await expect(field).toHaveAttribute('aria-invalid', 'false');
  await expect(page.getByTestId('loyalty-clv')).toHaveText('109.2');
});

test('step-through: year 0, each component, retention, CLV, +5 points, the two firms, by keyboard', async ({ page }) => {
  await gotoApp(page, '#/loyalty-profit?present=1&lang=en');
  await page.getByTestId('loyalty-step-mode').click();
  const bars = page.locator('[data-testid=loyalty-bars]');
  await expect(bars.locator('rect.c-acquisition')).toBeVisible();
  await expect(bars.locator('rect.c-base').first()).toBeHidden();
  await expect(page.getByTestId('loyalty-clv')).toBeHidden();
  await expect(page.getByTestId('loyalty-step-text')).toContainText('Year 0');
  await page.keyboard.press('ArrowRight');
  await expect(bars.locator('rect.c-base').first()).toBeVisible();
  await expect(bars.locator('rect.c-spend').first()).toBeHidden();
  for (let i = 0; i < 4; i++) await page.keyboard.press('PageDown');
  await expect(bars.locator('rect.c-premium').first()).toBeVisible();
  await expect(page.getByTestId('loyalty-expected')).toBeHidden();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('loyalty-expected')).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('loyalty-clv')).toBeVisible();
  await expect(page.getByTestId('loyalty-profit-uplift')).toBeHidden();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('loyalty-profit-uplift')).toBeVisible();
  await expect(page.getByTestId('loyalty-firms-chart')).toBeHidden();
  await page.keyboard.press('End');
  await expect(page.getByTestId('loyalty-firms-chart')).toBeVisible();
  await expect(page.getByTestId('loyalty-step-text')).toContainText('24,000');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('loyalty-step-mode')).toHaveAttribute('aria-pressed', 'false');
});

test('A/B: keep a set as A, change B, compare', async ({ page }) => {
  await gotoApp(page, '#/loyalty-profit?lang=en');
  await page.getByTestId('loyalty-keep-a').click();
  await expect(page.getByTestId('loyalty-compare')).toBeVisible();
  await page.getByTestId('loyalty-retention-field').fill('85');
  const rows = page.getByTestId('loyalty-compare').locator('tbody tr');
  await expect(rows.nth(0)).toContainText(t('en', 'loyalty.retention'));
  await expect(rows.nth(0)).toContainText('80%');
  await expect(rows.nth(0)).toContainText('85%');
  await expect(rows.nth(1)).toContainText('75.3');
  await expect(rows.nth(1)).toContainText('109.2');
  await expect(page).toHaveURL(/compare=60(,|%2C)20(,|%2C)4/);
  await page.getByTestId('loyalty-clear-a').click();
  await expect(page.getByTestId('loyalty-compare')).toHaveCount(0);
});

test('reset returns every assumption to the defaults', async ({ page }) => {
  await gotoApp(page, '#/loyalty-profit?acquisition=90&retention=0.5&low_retention=0.3');
  await page.getByTestId('loyalty-reset').click();
  await expect(page.getByTestId('loyalty-clv')).toHaveText('75.3');
  await expect(page.getByTestId('loyalty-acquisition-field')).toHaveValue('60');
  await expect(page.getByTestId('loyalty-retention-field')).toHaveValue('80');
});

test('lecture 2 links to the model', async ({ page }) => {
  await gotoApp(page, '#/lecture/2');
  await page.locator('a[href="#/loyalty-profit"]').first().click();
  await expect(page.getByTestId('loyalty')).toBeVisible();
});

for (const lang of ['zh', 'en']) {
  test(`axe: no violations on #/loyalty-profit (${lang})`, async ({ page }) => {
    await gotoApp(page, `#/loyalty-profit?lang=${lang}`);
    await page.getByTestId('loyalty-keep-a').click();
    await expect(page.getByTestId('loyalty-compare')).toBeVisible();
    await page.locator('.loyalty .chart-table summary').first().click();
    await axeCheck(page, `loyalty-profit ${lang}`);
  });
}

test('axe: no violations on #/loyalty-profit in presentation mode, dark', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await gotoApp(page, '#/loyalty-profit?present=1&reveal=3');
  await axeCheck(page, 'loyalty-profit present dark');
});

test('@phone #/loyalty-profit fits a 360 px screen', async ({ page }) => {
  await gotoApp(page, '#/loyalty-profit');
  await expect(page.getByTestId('loyalty-bars')).toBeVisible();
  await expect(page.getByTestId('loyalty-firms-chart')).toBeVisible();
  const overflow = await page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
