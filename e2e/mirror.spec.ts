// Satisfaction mirror (#/mirror): the course's story (invest vs neglect),
// keyboard-operable levers, presets, playback, the loop diagram, A/B, bad
// addresses, accessibility.
import { test, expect, gotoApp, axeCheck, t, type Page } from './fixtures';

const value = async (page: Page, id: string) => Number((await page.getByTestId(id).innerText()).replace(/[^0-9.]/g, ''));

test('strong investment ends far above neglect for both satisfactions', async ({ page }) => {
  await gotoApp(page, '#/mirror?training=85&empowerment=85&turnover=8');
  const investCs = await value(page, 'mirror-customer-satisfaction');
  const investEs = await value(page, 'mirror-employee-satisfaction');
  await gotoApp(page, '#/mirror?training=5&empowerment=5&turnover=45');
  const neglectCs = await value(page, 'mirror-customer-satisfaction');
  const neglectEs = await value(page, 'mirror-employee-satisfaction');
  for (const v of [investCs, investEs, neglectCs, neglectEs]) {
    expect(v).toBeGreaterThanOrEqual(0);
    expect(v).toBeLessThanOrEqual(100);
  }
  expect(investCs - neglectCs).toBeGreaterThan(20);
  expect(investEs - neglectEs).toBeGreaterThan(20);
});

test('levers work by keyboard and write the address', async ({ page }) => {
  await gotoApp(page, '#/mirror');
  const before = await value(page, 'mirror-customer-satisfaction');
  const range = page.getByTestId('mirror-training-range');
  await range.focus();
  await page.keyboard.press('End');
  await expect(page.getByTestId('mirror-training-field')).toHaveValue('100');
  await expect(page).toHaveURL(/training=100/);
  expect(await value(page, 'mirror-customer-satisfaction')).toBeGreaterThan(before);
  await page.getByTestId('mirror-turnover-field').fill('40');
  await expect(page.getByTestId('mirror-turnover-range')).toHaveValue('40');
  await page.getByTestId('mirror-turnover-field').fill('400');
  await expect(page.locator('.control.invalid [role=alert]')).toBeVisible();
  await expect(page).toHaveURL(/turnover=40(&|$)/);
  // Each lever's callback reads the current levers: the first change stays.
  await expect(page).toHaveURL(/training=100/);
});

test('presets tell the two stories', async ({ page }) => {
  await gotoApp(page, '#/mirror?lang=en');
  await page.getByTestId('mirror-preset-invest').click();
  await expect(page.getByTestId('mirror-preset-invest')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('mirror-class')).toContainText(t('en', 'mirror.class_virtuous'));
  await page.getByTestId('mirror-preset-cut').click();
  await expect(page.getByTestId('mirror-class')).toContainText(t('en', 'mirror.class_vicious'));
  await page.getByTestId('mirror-preset-middle').click();
  await expect(page.getByTestId('mirror-class')).toContainText(t('en', 'mirror.class_stalled'));
});

test('play, step and rewind move through the months', async ({ page }) => {
  await gotoApp(page, '#/mirror?months=12&lang=en');
  await page.getByTestId('mirror-rewind').click();
  await expect(page.getByTestId('mirror-month')).toHaveValue('0');
  await page.getByTestId('mirror-step').click();
  await expect(page.getByTestId('mirror-month')).toHaveValue('1');
  await page.getByTestId('mirror-play').click();
  await expect(page.getByTestId('mirror-play')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('mirror-month')).toHaveValue('12', { timeout: 10_000 });
  await expect(page.getByTestId('mirror-play')).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByTestId('mirror-step')).toBeDisabled();
});

test('each arrow explains itself on focus + Enter, and the table gives the flows as text', async ({ page }) => {
  await gotoApp(page, '#/mirror?training=85&empowerment=85&turnover=8&lang=en');
  const arrow = page.getByTestId('mirror-arrow-achievement');
  await arrow.focus();
  await page.keyboard.press('Enter');
  await expect(arrow).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('mirror-explain')).toHaveText(t('en', 'mirror.explain_achievement'));
  await page.getByTestId('mirror-arrow-quality').locator('text').click();
  await expect(page.getByTestId('mirror-explain')).toHaveText(t('en', 'mirror.explain_quality'));
  // In a virtuous run the loops push upwards.
  await expect(page.getByTestId('mirror-flow-quality')).toContainText('+');
  await expect(page.locator('[data-testid=mirror-diagram] .arrow.up')).not.toHaveCount(0);
});

test('a turnover shock shows in the run', async ({ page }) => {
  await gotoApp(page, '#/mirror');
  const base = await value(page, 'mirror-customer-satisfaction');
  await gotoApp(page, '#/mirror?shock_month=6&shock_size=0.6');
  expect(await value(page, 'mirror-customer-satisfaction')).toBeLessThan(base);
});

test('garbage in the address falls back with a notice', async ({ page }) => {
  await gotoApp(page, '#/mirror?training=abc&turnover=150&months=2.5&shock_size=-1&compare=zz');
  await expect(page.getByTestId('mirror-notice')).toBeVisible();
  for (const bit of ['training=abc', 'turnover=150', 'months=2.5', 'shock_size=-1', 'compare=zz']) {
    await expect(page.getByTestId('mirror-notice')).toContainText(bit);
  }
  await expect(page.getByTestId('mirror-training-field')).toHaveValue('50');
  await expect(page.getByTestId('mirror-months-field')).toHaveValue('36');
});

test('A/B: keep A, change B, both on the chart', async ({ page }) => {
  await gotoApp(page, '#/mirror?lang=en');
  await page.getByTestId('mirror-keep-a').click();
  await page.getByTestId('mirror-preset-cut').click();
  await expect(page).toHaveURL(/compare=/);
  await expect(page.locator('.legend li')).toHaveCount(4);
  await expect(page.locator('[data-testid=mirror-chart] path.dashed')).toHaveCount(2);
  await page.getByTestId('mirror-clear-a').click();
  await expect(page.locator('.legend li')).toHaveCount(2);
});

test('lecture 1 links to the model', async ({ page }) => {
  await gotoApp(page, '#/lecture/1');
  await page.locator('a[href="#/mirror"]').first().click();
  await expect(page.getByTestId('mirror')).toBeVisible();
});

for (const lang of ['zh', 'en']) {
  test(`axe: no violations on #/mirror (${lang})`, async ({ page }) => {
    await gotoApp(page, `#/mirror?lang=${lang}&training=85`);
    await page.getByTestId('mirror-keep-a').click();
    await page.getByTestId('mirror-arrow-recovery').locator('text').click();
    await axeCheck(page, `mirror ${lang}`);
  });
}

test('axe: no violations on #/mirror in presentation mode, dark', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await gotoApp(page, '#/mirror?present=1&training=5&turnover=45');
  await axeCheck(page, 'mirror present dark');
});

test('@phone #/mirror fits a 360 px screen', async ({ page }) => {
  await gotoApp(page, '#/mirror');
  await expect(page.getByTestId('mirror-diagram')).toBeVisible();
  const overflow = await page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
