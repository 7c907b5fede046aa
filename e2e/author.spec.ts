// A trainer's own material (#/author, issue 21): a self-check written in the
// form, checked field by field with the course's rules, tried exactly as a
// trainee sees it, saved, downloaded in the course's file format; a
// role-play from a copy of the course's; files loaded (good and bad); the
// draft and the library surviving reloads and damage; nothing of it in the
// progress record; accessibility in both languages.
import * as fs from 'fs';
import * as path from 'path';
import { test, expect, gotoApp, axeCheck, savedRaw, backups, seedStorage, downloadText, reloadApp, type Page } from './fixtures';

const LIBRARY = 'loyalty-lab.own';
const content = (dir: string, id: string) =>
  JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'content', dir, `${id}.json`), 'utf8'));
const firstScenario = fs.readdirSync(path.join(__dirname, '..', 'content', 'scenarios')).sort()[0].replace(/\.json$/, '');

const IDEAS = [
  { id: 'listen', label: 'Listen first', hint: 'Let the guest finish before you answer.', phrasings: 'listen\nlet~finish' },
  { id: 'apologise', label: 'Apologise', hint: 'Say sorry for the wait.', phrasings: 'apologise\nsay sorry' },
  { id: 'fix', label: 'Fix it now', hint: 'Offer a new room at once.', phrasings: 'new room\nmove~room' },
  { id: 'follow-up', label: 'Follow up', hint: 'Call the next day.', phrasings: 'follow up\ncall~next day' },
];

async function writeSelfCheck(page: Page, id: string) {
  await page.getByTestId('author-new-selfcheck').click();
  await page.getByTestId('sc-id').fill(id);
  await page.getByTestId('sc-title-en').fill('Our front desk: the noisy room');
  await page.getByTestId('sc-case-en').fill('A guest comes down at midnight: the room above is loud and nobody answered the phone.');
  await page.getByTestId('sc-question-en').fill('What should the night clerk do?');
  await page.getByTestId('sc-model-answer-en').fill('Listen until the guest has finished, apologise, move them to a new room at once and follow up the next day.');
  for (const [i, idea] of IDEAS.entries()) {
    await page.getByTestId(`sc-idea${i}-id`).fill(idea.id);
    await page.getByTestId(`sc-idea${i}-label-en`).fill(idea.label);
    await page.getByTestId(`sc-idea${i}-hint-en`).fill(idea.hint);
    await page.getByTestId(`sc-idea${i}-section-en`).fill('Lecture 8: the six recovery steps');
    await page.getByTestId(`sc-idea${i}-phrasings-en`).fill(idea.phrasings);
  }
}

test('write a self-check in English, see its problems per field, try it, save and download it', async ({ page }) => {
  await gotoApp(page, '#/author?lang=en');
  await expect(page.getByTestId('author-empty')).toBeVisible();
  await writeSelfCheck(page, '3-1');
  // The course's id is refused, on the id field itself.
  await expect(page.getByTestId('sc-id')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#sc-id-problems')).toContainText("course's own");
  // Saving with problems left saves nothing and shows them all.
  await page.getByTestId('author-save').click();
  await expect(page.locator('#author-problems-msg')).toBeFocused();
  await expect(page.getByTestId('author-empty')).toBeVisible();
  await page.getByTestId('sc-id').fill('night-desk');
  await expect(page.getByTestId('sc-id')).toHaveAttribute('aria-invalid', 'false');
  // A weight that is not a number, then weights that do not add up.
  await page.getByTestId('sc-idea0-weight').fill('lots');
  await expect(page.locator('#sc-idea0-weight-problems')).toContainText('not a whole number');
  await page.getByTestId('sc-idea0-weight').fill('30');
  await expect(page.getByTestId('author-problems')).toContainText('sum to 105');
  await page.getByTestId('sc-idea0-weight').fill('25');
  await expect(page.getByTestId('author-problems')).toHaveAttribute('data-count', '0');
  await expect(page.getByTestId('author-problems')).toContainText('No problems');

  // Tried exactly as a trainee would: the self-check screen's own parts.
  await page.getByTestId('author-try').click();
  const trying = page.getByTestId('author-trying');
  await expect(page.getByTestId('selfcheck-scorer')).toHaveAttribute('data-scorer', 'own');
  await page.getByTestId('selfcheck-answer').fill('I would listen and let the guest finish, apologise, and move them to a new room straight away.');
  await page.getByTestId('selfcheck-submit').click();
  await expect(page.getByTestId('selfcheck-feedback')).toBeVisible();
  const score = Number(await page.getByTestId('selfcheck-score').innerText());
  expect(score).toBeGreaterThanOrEqual(60);
  expect(score).toBeLessThan(100);
  await expect(page.getByTestId('idea-listen')).toHaveClass(/found/);
  await expect(page.getByTestId('idea-follow-up')).toHaveClass(/missed/);
  await expect(trying).toBeVisible();
  // Nothing of it in the progress record.
  expect(await savedRaw(page) ?? '').not.toContain('night-desk');

  await page.getByTestId('author-save').click();
  await expect(page.getByTestId('author-said')).toContainText('added');
  await expect(page.getByTestId('own-night-desk')).toContainText('Own');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('author-download').click()]);
  expect(download.suggestedFilename()).toBe('night-desk.json');
  const file = JSON.parse(await downloadText(download));
  expect(file.id).toBe('night-desk');
  expect(file.ideas.map((i: any) => i.id)).toEqual(IDEAS.map((i) => i.id));
  expect(file.ideas[1].phrasings).toEqual({ zh: [], en: ['apologise', 'say sorry'] });
  expect(file.title).toEqual({ zh: '', en: 'Our front desk: the noisy room' });

  // The library and the draft both survive a reload.
  await reloadApp(page);
  await expect(page.getByTestId('own-night-desk')).toBeVisible();
  await expect(page.getByTestId('sc-id')).toHaveValue('night-desk');
  const stored = await page.evaluate((k) => localStorage.getItem(k), LIBRARY);
  expect(JSON.parse(stored!).selfchecks[0].id).toBe('night-desk');
  await axeCheck(page, 'author with a self-check draft (en)');
});

test('a role-play from a copy of the course scenario: a broken field is named, the preview plays it', async ({ page }) => {
  await gotoApp(page, '#/author?lang=en');
  await page.getByTestId('author-copy').selectOption(`scenario:${firstScenario}`);
  await page.getByTestId('author-copy-start').click();
  await expect(page.getByTestId('scenario-form')).toBeVisible();
  await expect(page.getByTestId('sn-id')).toHaveValue(`my-${firstScenario}`);
  await expect(page.getByTestId('author-problems')).toHaveAttribute('data-count', '0');
  // The copy is in both languages; emptying the opening line names that field.
  await page.getByTestId('sn-node0-customer-en').fill('');
  await expect(page.getByTestId('sn-node0-customer-en')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#sn-node0-customer-problems')).toContainText('empty en');
  await page.getByTestId('sn-node0-customer-en').fill('The coffee machine I gave my friend broke after two weeks!');
  await expect(page.getByTestId('author-problems')).toHaveAttribute('data-count', '0');
  // Severity as typed: a word is a message, not a lost keystroke.
  await page.getByTestId('sn-severity').fill('very');
  await expect(page.locator('#sn-severity-problems')).toContainText('not a number');
  await page.getByTestId('sn-severity').fill('0.6');

  await page.getByTestId('author-try').click();
  await expect(page.getByTestId('conversation')).toBeVisible();
  await expect(page.getByTestId('customer-line')).toContainText('two weeks');
  await page.getByTestId('roleplay-best').click();
  await expect(page.getByTestId('debrief')).toBeVisible();
  await page.getByTestId('author-save').click();
  await expect(page.getByTestId(`own-my-${firstScenario}`)).toBeVisible();
  // The result of a try is not progress.
  expect(await savedRaw(page) ?? '').not.toContain(`my-${firstScenario}`);
  await axeCheck(page, 'author with a scenario draft and its preview (en)');
});

test('loading files: one good, one garbage, one the course already has; then the same good one again', async ({ page }) => {
  await gotoApp(page, '#/author?lang=en');
  const good = { ...content('selfchecks', '7-1'), id: 'spare-parts-ours' };
  const files = [
    { name: 'spare-parts-ours.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(good)) },
    { name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"this": is not json') },
    { name: '7-1.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(content('selfchecks', '7-1'))) },
  ];
  await page.getByTestId('author-load').setInputFiles(files);
  const said = page.getByTestId('author-said');
  await expect(said).toContainText('spare-parts-ours.json: added');
  await expect(said).toContainText('notes.json: not loaded. Not a valid JSON file');
  await expect(said).toContainText("7-1.json: not loaded");
  await expect(said).toContainText("course's own");
  await expect(page.locator('.own-item')).toHaveCount(1);
  await page.getByTestId('author-load').setInputFiles([files[0]]);
  await expect(said).toContainText('replaced');
  await expect(page.locator('.own-item')).toHaveCount(1);
  // A trainee plays it from here; the course's own 7-1 is untouched.
  await page.getByTestId('own-spare-parts-ours-play').click();
  await expect(page.getByTestId('selfcheck-scorer')).toHaveAttribute('data-scorer', 'own');
  // Remove asks once more, then removes.
  await page.getByTestId('own-spare-parts-ours-remove').click();
  await page.getByTestId('own-spare-parts-ours-remove-yes').click();
  await expect(page.getByTestId('author-empty')).toBeVisible();
  await expect(page.getByTestId('author-try')).toHaveCount(0);
});

test('damaged saved material: said once, kept as a backup, the rest still works', async ({ page }) => {
  await seedStorage(page, '{"kind": "loyalty-lab-own-material", "version": 1, "selfchecks": [{"id": "broken"}]}', LIBRARY);
  await gotoApp(page, '#/author?lang=en');
  await expect(page.getByTestId('author-said')).toContainText('could not be read and was left out');
  expect((await backups(page)).some(([, v]) => v.includes('"broken"'))).toBe(true);
  await page.evaluate((k) => localStorage.setItem(k, 'garbage'), LIBRARY);
  await reloadApp(page);
  await expect(page.getByTestId('author-said')).toContainText('damaged');
  await writeSelfCheck(page, 'after-damage');
  await page.getByTestId('author-save').click();
  await expect(page.getByTestId('own-after-damage')).toBeVisible();
});

test('a draft is kept across reloads until it is discarded', async ({ page }) => {
  await gotoApp(page, '#/author?lang=en');
  await page.getByTestId('author-new-scenario').click();
  await page.getByTestId('sn-title-en').fill('The late taxi');
  await reloadApp(page);
  await expect(page.getByTestId('sn-title-en')).toHaveValue('The late taxi');
  await page.getByTestId('author-discard').click();
  await page.getByTestId('author-discard-yes').click();
  await expect(page.getByTestId('author-new-scenario')).toBeVisible();
  await reloadApp(page);
  await expect(page.getByTestId('author-new-scenario')).toBeVisible();
});

test('the author screen in Chinese, with both forms open in turn, is accessible', async ({ page }) => {
  await gotoApp(page, '#/author?lang=zh');
  await expect(page.locator('main h1')).toHaveText('自编练习');
  await page.getByTestId('author-new-selfcheck').click();
  await expect(page.getByTestId('sc-title-zh')).toBeVisible();
  await expect(page.getByTestId('sc-title-en')).toHaveCount(0);
  // A fresh form is not a wall of errors: the count, but no field marked…
  await expect(page.getByTestId('author-problems')).not.toHaveAttribute('data-count', '0');
  await expect(page.locator('[aria-invalid=true]')).toHaveCount(0);
  // …until a save is asked for: then every problem is at its field.
  await page.getByTestId('author-save').click();
  await expect(page.getByTestId('sc-title-zh')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#sc-title-problems')).toContainText('empty zh');
  await expect(page.locator('#sc-title-problems')).not.toContainText('empty en');
  await axeCheck(page, 'author self-check form (zh)');
  await page.getByTestId('author-discard').click();
  await page.getByTestId('author-discard-yes').click();
  await page.getByTestId('author-new-scenario').click();
  await page.locator('.tags-edit summary').first().click();
  await axeCheck(page, 'author scenario form (zh)');
});
