// For hosts and offline rooms: the web manifest, the service worker (install,
// offline use, a new build replacing the old one) and the Content-Security-
// Policy (header from nginx, <meta> in index.html, no inline script).
// What the build does is in scripts/post-build; the hosts' nginx config is
// docs/nginx.conf.
//
// The "new build" test serves two copies of the build under test, one after
// the other, on a second port (E2E_UPDATE_PORT, default E2E_PORT + 1).

import { test, expect, gotoApp, waitForApp, waitForRoute, type Page } from './fixtures';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';

test.use({ serviceWorkers: 'allow' });

const ROOT = path.join(__dirname, '..');
const PORT = Number(process.env.E2E_PORT ?? '8081');
const UPDATE_PORT = Number(process.env.E2E_UPDATE_PORT ?? PORT + 1);

/** The folder nginx serves on `port` (from the config scripts/nginx wrote). */
function servedFolder(port: number): string {
  const conf = fs.readFileSync(path.join(ROOT, `.tmp/nginx-${port}/nginx.conf`), 'utf8');
  const m = /^\s*root\s+(\S+);/m.exec(conf);
  if (!m) throw new Error(`no root in the nginx config of port ${port}`);
  return m[1];
}

/** The Content-Security-Policy a config file sends. */
function policyIn(file: string): string {
  const m = /add_header Content-Security-Policy "([^"]+)"/.exec(fs.readFileSync(path.join(ROOT, file), 'utf8'));
  if (!m) throw new Error(`${file} sends no Content-Security-Policy`);
  return m[1];
}

/** Every file of a build folder, relative, sorted; not the server's
 * compressed copies (.gz, .br). */
function filesOf(dir: string, prefix = ''): string[] {
  return fs
    .readdirSync(path.join(dir, prefix), { withFileTypes: true })
    .flatMap((e) => {
      const rel = prefix ? `${prefix}/${e.name}` : e.name;
      if (e.isDirectory()) return filesOf(dir, rel);
      return /\.(gz|br)$/.test(e.name) ? [] : [rel];
    })
    .sort();
}

/** The cache name and file list a generated sw.js declares. */
function workerOf(swText: string): { cache: string; files: Array<[string, string | null]> } {
  const cache = /const CACHE = "([^"]+)";/.exec(swText);
  const files = /const FILES = (\[[\s\S]*?\n\]);/.exec(swText);
  if (!cache || !files) throw new Error('sw.js does not declare CACHE and FILES');
  return { cache: cache[1], files: JSON.parse(files[1]) };
}

async function waitForWorker(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15_000 });
}

const cacheNames = (page: Page) => page.evaluate(async () => (await caches.keys()).sort());

test('index.html has no inline script, and the CSP comes as header and <meta>', async ({ request }) => {
  const header = policyIn('e2e/nginx.conf');
  expect(policyIn('docs/nginx.conf'), 'docs/nginx.conf and e2e/nginx.conf send the same policy').toBe(header);

  const res = await request.get('/');
  expect(res.ok()).toBe(true);
  const h = res.headers();
  expect(h['content-security-policy']).toBe(header);
  expect(h['x-content-type-options']).toBe('nosniff');
  expect(h['referrer-policy']).toBe('no-referrer');
  expect(h['cache-control']).toBe('no-cache');

  const html = await res.text();
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
  expect(scripts.length).toBeGreaterThan(0);
  for (const [whole, attrs, body] of scripts) {
    expect(attrs, whole).toMatch(/\ssrc="[^"]+"/);
    expect(body.trim(), whole).toBe('');
  }
  expect(html).not.toMatch(/<style\b|\sstyle="|\son[a-z]+="/i);

  // The <meta> is the header without frame-ancestors (ignored in a <meta>),
  // and comes before every script and stylesheet.
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html);
  expect(meta, 'CSP <meta> in index.html').not.toBeNull();
  expect(`${meta![1]}; frame-ancestors 'none'`).toBe(header);
  expect(meta!.index).toBeLessThan(html.search(/<script|<link/));

  // Unhashed files are revalidated, hashed ones cached for good.
  const sw = await request.get('/sw.js');
  expect(sw.headers()['cache-control']).toBe('no-cache');
  expect(sw.headers()['content-type']).toMatch(/javascript/);
  const wasm = filesOf(servedFolder(PORT)).filter((f) => f.endsWith('.wasm'));
  expect(wasm.length, 'wasm files in the build').toBeGreaterThan(0);
  for (const f of wasm) {
    expect((await request.get(`/${f}`)).headers()['cache-control'], f).toBe('public, max-age=31536000, immutable');
  }
  expect((await request.get('/selfchecks/3-1.json')).headers()['cache-control']).toBe('no-cache');
});

test('the web manifest is linked, valid, and its icons exist; Chromium finds the app installable', async ({ page, context, request }) => {
  await gotoApp(page, '#/');
  const href = await page.locator('link[rel=manifest]').getAttribute('href');
  expect(href).toBeTruthy();
  const res = await request.get(new URL(href!, page.url()).href);
  expect(res.ok()).toBe(true);
  expect(res.headers()['content-type']).toBe('application/manifest+json');
  const manifest = JSON.parse(await res.text());
  expect(manifest.name).toBe('忠诚实验室 · Loyalty Lab');
  expect(manifest.short_name).toBeTruthy();
  expect(manifest.short_name.length).toBeLessThanOrEqual(12);
  expect(manifest.start_url).toBe('./');
  expect(manifest.scope).toBe('./');
  expect(manifest.display).toBe('standalone');
  expect(manifest.background_color).toMatch(/^#[0-9a-f]{3,8}$/);
  expect(manifest.theme_color).toMatch(/^#[0-9a-f]{3,8}$/);
  const lightTheme = await page.locator('meta[name=theme-color][media*=light]').getAttribute('content');
  expect(manifest.theme_color).toBe(lightTheme);
  expect(await page.locator('meta[name=theme-color][media*=dark]').count()).toBe(1);

  expect(manifest.icons.length).toBeGreaterThan(0);
  const dist = servedFolder(PORT);
  const manifestUrl = new URL(href!, page.url());
  for (const icon of manifest.icons) {
    expect(icon.sizes, icon.src).toBeTruthy();
    const url = new URL(icon.src, manifestUrl);
    expect(fs.existsSync(path.join(dist, decodeURIComponent(url.pathname))), `${icon.src} in ${dist}`).toBe(true);
    const file = await request.get(url.href);
    expect(file.ok(), icon.src).toBe(true);
    expect(file.headers()['content-type']).toBe(icon.type);
  }

  // Chromium's own verdict: the manifest parses and the app is installable
  // (a Playwright context counts as incognito, which is no fault of the app).
  await waitForWorker(page);
  const cdp = await context.newCDPSession(page);
  const parsed = await cdp.send('Page.getAppManifest');
  expect(parsed.errors).toEqual([]);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  expect(installabilityErrors.filter((e) => e.errorId !== 'in-incognito')).toEqual([]);
});

test('where service workers are unavailable, the app runs without one and says nothing', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'serviceWorker', { get: () => undefined, configurable: true });
  });
  await gotoApp(page, '#/lecture/2');
  await gotoApp(page, '#/self-check/3-1');
  await expect(page.getByTestId('selfcheck-answer')).toBeVisible();
  expect(await page.evaluate(() => 'serviceWorker' in navigator && navigator.serviceWorker)).toBeFalsy();
});

test('the service worker precaches the whole build, and the app works offline', async ({ page, context }) => {
  const dist = servedFolder(PORT);
  const { cache, files } = workerOf(fs.readFileSync(path.join(dist, 'sw.js'), 'utf8'));
  // Every file of the build, content JSON included, is on the list.
  expect(files.map(([p]) => p.replace(/^\.\//, '')).sort()).toEqual(filesOf(dist).filter((f) => f !== 'sw.js'));
  expect(files.some(([p]) => p.startsWith('./scenarios/'))).toBe(true);
  expect(files.some(([p]) => p.startsWith('./selfchecks/'))).toBe(true);

  await gotoApp(page, '#/');
  await waitForWorker(page);
  expect(await cacheNames(page)).toEqual([cache]);
  const cached = await page.evaluate(async (name) => {
    const keys = await (await caches.open(name)).keys();
    return keys.map((r) => new URL(r.url).pathname).sort();
  }, cache);
  expect(cached).toEqual(files.map(([p]) => p.replace(/^\./, '')).sort());

  const fromWorker: string[] = [];
  page.on('response', (r) => {
    if (/\/(scenarios|selfchecks)\//.test(r.url()) && r.fromServiceWorker()) fromWorker.push(new URL(r.url()).pathname);
  });
  await context.setOffline(true);
  const screens: Array<[string, string]> = [
    ['#/', 'lecture-card-1'],
    ['#/lecture/3', 'lecture'],
    ['#/smith', 'smith-direct-loss'],
    ['#/emotion-line?scenario=coffee-gift&lang=en', 'customer-line'],
    ['#/self-check/3-1', 'selfcheck-answer'],
  ];
  for (const [hash, testid] of screens) {
    // A fresh document each time (a hash change alone may hand off to
    // another bundle with a reload of its own), then a reload of it.
    await page.goto('about:blank');
    await page.goto(`/${hash}`);
    await waitForApp(page);
    await page.reload();
    await waitForApp(page);
    await waitForRoute(page, hash);
    await expect(page.getByTestId(testid).first(), hash).toBeVisible();
  }
  expect(fromWorker).toEqual(
    expect.arrayContaining(['/scenarios/coffee-gift.json', '/selfchecks/3-1.json']),
  );
  await context.setOffline(false);
});

test('hashed files go out as the build compressed them (brotli_static, gzip_static), the rest compressed on the fly', async () => {
  const dist = servedFolder(PORT);
  const get = (file: string, accept = 'gzip') => new Promise<http.IncomingMessage>((resolve, reject) => {
    http.get({ host: '127.0.0.1', port: PORT, path: `/${file}`, headers: { 'accept-encoding': accept } }, (res) => {
      res.resume();
      resolve(res);
    }).on('error', reject);
  });
  const hashed = fs.readdirSync(dist).filter((f) => /-[0-9a-f]{16}(_bg\.wasm|\.js|\.css|\.json)$/.test(f));
  expect(hashed.length).toBeGreaterThan(10);
  for (const f of hashed) {
    expect(fs.existsSync(path.join(dist, `${f}.br`)), `${f}.br`).toBe(true);
    const res = await get(f);
    expect(res.headers['content-encoding'], f).toBe('gzip');
    expect(Number(res.headers['content-length']), f).toBe(fs.statSync(path.join(dist, `${f}.gz`)).size);
    const br = await get(f, 'gzip, deflate, br');
    expect(br.headers['content-encoding'], f).toBe('br');
    expect(Number(br.headers['content-length']), f).toBe(fs.statSync(path.join(dist, `${f}.br`)).size);
  }
  // Files whose content changes under the same name have no copy to go stale.
  for (const f of ['index.html', 'sw.js']) {
    expect(fs.existsSync(path.join(dist, `${f}.gz`)), f).toBe(false);
    expect((await get(f)).headers['content-encoding'], f).toBe('gzip');
  }
});

test.describe('a new build', () => {
  test.use({ allowedHosts: [`127.0.0.1:${UPDATE_PORT}`] });

  test('replaces the old one once the trainee reloads, and deletes its cache', async ({ page, context }) => {
    test.setTimeout(90_000);
    // Two builds: the one under test, and a copy with a changed index.html
    // and content file whose service worker scripts/post-build has written anew.
    const work = path.join(ROOT, `.tmp/offline-update-${UPDATE_PORT}`);
    const [a, b] = [path.join(work, 'a'), path.join(work, 'b')];
    fs.rmSync(work, { recursive: true, force: true });
    fs.cpSync(servedFolder(PORT), a, { recursive: true });
    fs.cpSync(servedFolder(PORT), b, { recursive: true });
    const index = path.join(b, 'index.html');
    fs.writeFileSync(index, fs.readFileSync(index, 'utf8').replace('</head>', '<meta name="loyalty-build" content="next"></head>'));
    const changed = path.join(b, 'selfchecks/3-1.json');
    fs.appendFileSync(changed, '\n');
    execFileSync('node', ['scripts/post-build', b, 'serviceWorker'], { cwd: ROOT });
    // nginx's ETag is mtime + size: two sw.js of equal size written in the
    // same second would look unchanged to the browser's update check (a real
    // deploy is never that close to the previous one).
    const later = new Date(Date.now() + 10_000);
    fs.utimesSync(path.join(b, 'sw.js'), later, later);
    const oldCache = workerOf(fs.readFileSync(path.join(a, 'sw.js'), 'utf8')).cache;
    const newCache = workerOf(fs.readFileSync(path.join(b, 'sw.js'), 'utf8')).cache;
    expect(newCache).not.toBe(oldCache);
    const serve = (dir: string) => execFileSync('scripts/nginx', ['start', dir, String(UPDATE_PORT)], { cwd: ROOT });
    const origin = `http://127.0.0.1:${UPDATE_PORT}`;
    const marker = page.locator('meta[name=loyalty-build]');

    try {
      serve(a);
      await page.goto(`${origin}/#/`);
      await waitForApp(page);
      await waitForWorker(page);
      expect(await cacheNames(page)).toEqual([oldCache]);
      await expect(page.getByTestId('notice-update')).toHaveCount(0);

      // The host deploys the new build; the next visit finds it, installs it
      // beside the old one and offers a reload.
      serve(b);
      await page.reload();
      await waitForApp(page);
      await expect(page.getByTestId('notice-update')).toBeVisible({ timeout: 20_000 });
      expect(await cacheNames(page)).toEqual([oldCache, newCache].sort());

      // Until the trainee accepts, offline use stays on the whole old build
      // (and the offer is still there after a reload).
      await context.setOffline(true);
      await page.reload();
      await waitForApp(page);
      await expect(marker).toHaveCount(0);
      await expect(page.getByTestId('notice-update')).toBeVisible();
      await context.setOffline(false);

      const reloaded = page.waitForEvent('load');
      await page.getByTestId('update-reload').click();
      await reloaded;
      await waitForApp(page);
      await expect.poll(() => cacheNames(page)).toEqual([newCache]);
      await expect(page.getByTestId('notice-update')).toHaveCount(0);

      // Offline now means the new build, content included.
      await context.setOffline(true);
      await page.reload();
      await waitForApp(page);
      await expect(marker).toHaveCount(1);
      const text = await page.evaluate(async () => (await fetch('./selfchecks/3-1.json')).text());
      expect(text).toBe(fs.readFileSync(changed, 'utf8'));
      await context.setOffline(false);
    } finally {
      execFileSync('scripts/nginx', ['stop', String(UPDATE_PORT)], { cwd: ROOT });
    }
  });
});
