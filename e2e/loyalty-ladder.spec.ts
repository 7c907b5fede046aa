// The loyalty ladder (#/loyalty-ladder, lecture 11, figure 7-1): the eight
// levels as a monthly model, the ten loyalty KPIs, the own-figures mode,
// bad input, step-through, A/B, reset, accessibility and the phone width.
import { test, expect, gotoApp, axeCheck, settledUrl, type Page } from './fixtures';

const text = (page: Page, id: string) => page.getByTestId(id).innerText();
const percent = async (page: Page, id: string) => Number((await text(page, id)).replace(/[^0-9.]/g, ''));

test('defaults: the run and the ten KPIs, churn = 100 % − retention', async ({ page }) => {
  await gotoApp(page, '#/loyalty-ladder?lang=en');
  await expect(page.getByTestId('kpi-customer-base')).toHaveText('2,032');
  await expect(page.getByTestId('kpi-retention')).toHaveText('90.2%');
  await expect(page.getByTestId('kpi-churn')).toHaveText('9.8%');
  await expect(page.getByTestId('kpi-new-retention-3')).toHaveText('88.1%');
  await expect(page.getByTestId('kpi-win-back')).toHaveText('40%');
  await expect(page.getByTestId('kpi-share-of-wallet')).toHaveText('40%');
  await expect(page.getByTestId('kpi-average-spend')).toHaveText('100');
  // The four measured KPIs say they are inputs.
  await expect(page.getByTestId('ladder-kpis').locator('em.ladder-input')).toHaveCount(4);
  // The base is the ladder's six middle rungs.
  let sum = 0;
  for (const k of ['at-risk', 'new', 'inactive', 'active', 'core', 'advocates']) {
    sum += Number((await text(page, `ladder-count-${k}`)).replace(/,/g, ''));
  }
  expect(Math.abs(sum - 2032)).toBeLessThanOrEqual(3);
  await expect(page.getByTestId('ladder-rungs')).toBeVisible();
  await expect(page.getByTestId('ladder-chart')).toBeVisible();
  await expect(page.getByTestId('ladder-notice')).toHaveCount(0);
});

test('parameters in the address apply', async ({ page }) => {
  await gotoApp(page, '#/loyalty-ladder?risk_lost=0.8&risk_save=0.2&months=12');
  await expect(page.getByTestId('ladder-months-field')).toHaveValue('12');
  await expect(page.getByTestId('ladder-risk-lost-field')).toHaveValue('80');
  await expect(page.getByTestId('kpi-win-back')).toHaveText('20%');
  const r = await percent(page, 'kpi-retention');
  const c = await percent(page, 'kpi-churn');
  expect(Math.round((r + c) * 10)).toBe(1000);
});

test('garbage in the address falls back to defaults with a notice', async ({ page }) => {
  await gotoApp(page, '#/loyalty-ladder?months=abc&convert=7&start=-3&down=%3Cimg%20src%3Dx%3E&compare=1,2&mode=zz');
  await expect(page.getByTestId('ladder-notice')).toBeVisible();
  await expect(page.getByTestId('ladder-notice')).toContainText('months=abc');
  await expect(page.getByTestId('ladder-notice')).toContainText('<img');
  await expect(page.locator('img')).toHaveCount(0);
  await expect(page.getByTestId('kpi-customer-base')).toHaveText('2,032');
  await expect(page.getByTestId('ladder-compare')).toHaveCount(0);
  // A level whose ways out add up to more than 100 %: both rates refused.
  await gotoApp(page, '#/loyalty-ladder?risk_save=0.8&risk_lost=0.5&months=12');
  await expect(page.getByTestId('ladder-notice')).toContainText('risk_save=0.8');
  await expect(page.getByTestId('ladder-notice')).toContainText('risk_lost=0.5');
  await expect(page.getByTestId('ladder-months-field')).toHaveValue('12');
  await expect(page.getByTestId('ladder-risk-save-field')).toHaveValue('20');
});

test('slider and field in sync and the address written', async ({ page }) => {
  await gotoApp(page, '#/loyalty-ladder');
  const field = page.getByTestId('ladder-convert-field');
  const range = page.getByTestId('ladder-convert-range');
  await field.fill('20');
  await expect(range).toHaveValue('20');
  await expect(page).toHaveURL(/convert=0\.2(&|$)/);
  await expect(page.getByTestId('kpi-customer-base')).not.toHaveText('2,032');
  const base = await text(page, 'kpi-customer-base');
  await range.focus();
  await page.keyboard.press('ArrowRight');
  await expect(field).toHaveValue('21');
  const url = await settledUrl(page);
  const other = await page.context().newPage();
  await other.goto(url);
  await expect(other.getByTestId('ladder-convert-field')).toHaveValue('21');
  await other.close();
  expect(base).not.toBe('');
});

test('a bad typed value is explained and changes nothing; rates over 100 % refused', async ({ page }) => {
  await gotoApp(page, '#/loyalty-ladder?lang=en');
  const field = page.getByTestId('ladder-new-active-field');
  for (const bad of ['abc', '250', '-5']) {
    await field.fill(bad);
    await expect(page.locator('.control.invalid [role=alert]')).toBeVisible();
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByTestId('kpi-customer-base')).toHaveText('2,032');
  }
  await field.fill('30');
  await expect(field).toHaveAttribute('aria-invalid', 'false');
  // 90 % + 20 % out of "new" is refused with the rule.
  await field.fill('90');
  await expect(page.getByTestId('ladder-rule')).toContainText('New');
  await expect(page.getByTestId('ladder-rule')).toContainText('110%');
  await expect(page).not.toHaveURL(/new_active=0\.9/);
  await expect(page.getByTestId('kpi-customer-base')).toHaveText('2,032');
});

test('own figures: KPIs from typed counts, in the address, impossible input refused', async ({ page }) => {
  await gotoApp(page, '#/loyalty-ladder?lang=en');
  await page.getByTestId('ladder-mode-own').click();
  await expect(page).toHaveURL(/mode=own/);
  await expect(page.getByTestId('kpi-customer-base')).toHaveText('710');
  await expect(page.getByTestId('kpi-retention')).toHaveText('80%');
  await expect(page.getByTestId('kpi-churn')).toHaveText('20%');
  await expect(page.getByTestId('kpi-new-retention-3')).toHaveText('70%');
  await page.getByTestId('ladder-own-year-kept').fill('450');
  await expect(page.getByTestId('kpi-retention')).toHaveText('75%');
  await expect(page.getByTestId('kpi-churn')).toHaveText('25%');
  await expect(page).toHaveURL(/year_kept=450/);
  // More kept than started: refused with a message, nothing changed.
  await page.getByTestId('ladder-own-year-kept').fill('700');
  await expect(page.getByTestId('ladder-rule')).toContainText('cannot be more than');
  await expect(page.getByTestId('kpi-retention')).toHaveText('75%');
  await page.getByTestId('ladder-own-n-core').fill('-4');
  await expect(page.locator('.control.invalid [role=alert]').first()).toContainText('negative');
  await expect(page.getByTestId('kpi-customer-base')).toHaveText('710');
  await page.getByTestId('ladder-own-n-core').fill('100');
  await expect(page.getByTestId('kpi-customer-base')).toHaveText('720');
  // The link reproduces the own figures.
  const url = await settledUrl(page);
  const other = await page.context().newPage();
  await other.goto(url);
  await expect(other.getByTestId('kpi-customer-base')).toHaveText('720');
  await expect(other.getByTestId('kpi-retention')).toHaveText('75%');
  await other.close();
  // Bad own values in the address are noticed.
  await gotoApp(page, '#/loyalty-ladder?mode=own&cohort=10&kept3=20&n_lost=abc');
  await expect(page.getByTestId('ladder-notice')).toContainText('kept3=20');
  await expect(page.getByTestId('ladder-notice')).toContainText('n_lost=abc');
  await expect(page.getByTestId('kpi-new-retention-3')).toHaveText('70%');
});

test('step-through: the levels, the flows, the run, the KPIs by keyboard', async ({ page }) => {
  await gotoApp(page, '#/loyalty-ladder?present=1');
  await page.getByTestId('ladder-step-mode').click();
  await expect(page.getByTestId('ladder-rungs')).toBeVisible();
  await expect(page.getByTestId('ladder-flows')).toBeHidden();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('ladder-flows')).toBeVisible();
  await expect(page.getByTestId('ladder-chart')).toBeHidden();
  await page.keyboard.press('PageDown');
  await expect(page.getByTestId('ladder-chart')).toBeVisible();
  await expect(page.getByTestId('kpi-churn')).toBeHidden();
  await page.keyboard.press('PageDown');
  await expect(page.getByTestId('kpi-churn')).toBeVisible();
  await expect(page.getByTestId('ladder-step-text')).toContainText('4');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('ladder-step-mode')).toHaveAttribute('aria-pressed', 'false');
});

test('A/B: keep A, change B, compare', async ({ page }) => {
  await gotoApp(page, '#/loyalty-ladder?lang=en');
  await page.getByTestId('ladder-keep-a').click();
  await expect(page.getByTestId('ladder-compare')).toBeVisible();
  await page.getByTestId('ladder-risk-save-field').fill('50');
  const rows = page.getByTestId('ladder-compare').locator('tbody tr');
  await expect(rows.nth(0)).toContainText('Customer base');
  await expect(rows.nth(0)).toContainText('2,032');
  await expect(rows.nth(6)).toContainText('40%');
  await expect(rows.nth(6)).toContainText('62.5%');
  await expect(page).toHaveURL(/compare=24(,|%2C)1000/);
  await page.getByTestId('ladder-clear-a').click();
  await expect(page.getByTestId('ladder-compare')).toHaveCount(0);
});

test('reset returns to the defaults and the simulation', async ({ page }) => {
  await gotoApp(page, '#/loyalty-ladder?mode=own&n_core=5');
  await expect(page.getByTestId('kpi-customer-base')).toHaveText('625');
  await page.getByTestId('ladder-reset').click();
  await expect(page.getByTestId('kpi-customer-base')).toHaveText('2,032');
  await expect(page.getByTestId('ladder-mode-sim')).toHaveAttribute('aria-pressed', 'true');
});

test('lecture 11 links to the model', async ({ page }) => {
  await gotoApp(page, '#/lecture/11');
  await page.locator('a[href="#/loyalty-ladder"]').first().click();
  await expect(page.getByTestId('ladder')).toBeVisible();
});

for (const lang of ['zh', 'en']) {
  test(`axe: no violations on #/loyalty-ladder (${lang})`, async ({ page }) => {
    await gotoApp(page, `#/loyalty-ladder?lang=${lang}`);
    await expect(page.getByTestId('ladder-chart')).toBeVisible();
    await page.getByTestId('ladder-keep-a').click();
    await axeCheck(page, `ladder ${lang}`);
    await page.getByTestId('ladder-mode-own').click();
    await expect(page.getByTestId('ladder-own')).toBeVisible();
    await axeCheck(page, `ladder own ${lang}`);
  });
}

test('axe: no violations on #/loyalty-ladder in presentation mode, dark', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await gotoApp(page, '#/loyalty-ladder?present=1');
  await expect(page.getByTestId('ladder-chart')).toBeVisible();
  await axeCheck(page, 'ladder present dark');
});

test('@phone #/loyalty-ladder fits a 360 px screen', async ({ page }) => {
  for (const q of ['', '?mode=own']) {
    await gotoApp(page, `#/loyalty-ladder${q}`);
    await expect(page.getByTestId('kpi-churn')).toBeVisible();
    const overflow = await page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  }
});
