// Phone width (360 px, the "phone" project): no screen scrolls sideways.
import { test, expect, gotoApp, markDone, seedStorage, withQuery, type Page } from './fixtures';

async function expectNoHorizontalScroll(page: Page, label: string) {
  const m = await page.evaluate(() => {
    const se = document.scrollingElement!;
    const wide = [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5 && el.getClientRects().length)
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).replace(/\s+/g, '.') : ''} right=${Math.round(el.getBoundingClientRect().right)}`);
    return { scrollWidth: se.scrollWidth, innerWidth: window.innerWidth, wide };
  });
  expect(m.scrollWidth, `${label}: scrollWidth ${m.scrollWidth} > innerWidth ${m.innerWidth}; wide: ${m.wide.join(', ')}`)
    .toBeLessThanOrEqual(m.innerWidth);
}

const PAGES = ['#/', '#/lecture/1', '#/lecture/4', '#/lecture/12', '#/progress', '#/nowhere'];

for (const lang of ['zh', 'en']) {
  test(`no horizontal scroll at phone width (${lang}) @phone`, async ({ page }) => {
    for (const hash of PAGES) {
      await gotoApp(page, withQuery(hash, `lang=${lang}`));
      await expectNoHorizontalScroll(page, `${hash} ${lang}`);
    }
  });

  test(`no horizontal scroll in presentation mode at phone width (${lang}) @phone`, async ({ page }) => {
    for (const hash of ['#/', '#/lecture/2', '#/progress']) {
      await gotoApp(page, withQuery(hash, `lang=${lang}&present=1`));
      await expect(page.locator('html')).toHaveClass(/\bpresent\b/);
      await expectNoHorizontalScroll(page, `${hash} ${lang} present`);
    }
  });
}

test('no horizontal scroll with progress, notices and messages at phone width @phone', async ({ page }) => {
  await seedStorage(page, '{not json');
  await gotoApp(page, '#/?lang=xx');
  await expect(page.getByTestId('notice-damaged')).toBeVisible();
  await expectNoHorizontalScroll(page, 'notices');
  await markDone(page, 5);
  await gotoApp(page, '#/');
  await expectNoHorizontalScroll(page, 'course map with progress');
  await gotoApp(page, '#/progress?lang=en');
  await page.getByTestId('reset').click();
  await expectNoHorizontalScroll(page, 'reset confirmation');
  await page.getByTestId('import').setInputFiles({
    name: 'a-rather-long-file-name-for-a-progress-export-2026-11-23.json',
    mimeType: 'application/json', buffer: Buffer.from('nope'),
  });
  await expect(page.getByTestId('progress-message').getByRole('alert')).toBeVisible();
  await expectNoHorizontalScroll(page, 'import error');
});

test('the header tools stay reachable at phone width @phone', async ({ page }) => {
  await gotoApp(page, '#/');
  for (const id of ['lang-switch', 'present-toggle']) {
    const box = await page.getByTestId(id).boundingBox();
    expect(box, id).not.toBeNull();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(360);
    // Touch targets at least 24 px (WCAG 2.5.8), the app aims at 44.
    expect(box!.height).toBeGreaterThanOrEqual(44);
  }
});
