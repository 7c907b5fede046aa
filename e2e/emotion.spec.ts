// Complaint emotion line (#/emotion-line): the three paths of 图4-3 via the
// address, your own recovery steps, the role-play played with the best and
// the worst replies, progress, bad addresses, accessibility.
import { test, expect, gotoApp, axeCheck, t, savedRecord, settledUrl, type Page } from './fixtures';

const num = async (page: Page, id: string) => Number((await page.getByTestId(id).innerText()).replace(/[^0-9.]/g, ''));

test('the three paths keep the course order: none < ordinary < start < perfect', async ({ page }) => {
  const finals: Record<string, number> = {};
  let start = 0;
  for (const path of ['none', 'ordinary', 'perfect']) {
    await gotoApp(page, `#/emotion-line?path=${path}`);
    await expect(page.getByTestId(`emotion-path-${path}`)).toBeChecked();
    finals[path] = await num(page, 'emotion-final');
    start = await num(page, 'emotion-start');
  }
  expect(finals.none).toBeLessThan(finals.ordinary);
  expect(finals.ordinary).toBeLessThan(start);
  expect(start).toBeLessThan(finals.perfect);
});

test('choosing a path writes it to the address; the scrubber walks through the phases', async ({ page }) => {
  await gotoApp(page, '#/emotion-line?lang=en');
  await page.getByTestId('emotion-path-ordinary').check();
  await expect(page).toHaveURL(/path=ordinary/);
  const scrub = page.getByTestId('emotion-scrub');
  await scrub.focus();
  await page.keyboard.press('Home');
  await expect(page.getByTestId('emotion-phase')).toContainText(t('en', 'emotion.phase_purchase'));
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('emotion-phase')).toContainText(t('en', 'emotion.phase_failure'));
});

test('leaving out the bonus and prevention steps ends lower than the perfect remedy', async ({ page }) => {
  await gotoApp(page, '#/emotion-line?lang=en');
  const perfect = await num(page, 'emotion-final');
  await page.locator('.tweak summary').click();
  await page.getByTestId('emotion-step-bonus').uncheck();
  await page.getByTestId('emotion-step-prevent').uncheck();
  await expect(page).toHaveURL(/steps=/);
  const yours = Number((await page.getByTestId('emotion-yours').innerText()).replace(/[^0-9.]/g, ''));
  expect(yours).toBeLessThan(perfect);
});

/** Reads the reply indices of a demonstration path from the address. */
async function demoChoices(page: Page, button: string): Promise<number[]> {
  await page.getByTestId(button).click();
  await expect(page.getByTestId('debrief')).toBeVisible();
  const m = /choices=([0-9.]+)/.exec(decodeURIComponent(await settledUrl(page)));
  expect(m).not.toBeNull();
  return m![1].split('.').map(Number);
}

for (const id of ['coffee-gift', 'crushed-chocolate', 'urgent-spare-part']) {
  test(`role-play ${id}: best replies end above the start, worst at the bottom`, async ({ page }) => {
    await gotoApp(page, `#/emotion-line?scenario=${id}&lang=en`);
    const start = await num(page, 'emotion-start');
    await expect(page.getByTestId('customer-line')).toBeVisible();
    const best = await demoChoices(page, 'roleplay-best');
    const worst = await demoChoices(page, 'roleplay-worst');
    // Now play each by hand, one reply at a time.
    for (const [choices, check] of [
      [best, async () => expect(await num(page, 'roleplay-final')).toBeGreaterThan(start)],
      [worst, async () => expect(await num(page, 'roleplay-final')).toBe(0)],
    ] as const) {
      await page.getByTestId('roleplay-restart').click();
      await expect(page.getByTestId('roleplay-clock')).toContainText('0');
      let clock = 0;
      let clicked = 0;
      for (const c of choices) {
        // A customer who walks away ends the conversation early.
        if (await page.getByTestId('debrief').isVisible()) break;
        await page.getByTestId(`reply-${c}`).click();
        clicked++;
        const now = await num(page, 'roleplay-clock');
        expect(now).toBeGreaterThanOrEqual(clock);
        clock = now;
      }
      await expect(page.getByTestId('debrief')).toBeVisible();
      await check();
      await expect(page.getByTestId('debrief').locator('tbody tr')).toHaveCount(clicked);
    }
    const saved = await savedRecord(page);
    expect(saved.roleplays[id].attempts).toBeGreaterThanOrEqual(2);
    expect(saved.roleplays[id].best).toBeGreaterThan(start);
    await gotoApp(page, '#/progress');
    await expect(page.getByTestId(`progress-roleplay-${id}`)).toContainText(String(saved.roleplays[id].best));
  });
}

test('the debrief names the mistakes', async ({ page }) => {
  await gotoApp(page, '#/emotion-line?scenario=coffee-gift&lang=en');
  await page.getByTestId('roleplay-worst').click();
  await expect(page.getByTestId('debrief').locator('tr.mistake')).not.toHaveCount(0);
  await expect(page.getByTestId('roleplay-wom')).toContainText('11');
});

test('a reload keeps the conversation where it was', async ({ page }) => {
  await gotoApp(page, '#/emotion-line?scenario=crushed-chocolate');
  await page.getByTestId('reply-0').click();
  const line = await page.getByTestId('customer-line').innerText();
  await settledUrl(page);
  await page.reload();
  await expect(page.getByTestId('customer-line')).toHaveText(line);
});

test('garbage in the address falls back with a notice', async ({ page }) => {
  await gotoApp(page, '#/emotion-line?path=sideways&severity=9&scenario=nope&choices=x,y&steps=fly');
  await expect(page.getByTestId('emotion-notice')).toBeVisible();
  for (const bit of ['path=sideways', 'severity=9', 'scenario=nope', 'steps=fly']) {
    await expect(page.getByTestId('emotion-notice')).toContainText(bit);
  }
  await expect(page.getByTestId('emotion-path-all')).toBeChecked();
  await expect(page.getByTestId('conversation')).toHaveCount(0);
  // Replies that do not fit the scenario are dropped, not obeyed.
  await gotoApp(page, '#/emotion-line?scenario=coffee-gift&choices=9.9.9');
  await expect(page.getByTestId('customer-line')).toBeVisible();
  await expect(page.getByTestId('roleplay-clock')).toContainText('0');
});

test('lectures 7 and 8 link to the screen', async ({ page }) => {
  for (const n of [7, 8]) {
    await gotoApp(page, `#/lecture/${n}`);
    await expect(page.locator('a[href="#/emotion-line"]').first()).toBeVisible();
  }
});

for (const lang of ['zh', 'en']) {
  test(`axe: no violations on #/emotion-line (${lang}), during and after a role-play`, async ({ page }) => {
    await gotoApp(page, `#/emotion-line?lang=${lang}&scenario=urgent-spare-part`);
    await expect(page.getByTestId('customer-line')).toBeVisible();
    await page.locator('.tweak summary').click();
    await axeCheck(page, `emotion ${lang} during`);
    await page.getByTestId('roleplay-worst').click();
    await expect(page.getByTestId('debrief')).toBeVisible();
    await axeCheck(page, `emotion ${lang} debrief`);
  });
}

test('axe: no violations on #/emotion-line in presentation mode, dark', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await gotoApp(page, '#/emotion-line?present=1&scenario=coffee-gift');
  await page.getByTestId('roleplay-best').click();
  await axeCheck(page, 'emotion present dark');
});

test('@phone #/emotion-line fits a 360 px screen', async ({ page }) => {
  await gotoApp(page, '#/emotion-line?scenario=coffee-gift');
  await expect(page.getByTestId('customer-line')).toBeVisible();
  const overflow = await page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
