// Start-up: the page's loading line (index.html, shown by boot.js) while the
// screen's WebAssembly downloads, replaced by the screen; the recovery panel,
// without the loading line, when the WebAssembly cannot load; no loading line
// without JavaScript.
import { test, expect, waitForApp } from './fixtures';
import type { Route } from '@playwright/test';

const LOADING = '正在打开忠诚实验室… · Opening Loyalty Lab…';

test('the loading line shows while the WebAssembly downloads, then the screen replaces it', async ({ page }) => {
  let release!: () => void;
  const held = new Promise<void>((done) => { release = done; });
  await page.route('**/*_bg.wasm', async (route: Route) => {
    await held;
    await route.continue();
  });
  await page.goto('/#/mirror');
  const loading = page.locator('#loading');
  await expect(loading).toBeVisible();
  await expect(loading).toHaveText(LOADING);
  await expect(loading).toHaveAttribute('role', 'status');
  await expect(page.locator('main#main')).toHaveCount(0);
  release();
  await waitForApp(page);
  await expect(page.getByTestId('mirror')).toBeVisible();
  await expect(page.locator('#loading')).toHaveCount(0);
  await expect(page.locator('#recovery')).toBeHidden();
});

test.describe('a WebAssembly file that cannot load', () => {
  test.use({ allowedConsole: [/Failed to load resource|net::ERR_FAILED|WebAssembly|fetch/i] });

  test('shows the recovery panel and no loading line', async ({ page }) => {
    await page.route('**/*_bg.wasm', (route: Route) => route.abort());
    await page.goto('/#/smith');
    await expect(page.locator('#recovery')).toBeVisible();
    await expect(page.locator('#recovery-detail')).not.toBeEmpty();
    await expect(page.locator('#loading')).toBeHidden();
    await expect(page.locator('#app')).toBeHidden();
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the page says what it needs and shows no loading line', async ({ page }) => {
    await page.goto('/#/');
    await expect(page.locator('noscript')).toHaveCount(1);
    await expect(page.locator('.noscript')).toBeVisible();
    await expect(page.locator('#loading')).toBeHidden();
  });
});
