// For trainers (issue 7): step-through on the mirror and the emotion line by
// keyboard, "reset all" on every model screen, share as a link and a QR code
// drawn locally (decoded back from a screenshot with jsQR), print media,
// presentation mode on every screen at projector sizes, axe on the new
// controls.
import jsQR from 'jsqr';
import { test, expect, gotoApp, reloadApp, axeCheck, t, ORIGIN_HOST, settledUrl, type Page } from './fixtures';

/** The chart marks the first screens' print test has always checked. */
const OLD_MARK = '.chart .line, .diagram .flow, .chart .bar';
const MODELS = [
  // query: one parameter away from the defaults (the share test's link).
  // mark: a chart stroke the print test checks is dark enough for paper.
  { id: 'smith', hash: '#/smith', chart: ['smith-histogram', 'smith-tornado'], query: 'weekly=60', mark: OLD_MARK },
  { id: 'mirror', hash: '#/mirror', chart: ['mirror-chart', 'mirror-diagram'], query: 'training=80', mark: OLD_MARK },
  { id: 'emotion', hash: '#/emotion-line', chart: ['emotion-chart'], query: 'severity=0.3', mark: OLD_MARK },
  { id: 'iceberg', hash: '#/iceberg', chart: ['iceberg-chart', 'iceberg-heinrich-chart'], query: 'problems=2000', mark: '.iceberg-chart polygon' },
  { id: 'pyramid', hash: '#/pyramid', chart: ['pyramid-shape', 'pyramid-chart'], query: 'years=8', mark: '.pyramid-chart .profit-line' },
  { id: 'loyalty', hash: '#/loyalty-profit', chart: ['loyalty-bars', 'loyalty-firms-chart'], query: 'retention=0.7', mark: '.loyalty-chart .expected path' },
  { id: 'ladder', hash: '#/loyalty-ladder', chart: ['ladder-rungs', 'ladder-chart'], query: 'months=12', mark: OLD_MARK },
  { id: 'gaps', hash: '#/gaps', chart: ['gaps-figure', 'gaps-rank-chart'], query: 'gap3=2', mark: '.gaps-figure .gap-line' },
  { id: 'staff', hash: '#/staff-value', chart: ['staff-chart'], query: 'team=40', mark: '.staff-chart .line' },
  { id: 'value', hash: '#/value', chart: ['value-chart', 'value-gap-chart'], query: 'result=70', mark: '.value-gap-chart .value-even' },
] as const;

/** The hash part of the current address (`#/smith?lang=en`), once the app's
 * last change has reached it. */
const hashOf = async (page: Page) => new URL(await settledUrl(page)).hash;

/** Decodes the QR code in an element from a real screenshot of it. */
async function decodeQr(page: Page, testid: string): Promise<string | null> {
  const png = await page.getByTestId(testid).screenshot();
  // The browser turns the PNG back into pixels (no PNG decoder in Node here).
  // Grey levels travel back as base64 (a JSON array of 1.5 million numbers is slow).
  const { w, h, grey } = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.naturalWidth;
    c.height = img.naturalHeight;
    const g = c.getContext('2d')!;
    g.drawImage(img, 0, 0);
    const rgba = g.getImageData(0, 0, c.width, c.height).data;
    let bin = '';
    for (let i = 0; i < rgba.length; i += 4) bin += String.fromCharCode(rgba[i + 1]);
    return { w: c.width, h: c.height, grey: btoa(bin) };
  }, png.toString('base64'));
  const g = Buffer.from(grey, 'base64');
  const rgba = new Uint8ClampedArray(w * h * 4);
  for (let i = 0; i < w * h; i++) rgba.set([g[i], g[i], g[i], 255], i * 4);
  return jsQR(rgba, w, h)?.data ?? null;
}

test.describe('step-through', () => {
  test('the mirror reveals its loops one by one by keyboard', async ({ page }) => {
    await gotoApp(page, '#/mirror?lang=en');
    const text = page.getByTestId('mirror-step-text');
    const arrow = (k: string) => page.getByTestId(`mirror-arrow-${k}`);
    await page.keyboard.press('s');
    await expect(page.getByTestId('mirror-step-mode')).toHaveAttribute('aria-pressed', 'true');
    await expect(text).toHaveAttribute('aria-live', 'polite');
    await expect(text).toContainText(t('en', 'step.of', { n: 1, total: 8 }));
    await expect(text).toContainText(t('en', 'mirror.step_sides'));
    await expect(page.locator('[data-testid^=mirror-arrow-]:visible')).toHaveCount(0);
    await page.keyboard.press('ArrowRight');
    await expect(text).toContainText(t('en', 'step.of', { n: 2, total: 8 }));
    await expect(text).toContainText(t('en', 'mirror.loop_knowledge'));
    await expect(text).toContainText(t('en', 'mirror.explain_knowledge'));
    await expect(arrow('knowledge')).toBeVisible();
    await expect(arrow('knowledge')).toHaveClass(/selected/);
    await expect(arrow('recovery')).toBeHidden();
    // The loops in the course's order, one a key press (PageDown: clickers).
    const order = ['recovery', 'achievement', 'efficiency', 'quality', 'tenure'];
    for (const [i, k] of order.entries()) {
      await page.keyboard.press('PageDown');
      await expect(text).toContainText(t('en', `mirror.explain_${k}`));
      await expect(arrow(k)).toBeVisible();
      await expect(page.locator('[data-testid^=mirror-arrow-]:visible')).toHaveCount(i + 2);
    }
    await page.keyboard.press('ArrowRight');
    await expect(text).toContainText(t('en', 'step.of', { n: 8, total: 8 }));
    await expect(text).toContainText(t('en', 'mirror.step_whole'));
    await expect(page.getByTestId('mirror-step-next')).toBeDisabled();
    await page.keyboard.press('Home');
    await expect(text).toContainText(t('en', 'step.of', { n: 1, total: 8 }));
    await page.keyboard.press('End');
    await expect(text).toContainText(t('en', 'step.of', { n: 8, total: 8 }));
    await page.keyboard.press('ArrowLeft');
    await expect(text).toContainText(t('en', 'mirror.explain_tenure'));
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('mirror-stepper')).toHaveCount(0);
    await expect(page.getByTestId('mirror-explain')).toBeVisible();
    await expect(page.locator('[data-testid^=mirror-arrow-]:visible')).toHaveCount(6);
  });

  test('the emotion line reveals its phases one at a time', async ({ page }) => {
    await gotoApp(page, '#/emotion-line?lang=en&present=1');
    const text = page.getByTestId('emotion-step-text');
    const lines = page.getByTestId('emotion-chart').locator('path.line');
    const band = page.getByTestId('emotion-chart').locator('.band');
    await expect(page.getByTestId('emotion-scrub')).toBeVisible();
    await page.keyboard.press('S');
    await expect(page.getByTestId('emotion-scrub')).toHaveCount(0);
    await expect(text).toContainText(t('en', 'step.of', { n: 1, total: 7 }));
    await expect(text).toContainText(t('en', 'emotion.step_purchase', { start: 80 }));
    await expect(lines).toHaveCount(1);
    await expect(band).toHaveCount(0);
    const width = async () => (await lines.first().getAttribute('d'))!.split('L').length;
    const before = await width();
    await page.keyboard.press('ArrowRight'); // the failure
    await expect(text).toContainText('tick 4');
    expect(await width()).toBe(before + 1);
    await page.keyboard.press('ArrowDown'); // the wait (delay 2)
    await expect(text).toContainText(t('en', 'emotion.step_wait', { n: 2, level: '20.4' }));
    await page.keyboard.press('ArrowRight'); // the rational platform
    await expect(band).toHaveCount(1);
    await expect(text).toContainText(t('en', 'emotion.step_platform', { level: 40 }));
    await expect(lines).toHaveCount(1);
    const legend = page.locator('figure:has([data-testid=emotion-chart]) .legend li');
    await page.keyboard.press('ArrowRight'); // no remedy
    await expect(legend).toHaveText([t('en', 'emotion.path_none')]);
    await expect(text).toContainText(t('en', 'emotion.step_none', { v: 0 }));
    await page.keyboard.press('ArrowRight'); // ordinary
    await expect(lines).toHaveCount(2);
    await page.keyboard.press('PageDown'); // perfect
    await expect(lines).toHaveCount(3);
    const final = (await page.getByTestId('emotion-final').textContent())!.trim();
    await expect(text).toContainText(t('en', 'emotion.step_perfect', { v: final }));
    await page.keyboard.press('PageUp');
    await expect(lines).toHaveCount(2);
    await page.getByTestId('emotion-step-end').click();
    await expect(page.getByTestId('emotion-scrub')).toBeVisible();
    await expect(lines).toHaveCount(3);
  });

  test('the Smith chain uses the same keys and announces each link', async ({ page }) => {
    await gotoApp(page, '#/smith?lang=en');
    await page.keyboard.press('s');
    const text = page.getByTestId('smith-step-text');
    await expect(text).toContainText(t('en', 'smith.link_direct'));
    await expect(text).toContainText('$26,000');
    await page.keyboard.press('End');
    await expect(text).toContainText(t('en', 'step.of', { n: 8, total: 8 }));
    await expect(text).toContainText('$221,000');
    await expect(text).toContainText('$416,000');
    await expect(page.getByTestId('smith-total-high')).toBeVisible();
    await page.keyboard.press('s');
    await expect(page.getByTestId('smith-stepper')).toHaveCount(0);
  });

  test('the step shown is in the address: reload, share link, slider moves, bad values', async ({ page }) => {
    await gotoApp(page, '#/smith?lang=en&weekly=60');
    const text = page.getByTestId('smith-step-text');
    await page.keyboard.press('s');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(text).toContainText(t('en', 'step.of', { n: 3, total: 8 }));
    expect(await hashOf(page)).toBe('#/smith?lang=en&weekly=60&reveal=3');
    // A slider moved while stepping keeps the step.
    await page.getByTestId('smith-weekly-field').fill('70');
    await expect(page.getByTestId('smith-direct-loss')).toHaveText('$36,400');
    expect(await hashOf(page)).toMatch(/weekly=70.*&reveal=3$/);
    await expect(text).toContainText(t('en', 'step.of', { n: 3, total: 8 }));
    // The share link carries it, and the address alone restores it.
    await page.getByTestId('smith-share').click();
    await expect(page.getByTestId('smith-share-link')).toHaveValue(/[?&]reveal=3(&|$)/);
    await reloadApp(page);
    await expect(text).toContainText(t('en', 'step.of', { n: 3, total: 8 }));
    await expect(page.getByTestId('smith-total-high')).toBeHidden();
    // Esc shows everything and takes it out of the address.
    await page.locator('main h1').click();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('smith-stepper')).toHaveCount(0);
    expect(await hashOf(page)).not.toContain('reveal');
    // Every story screen opens at the step its address names.
    for (const [id, total] of [['mirror', 8], ['emotion', 7]] as const) {
      const hash = id === 'mirror' ? '#/mirror' : '#/emotion-line';
      await gotoApp(page, `${hash}?reveal=${total}&lang=en`);
      await expect(page.getByTestId(`${id}-step-text`)).toContainText(t('en', 'step.of', { n: total, total }));
      await expect(page.getByTestId(`${id}-step-next`)).toBeDisabled();
      // A position the screen does not have is named and ignored.
      for (const bad of ['0', String(total + 1), 'x', '1.5']) {
        await gotoApp(page, `${hash}?reveal=${bad}&lang=en`);
        await expect(page.getByTestId(`${id}-notice`)).toContainText(`reveal=${bad}`);
        await expect(page.getByTestId(`${id}-stepper`)).toHaveCount(0);
      }
    }
  });

  test('keys typed into a field neither step nor reset', async ({ page }) => {
    await gotoApp(page, '#/smith?weekly=90');
    await page.getByTestId('smith-years-field').focus();
    await page.keyboard.press('s');
    await page.keyboard.press('r');
    await expect(page.getByTestId('smith-years-field')).toHaveValue(/s.*r|r.*s/);
    await expect(page.getByTestId('smith-stepper')).toHaveCount(0);
    await expect(page.getByTestId('smith-weekly-field')).toHaveValue('90');
    expect(await hashOf(page)).toContain('weekly=90');
  });
});

test.describe('reset all', () => {
  test('Smith: back to the course defaults, lang and present kept, Back undoes it', async ({ page }) => {
    await gotoApp(page, '#/smith?weekly=90&years=3&currency=cny&lang=en&present=1');
    await expect(page.getByTestId('smith-direct-loss')).toHaveText('¥14,040');
    await page.getByTestId('smith-step-mode').click();
    await page.getByTestId('smith-reset').click();
    expect(await hashOf(page)).toBe('#/smith?lang=en&present=1');
    await expect(page.getByTestId('smith-direct-loss')).toHaveText('$26,000');
    await expect(page.getByTestId('smith-weekly-field')).toHaveValue('50');
    await expect(page.getByTestId('smith-stepper')).toHaveCount(0);
    await expect(page.locator('html')).toHaveClass(/\bpresent\b/);
    await page.goBack();
    await expect(page.getByTestId('smith-weekly-field')).toHaveValue('90');
  });

  test('mirror: R resets the levers and the comparison', async ({ page }) => {
    await gotoApp(page, '#/mirror?training=90&pay=80');
    await page.getByTestId('mirror-keep-a').click();
    await expect(page).toHaveURL(/compare=/);
    await page.getByTestId('mirror-month').focus();
    await page.keyboard.press('Home');
    await expect(page.getByTestId('mirror-month')).toHaveValue('0');
    await page.locator('main h1').click();
    await page.keyboard.press('r');
    expect(await hashOf(page)).toBe('#/mirror');
    await expect(page.getByTestId('mirror-training-field')).toHaveValue('50');
    await expect(page.getByTestId('mirror-pay-field')).toHaveValue('50');
    await expect(page.getByTestId('mirror-clear-a')).toHaveCount(0);
    await expect(page.getByTestId('mirror-month')).toHaveValue('36');
    await expect(page.getByTestId('mirror-preset-middle')).toHaveAttribute('aria-pressed', 'true');
  });

  test('emotion line: the figure and the role-play back to the start', async ({ page }) => {
    await gotoApp(page, '#/emotion-line?severity=0.9&delay=5&path=none&scenario=coffee-gift&choices=0&lang=zh');
    await expect(page.getByTestId('conversation')).toBeVisible();
    const finalBefore = await page.getByTestId('emotion-final').textContent();
    await page.getByTestId('emotion-reset').focus();
    await page.keyboard.press('Enter');
    expect(await hashOf(page)).toBe('#/emotion-line?lang=zh');
    await expect(page.getByTestId('conversation')).toHaveCount(0);
    await expect(page.getByTestId('emotion-path-all')).toBeChecked();
    await expect(page.getByTestId('emotion-final')).not.toHaveText(finalBefore!);
    await gotoApp(page, '#/emotion-line?lang=zh');
    const defaults = await page.getByTestId('emotion-final').textContent();
    await gotoApp(page, '#/emotion-line?severity=0.9&lang=zh');
    await page.getByTestId('emotion-reset').click();
    await expect(page.getByTestId('emotion-final')).toHaveText(defaults!);
    await expect(page.getByTestId('emotion-reset')).toHaveText(t('zh', 'tools.reset'));
  });
});

test.describe('share', () => {
  for (const m of MODELS) {
    test(`${m.id}: the link and a QR code that decodes to it`, async ({ page }) => {
      test.setTimeout(60_000);
      const query = `${m.query}&present=1`;
      await gotoApp(page, `${m.hash}?${query}&lang=en`);
      const button = page.getByTestId(`${m.id}-share`);
      await expect(button).toHaveAttribute('aria-expanded', 'false');
      await button.click();
      await expect(button).toHaveAttribute('aria-expanded', 'true');
      const link = `http://${ORIGIN_HOST}/${m.hash}?${query.replace('&present=1', '')}&lang=en`;
      await expect(page.getByTestId(`${m.id}-share-link`)).toHaveValue(link);
      await expect(page.getByTestId(`${m.id}-qr-text`)).toHaveText(link);
      const qr = page.getByTestId(`${m.id}-qr`);
      await expect(qr).toHaveAttribute('role', 'img');
      await expect(qr).toHaveAttribute('aria-label', t('en', 'share.qr'));
      await expect(qr.locator('path')).toHaveCount(1);
      expect(await decodeQr(page, `${m.id}-qr`)).toBe(link);
      // The link opens the same screen (in the same language, not presenting).
      const other = await page.context().newPage();
      await other.goto(link);
      await expect(other.getByTestId(m.id)).toBeVisible();
      await expect(other.locator('html')).not.toHaveClass(/\bpresent\b/);
      await expect(other.locator('html')).toHaveAttribute('lang', 'en');
    });
  }

  test('the share link follows every change and copying says what happened', async ({ page, context }) => {
    test.setTimeout(60_000);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await gotoApp(page, '#/smith');
    await page.getByTestId('smith-share').click();
    await page.getByTestId('smith-weekly-field').fill('75');
    await expect(page.getByTestId('smith-share-link')).toHaveValue(/weekly=75&.*lang=zh$/);
    expect(await decodeQr(page, 'smith-qr')).toMatch(/weekly=75&/);
    await page.getByTestId('smith-share-copy').click();
    await expect(page.getByTestId('smith-share-status')).toHaveText(t('zh', 'share.copied'));
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/#\/smith\?weekly=75&/);
  });

  test('a link too long for a QR code gets a message instead', async ({ page }) => {
    // Only a long host address makes a screen's link too long (its own
    // parameters are bounded): here a long query before the #.
    const base = `/?${'x'.repeat(900)}`;
    await page.goto(`${base}#/mirror?training=80&lang=en`);
    await page.getByTestId('mirror-share').click();
    await expect(page.getByTestId('mirror-qr')).toHaveCount(0);
    const msg = page.getByTestId('mirror-share-too-long');
    await expect(msg).toBeVisible();
    await expect(msg).toContainText('858');
    await expect(page.getByTestId('mirror-share-link')).toHaveValue(`http://${ORIGIN_HOST}${base}#/mirror?training=80&lang=en`);
  });

  test('the link carries what the screen uses: defaults and bad values stay out', async ({ page }) => {
    await gotoApp(page, '#/smith?weekly=60&weeks=NaN&years=10&note=hello&lang=en');
    await page.getByTestId('smith-share').click();
    await expect(page.getByTestId('smith-share-link')).toHaveValue(`http://${ORIGIN_HOST}/#/smith?weekly=60&lang=en`);
  });
});

test.describe('print', () => {
  for (const m of MODELS) {
    test(`${m.id} prints in light theme with its charts and without controls`, async ({ page }) => {
      await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
      await gotoApp(page, `${m.hash}?present=1`);
      for (const c of m.chart) await expect(page.getByTestId(c)).toBeVisible();
      await expect(page.getByTestId(`${m.id}-reset`)).toBeHidden();
      await expect(page.getByTestId(`${m.id}-share`)).toBeHidden();
      await expect(page.getByTestId(`${m.id}-step-mode`)).toBeHidden();
      await expect(page.locator('main input[type=range]:visible')).toHaveCount(0);
      await expect(page.locator('.site-header, .present-bar')).toHaveCount(1); // the bar exists…
      await expect(page.locator('.present-bar')).toBeHidden(); // …but does not print
      const colours = await page.evaluate((selector) => {
        const bg = getComputedStyle(document.documentElement).backgroundColor;
        const text = getComputedStyle(document.querySelector('main h1')!).color;
        const mark = document.querySelector(selector)!;
        const style = getComputedStyle(mark);
        return { bg, text, stroke: mark.classList.contains('bar') ? style.fill : style.stroke };
      }, m.mark);
      expect(colours.bg).toBe('rgb(255, 255, 255)');
      expect(colours.text).toBe('rgb(0, 0, 0)');
      // Chart strokes are dark enough for paper (no dark-theme pastel).
      const [r, g, b] = colours.stroke.match(/\d+/g)!.map(Number);
      expect(0.299 * r + 0.587 * g + 0.114 * b).toBeLessThan(160);
      // The values the charts were drawn with stay on paper as text.
      if (m.id === 'emotion') {
        await expect(page.getByTestId('emotion-print-params')).toBeVisible();
        await expect(page.getByTestId('emotion-print-params')).toContainText('60%');
      } else {
        await expect(page.getByTestId(`${m.id}-${m.query.split('=')[0].replace(/_/g, '-')}-field`)).toBeVisible();
      }
      await expect(page.locator('main .print-only .address').first()).toContainText(`/${m.hash}`);
      const pdf = await page.pdf({ format: 'A4' });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdf.length).toBeGreaterThan(20_000);
    });
  }

  test('course map, lecture and progress print without chrome', async ({ page }) => {
    await page.emulateMedia({ media: 'print' });
    for (const hash of ['#/', '#/lecture/2', '#/progress']) {
      await gotoApp(page, hash);
      await expect(page.locator('.site-header')).toBeHidden();
      await expect(page.locator('.site-footer')).toBeHidden();
      await expect(page.locator('main h1')).toBeVisible();
    }
  });
});

/** Every kind of screen and a test id that shows it has rendered. */
const SCREENS: Array<[string, string]> = [
  ['#/', 'lecture-card-1'],
  ['#/lecture/1', 'lecture'],
  ['#/progress', 'progress-row-1'],
  ...MODELS.map((m): [string, string] => [m.hash, m.chart[m.chart.length - 1]]),
  ['#/self-check/3-1', 'selfcheck-answer'],
];

test.describe('presentation mode on every screen', () => {
  for (const [w, h] of [
    [1280, 720],
    [1920, 1080],
  ]) {
    test(`${w}×${h}: large type, no chrome, nothing cut off`, async ({ page }) => {
      test.setTimeout(90_000);
      await page.setViewportSize({ width: w, height: h });
      for (const [hash, ready] of SCREENS) {
        await gotoApp(page, `${hash}?present=1&lang=en`);
        await expect(page.getByTestId(ready)).toBeVisible();
        await expect(page.locator('.site-header, .site-footer')).toHaveCount(0);
        const m = await page.evaluate(() => ({
          font: parseFloat(getComputedStyle(document.documentElement).fontSize),
          overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
          // Anything wider than the window (a chart or table cut off at the right).
          wide: [...document.querySelectorAll('main *')]
            .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
            .map((e) => e.tagName + '.' + e.className).slice(0, 3),
        }));
        expect(m.font, hash).toBeGreaterThanOrEqual(20);
        expect(m.overflow, hash).toBeLessThanOrEqual(0);
        expect(m.wide, hash).toEqual([]);
      }
      // The share panel with its QR code fits too.
      for (const { id, hash } of MODELS) {
        await gotoApp(page, `${hash}?present=1`);
        await page.getByTestId(`${id}-share`).click();
        const box = (await page.getByTestId(`${id}-qr`).boundingBox())!;
        expect(box.x + box.width).toBeLessThanOrEqual(w);
        expect(box.width).toBeGreaterThan(200);
      }
    });
  }

  test('the shortcut list names the trainer keys', async ({ page }) => {
    await gotoApp(page, '#/mirror?present=1&lang=en');
    await page.keyboard.press('?');
    const dialog = page.getByTestId('shortcuts');
    for (const key of ['help.key_step', 'help.key_steps', 'help.key_reset']) {
      await expect(dialog).toContainText(t('en', key));
    }
    // The dialog takes the keys: no step-through starts behind it.
    await page.keyboard.press('s');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('mirror-stepper')).toHaveCount(0);
  });
});

test.describe('accessibility of the trainer controls', () => {
  for (const m of MODELS) {
    test(`axe: ${m.id} with the step-through and the share panel open`, async ({ page }) => {
      test.setTimeout(60_000);
      await gotoApp(page, `${m.hash}?lang=en`);
      await page.getByTestId(`${m.id}-step-mode`).click();
      await page.getByTestId(`${m.id}-step-next`).click();
      await page.getByTestId(`${m.id}-share`).click();
      await expect(page.getByTestId(`${m.id}-qr`)).toBeVisible();
      await axeCheck(page, `${m.hash} trainer tools`);
    });
  }

  test('axe: presentation mode, dark, share open', async ({ page }) => {
    test.setTimeout(60_000);
    await page.emulateMedia({ colorScheme: 'dark' });
    await gotoApp(page, '#/emotion-line?present=1');
    await page.getByTestId('emotion-share').click();
    await page.getByTestId('emotion-step-mode').click();
    await axeCheck(page, 'emotion line, present, dark');
  });
});
