// The customer pyramid (#/pyramid, lecture 2, 图1-7): the course's point from
// the defaults, the address as the screen's state, bad input, the matrix
// rows' 100 % rule, the levers, step-through, A/B, reset, a11y, phone.
import { test, expect, gotoApp, axeCheck, settledUrl, type Page } from './fixtures';

const counts = async (page: Page, want: [string, string, string, string]) => {
  const tiers = ['diamond', 'gold', 'brass', 'lead'];
  for (let i = 0; i < 4; i++) await expect(page.getByTestId(`pyramid-year-count-${tiers[i]}`)).toHaveText(want[i]);
};

test('defaults reproduce the course: left alone, customers drift down and profit shrinks', async ({ page }) => {
  await gotoApp(page, '#/pyramid?lang=en');
  await expect(page.getByTestId('pyramid-total-profit')).toHaveText('¥799,905');
  await expect(page.getByTestId('pyramid-final-profit')).toHaveText('¥125,130');
  await counts(page, ['70', '291', '1,200', '3,336']);
  await expect(page.getByTestId('pyramid-verdict')).toContainText('falls from ¥230,000 to ¥125,130');
  await expect(page.getByTestId('pyramid-chart')).toBeVisible();
  await expect(page.getByTestId('pyramid-shape')).toBeVisible();
  await expect(page.getByTestId('pyramid-table').locator('tbody tr')).toHaveCount(6);
  await expect(page.getByTestId('pyramid-stay-gold')).toContainText('71%');
  await expect(page.getByTestId('pyramid-notice')).toHaveCount(0);
  await expect(page.getByTestId('pyramid-row-error')).toHaveCount(0);
});

test('the levers move the pyramid up: service for gold and re-pricing lead', async ({ page }) => {
  await gotoApp(page, '#/pyramid?lang=en');
  await page.getByTestId('pyramid-service').check();
  await page.getByTestId('pyramid-lead-reprice').check();
  await expect(page).toHaveURL(/service=1(&|$)/);
  await expect(page).toHaveURL(/lead=1(&|$)/);
  await expect(page.getByTestId('pyramid-total-profit')).toHaveText('¥1,820,279');
  await counts(page, ['178', '404', '1,522', '2,421']);
  await expect(page.getByTestId('pyramid-total-off')).toHaveText('¥799,905');
  await expect(page.getByTestId('pyramid-verdict')).toContainText('rises');
  // Dropping lead with the defaults costs more than it saves.
  await page.getByTestId('pyramid-service').uncheck();
  await page.getByTestId('pyramid-lead-drop').check();
  await expect(page.getByTestId('pyramid-lead-drop')).toBeChecked();
  const total = Number((await page.getByTestId('pyramid-total-profit').innerText()).replace(/[^0-9.-]/g, ''));
  expect(total).toBeLessThan(799905);
  await expect(page.getByTestId('pyramid-table')).toContainText('fixed costs left behind');
});

test('parameters in the address apply', async ({ page }) => {
  await gotoApp(page, '#/pyramid?m_gold_diamond=0.2&lang=en');
  await expect(page.getByTestId('pyramid-total-profit')).toHaveText('¥1,157,115');
  await expect(page.getByTestId('pyramid-year-count-diamond')).toHaveText('196');
  await expect(page.getByTestId('pyramid-m-gold-diamond-field')).toHaveValue('20');
  await gotoApp(page, '#/pyramid?years=10&lang=en');
  await expect(page.getByTestId('pyramid-total-profit')).toHaveText('¥1,278,516');
  await expect(page.getByTestId('pyramid-table').locator('tbody tr')).toHaveCount(11);
});

test('garbage in the address falls back to defaults with a notice', async ({ page }) => {
  await gotoApp(page, '#/pyramid?n_gold=abc&m_lead_out=7&years=0&p_brass=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&compare=1,2&m_gold_diamond=0.2');
  await expect(page.getByTestId('pyramid-notice')).toBeVisible();
  await expect(page.getByTestId('pyramid-notice')).toContainText('n_gold=abc');
  await expect(page.getByTestId('pyramid-notice')).toContainText('<img');
  await expect(page.locator('img')).toHaveCount(0);
  // The good one is kept.
  await expect(page.getByTestId('pyramid-total-profit')).toHaveText('¥1,157,115');
  await expect(page.getByTestId('pyramid-compare')).toHaveCount(0);
});

test('slider and number field stay in sync and write the address', async ({ page }) => {
  await gotoApp(page, '#/pyramid');
  const field = page.getByTestId('pyramid-m-gold-diamond-field');
  const range = page.getByTestId('pyramid-m-gold-diamond-range');
  await field.fill('20');
  await expect(range).toHaveValue('20');
  await expect(page).toHaveURL(/m_gold_diamond=0\.2(&|$)/);
  await expect(page.getByTestId('pyramid-total-profit')).toHaveText('¥1,157,115');
  await range.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(field).toHaveValue('19');
  await expect(page).toHaveURL(/m_gold_diamond=0\.19(&|$)/);
  const url = await settledUrl(page);
  const other = await page.context().newPage();
  await other.goto(url);
  await expect(other.getByTestId('pyramid-m-gold-diamond-field')).toHaveValue('19');
  await other.close();
  // Each callback reads the current set: the first change stays.
  await page.getByTestId('pyramid-years-field').fill('3');
  await expect(page).toHaveURL(/years=3(&|$)/);
  await expect(page).toHaveURL(/m_gold_diamond=0\.19(&|$)/);
});

test('a bad typed value is explained and changes nothing', async ({ page }) => {
  await gotoApp(page, '#/pyramid');
  const field = page.getByTestId('pyramid-n-lead-field');
  for (const bad of ['abc', '200000', '-5', '12.5']) {
    await field.fill(bad);
    await expect(page.locator('.control.invalid [role=alert]')).toBeVisible();
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByTestId('pyramid-total-profit')).toHaveText('¥799,905');
  }
  await field.fill('3000');
  await expect(field).toHaveAttribute('aria-invalid', 'false');
});

test('a matrix row over 100 % is refused by name and the last valid run stays', async ({ page }) => {
  await gotoApp(page, '#/pyramid?lang=en');
  await page.getByTestId('pyramid-m-gold-diamond-field').fill('20');
  await expect(page.getByTestId('pyramid-total-profit')).toHaveText('¥1,157,115');
  await page.getByTestId('pyramid-m-gold-out-field').fill('90');
  await expect(page.getByTestId('pyramid-row-error')).toContainText('from Gold');
  await expect(page.getByTestId('pyramid-row-error')).toContainText('127%');
  await expect(page.getByTestId('pyramid-stay-gold')).toContainText('more than 100');
  // The last valid run, not the defaults and not nonsense.
  await expect(page.getByTestId('pyramid-total-profit')).toHaveText('¥1,157,115');
  await expect(page.getByTestId('pyramid-year-count-diamond')).toHaveText('196');
  await page.getByTestId('pyramid-m-gold-out-field').fill('8');
  await expect(page.getByTestId('pyramid-row-error')).toHaveCount(0);
  await expect(page.getByTestId('pyramid-total-profit')).toHaveText('¥1,157,115');
});

test('a link with a row over 100 % names the row and shows the default run', async ({ page }) => {
  await gotoApp(page, '#/pyramid?m_brass_out=0.95&lang=en');
  await expect(page.getByTestId('pyramid-row-error')).toContainText('from Brass');
  await expect(page.getByTestId('pyramid-row-error')).toContainText('112%');
  await expect(page.getByTestId('pyramid-total-profit')).toHaveText('¥799,905');
});

test('step-through shows tiers, flows, levers, result by keyboard', async ({ page }) => {
  await gotoApp(page, '#/pyramid?present=1');
  await page.getByTestId('pyramid-step-mode').click();
  await expect(page.getByTestId('pyramid-shape')).toBeVisible();
  await expect(page.getByTestId('pyramid-row-gold')).toBeHidden();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('pyramid-row-gold')).toBeVisible();
  await expect(page.getByTestId('pyramid-service')).toBeHidden();
  await page.keyboard.press('PageDown');
  await expect(page.getByTestId('pyramid-service')).toBeVisible();
  await expect(page.getByTestId('pyramid-chart')).toBeHidden();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('pyramid-chart')).toBeVisible();
  await expect(page.getByTestId('pyramid-step-text')).toContainText('4');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('pyramid-step-mode')).toHaveAttribute('aria-pressed', 'false');
});

test('A/B: keep levers-off as A, switch levers on as B, compare', async ({ page }) => {
  await gotoApp(page, '#/pyramid?lang=en');
  await page.getByTestId('pyramid-keep-a').click();
  await expect(page.getByTestId('pyramid-compare')).toBeVisible();
  await page.getByTestId('pyramid-service').check();
  await page.getByTestId('pyramid-lead-reprice').check();
  const compare = page.getByTestId('pyramid-compare');
  await expect(compare.locator('tbody tr').nth(0)).toContainText('¥799,905');
  await expect(compare.locator('tbody tr').nth(0)).toContainText('¥1,820,279');
  await expect(page).toHaveURL(/compare=100(,|%2C)400/);
  await page.getByTestId('pyramid-clear-a').click();
  await expect(page.getByTestId('pyramid-compare')).toHaveCount(0);
});

test('reset returns every assumption to the defaults', async ({ page }) => {
  await gotoApp(page, '#/pyramid?n_gold=900&service=1&m_lead_out=0.3');
  await page.getByTestId('pyramid-reset').click();
  await expect(page.getByTestId('pyramid-total-profit')).toHaveText('¥799,905');
  await expect(page.getByTestId('pyramid-n-gold-field')).toHaveValue('400');
  await expect(page.getByTestId('pyramid-service')).not.toBeChecked();
});

test('lecture 2 links to the model', async ({ page }) => {
  await gotoApp(page, '#/lecture/2');
  await page.locator('a[href="#/pyramid"]').first().click();
  await expect(page.getByTestId('pyramid')).toBeVisible();
});

for (const lang of ['zh', 'en']) {
  test(`axe: no violations on #/pyramid (${lang})`, async ({ page }) => {
    await gotoApp(page, `#/pyramid?lang=${lang}`);
    await expect(page.getByTestId('pyramid-chart')).toBeVisible();
    await page.getByTestId('pyramid-keep-a').click();
    await expect(page.getByTestId('pyramid-compare')).toBeVisible();
    await page.getByTestId('pyramid-m-gold-out-field').fill('90');
    await expect(page.getByTestId('pyramid-row-error')).toBeVisible();
    // A set with a row over 100 % cannot be kept as A.
    await expect(page.getByTestId('pyramid-keep-a')).toHaveCount(0);
    await axeCheck(page, `pyramid ${lang}`);
  });
}

test('axe: no violations on #/pyramid in presentation mode, dark', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await gotoApp(page, '#/pyramid?present=1&service=1&lead=2');
  await expect(page.getByTestId('pyramid-chart')).toBeVisible();
  await axeCheck(page, 'pyramid present dark');
});

test('@phone #/pyramid fits a 360 px screen', async ({ page }) => {
  await gotoApp(page, '#/pyramid');
  await expect(page.getByTestId('pyramid-chart')).toBeVisible();
  const overflow = await page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
