// Goodbye Mrs Smith (#/smith): the course's numbers, the address as the
// screen's state, bad input, controls in sync, Monte Carlo, workshop tools.
import { test, expect, gotoApp, axeCheck, settledUrl, type Page } from './fixtures';

const text = (page: Page, id: string) => page.getByTestId(id).innerText();
/** The digits of a displayed amount ("$221,000" → 221000). */
const amount = async (page: Page, id: string) => Number((await text(page, id)).replace(/[^0-9.]/g, ''));

test('defaults reproduce the course: 26,000 direct, 221,000–416,000 total', async ({ page }) => {
  await gotoApp(page, '#/smith');
  await expect(page.getByTestId('smith-direct-loss')).toHaveText('$26,000');
  await expect(page.getByTestId('smith-total-low')).toContainText('$221,000');
  await expect(page.getByTestId('smith-total-high')).toContainText('$416,000');
  await expect(page.getByTestId('smith-influenced-low')).toContainText('30');
  await expect(page.getByTestId('smith-influenced-high')).toContainText('60');
  await expect(page.getByTestId('smith-lost-low')).toContainText('7.5');
  await expect(page.getByTestId('smith-lost-high')).toContainText('15');
  await expect(page.getByTestId('smith-notice')).toHaveCount(0);
});

test('parameters in the address apply, including currency', async ({ page }) => {
  await gotoApp(page, '#/smith?weekly=100&years=10&stop=0.5&currency=cny&lang=en');
  await expect(page.getByTestId('smith-direct-loss')).toHaveText('¥52,000');
  // 52,000 × (1 + 30 × 0.5) = 832,000 at the low reach.
  await expect(page.getByTestId('smith-total-low')).toContainText('¥832,000');
  await expect(page.getByTestId('smith-weekly-field')).toHaveValue('100');
  await expect(page.getByTestId('smith-stop-field')).toHaveValue('50');
});

test('garbage in the address falls back to defaults with a notice', async ({ page }) => {
  await gotoApp(page, '#/smith?weekly=abc&stop=7&years=-3&reach_lo=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&seed=zz&compare=1,2');
  await expect(page.getByTestId('smith-notice')).toBeVisible();
  await expect(page.getByTestId('smith-notice')).toContainText('weekly=abc');
  await expect(page.getByTestId('smith-notice')).toContainText('<img');
  await expect(page.locator('img')).toHaveCount(0);
  await expect(page.getByTestId('smith-direct-loss')).toHaveText('$26,000');
  await expect(page.getByTestId('smith-total-low')).toContainText('$221,000');
  await expect(page.getByTestId('smith-compare')).toHaveCount(0);
  // A reversed reach range is refused as a pair.
  await gotoApp(page, '#/smith?reach_lo=40&reach_hi=12');
  await expect(page.getByTestId('smith-notice')).toContainText('reach_lo=40');
  await expect(page.getByTestId('smith-told-low')).toContainText('10');
  await expect(page.getByTestId('smith-told-high')).toContainText('20');
});

test('slider and number field stay in sync and write the address', async ({ page }) => {
  await gotoApp(page, '#/smith');
  const field = page.getByTestId('smith-weekly-field');
  const range = page.getByTestId('smith-weekly-range');
  await field.fill('80');
  await expect(range).toHaveValue('80');
  await expect(page.getByTestId('smith-direct-loss')).toHaveText('$41,600');
  await expect(page).toHaveURL(/weekly=80/);
  await range.focus();
  await page.keyboard.press('ArrowRight');
  await expect(field).toHaveValue('81');
  await expect(page.getByTestId('smith-direct-loss')).toHaveText('$42,120');
  // The link reproduces the screen.
  const url = await settledUrl(page);
  const other = await page.context().newPage();
  await other.goto(url);
  await expect(other.getByTestId('smith-direct-loss')).toHaveText('$42,120');
  await other.close();
  // Each slider's callback reads the current assumptions: the first change stays.
  await page.getByTestId('smith-weeks-field').fill('40');
  await expect(page).toHaveURL(/weeks=40(&|$)/);
  await expect(page).toHaveURL(/weekly=81(&|$)/);
  await expect(page.getByTestId('smith-direct-loss')).toHaveText('$32,400');
});

test('the address is written even when the page draws no frames', async ({ page }) => {
  // A hidden tab or a stalled headless browser runs no animation frames:
  // the router's write of the address must not wait for one.
  await page.addInitScript(() => {
    window.requestAnimationFrame = () => 0;
  });
  await gotoApp(page, '#/smith');
  await page.getByTestId('smith-weekly-field').fill('80');
  await expect(page.getByTestId('smith-direct-loss')).toHaveText('$41,600');
  await expect(page).toHaveURL(/weekly=80/, { timeout: 2_000 });
});

test('a bad typed value is explained and changes nothing', async ({ page }) => {
  await gotoApp(page, '#/smith');
  const field = page.getByTestId('smith-stop-field');
  for (const bad of ['abc', '250', '-5']) {
    await field.fill(bad);
    await expect(page.locator('.control.invalid [role=alert]')).toBeVisible();
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByTestId('smith-total-low')).toContainText('$221,000');
    await expect(page.getByTestId('smith-stop-range')).toHaveValue('25');
  }
  await page.getByTestId('smith-weeks-field').fill('12.5');
  await expect(page.locator('.control.invalid [role=alert]').first()).toBeVisible();
  await field.fill('50');
  await expect(field).toHaveAttribute('aria-invalid', 'false');
  await expect(page.getByTestId('smith-total-low')).toContainText('$416,000');
});

test('the reach range stays ordered when one end passes the other', async ({ page }) => {
  await gotoApp(page, '#/smith');
  await page.getByTestId('smith-reach-lo-field').fill('30');
  await expect(page.getByTestId('smith-told-low')).toContainText('30');
  await expect(page.getByTestId('smith-told-high')).toContainText('30');
  await expect(page.getByTestId('smith-notice')).toHaveCount(0);
});

test('Monte Carlo shows its spread, seed, and re-runs with a new seed', async ({ page }) => {
  await gotoApp(page, '#/smith');
  await expect(page.getByTestId('smith-seed')).toHaveText('2024');
  await expect(page.getByTestId('smith-histogram')).toBeVisible();
  const mean = await amount(page, 'smith-mc-mean');
  // The mean sits at the chain's middle reach (318,500) within 1 %.
  expect(Math.abs(mean - 318500) / 318500).toBeLessThan(0.01);
  const [p5, p95] = (await text(page, 'smith-mc-range')).split('–').map((s) => Number(s.replace(/[^0-9]/g, '')));
  expect(p5).toBeLessThan(mean);
  expect(p95).toBeGreaterThan(mean);
  await page.getByTestId('smith-rerun').click();
  await expect(page.getByTestId('smith-seed')).not.toHaveText('2024');
  const seed = await text(page, 'smith-seed');
  await expect(page).toHaveURL(new RegExp(`seed=${seed}`));
  // Same seed, same result: reload gives the same mean.
  const before = await text(page, 'smith-mc-mean');
  await page.reload();
  await expect(page.getByTestId('smith-mc-mean')).toHaveText(before);
});

test('step-through reveals the chain one link at a time by keyboard', async ({ page }) => {
  await gotoApp(page, '#/smith?present=1');
  await page.getByTestId('smith-step-mode').click();
  await expect(page.getByTestId('smith-direct-loss')).toBeVisible();
  await expect(page.getByTestId('smith-told-low')).toBeHidden();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('smith-told-low')).toBeVisible();
  await expect(page.getByTestId('smith-first-low')).toBeHidden();
  for (let i = 0; i < 6; i++) await page.keyboard.press('PageDown');
  await expect(page.getByTestId('smith-total-high')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('smith-step-mode')).toHaveAttribute('aria-pressed', 'false');
});

test('A/B: keep a set as A, change B, compare', async ({ page }) => {
  await gotoApp(page, '#/smith?lang=en');
  await page.getByTestId('smith-keep-a').click();
  await expect(page.getByTestId('smith-compare')).toBeVisible();
  await page.getByTestId('smith-weekly-field').fill('100');
  const compare = page.getByTestId('smith-compare');
  const rows = compare.locator('tbody tr');
  await expect(rows.nth(0)).toContainText('Spend per week');
  await expect(rows.nth(0)).toContainText('50');
  await expect(rows.nth(0)).toContainText('100');
  await expect(rows.nth(1)).toContainText('$26,000');
  await expect(rows.nth(1)).toContainText('$52,000');
  await expect(rows.nth(1)).toContainText('+$26,000');
  await expect(page).toHaveURL(/compare=50(,|%2C)52(,|%2C)10/);
  await page.getByTestId('smith-clear-a').click();
  await expect(page.getByTestId('smith-compare')).toHaveCount(0);
});

test('reset returns every assumption to the course defaults', async ({ page }) => {
  await gotoApp(page, '#/smith?weekly=90&years=3&currency=cny');
  await page.getByTestId('smith-reset').click();
  await expect(page.getByTestId('smith-direct-loss')).toHaveText('$26,000');
  await expect(page.getByTestId('smith-weekly-field')).toHaveValue('50');
});

test('profit view and insights follow the assumptions', async ({ page }) => {
  await gotoApp(page, '#/smith?lang=en');
  await page.getByTestId('smith-profit-toggle').check();
  await expect(page.getByTestId('smith-profit-low')).toHaveText('$44,200');
  await expect(page.getByTestId('smith-insight-budget')).toContainText('$4,420');
  await expect(page.getByTestId('smith-insight-cac')).toContainText('5');
  await expect(page.getByTestId('smith-tornado')).toBeVisible();
});

test('lecture 2 links to the model', async ({ page }) => {
  await gotoApp(page, '#/lecture/2');
  await page.locator('a[href="#/smith"]').first().click();
  await expect(page.getByTestId('smith')).toBeVisible();
});

for (const lang of ['zh', 'en']) {
  test(`axe: no violations on #/smith (${lang})`, async ({ page }) => {
    await gotoApp(page, `#/smith?lang=${lang}`);
    await expect(page.getByTestId('smith-histogram')).toBeVisible();
    await page.getByTestId('smith-keep-a').click();
    await axeCheck(page, `smith ${lang}`);
  });
}

test('axe: no violations on #/smith in presentation mode, dark', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await gotoApp(page, '#/smith?present=1');
  await expect(page.getByTestId('smith-histogram')).toBeVisible();
  await axeCheck(page, 'smith present dark');
});

test('@phone #/smith fits a 360 px screen', async ({ page }) => {
  await gotoApp(page, '#/smith');
  await expect(page.getByTestId('smith-histogram')).toBeVisible();
  const overflow = await page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
