// Self-checks (#/self-check/ID): answer, score and feedback, attempts kept
// across reloads, the draft kept, user text never rendered as HTML, the
// structured follow-up, bad ids, accessibility.
import * as fs from 'fs';
import * as path from 'path';
import { test, expect, gotoApp, axeCheck, t, savedRecord, type Page } from './fixtures';

const IDS = ['1-1', '3-1', '5-1', '6-1', '7-1'];
const exercise = (id: string) =>
  JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'content', 'selfchecks', `${id}.json`), 'utf8'));
const score = async (page: Page) => Number(await page.getByTestId('selfcheck-score').innerText());

async function answer(page: Page, text: string) {
  await page.getByTestId('selfcheck-answer').fill(text);
  await page.getByTestId('selfcheck-submit').click();
  await expect(page.getByTestId('selfcheck-feedback')).toBeVisible();
}

test('answer, submit, see score and feedback; reload finds the attempt and the draft', async ({ page }) => {
  await gotoApp(page, '#/self-check/3-1?lang=en');
  await expect(page.getByTestId('selfcheck-submit')).toBeDisabled();
  const text = 'Scolding the waiter in front of the guests was wrong: it spoils their meal and humiliates him. Talk to him privately afterwards.';
  await answer(page, text);
  const s = await score(page);
  expect(s).toBeGreaterThan(0);
  expect(s).toBeLessThanOrEqual(100);
  const ex = exercise('3-1');
  await expect(page.locator('.ideas-result li')).toHaveCount(ex.ideas.length);
  await expect(page.locator('.ideas-result li.found')).not.toHaveCount(0);
  await expect(page.locator('.ideas-result li.missed .hint').first()).toBeVisible();
  // The record keeps the ideas this attempt missed (sorted ids), for the class view.
  const missed = (await page.locator('.ideas-result li.missed').evaluateAll((els) =>
    els.map((e) => (e.getAttribute('data-testid') ?? '').replace(/^idea-/, '')))).sort();
  expect(missed.length).toBeGreaterThan(0);
  await page.locator('.model-answer summary').click();
  await expect(page.locator('.model-answer p')).toHaveText(ex.model_answer.en);
  await page.reload();
  await expect(page.getByTestId('selfcheck-record')).toContainText('1');
  await expect(page.getByTestId('selfcheck-score')).toHaveText(String(s));
  await expect(page.getByTestId('selfcheck-answer')).toHaveValue(text);
  expect((await savedRecord(page)).exercises['3-1']).toEqual({ attempts: 1, best: s, last: s, missed });
  await gotoApp(page, '#/progress');
  await expect(page.getByTestId('progress-exercise-3-1')).toContainText(String(s));
});

for (const id of IDS) {
  test(`self-check ${id}: the model answer scores high, a reversed or empty-headed one low`, async ({ page }) => {
    const ex = exercise(id);
    await gotoApp(page, `#/self-check/${id}`);
    await answer(page, ex.model_answer.zh);
    const strong = await score(page);
    expect(strong).toBeGreaterThanOrEqual(70);
    await page.getByTestId('selfcheck-again').click();
    await answer(page, ex.case.zh);
    expect(await score(page)).toBeLessThan(strong / 2);
    // The English model answer counts for a Chinese exercise too.
    await page.getByTestId('selfcheck-again').click();
    await answer(page, ex.model_answer.en);
    expect(await score(page)).toBeGreaterThanOrEqual(60);
  });
}

test('an answer with HTML is shown as text, never run', async ({ page }) => {
  let dialogs = 0;
  page.on('dialog', async (d) => { dialogs++; await d.dismiss(); });
  await gotoApp(page, '#/self-check/5-1');
  const evil = '<img src=x onerror=alert(1)> <script>alert(2)</script> 承诺要简单，不需要繁琐的证明手续';
  await answer(page, evil);
  await page.reload();
  await expect(page.getByTestId('selfcheck-answer')).toHaveValue(evil);
  await expect(page.locator('main img, main script')).toHaveCount(0);
  expect(dialogs).toBe(0);
});

test('Ctrl+Enter submits', async ({ page }) => {
  await gotoApp(page, '#/self-check/1-1');
  await page.getByTestId('selfcheck-answer').fill('超出顾客的期望，赢得长期的忠诚');
  await page.getByTestId('selfcheck-answer').press('Control+Enter');
  await expect(page.getByTestId('selfcheck-feedback')).toBeVisible();
});

test('follow-up (pick): the right options are scored exactly', async ({ page }) => {
  const ex = exercise('3-1');
  await gotoApp(page, '#/self-check/3-1?lang=en');
  await page.getByTestId('followup-option-5').check();
  await page.getByTestId('followup-check').click();
  await expect(page.getByTestId('followup-result')).toHaveClass(/error/);
  await page.getByTestId('followup-option-5').uncheck();
  for (const i of ex.followup.answer) await page.getByTestId(`followup-option-${i}`).check();
  await page.getByTestId('followup-check').click();
  await expect(page.getByTestId('followup-result')).toHaveClass(/ok/);
});

test('follow-up (order): moving items by keyboard reaches the right order', async ({ page }) => {
  const ex = exercise('7-1');
  await gotoApp(page, '#/self-check/7-1?lang=en');
  const target: number[] = ex.followup.answer;
  // Selection sort with the up buttons, reading the current order from the page.
  const labels: string[] = ex.followup.options.map((o: { en: string }) => o.en);
  for (let pos = 0; pos < target.length; pos++) {
    const want = labels[target[pos]];
    for (;;) {
      const items = await page.locator('.order li span').allInnerTexts();
      const at = items.indexOf(want);
      if (at === pos) break;
      const up = page.getByTestId(`followup-item-${at}`).getByRole('button').first();
      await up.focus();
      await page.keyboard.press('Enter');
    }
  }
  await page.getByTestId('followup-check').click();
  await expect(page.getByTestId('followup-result')).toHaveClass(/ok/);
});

test('an unknown exercise shows not-found', async ({ page }) => {
  await gotoApp(page, '#/self-check/9-9');
  await expect(page.getByTestId('not-found')).toBeVisible();
});

test('every lecture with a self-check links to it', async ({ page }) => {
  for (const [n, id] of [[1, '1-1'], [6, '3-1'], [8, '5-1'], [10, '6-1'], [12, '7-1']] as const) {
    await gotoApp(page, `#/lecture/${n}`);
    await expect(page.locator(`a[href="#/self-check/${id}"]`)).toBeVisible();
  }
});

for (const lang of ['zh', 'en']) {
  test(`axe: no violations on a self-check with feedback (${lang})`, async ({ page }) => {
    await gotoApp(page, `#/self-check/6-1?lang=${lang}`);
    await answer(page, 'The bank should explain the change early and fix its own mistake.');
    await page.getByTestId('followup-option-0').check();
    await page.getByTestId('followup-check').click();
    await axeCheck(page, `self-check ${lang}`);
  });
}

test('@phone a self-check fits a 360 px screen', async ({ page }) => {
  await gotoApp(page, '#/self-check/7-1');
  const overflow = await page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

// The learned scorer (content/scorer/): a good answer in words the rubric
// lists only in part gets more than the rubric alone gives it; when the
// model cannot load, the rubric scores alone and the screen says so.
const OWN_WORDS = 'A boss who tells off a server where customers can see it hurts two people at once: the worker loses face and the customers lose their appetite. Deal with the table first, then have a quiet word with the employee later and look at why it happened.';

test('the learned model scores the answer and the screen says how', async ({ page }) => {
  const asked: string[] = [];
  page.on('request', (r) => { if (r.url().includes('/scorer/')) asked.push(r.url()); });
  await gotoApp(page, '#/self-check/3-1?lang=en');
  const note = page.getByTestId('selfcheck-scorer');
  // The first visit does not download the model: only using the answer box does.
  await expect(note).toHaveAttribute('data-scorer', 'idle');
  expect(asked).toEqual([]);
  await page.getByTestId('selfcheck-answer').focus();
  await expect(note).toHaveAttribute('data-scorer', 'learned');
  // The note counts the exemplars the shipped file holds.
  const shipped = (await (await page.request.get('/scorer/3-1.json')).json()).exemplars.length;
  expect(shipped).toBeGreaterThan(100);
  await expect(note).toContainText(`compares yours with ${shipped} graded answers to this question`);
  expect(asked.length).toBe(2);
  await answer(page, OWN_WORDS);
  const learned = await score(page);
  await page.getByTestId('selfcheck-again').click();
  await answer(page, 'I think the weather will be nice tomorrow and I plan to go hiking.');
  expect(await score(page)).toBeLessThanOrEqual(20);
  expect(learned).toBeGreaterThanOrEqual(55);
  await axeCheck(page, 'self-check with the scorer note');
});

test('an answer sent while the model loads waits for it, then gets its score', async ({ page }) => {
  await gotoApp(page, '#/self-check/3-1?lang=en');
  await answer(page, OWN_WORDS);
  const learned = await score(page);
  await page.getByTestId('selfcheck-again').click();
  let release = () => {};
  const held = new Promise<void>((r) => { release = r; });
  await page.route('**/scorer/model.json', async (route) => { await held; await route.continue(); });
  await page.reload();
  await page.getByTestId('selfcheck-answer').fill(OWN_WORDS);
  await page.getByTestId('selfcheck-submit').click();
  await expect(page.getByTestId('selfcheck-submit')).toHaveText('Scoring…');
  await expect(page.getByTestId('selfcheck-scorer')).toHaveAttribute('data-scorer', 'loading');
  release();
  await expect(page.getByTestId('selfcheck-feedback')).toBeVisible();
  expect(await score(page)).toBe(learned);
  await expect(page.getByTestId('selfcheck-record')).toContainText('2');
});

test('a model that never arrives: the rubric scores the answer after a wait', async ({ page }) => {
  await gotoApp(page, '#/self-check/3-1?lang=en');
  await page.route('**/scorer/model.json', () => {}); // never answered
  await page.getByTestId('selfcheck-answer').fill(OWN_WORDS);
  await page.getByTestId('selfcheck-submit').click();
  await expect(page.getByTestId('selfcheck-submit')).toHaveText('Scoring…');
  await expect(page.getByTestId('selfcheck-feedback')).toBeVisible({ timeout: 10_000 });
  expect((await savedRecord(page)).exercises['3-1'].attempts).toBe(1);
});

test.describe('without the learned model', () => {
  test.use({ allowedConsole: [/Failed to load resource|net::ERR_FAILED/i] });
  test('the rubric scores alone, lower here, and the screen says why', async ({ page }) => {
    await gotoApp(page, '#/self-check/3-1?lang=en');
    await answer(page, OWN_WORDS);
    const learned = await score(page);
    await page.route('**/scorer/model.json', (route) => route.abort());
    await page.reload();
    const note = page.getByTestId('selfcheck-scorer');
    await expect(note).toHaveAttribute('data-scorer', 'rubric');
    await expect(note).toContainText('could not load');
    await page.getByTestId('selfcheck-answer').fill(OWN_WORDS);
    await page.getByTestId('selfcheck-submit').click();
    const rubric = await score(page);
    expect(rubric).toBeLessThan(learned);
    // The saved record keeps the best of the two attempts.
    expect((await savedRecord(page)).exercises['3-1'].best).toBe(learned);
  });
});
