// The five gaps (#/gaps, lecture 9, figure 6-1): expected service, the four
// firm-side gaps as levers, gap 5 and the satisfaction verdict; the airline
// case's importance orders (managers' order rearranged by keyboard against
// the passengers', Spearman's rank correlation in numbers and words); the
// address as the screen's state, bad input, step-through, tools, axe.
import { test, expect, gotoApp, axeCheck, settledUrl } from './fixtures';

test('defaults: 8 expected, 5 perceived, gap 5 of 3; the case orders agree at -0.26', async ({ page }) => {
  await gotoApp(page, '#/gaps?lang=en');
  await expect(page.getByTestId('gaps-gap5')).toHaveText('3');
  await expect(page.getByTestId('gaps-expected')).toHaveText('8');
  await expect(page.getByTestId('gaps-perceived')).toHaveText('5');
  await expect(page.getByTestId('gaps-verdict')).toContainText('clearly dissatisfied');
  await expect(page.getByTestId('gaps-first')).toContainText('Close gap 1');
  // The chain stage by stage: 8 − 1 − 0.5 − 1, promised 0.5 above delivery.
  for (const [id, v] of [['expected', '8'], ['perception', '7'], ['standards', '6.5'], ['delivered', '5.5'], ['promised', '6'], ['perceived', '5']]) {
    await expect(page.getByTestId(`gaps-stage-${id}`)).toHaveText(v);
  }
  await expect(page.getByTestId('gaps-figure')).toBeVisible();
  await expect(page.getByTestId('gaps-figure').locator('title')).toHaveText('The five gaps (figure 6-1)');
  await expect(page.getByTestId('gaps-figure').locator('desc')).toContainText('gap 5, is 3');
  await expect(page.getByTestId('gaps-box-promised')).toContainText('6');
  // Passengers: punctuality and comfort first; managers: safety and courtesy.
  await expect(page.getByTestId('gaps-passengers').locator('li').first()).toHaveText('Punctuality');
  await expect(page.getByTestId('gaps-managers-0')).toContainText('Safety');
  await expect(page.getByTestId('gaps-managers-1')).toContainText('Courtesy');
  await expect(page.getByTestId('gaps-rank-agreement')).toHaveText('-0.26');
  await expect(page.getByTestId('gaps-rank-words')).toContainText('lean the opposite way');
  await expect(page.getByTestId('gaps-rank-words')).toContainText('3 places');
  await expect(page.getByTestId('gaps-rank-safety')).toHaveText('1');
  await expect(page.getByTestId('gaps-rank-chart')).toBeVisible();
  await expect(page.getByTestId('gaps-up-safety')).toBeDisabled();
  await expect(page.getByTestId('gaps-notice')).toHaveCount(0);
});

test('parameters and the managers\' order in the address apply', async ({ page }) => {
  await gotoApp(page, '#/gaps?expected=9&gap1=0&gap2=0&gap3=0.5&gap4=0&managers=punctuality,comfort,baggage,safety,courtesy,meals&lang=en');
  await expect(page.getByTestId('gaps-gap3-field')).toHaveValue('0.5');
  await expect(page.getByTestId('gaps-expected-field')).toHaveValue('9');
  await expect(page.getByTestId('gaps-gap5')).toHaveText('0.5');
  await expect(page.getByTestId('gaps-perceived')).toHaveText('8.5');
  await expect(page.getByTestId('gaps-verdict')).toContainText('somewhat disappointed');
  await expect(page.getByTestId('gaps-first')).toContainText('Close gap 3');
  await expect(page.getByTestId('gaps-rank-agreement')).toHaveText('1.00');
  await expect(page.getByTestId('gaps-rank-words')).toContainText('practically the same');
  await expect(page.getByTestId('gaps-order-passengers')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('gaps-notice')).toHaveCount(0);
});

test('garbage in the address falls back to defaults with a notice', async ({ page }) => {
  await gotoApp(page, '#/gaps?gap1=abc&gap2=9&expected=-1&managers=safety,safety&gap3=2&lang=en');
  const notice = page.getByTestId('gaps-notice');
  await expect(notice).toBeVisible();
  for (const bad of ['gap1=abc', 'gap2=9', 'expected=-1', 'managers=safety,safety']) await expect(notice).toContainText(bad);
  await expect(page.getByTestId('gaps-gap1-field')).toHaveValue('1');
  await expect(page.getByTestId('gaps-expected-field')).toHaveValue('8');
  // The valid gap 3 applies: 8 − 1 − 0.5 − 2 − 0.5.
  await expect(page.getByTestId('gaps-gap5')).toHaveText('4');
  await expect(page.getByTestId('gaps-managers-0')).toContainText('Safety');
  await expect(page.getByTestId('gaps-rank-agreement')).toHaveText('-0.26');
  await gotoApp(page, '#/gaps?managers=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&reveal=99&lang=en');
  await expect(page.getByTestId('gaps-notice')).toContainText('<img');
  await expect(page.locator('img')).toHaveCount(0);
  await expect(page.getByTestId('gaps-gap5')).toHaveText('3');
});

test('slider and field stay in sync and the address is written', async ({ page }) => {
  await gotoApp(page, '#/gaps?lang=en');
  await page.getByTestId('gaps-gap1-field').fill('0');
  await expect(page.getByTestId('gaps-gap1-range')).toHaveValue('0');
  await expect(page.getByTestId('gaps-gap5')).toHaveText('2');
  await expect(page).toHaveURL(/gap1=0(&|$)/);
  const range = page.getByTestId('gaps-gap4-range');
  await range.focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('gaps-gap4-field')).toHaveValue('0.6');
  await expect(page.getByTestId('gaps-gap5')).toHaveText('2.1');
  await expect(page.getByTestId('gaps-stage-promised')).toHaveText('7.1');
  // A bad typed value is explained and changes nothing.
  await page.getByTestId('gaps-gap2-field').fill('7');
  await expect(page.getByTestId('gaps-gap2-field')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('gaps-gap5')).toHaveText('2.1');
  // Every gap closed: expectations met.
  for (const id of ['gap2', 'gap3', 'gap4']) await page.getByTestId(`gaps-${id}-field`).fill('0');
  await expect(page.getByTestId('gaps-gap5')).toHaveText('0');
  await expect(page.getByTestId('gaps-verdict')).toContainText('satisfied');
  await expect(page.getByTestId('gaps-first')).toContainText('All four gaps are closed');
  const url = await settledUrl(page);
  const other = await page.context().newPage();
  await other.goto(url);
  await expect(other.getByTestId('gaps-gap5')).toHaveText('0');
  await other.close();
});

test('reordering the managers\' list by keyboard moves the rank agreement', async ({ page }) => {
  await gotoApp(page, '#/gaps?lang=en');
  // Punctuality up twice: it reaches the top and the focus moves to its Down button.
  await page.getByTestId('gaps-up-punctuality').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('gaps-managers-1')).toContainText('Punctuality');
  await expect(page.getByTestId('gaps-up-punctuality')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('gaps-managers-0')).toContainText('Punctuality');
  await expect(page.getByTestId('gaps-down-punctuality')).toBeFocused();
  // Σd² = 30: ρ = 1 − 180 / 210.
  await expect(page.getByTestId('gaps-rank-agreement')).toHaveText('0.14');
  await expect(page.getByTestId('gaps-rank-words')).toContainText('next to nothing');
  // Comfort up three places with Space: Σd² = 12, ρ = 1 − 72 / 210.
  await page.getByTestId('gaps-up-comfort').focus();
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press('Space');
    await expect(page.getByTestId(`gaps-managers-${3 - i}`)).toContainText('Comfort');
  }
  await expect(page.getByTestId('gaps-up-comfort')).toBeFocused();
  await expect(page.getByTestId('gaps-rank-status')).toHaveText('Comfort is now in place 2 of 6.');
  await expect(page.getByTestId('gaps-rank-agreement')).toHaveText('0.66');
  await expect(page.getByTestId('gaps-rank-words')).toContainText('broadly agree');
  await expect(page.getByTestId('gaps-rank-comfort')).toHaveText('2');
  await expect(page).toHaveURL(/managers=punctuality(,|%2C)comfort(,|%2C)safety(,|%2C)courtesy(,|%2C)meals(,|%2C)baggage/);
  // The presets, and reset all brings back the case.
  await page.getByTestId('gaps-order-reversed').click();
  await expect(page.getByTestId('gaps-rank-agreement')).toHaveText('-1.00');
  await expect(page.getByTestId('gaps-rank-words')).toContainText('practically reversed');
  await page.getByTestId('gaps-gap3-field').fill('3');
  await page.getByTestId('gaps-reset').click();
  await expect(page.getByTestId('gaps-rank-agreement')).toHaveText('-0.26');
  await expect(page.getByTestId('gaps-gap3-field')).toHaveValue('1');
  await expect(page.getByTestId('gaps-gap5')).toHaveText('3');
});

test('step-through reveals the chain gap by gap, then the ranking', async ({ page }) => {
  await gotoApp(page, '#/gaps?present=1&lang=en');
  await page.getByTestId('gaps-step-mode').click();
  const text = page.getByTestId('gaps-step-text');
  await expect(text).toContainText('expects a service worth 8');
  await expect(page.getByTestId('gaps-box-expected')).toBeVisible();
  await expect(page.getByTestId('gaps-box-perception')).toBeHidden();
  await expect(page.getByTestId('gaps-gap5')).toBeHidden();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('gaps-box-perception')).toBeVisible();
  await expect(page.getByTestId('gaps-box-standards')).toBeHidden();
  await expect(text).toContainText('think customers expect 7');
  await page.keyboard.press('ArrowRight');
  await expect(text).toContainText('ask for only 6.5');
  await page.keyboard.press('PageDown');
  await expect(page.getByTestId('gaps-box-delivered')).toBeVisible();
  await expect(text).toContainText('delivers 5.5');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('gaps-box-promised')).toBeVisible();
  await expect(page.getByTestId('gaps-box-perceived')).toBeHidden();
  await expect(text).toContainText('promised 6');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('gaps-gap5')).toBeVisible();
  await expect(page.getByTestId('gaps-box-perceived')).toBeVisible();
  await expect(page.getByTestId('gaps-rank-agreement')).toBeHidden();
  await expect(text).toContainText('clearly dissatisfied');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('gaps-rank-agreement')).toBeVisible();
  await expect(text).toContainText('-0.26');
  await expect(page).toHaveURL(/reveal=7/);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('gaps-step-mode')).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByTestId('gaps-box-perception')).toBeVisible();
});

test('share carries only what differs from the defaults', async ({ page }) => {
  await gotoApp(page, '#/gaps?gap2=0&managers=punctuality,comfort,baggage,safety,courtesy,meals&note=x&lang=en');
  await page.getByTestId('gaps-share').click();
  await expect(page.getByTestId('gaps-share-link')).toHaveValue(/#\/gaps\?gap2=0&managers=punctuality%2Ccomfort%2Cbaggage%2Csafety%2Ccourtesy%2Cmeals&lang=en$/);
  await expect(page.getByTestId('gaps-qr')).toBeVisible();
});

test('lecture 9 links to the model', async ({ page }) => {
  await gotoApp(page, '#/lecture/9');
  await page.locator('a[href="#/gaps"]').first().click();
  await expect(page.getByTestId('gaps')).toBeVisible();
});

for (const lang of ['zh', 'en']) {
  test(`axe: no violations on #/gaps (${lang})`, async ({ page }) => {
    await gotoApp(page, `#/gaps?lang=${lang}&gap2=0&gap4=2`);
    await expect(page.getByTestId('gaps-figure')).toBeVisible();
    await page.getByTestId('gaps-up-comfort').click();
    await expect(page.getByTestId('gaps-rank-status')).not.toBeEmpty();
    await axeCheck(page, `gaps ${lang}`);
  });
}

test('axe: no violations on #/gaps in presentation mode, dark, stepping', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await gotoApp(page, '#/gaps?present=1&gap1=0');
  await expect(page.getByTestId('gaps-figure')).toBeVisible();
  await page.getByTestId('gaps-step-mode').click();
  await page.getByTestId('gaps-step-next').click();
  await axeCheck(page, 'gaps present dark');
});

test('@phone #/gaps fits a 360 px screen', async ({ page }) => {
  await gotoApp(page, '#/gaps?lang=en');
  await expect(page.getByTestId('gaps-figure')).toBeVisible();
  await expect(page.getByTestId('gaps-rank-table')).toBeVisible();
  const overflow = await page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
