// The trainer's class view (#/class): several trainees' exported files at
// once (picker and drag and drop), bad and duplicate files reported and
// skipped, the numbers shown, the most-missed ideas, the CSV export, the
// trainer's own progress untouched, keyboard, axe, print, zh and en.
import * as fs from 'fs';
import * as path from 'path';
import {
  test, expect, gotoApp, axeCheck, seedStorage, savedRaw, backups, downloadText, t,
  SCHEMA, type Lang, type Page,
} from './fixtures';

const LANGS: Lang[] = ['zh', 'en'];
const MAX_KB = 256;

type Rubric = { title: { zh: string; en: string }; ideas: Array<{ id: string; label: { zh: string; en: string } }> };
function rubric(id: string): Rubric {
  return JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'content', 'selfchecks', `${id}.json`), 'utf8'));
}
function ideaLabel(exercise: string, idea: string, lang: Lang): string {
  const found = rubric(exercise).ideas.find((i) => i.id === idea);
  if (!found) throw new Error(`no idea ${idea} in ${exercise}`);
  return found.label[lang];
}

// Three trainees. Anna and Bo use this build (schema 4, with missed ideas);
// Cy's file is from the previous build (schema 3: no missed ideas).
const anna = {
  app: 'loyalty-lab', version: SCHEMA,
  lectures: { 1: { visited: true, done: true }, 2: { visited: true, done: true }, 3: { visited: true, done: false } },
  exercises: {
    '1-1': { attempts: 2, best: 85, last: 60, missed: ['price-war', 'value-first'] },
    '3-1': { attempts: 1, best: 19, last: 19, missed: ['employee-dignity', 'fix-process', 'front-back'] },
  },
  roleplays: { 'coffee-gift': { attempts: 1, best: 70, last: 70 } },
};
const bo = {
  app: 'loyalty-lab', version: SCHEMA,
  lectures: { 1: { visited: true, done: true } },
  exercises: {
    '1-1': { attempts: 1, best: 20, last: 20, missed: ['price-war', 'short-term'] },
    '3-1': { attempts: 3, best: 100, last: 100 },
  },
};
const cy = {
  app: 'loyalty-lab', version: 3,
  lectures: { 1: { visited: true, done: false }, 2: { visited: true, done: true } },
  exercises: { '1-1': { attempts: 1, best: 0, last: 0 } },
  roleplays: { 'coffee-gift': { attempts: 2, best: 90, last: 50 }, 'urgent-spare-part': { attempts: 1, best: 40, last: 40 } },
};
const json = (name: string, body: unknown) => ({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(body, null, 2)) });
const big = Buffer.from(JSON.stringify({ app: 'loyalty-lab', version: SCHEMA, pad: 'x'.repeat(300 * 1024) }));
const FILES = [
  json('anna.json', anna),
  json('bo.json', bo),
  json('cy-old.json', cy),
  // The same record as anna.json, written compactly under another name.
  { name: 'anna-copy.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(anna)) },
  { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('Trainees: Anna, Bo, Cy — see you on Monday') },
  json('other-app.json', { app: 'someone-else', version: 1, data: [1, 2, 3] }),
  { name: 'huge.json', mimeType: 'application/json', buffer: big },
];

/** The skipped lines the view should show for FILES, in order. */
function skippedLines(lang: Lang): string[] {
  const line = (file: string, why: string) => t(lang, 'class.skip_line', { file, why });
  return [
    line('anna-copy.json', t(lang, 'class.duplicate', { of: 'anna.json' })),
    line('notes.txt', t(lang, 'decode.not_json')),
    line('other-app.json', t(lang, 'decode.not_ours')),
    line('huge.json', t(lang, 'decode.too_large', { kb: Math.floor(big.length / 1024), max: MAX_KB })),
  ];
}

/** The trainer's own record, seeded before the app loads (in the language the test opens). */
const own = (lang: Lang) => JSON.stringify({
  app: 'loyalty-lab', version: SCHEMA, lang, lectures: { 5: { visited: true, done: true } },
  exercises: { '7-1': { attempts: 1, best: 42, last: 42, missed: ['said-no'] } },
});

/** Parses RFC 4180 CSV (quoted fields, doubled quotes, CRLF line ends). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; }
    else if (c === '\n') throw new Error(`bare LF at ${i}`);
    else field += c;
  }
  if (field !== '' || row.length) throw new Error('CSV does not end with CRLF');
  return rows;
}

async function expectNumbers(page: Page) {
  const cell = (id: string) => page.getByTestId(id);
  await expect(cell('class-trainees')).toHaveText('3');
  // Lectures: opened (visited or done) and done.
  const lectures: Array<[number, number, number]> = [[1, 3, 2], [2, 2, 2], [3, 1, 0], [4, 0, 0], [12, 0, 0]];
  for (const [n, visited, done] of lectures) {
    await expect(cell(`class-visited-${n}`)).toHaveText(String(visited));
    await expect(cell(`class-done-${n}`)).toHaveText(String(done));
  }
  // The completion chart's data table holds the same numbers.
  await expect(cell('class-done-chart-0')).toHaveText('2');
  await expect(cell('class-done-chart-2')).toHaveText('0');
  // Self-checks: best scores 85, 20, 0 and 19, 100.
  await expect(cell('class-attempted-1-1')).toHaveText('3');
  await expect(cell('class-median-1-1')).toHaveText('20');
  const bins11 = [1, 1, 0, 0, 1];
  const bins31 = [1, 0, 0, 0, 1];
  for (let i = 0; i < 5; i++) {
    await expect(cell(`class-bin-1-1-${i}`)).toHaveText(String(bins11[i]));
    await expect(cell(`class-hist-1-1-${i}`)).toHaveText(String(bins11[i]));
    await expect(cell(`class-bin-3-1-${i}`)).toHaveText(String(bins31[i]));
    await expect(cell(`class-bin-5-1-${i}`)).toHaveText('0');
  }
  await expect(cell('class-attempted-3-1')).toHaveText('2');
  await expect(cell('class-median-3-1')).toHaveText('59.5');
  await expect(cell('class-attempted-5-1')).toHaveText('0');
  await expect(cell('class-median-5-1')).toHaveText('—');
  await expect(cell('class-rp-attempted-coffee-gift')).toHaveText('2');
  await expect(cell('class-rp-median-coffee-gift')).toHaveText('80');
  await expect(cell('class-rp-attempted-urgent-spare-part')).toHaveText('1');
  await expect(cell('class-rp-median-urgent-spare-part')).toHaveText('40');
  await expect(page.locator('svg[data-testid^=class-hist-]')).toHaveCount(2);
}

async function expectMissed(page: Page, lang: Lang) {
  // 1-1: Anna and Bo say what they missed; Cy's old file does not.
  const rows = page.getByTestId('class-missed-1-1').locator('tbody tr');
  await expect(rows).toHaveCount(3);
  const want: Array<[string, number]> = [['price-war', 2], ['short-term', 1], ['value-first', 1]];
  for (const [i, [idea, count]] of want.entries()) {
    await expect(rows.nth(i)).toHaveAttribute('data-testid', `class-missed-1-1-${idea}`);
    await expect(rows.nth(i).locator('th')).toHaveText(ideaLabel('1-1', idea, lang));
    await expect(page.getByTestId(`class-missed-count-1-1-${idea}`)).toHaveText(String(count));
  }
  await expect(page.getByTestId('class-missed-unknown-1-1')).toHaveText(t(lang, 'class.missed_unknown', { n: 1 }));
  await expect(page.getByTestId('class-missed-3-1').locator('tbody tr')).toHaveCount(3);
  await expect(page.getByTestId('class-missed-3-1').locator('tbody tr th').first()).toHaveText(ideaLabel('3-1', 'employee-dignity', lang));
  await expect(page.getByTestId('class-missed-unknown-3-1')).toHaveCount(0);
  await expect(page.getByTestId('class-exercise-5-1')).toContainText(t(lang, 'class.nobody'));
}

for (const lang of LANGS) {
  test(`imports a class, reports bad and duplicate files, shows and exports the summary (${lang})`, async ({ page }) => {
    await seedStorage(page, own(lang));
    await gotoApp(page, `#/class?lang=${lang}`);
    await expect(page.locator('main h1')).toHaveText(t(lang, 'class.title'));
    await expect(page.getByTestId('class-privacy')).toHaveText(t(lang, 'class.privacy'));
    await expect(page.getByTestId('class-empty')).toBeVisible();

    await page.getByTestId('class-import').setInputFiles(FILES);
    await expect(page.getByTestId('class-result')).toHaveText(t(lang, 'class.result', { imported: 3, skipped: 4 }));
    await expect(page.getByTestId('class-skipped').locator('li')).toHaveText(skippedLines(lang));
    await expectNumbers(page);
    await expectMissed(page, lang);
    await expect(page.getByTestId('class-files').locator('li')).toHaveCount(3);
    await expect(page.getByTestId('class-files').locator('li').nth(2)).toContainText(t(lang, 'class.old_schema'));

    // CSV: one long table, parsed back.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('class-export').click()]);
    const name = download.suggestedFilename();
    expect(name).toMatch(/^loyalty-lab-class-\d{4}-\d{2}-\d{2}\.csv$/);
    await expect(page.getByTestId('class-message')).toHaveText(t(lang, 'class.exported', { file: name }));
    let text = await downloadText(download);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    text = text.slice(1);
    const rows = parseCsv(text);
    expect(rows[0]).toEqual(['section', 'id', 'item', 'label', 'value']);
    for (const r of rows) expect(r).toHaveLength(5);
    const value = (section: string, id: string, item: string) => {
      const r = rows.find((x) => x[0] === section && x[1] === id && x[2] === item);
      if (!r) throw new Error(`no CSV row ${section} ${id} ${item}`);
      return r;
    };
    expect(value('class', '', 'trainees')[4]).toBe('3');
    expect(value('lecture', '1', 'visited')[4]).toBe('3');
    expect(value('lecture', '1', 'done')[4]).toBe('2');
    expect(value('lecture', '2', 'done')[4]).toBe('2');
    expect(value('self-check', '1-1', 'attempted')[3]).toBe(rubric('1-1').title[lang]);
    expect(value('self-check', '1-1', 'best 0-19')[4]).toBe('1');
    expect(value('self-check', '1-1', 'best 20-39')[4]).toBe('1');
    expect(value('self-check', '1-1', 'best 80-100')[4]).toBe('1');
    expect(value('self-check', '1-1', 'median best')[4]).toBe('20');
    expect(value('self-check', '3-1', 'median best')[4]).toBe('59.5');
    expect(value('self-check', '5-1', 'median best')[4]).toBe('');
    expect(value('self-check', '1-1', 'missed known')[4]).toBe('2');
    expect(value('missed idea', '1-1', 'price-war').slice(3)).toEqual([ideaLabel('1-1', 'price-war', lang), '2']);
    expect(rows.filter((r) => r[0] === 'missed idea' && r[1] === '1-1').map((r) => r[2])).toEqual(['price-war', 'short-term', 'value-first']);
    expect(value('role-play', 'coffee-gift', 'median best')[4]).toBe('80');

    // The trainer's own progress is exactly as it was, and nothing was backed up.
    expect(await savedRaw(page)).toBe(own(lang));
    expect(await backups(page)).toEqual([]);

    // Importing the same files again adds nobody.
    await page.getByTestId('class-import').setInputFiles(FILES.slice(0, 3));
    await expect(page.getByTestId('class-result')).toHaveText(t(lang, 'class.result', { imported: 0, skipped: 3 }));
    await expect(page.getByTestId('class-trainees')).toHaveText('3');

    // Clear: everything goes, and still nothing of the trainer's changed.
    await page.getByTestId('class-clear').click();
    await expect(page.getByTestId('class-empty')).toBeVisible();
    await expect(page.getByTestId('class-message')).toHaveText(t(lang, 'class.cleared'));
    await expect(page.getByTestId('class-trainees')).toHaveCount(0);
    expect(await savedRaw(page)).toBe(own(lang));
  });
}

test('files can be dropped on the drop zone', async ({ page }) => {
  await gotoApp(page, '#/class?lang=en');
  const files = [['anna.json', JSON.stringify(anna)], ['cy.json', JSON.stringify(cy)], ['x.json', '{"app":"loyalty-lab","version":99}']];
  await page.evaluate((files) => {
    const dt = new DataTransfer();
    for (const [name, text] of files) dt.items.add(new File([text], name, { type: 'application/json' }));
    const zone = document.querySelector('[data-testid=class-drop]')!;
    for (const type of ['dragenter', 'dragover', 'drop']) {
      zone.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
    }
  }, files);
  await expect(page.getByTestId('class-result')).toHaveText(t('en', 'class.result', { imported: 2, skipped: 1 }));
  await expect(page.getByTestId('class-skipped').locator('li')).toHaveText([
    t('en', 'class.skip_line', { file: 'x.json', why: t('en', 'decode.too_new', { v: 99 }) }),
  ]);
  await expect(page.getByTestId('class-trainees')).toHaveText('2');
  await expect(page.getByTestId('class-done-2')).toHaveText('2');
});

test('the class view is operable by keyboard', async ({ page }) => {
  await gotoApp(page, '#/class?lang=en');
  // Listening from the start: Playwright catches the picker only once its
  // interception is on, which a listener added with the key press can miss.
  const opened = page.waitForEvent('filechooser');
  // Tab from the top of the page to the file picker.
  let onPicker = false;
  for (let i = 0; i < 30 && !onPicker; i++) {
    await page.keyboard.press('Tab');
    onPicker = await page.evaluate(() => document.activeElement?.getAttribute('data-testid') === 'class-import');
  }
  expect(onPicker).toBe(true);
  await page.keyboard.press('Space');
  const chooser = await opened;
  expect(chooser.isMultiple()).toBe(true);
  await chooser.setFiles(FILES.slice(0, 3));
  await expect(page.getByTestId('class-trainees')).toHaveText('3');
  // Export, then Clear, each one Tab further.
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('class-export')).toBeFocused();
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('class-clear')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('class-empty')).toBeVisible();
  // Focus stays on the page: back on the file picker.
  await expect(page.getByTestId('class-import')).toBeFocused();
});

for (const lang of LANGS) {
  test(`axe finds nothing on the class view with a class loaded (${lang})`, async ({ page }) => {
    await gotoApp(page, `#/class?lang=${lang}`);
    await page.getByTestId('class-import').setInputFiles(FILES);
    await expect(page.getByTestId('class-trainees')).toHaveText('3');
    await expect(page.getByTestId('class-missed-1-1').locator('tbody tr th').first()).toHaveText(ideaLabel('1-1', 'price-war', lang));
    await axeCheck(page, `class view ${lang}`);
    await page.emulateMedia({ colorScheme: 'dark' });
    await axeCheck(page, `class view dark ${lang}`);
  });
}

test('the class view prints in the light theme, charts kept, buttons hidden', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await gotoApp(page, '#/class?lang=zh');
  await page.getByTestId('class-import').setInputFiles(FILES);
  await expect(page.getByTestId('class-trainees')).toHaveText('3');
  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
  const bg = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  expect(bg).toBe('rgb(255, 255, 255)');
  const color = await page.evaluate(() => getComputedStyle(document.querySelector('main h1')!).color);
  expect(color).toBe('rgb(0, 0, 0)');
  await expect(page.getByTestId('class-export')).toBeHidden();
  await expect(page.getByTestId('class-clear')).toBeHidden();
  await expect(page.getByTestId('class-drop')).toBeHidden();
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.getByTestId('class-done-chart')).toBeVisible();
  await expect(page.getByTestId('class-hist-1-1')).toBeVisible();
  await expect(page.getByTestId('class-visited-1')).toBeVisible();
  await expect(page.getByTestId('class-result')).toBeVisible();
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.length).toBeGreaterThan(10_000);
});

test('the progress page and the footer link to the class view', async ({ page }) => {
  await gotoApp(page, '#/progress?lang=en');
  await page.locator('main').getByRole('link', { name: t('en', 'class.link') }).click();
  await expect(page).toHaveURL(/#\/class/);
  await expect(page.locator('main h1')).toHaveText(t('en', 'class.title'));
  await gotoApp(page, '#/');
  await page.locator('.site-footer').getByRole('link', { name: t('en', 'class.link') }).click();
  await expect(page.getByTestId('class-drop')).toBeVisible();
});

test('a loaded class fits a phone screen @phone', async ({ page }) => {
  await gotoApp(page, '#/class?lang=zh');
  await page.getByTestId('class-import').setInputFiles(FILES.slice(0, 3));
  await expect(page.getByTestId('class-trainees')).toHaveText('3');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
