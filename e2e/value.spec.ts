// The value equation and expectations (#/value, lecture 10; seed 002):
// (result + process) ÷ (price + access), the one-step improvement that pays
// most per unit of effort, the promise forming the expectation, satisfaction
// as delivery − expectation, the six ways adding to delivery; the address as
// the screen's state, bad input, step-through, A/B of two offers, tools.
import { test, expect, gotoApp, axeCheck, settledUrl } from './fixtures';

test('defaults: value 1.10, process quality the best step, a promise of 8 against a delivery of 7 disappoints', async ({ page }) => {
  await gotoApp(page, '#/value?lang=en');
  await expect(page.getByTestId('value-ratio')).toHaveText('1.10');
  await expect(page.getByTestId('value-best')).toContainText('Process quality +1');
  await expect(page.getByTestId('value-best')).toContainText('1.110');
  await expect(page.getByTestId('value-rank-0')).toContainText('Process quality +1');
  await expect(page.getByTestId('value-rank-1')).toContainText('Cost of access −1');
  await expect(page.getByTestId('value-rank-3')).toContainText('Price −1');
  await expect(page.getByTestId('value-after-process')).toHaveText('1.110');
  await expect(page.getByTestId('value-after-price')).toHaveText('1.111');
  await expect(page.getByTestId('value-gain-price')).toHaveText('+0.011');
  await expect(page.getByTestId('value-per-effort-access')).toHaveText('+0.0056');
  await expect(page.getByTestId('value-per-effort-price')).toHaveText('+0.0028');
  await expect(page.getByTestId('value-price-caution')).toHaveCount(0);
  // Expectation 6 + 75 % × (8 − 6) = 7.5; delivery 7.
  await expect(page.getByTestId('value-expectation')).toHaveText('7.5');
  await expect(page.getByTestId('value-delivery')).toHaveText('7');
  await expect(page.getByTestId('value-satisfaction')).toHaveText('-0.5');
  await expect(page.getByTestId('value-verdict')).toContainText('disappointed');
  // The same delivery under other promises.
  await expect(page.getByTestId('value-if-promise-0')).toHaveText('+5.5');
  await expect(page.getByTestId('value-if-promise-6')).toHaveText('+1');
  await expect(page.getByTestId('value-if-promise-10')).toHaveText('-2');
  await expect(page.getByTestId('value-six').locator('tbody tr')).toHaveCount(6);
  await expect(page.getByTestId('value-six')).toContainText('IBM');
  await expect(page.getByTestId('value-way-convenience')).toHaveText('+0');
  await expect(page.getByTestId('value-chart')).toBeVisible();
  await expect(page.getByTestId('value-gap-chart')).toBeVisible();
  await expect(page.getByTestId('value-notice')).toHaveCount(0);
});

test('parameters in the address apply', async ({ page }) => {
  await gotoApp(page, '#/value?result=70&promise=10&trust=0.5&extra_speed=2&lang=en');
  await expect(page.getByTestId('value-ratio')).toHaveText('1.20');
  await expect(page.getByTestId('value-result-field')).toHaveValue('70');
  await expect(page.getByTestId('value-trust-field')).toHaveValue('50');
  await expect(page.getByTestId('value-expectation')).toHaveText('8');
  await expect(page.getByTestId('value-way-speed')).toHaveText('+2');
  await expect(page.getByTestId('value-delivery')).toHaveText('9');
  await expect(page.getByTestId('value-satisfaction')).toHaveText('+1');
  await expect(page.getByTestId('value-verdict')).toContainText('pleasantly surprised');
});

test('garbage in the address falls back to defaults with a notice', async ({ page }) => {
  await gotoApp(page, '#/value?price=0&result=abc&access=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&compare=1,2&promise=9&lang=en');
  await expect(page.getByTestId('value-notice')).toBeVisible();
  await expect(page.getByTestId('value-notice')).toContainText('price=0');
  await expect(page.getByTestId('value-notice')).toContainText('result=abc');
  await expect(page.getByTestId('value-notice')).toContainText('<img');
  await expect(page.locator('img')).toHaveCount(0);
  await expect(page.getByTestId('value-ratio')).toHaveText('1.10');
  await expect(page.getByTestId('value-price-field')).toHaveValue('80');
  // The valid promise applies: 6 + 75 % × 3.
  await expect(page.getByTestId('value-expectation')).toHaveText('8.25');
  await expect(page.getByTestId('value-compare')).toHaveCount(0);
});

test('slider and field stay in sync, the best step follows the efforts, the address is written', async ({ page }) => {
  await gotoApp(page, '#/value?lang=en');
  for (const id of ['process', 'result', 'access']) {
    await page.getByTestId(`value-effort-${id}-field`).fill('10');
  }
  await expect(page.getByTestId('value-effort-access-range')).toHaveValue('10');
  await expect(page.getByTestId('value-best')).toContainText('Price −1');
  await expect(page.getByTestId('value-price-caution')).toBeVisible();
  await expect(page).toHaveURL(/effort_process=10/);
  const range = page.getByTestId('value-price-range');
  await range.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('value-price-field')).toHaveValue('79');
  await expect(page.getByTestId('value-ratio')).toHaveText('1.11');
  await expect(page).toHaveURL(/price=79(&|$)/);
  const url = await settledUrl(page);
  const other = await page.context().newPage();
  await other.goto(url);
  await expect(other.getByTestId('value-ratio')).toHaveText('1.11');
  await expect(other.getByTestId('value-price-caution')).toBeVisible();
  await other.close();
});

test('a bad typed value is explained and changes nothing', async ({ page }) => {
  await gotoApp(page, '#/value');
  const field = page.getByTestId('value-price-field');
  for (const bad of ['abc', '0', '-5', '5000']) {
    await field.fill(bad);
    await expect(page.locator('.control.invalid [role=alert]')).toBeVisible();
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByTestId('value-ratio')).toHaveText('1.10');
    await expect(page.getByTestId('value-price-range')).toHaveValue('80');
  }
  await page.getByTestId('value-trust-field').fill('150');
  await expect(page.getByTestId('value-trust-field')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('value-expectation')).toHaveText('7.5');
  await page.getByTestId('value-trust-field').fill('100');
  await expect(page.getByTestId('value-expectation')).toHaveText('8');
});

test('over-promising the same delivery disappoints; promising a little less pleases', async ({ page }) => {
  await gotoApp(page, '#/value?lang=en');
  await page.getByTestId('value-promise-over').click();
  await expect(page.getByTestId('value-promise-over')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('value-promise-field')).toHaveValue('10');
  await expect(page.getByTestId('value-satisfaction')).toHaveText('-2');
  await expect(page.getByTestId('value-verdict')).toContainText('disappointed');
  await page.getByTestId('value-promise-under').click();
  await expect(page.getByTestId('value-promise-field')).toHaveValue('6');
  await expect(page.getByTestId('value-satisfaction')).toHaveText('+1');
  await expect(page.getByTestId('value-verdict')).toContainText('pleasantly surprised');
  await expect(page).toHaveURL(/promise=6(&|$)/);
  // The delivery and the value did not move.
  await expect(page.getByTestId('value-delivery')).toHaveText('7');
  await expect(page.getByTestId('value-ratio')).toHaveText('1.10');
  // One of the six ways adds to delivery.
  await page.getByTestId('value-extra-convenience-field').fill('1.5');
  await expect(page.getByTestId('value-way-convenience')).toHaveText('+1.5');
  await expect(page.getByTestId('value-delivery')).toHaveText('8.5');
  await expect(page.getByTestId('value-satisfaction')).toHaveText('+2.5');
});

test('step-through tells the story one step at a time by keyboard', async ({ page }) => {
  await gotoApp(page, '#/value?present=1&lang=en');
  await page.getByTestId('value-step-mode').click();
  await expect(page.getByTestId('value-ratio')).toBeVisible();
  await expect(page.getByTestId('value-best')).toBeHidden();
  await expect(page.getByTestId('value-step-text')).toContainText('1.10');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('value-best')).toBeVisible();
  await expect(page.getByTestId('value-chart')).toBeVisible();
  await expect(page.getByTestId('value-expectation')).toBeHidden();
  await expect(page.getByTestId('value-step-text')).toContainText('Process quality +1');
  await page.keyboard.press('PageDown');
  await expect(page.getByTestId('value-expectation')).toBeVisible();
  await expect(page.getByTestId('value-satisfaction')).toBeHidden();
  await expect(page.getByTestId('value-step-text')).toContainText('7.5');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('value-satisfaction')).toBeVisible();
  await expect(page.getByTestId('value-gap-chart')).toBeVisible();
  await expect(page.getByTestId('value-six')).toBeHidden();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('value-six')).toBeVisible();
  await expect(page.getByTestId('value-step-text')).toContainText('-0.5');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('value-step-mode')).toHaveAttribute('aria-pressed', 'false');
});

test('A/B: two offers side by side', async ({ page }) => {
  await gotoApp(page, '#/value?lang=en');
  await page.getByTestId('value-keep-a').click();
  await expect(page.getByTestId('value-compare')).toBeVisible();
  await page.getByTestId('value-promise-field').fill('10');
  await page.getByTestId('value-result-field').fill('70');
  await expect(page.getByTestId('value-a-ratio')).toHaveText('1.10');
  await expect(page.getByTestId('value-b-ratio')).toHaveText('1.20');
  await expect(page.getByTestId('value-a-satisfaction')).toHaveText('-0.5');
  await expect(page.getByTestId('value-b-satisfaction')).toHaveText('-2');
  await expect(page.getByTestId('value-compare-satisfaction')).toContainText('-1.5');
  await expect(page.getByTestId('value-compare')).toContainText('Promise');
  await expect(page).toHaveURL(/compare=60(,|%2C)50(,|%2C)80/);
  await page.getByTestId('value-clear-a').first().click();
  await expect(page.getByTestId('value-compare')).toHaveCount(0);
});

test('reset returns every part to the defaults', async ({ page }) => {
  await gotoApp(page, '#/value?result=90&promise=10');
  await expect(page.getByTestId('value-ratio')).toHaveText('1.40');
  await page.getByTestId('value-reset').click();
  await expect(page.getByTestId('value-ratio')).toHaveText('1.10');
  await expect(page.getByTestId('value-promise-field')).toHaveValue('8');
  await expect(page.getByTestId('value-result-field')).toHaveValue('60');
});

test('lecture 10 links to the model', async ({ page }) => {
  await gotoApp(page, '#/lecture/10');
  await page.locator('a[href="#/value"]').first().click();
  await expect(page.getByTestId('value')).toBeVisible();
});

for (const lang of ['zh', 'en']) {
  test(`axe: no violations on #/value (${lang})`, async ({ page }) => {
    await gotoApp(page, `#/value?lang=${lang}&promise=10&extra_info=1&extra_addons=0.5&effort_process=20&effort_result=20&effort_access=20`);
    await expect(page.getByTestId('value-gap-chart')).toBeVisible();
    await expect(page.getByTestId('value-price-caution')).toBeVisible();
    await page.getByTestId('value-keep-a').click();
    await expect(page.getByTestId('value-compare')).toBeVisible();
    await axeCheck(page, `value ${lang}`);
  });
}

test('axe: no violations on #/value in presentation mode, dark', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await gotoApp(page, '#/value?present=1&extra_speed=1');
  await expect(page.getByTestId('value-gap-chart')).toBeVisible();
  await page.getByTestId('value-step-mode').click();
  await axeCheck(page, 'value present dark');
});

test('@phone #/value fits a 360 px screen', async ({ page }) => {
  await gotoApp(page, '#/value?extra_value=1&extra_convenience=2');
  await expect(page.getByTestId('value-gap-chart')).toBeVisible();
  await expect(page.getByTestId('value-six')).toBeVisible();
  const overflow = await page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
