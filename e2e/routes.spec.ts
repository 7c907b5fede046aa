// Every route renders in both languages, with the right document language and
// title; unknown addresses show the not-found page; back/forward and reload.
import {
  test, expect, gotoApp, reloadApp, withQuery, expectedTitle, t,
  ROUTES, NOT_FOUND_ROUTES, MORE_NOT_FOUND, LECTURE_NS, COURSE, HTML_LANG, type Lang,
} from './fixtures';

const LANGS: Lang[] = ['zh', 'en'];

for (const lang of LANGS) {
  test.describe(`routes in ${lang}`, () => {
    for (const hash of ROUTES) {
      test(`${hash} renders (${lang})`, async ({ page }) => {
        await gotoApp(page, withQuery(hash, `lang=${lang}`));
        await expect(page.locator('html')).toHaveAttribute('lang', HTML_LANG[lang]);
        await expect(page).toHaveTitle(expectedTitle(lang, hash));
        await expect(page.getByTestId('not-found')).toHaveCount(0);
        // Exactly one top-level heading, and the header shows the app name.
        await expect(page.locator('main h1')).toHaveCount(1);
        await expect(page.locator('.site-header .brand')).toContainText(t(lang, 'app.name'));
        await expect(page.locator('#recovery')).toBeHidden();

        const m = /lecture\/(\d+)/.exec(hash);
        if (m) {
          const lecture = COURSE.lectures.find((l) => l.n === Number(m[1]))!;
          const article = page.getByTestId('lecture');
          await expect(article).toBeVisible();
          await expect(article.locator('h1')).toContainText(lecture.title[lang]);
          await expect(article.locator('h1')).toContainText(t(lang, 'lecture.label', { n: lecture.n }));
          await expect(page.getByTestId('mark-done')).toHaveText(t(lang, 'lecture.mark_done'));
        } else if (hash === '#/progress') {
          await expect(page.locator('main h1')).toHaveText(t(lang, 'progress.title'));
          await expect(page.locator('[data-testid^=progress-row-]')).toHaveCount(12);
        } else if (hash === '#/class') {
          await expect(page.locator('main h1')).toHaveText(t(lang, 'class.title'));
          await expect(page.getByTestId('class-empty')).toHaveText(t(lang, 'class.empty'));
        } else {
          await expect(page.locator('main h1')).toHaveText(t(lang, 'home.title'));
        }
      });
    }

    for (const hash of NOT_FOUND_ROUTES) {
      test(`${hash} shows not-found with a link home (${lang})`, async ({ page }) => {
        await gotoApp(page, withQuery(hash, `lang=${lang}`));
        const nf = page.getByTestId('not-found');
        await expect(nf).toBeVisible();
        await expect(nf.locator('h1')).toHaveText(t(lang, 'notfound.title'));
        await expect(page).toHaveTitle(expectedTitle(lang, hash));
        await expect(page.locator('html')).toHaveAttribute('lang', HTML_LANG[lang]);
        await nf.getByRole('link', { name: t(lang, 'notfound.home') }).click();
        await expect(page.getByTestId('not-found')).toHaveCount(0);
        await expect(page.locator('[data-testid^=lecture-card-]')).toHaveCount(12);
        await expect(page).toHaveURL(/#\/(\?.*)?$/);
        await expect(page).toHaveTitle(expectedTitle(lang, '#/'));
      });
    }
  });
}

test('course map lists 12 lecture cards in 7 chapter sections', async ({ page }) => {
  await gotoApp(page, '#/');
  const chapters = page.locator('section.chapter');
  await expect(chapters).toHaveCount(COURSE.chapters.length);
  expect(COURSE.chapters.length).toBe(7);
  await expect(page.locator('[data-testid^=lecture-card-]')).toHaveCount(12);
  for (const ch of COURSE.chapters) {
    const section = chapters.nth(ch.n - 1);
    await expect(section.locator('h2')).toContainText(ch.title.zh);
    const expected = COURSE.lectures.filter((l) => l.chapter === ch.n).map((l) => `lecture-card-${l.n}`);
    const got = await section.locator('[data-testid^=lecture-card-]').evaluateAll((els) =>
      els.map((e) => e.getAttribute('data-testid')),
    );
    expect(got).toEqual(expected);
  }
  for (const n of LECTURE_NS) {
    const card = page.getByTestId(`lecture-card-${n}`);
    await expect(card.getByTestId('lecture-status')).toHaveText(t('zh', 'status.not_started'));
  }
  // A card's title links to its lecture.
  await page.getByTestId('lecture-card-7').getByRole('link').first().click();
  await expect(page).toHaveURL(/#\/lecture\/7$/);
  await expect(page.getByTestId('lecture').locator('h1')).toContainText(COURSE.lectures[6].title.zh);
});

test('<html lang> is zh-CN by default and en with ?lang=en', async ({ page }) => {
  await gotoApp(page, '#/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page).toHaveTitle(t('zh', 'app.name'));
  await gotoApp(page, '#/?lang=en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page).toHaveTitle(t('en', 'app.name'));
});

test('document.title changes per route while navigating in the app', async ({ page }) => {
  await gotoApp(page, '#/');
  const titles = new Set<string>();
  titles.add(await page.title());
  await page.getByTestId('lecture-card-2').getByRole('link').first().click();
  await expect(page).toHaveTitle(expectedTitle('zh', '#/lecture/2'));
  titles.add(await page.title());
  await page.locator('.site-header nav').getByRole('link', { name: t('zh', 'nav.progress') }).click();
  await expect(page).toHaveTitle(expectedTitle('zh', '#/progress'));
  titles.add(await page.title());
  await page.goto('/#/nowhere');
  await expect(page.getByTestId('not-found')).toBeVisible();
  await expect(page).toHaveTitle(expectedTitle('zh', '#/nowhere'));
  titles.add(await page.title());
  expect(titles.size).toBe(4);
});

test('deep link to lecture 5 survives reload', async ({ page }) => {
  await gotoApp(page, '#/lecture/5');
  const h1 = page.getByTestId('lecture').locator('h1');
  await expect(h1).toContainText(COURSE.lectures[4].title.zh);
  await reloadApp(page);
  await expect(page).toHaveURL(/#\/lecture\/5$/);
  await expect(h1).toContainText(COURSE.lectures[4].title.zh);
  await expect(page).toHaveTitle(expectedTitle('zh', '#/lecture/5'));
});

test('browser back and forward move between routes', async ({ page }) => {
  await gotoApp(page, '#/');
  await page.getByTestId('lecture-card-4').getByRole('link').first().click();
  await expect(page.getByTestId('lecture').locator('h1')).toContainText(COURSE.lectures[3].title.zh);
  // In-page pager to lecture 5, then the progress page from the header.
  await page.locator('nav.pager a.next').click();
  await expect(page.getByTestId('lecture').locator('h1')).toContainText(COURSE.lectures[4].title.zh);
  await page.locator('.site-header nav').getByRole('link', { name: t('zh', 'nav.progress') }).click();
  await expect(page.locator('main h1')).toHaveText(t('zh', 'progress.title'));

  await page.goBack();
  await expect(page).toHaveURL(/#\/lecture\/5$/);
  await expect(page.getByTestId('lecture').locator('h1')).toContainText(COURSE.lectures[4].title.zh);
  await page.goBack();
  await expect(page).toHaveURL(/#\/lecture\/4$/);
  await expect(page.getByTestId('lecture').locator('h1')).toContainText(COURSE.lectures[3].title.zh);
  await page.goBack();
  await expect(page.locator('[data-testid^=lecture-card-]')).toHaveCount(12);
  await page.goForward();
  await expect(page).toHaveURL(/#\/lecture\/4$/);
  await expect(page.getByTestId('lecture').locator('h1')).toContainText(COURSE.lectures[3].title.zh);
  await page.goForward();
  await page.goForward();
  await expect(page).toHaveURL(/#\/progress$/);
  await expect(page.locator('main h1')).toHaveText(t('zh', 'progress.title'));
  await expect(page).toHaveTitle(expectedTitle('zh', '#/progress'));
});

test('the header marks the current page and the recovery panel stays hidden', async ({ page }) => {
  await gotoApp(page, '#/progress');
  const nav = page.locator('.site-header nav');
  await expect(nav.getByRole('link', { name: t('zh', 'nav.progress') })).toHaveAttribute('aria-current', 'page');
  await expect(nav.getByRole('link', { name: t('zh', 'nav.map') })).not.toHaveAttribute('aria-current', 'page');
  await expect(page.locator('#recovery')).toBeHidden();
  await expect(page.locator('#recovery')).toHaveAttribute('hidden', '');
  await expect(page.locator('#app')).toBeVisible();
});

test('other addresses that lead nowhere show the not-found page', async ({ page }) => {
  for (const hash of MORE_NOT_FOUND) {
    await gotoApp(page, hash);
    await expect(page.getByTestId('not-found'), hash).toBeVisible();
    await expect(page.getByTestId('lecture'), hash).toHaveCount(0);
    await expect(page, hash).toHaveTitle(expectedTitle('zh', '#/nowhere'));
  }
  // The address itself is shown, so a mistyped link can be spotted.
  await gotoApp(page, '#/lecture/13');
  await expect(page.getByTestId('not-found').locator('code')).toHaveText('#/lecture/13');
});

test('a visit to not-found does not count as progress', async ({ page }) => {
  await gotoApp(page, '#/lecture/13');
  await gotoApp(page, '#/');
  await expect(page.getByTestId('continue')).toHaveText(t('zh', 'home.start'));
  expect(await page.evaluate(() => localStorage.getItem('loyalty-lab'))).toBeNull();
});

test('a hash without a leading slash on first load shows not-found with what was typed', async ({ page }) => {
  await gotoApp(page, '#nohash');
  await expect(page.getByTestId('not-found')).toBeVisible();
  await expect(page.getByTestId('not-found').locator('code')).toHaveText('#nohash');
  await expect(page.locator('#recovery')).toBeHidden();
});

test('a malformed address (#//) shows the not-found page, not a blank page', async ({ page }) => {
  // "#//" would read as a URL of another host; the app rewrites it to the
  // not-found page before the router reads it (route::normalize_hash).
  await page.goto('/#//');
  await expect(page.getByTestId('not-found')).toBeVisible({ timeout: 5000 });
});

test('editing the address to a hash without a slash does not throw', async ({ page }) => {
  // A hash without a leading "/" (typed, or an in-page #anchor) is
  // rewritten to the not-found page before the router reads it.
  await gotoApp(page, '#/lecture/2');
  await page.evaluate(() => { location.hash = 'x/y'; });
  await expect(page.getByTestId('lecture')).toHaveCount(0, { timeout: 2000 });
});
