// Practice drills (#/drill/ID, issue 19): say it positively (rewrite one
// sentence well and badly and see the three checks), sort the ten front-line
// skills by keyboard alone to 10/10, spot the mistake in every exchange;
// results saved in progress and found again after a reload; an unknown drill
// is not found; axe-clean in zh and en.
import { test, expect, gotoApp, reloadApp, axeCheck, savedRecord, t, type Page } from './fixtures';
import * as fs from 'fs';
import * as path from 'path';

const drill = (id: string) =>
  JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'content', 'drills', `${id}.json`), 'utf8'));
const positive = drill('say-it-positively');
const sort = drill('frontline-skills');
const spot = drill('spot-the-mistake');

async function checkRewrite(page: Page, text: string): Promise<number> {
  await page.getByTestId('drill-answer').fill(text);
  await page.getByTestId('drill-check').click();
  await expect(page.getByTestId('drill-feedback')).toBeVisible();
  return Number(await page.getByTestId('drill-item-score').innerText());
}

const passed = (page: Page, check: string) => page.getByTestId(`drill-check-${check}`);

test('say it positively: the model passes all three checks, the original and a refusal do not', async ({ page }) => {
  await gotoApp(page, '#/drill/say-it-positively?lang=en');
  const first = positive.items[0];
  await expect(page.getByTestId('drill-prompt')).toContainText(first.prompt.en);
  await expect(page.getByTestId('drill-summary')).toContainText(`0 of ${positive.items.length} items answered`);
  await expect(page.getByTestId('drill-check')).toBeDisabled();

  // The original sentence copied back: nothing, and the forbidden form named.
  expect(await checkRewrite(page, first.prompt.en)).toBe(0);
  await expect(passed(page, 'dropped')).toHaveAttribute('data-passed', 'false');
  await expect(page.getByTestId('drill-flag')).toHaveText(t('en', 'drill.flag_copied'));

  // The model rewrite: all three checks, 100.
  expect(await checkRewrite(page, first.model.en)).toBe(100);
  for (const c of ['dropped', 'meaning', 'offer']) {
    await expect(passed(page, c)).toHaveAttribute('data-passed', 'true');
  }
  await expect(page.getByTestId('drill-model')).toContainText(t('en', 'drill.model'));

  // A Chinese model rewrite scores on the English screen too.
  expect(await checkRewrite(page, first.model.zh)).toBe(100);

  // Saved: one item answered, its best 100, the drill's score its share.
  const share = Math.round(100 / positive.items.length);
  await expect(page.getByTestId('drill-summary')).toContainText(`1 of ${positive.items.length} items answered`);
  await expect(page.getByTestId('drill-score')).toHaveText(String(share));
  const saved = await savedRecord(page);
  expect(saved.drills['say-it-positively'].items[first.id]).toEqual({ best: 100, last: 100, answer: first.model.zh });

  // Keyboard: Ctrl+Enter checks; the next sentence is one button away.
  await page.getByTestId('drill-next').click();
  const second = positive.items[1];
  await expect(page.getByTestId('drill-prompt')).toContainText(second.prompt.en);
  await page.getByTestId('drill-answer').fill(second.prompt.en + ' Sorry.');
  await page.getByTestId('drill-answer').press('Control+Enter');
  await expect(passed(page, 'dropped')).toHaveAttribute('data-passed', 'false');
  expect(Number(await page.getByTestId('drill-item-score').innerText())).toBeLessThan(100);

  // After a reload the screen opens on the first sentence not yet answered
  // (the third); going back shows the saved rewrite judged again.
  await reloadApp(page);
  await expect(page.getByTestId('drill-prompt')).toContainText(positive.items[2].prompt.en);
  await expect(page.getByTestId('drill-summary')).toContainText(`2 of ${positive.items.length} items answered`);
  await page.getByTestId('drill-jump').selectOption('0');
  await expect(page.getByTestId('drill-answer')).toHaveValue(first.model.zh);
  await expect(page.getByTestId('drill-item-score')).toHaveText('100');
  await expect(page.getByTestId('drill-best')).toHaveText(String(share));
});

test('sort the ten front-line skills by keyboard alone: 10 / 10', async ({ page }) => {
  await gotoApp(page, '#/drill/frontline-skills?lang=en');
  const levels: string[] = sort.levels.map((l: any) => l.id);
  expect(sort.items).toHaveLength(10);
  expect(levels).toHaveLength(3);

  // A wrong answer first: the verdict names the right level.
  const wrongItem = sort.items[0];
  const wrongLevel = levels.find((l) => l !== wrongItem.level)!;
  await page.getByTestId(`drill-${wrongItem.id}-${wrongLevel}`).check();
  await page.getByTestId(`drill-check-${wrongItem.id}`).click();
  const rightLabel = sort.levels.find((l: any) => l.id === wrongItem.level).label.en;
  await expect(page.getByTestId(`drill-result-${wrongItem.id}`)).toHaveAttribute('data-right', 'false');
  await expect(page.getByTestId(`drill-result-${wrongItem.id}`)).toContainText(rightLabel);
  await expect(page.getByTestId('drill-tally')).toHaveText(t('en', 'drill.tally', { right: 0, total: 10 }));

  for (const item of sort.items) {
    const target = levels.indexOf(item.level);
    const first = page.getByTestId(`drill-${item.id}-${levels[0]}`);
    await first.focus();
    // Space picks the focused level; each arrow press picks the next one.
    if (target === 0) await page.keyboard.press('Space');
    for (let k = 0; k < target; k++) await page.keyboard.press('ArrowDown');
    await expect(page.getByTestId(`drill-${item.id}-${item.level}`)).toBeChecked();
    await page.keyboard.press('Tab');
    await expect(page.getByTestId(`drill-check-${item.id}`)).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId(`drill-result-${item.id}`)).toHaveAttribute('data-right', 'true');
  }
  await expect(page.getByTestId('drill-tally')).toHaveText(t('en', 'drill.tally', { right: 10, total: 10 }));
  await expect(page.getByTestId('drill-score')).toHaveText('100');
  await expect(page.getByTestId('drill-best')).toHaveText('100');

  await reloadApp(page);
  await expect(page.getByTestId('drill-tally')).toHaveText(t('en', 'drill.tally', { right: 10, total: 10 }));
  for (const item of sort.items) {
    await expect(page.getByTestId(`drill-${item.id}-${item.level}`)).toBeChecked();
  }
});

test('spot the mistake in every exchange; progress shows the drills', async ({ page }) => {
  await gotoApp(page, '#/drill/spot-the-mistake?lang=zh');
  const n = spot.items.length;
  expect(n).toBeGreaterThanOrEqual(12);
  const [a, b] = spot.items;
  const wrong = spot.options.find((o: any) => o.id !== a.answer).id;
  await page.getByTestId(`drill-choice-${a.id}`).selectOption(wrong);
  await page.getByTestId(`drill-check-${a.id}`).click();
  await expect(page.getByTestId(`drill-result-${a.id}`)).toHaveAttribute('data-right', 'false');
  await expect(page.getByTestId(`drill-result-${a.id}`)).toContainText(a.why.zh);
  // A new choice is judged only once checked.
  await page.getByTestId(`drill-choice-${a.id}`).selectOption(a.answer);
  await expect(page.getByTestId(`drill-result-${a.id}`)).toHaveCount(0);
  for (const item of spot.items) {
    await page.getByTestId(`drill-choice-${item.id}`).selectOption(item.answer);
    await page.getByTestId(`drill-check-${item.id}`).click();
    await expect(page.getByTestId(`drill-result-${item.id}`)).toHaveAttribute('data-right', 'true');
  }
  await expect(page.getByTestId('drill-tally')).toHaveText(t('zh', 'drill.tally', { right: n, total: n }));
  await expect(page.getByTestId('drill-score')).toHaveText('100');
  // Keyboard: a select and its button are reachable and work without a mouse.
  await page.getByTestId(`drill-choice-${b.id}`).focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId(`drill-check-${b.id}`)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId(`drill-result-${b.id}`)).toBeVisible();

  await reloadApp(page);
  await expect(page.getByTestId(`drill-result-${a.id}`)).toHaveAttribute('data-right', 'true');
  await expect(page.getByTestId(`drill-choice-${a.id}`)).toHaveValue(a.answer);

  await gotoApp(page, '#/progress?lang=zh');
  const row = page.getByTestId('progress-drill-spot-the-mistake');
  await expect(row).toContainText(spot.title.zh);
  await expect(row.locator('td').nth(0)).toHaveText(String(n + 2));
  await expect(page.getByTestId('progress-drill-frontline-skills').locator('td').nth(0)).toHaveText('—');
});

test('lecture pages link their drills; an unknown drill is not found', async ({ page }) => {
  await gotoApp(page, '#/lecture/6?lang=en');
  await expect(page.locator('a[href="#/drill/say-it-positively"]')).toHaveText(positive.title.en);
  await expect(page.locator('a[href="#/drill/frontline-skills"]')).toHaveText(sort.title.en);
  await gotoApp(page, '#/drill/no-such-drill');
  await expect(page.getByTestId('not-found')).toBeVisible();
  await gotoApp(page, '#/drill/say-it-positively?lang=en');
  await expect(page.getByTestId('drill')).toBeVisible();
});

for (const lang of ['zh', 'en'] as const) {
  test(`axe: the three drills with feedback shown (${lang})`, async ({ page }) => {
    await gotoApp(page, `#/drill/say-it-positively?lang=${lang}`);
    await page.getByTestId('drill-answer').fill(positive.items[0].model[lang]);
    await page.getByTestId('drill-check').click();
    await expect(page.getByTestId('drill-feedback')).toBeVisible();
    await axeCheck(page, `say-it-positively ${lang}`);

    await gotoApp(page, `#/drill/frontline-skills?lang=${lang}`);
    const item = sort.items[0];
    await page.getByTestId(`drill-${item.id}-${item.level}`).check();
    await page.getByTestId(`drill-check-${item.id}`).click();
    await expect(page.getByTestId(`drill-result-${item.id}`)).toBeVisible();
    await axeCheck(page, `frontline-skills ${lang}`);

    await gotoApp(page, `#/drill/spot-the-mistake?lang=${lang}`);
    const ex = spot.items[0];
    await page.getByTestId(`drill-choice-${ex.id}`).selectOption(spot.options[0].id);
    await page.getByTestId(`drill-check-${ex.id}`).click();
    await expect(page.getByTestId(`drill-result-${ex.id}`)).toBeVisible();
    await axeCheck(page, `spot-the-mistake ${lang}`);
  });
}
