// Shared fixtures and helpers for the Loyalty Lab end-to-end tests.
//
// Every test gets a guard that records, for the whole browser context:
//   - console messages of type "error" or "warning",
//   - uncaught page errors (including Rust panics surfacing as exceptions),
//   - any request to a host other than the app's own (data: and blob: are fine),
// and fails the test at teardown if anything was recorded (DESIGN.md: "the app
// never logs errors to the console in normal use", "the page makes no request
// to any host but its own").

import { test as base, expect, type Page, type Download } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import * as fs from 'fs';
import * as path from 'path';

export { expect };
export type { Page };

/** The server under test: nginx on 127.0.0.1, port 8081 unless E2E_PORT says otherwise. */
export const ORIGIN_HOST = `127.0.0.1:${process.env.E2E_PORT ?? '8081'}`;
export const STORAGE_KEY = 'loyalty-lab';
/** The progress schema the app writes, read from src/progress/record.rs. */
export const SCHEMA = Number(
  /pub const SCHEMA: u32 = (\d+);/.exec(fs.readFileSync(path.join(__dirname, '..', 'src/progress/record.rs'), 'utf8'))![1],
);
export const BACKUP_PREFIX = 'loyalty-lab.backup.';

type Problem = { kind: 'console' | 'pageerror' | 'foreign-request'; text: string };

type Fixtures = {
  /** Console texts (regexps) a test expects and tolerates. Empty by default. */
  allowedConsole: RegExp[];
  /** Hosts besides ORIGIN_HOST a test may contact (its own second server). Empty by default. */
  allowedHosts: string[];
  /** The problems recorded so far in this test (auto fixture). */
  guard: Problem[];
};

export const test = base.extend<Fixtures>({
  allowedConsole: [[], { option: true }],
  allowedHosts: [[], { option: true }],

  guard: [
    async ({ context, allowedConsole, allowedHosts }, use, testInfo) => {
      const problems: Problem[] = [];
      context.on('console', (msg) => {
        const type = msg.type();
        if (type !== 'error' && type !== 'warning') return;
        const text = msg.text();
        if (allowedConsole.some((re) => re.test(text))) return;
        // Playwright's own stub under `serviceWorkers: 'block'`, not the app.
        if (text === 'Service Worker registration blocked by Playwright') return;
        const loc = msg.location();
        const where = loc && loc.url ? ` (${loc.url}:${loc.lineNumber})` : '';
        problems.push({ kind: 'console', text: `[${type}] ${text}${where}` });
      });
      context.on('weberror', (err) => {
        const e = err.error();
        problems.push({ kind: 'pageerror', text: `${e.name}: ${e.message}\n${e.stack ?? ''}` });
      });
      context.on('request', (req) => {
        const url = req.url();
        if (url.startsWith('data:') || url.startsWith('blob:')) return;
        let host = '';
        try {
          host = new URL(url).host;
        } catch {
          host = '(unparsable)';
        }
        if (host !== ORIGIN_HOST && !allowedHosts.includes(host)) {
          problems.push({ kind: 'foreign-request', text: `${req.method()} ${url}` });
        }
      });

      await use(problems);

      if (problems.length > 0) {
        const report = problems.map((p) => `  - ${p.kind}: ${p.text}`).join('\n');
        console.log(`\n[guard] ${testInfo.titlePath.join(' › ')}\n${report}\n`);
        await testInfo.attach('guard-problems', { body: report, contentType: 'text/plain' });
        throw new Error(
          `The page logged errors/warnings, threw, or contacted another host:\n${report}`,
        );
      }
    },
    { auto: true },
  ],
});

/** Routes the suite visits, in both languages. */
export const LECTURE_NS = Array.from({ length: 12 }, (_, i) => i + 1);
export const ROUTES = ['#/', ...LECTURE_NS.map((n) => `#/lecture/${n}`), '#/progress', '#/class'];
export const NOT_FOUND_ROUTES = ['#/nowhere', '#/lecture/13', '#/lecture/abc'];
/** More addresses that lead nowhere (checked once, in Chinese). */
export const MORE_NOT_FOUND = ['#/lecture/0', '#/lecture/256', '#/lecture/-1', '#/lecture/', '#/progress/extra', '#/LECTURE/1'];

/** Appends a query parameter to a hash address (`#/path?query`). */
export function withQuery(hash: string, query: string): string {
  if (!query) return hash;
  return hash + (hash.includes('?') ? '&' : '?') + query;
}

/**
 * Opens the app at `hash` (e.g. `#/lecture/3?lang=en`) and waits until yew has
 * rendered a screen into `main#main`.
 */
export async function gotoApp(page: Page, hash = '#/'): Promise<void> {
  const h = hash.startsWith('#') ? hash : `#${hash}`;
  await page.goto(`/${h}`);
  await waitForApp(page);
  await waitForRoute(page, h);
}

/**
 * Waits until the screen for `hash` is the one shown. A goto that only
 * changes the hash is a same-document navigation that resolves before yew
 * re-renders, so without this a test could act on the previous screen.
 */
export async function waitForRoute(page: Page, hash: string): Promise<void> {
  const path = hash.replace(/^#/, '').split('?')[0];
  // A language the address asks for shows once its texts have arrived
  // (until then the page stays in the language it had, <html lang> too).
  const lang = new URLSearchParams(hash.split('?')[1] ?? '').get('lang')?.trim().toLowerCase();
  if (lang === 'zh' || lang === 'en') {
    await expect(page.locator('html')).toHaveAttribute('lang', lang === 'zh' ? 'zh-CN' : 'en');
  }
  const lecture = /^\/lecture\/(\d+)$/.exec(path);
  if (lecture && Number(lecture[1]) >= 1 && Number(lecture[1]) <= 12) {
    const n = Number(lecture[1]);
    await expect(page.locator('[data-testid=lecture] .lecture-no')).toHaveText(new RegExp(`(^|\\D)${n}(\\D|$)`));
  } else if (path === '/' || path === '') {
    await expect(page.getByTestId('lecture-card-1')).toBeVisible();
  } else if (path === '/progress') {
    await expect(page.getByTestId('progress-row-1')).toBeVisible();
  } else if (path === '/class') {
    await expect(page.getByTestId('class-drop')).toBeVisible();
  } else if (path.startsWith('/') && !/^\/(smith|mirror|emotion-line|iceberg|pyramid|loyalty-profit|loyalty-ladder|gaps|value|staff-value|drill|self-check|author)(\/|$)/.test(path)) {
    const nf = page.getByTestId('not-found');
    await expect(nf).toBeVisible();
    if (/^[\x21-\x7e]*$/.test(path) && !path.includes('%')) {
      await expect(nf.locator('code')).toHaveText(`#${path}`);
    }
  }
}

/** Waits until the app has rendered a screen (after a goto or a reload). */
export async function waitForApp(page: Page): Promise<void> {
  await expect(page.locator('main#main > *').first()).toBeVisible({ timeout: 15_000 });
}

/**
 * Waits until a change the app made has reached the history entry: the
 * router writes the address once it has not changed for 250 ms
 * (src/web/router.rs `replace`), so this waits 400 ms. Returns the address then.
 */
export async function settledUrl(page: Page): Promise<string> {
  return page.evaluate(() => new Promise<string>((done) => {
    setTimeout(() => done(location.href), 400);
  }));
}

/** Reloads the page (once the address has settled) and waits for the app again. */
export async function reloadApp(page: Page): Promise<void> {
  await settledUrl(page);
  await page.reload();
  await waitForApp(page);
}

/** Runs axe-core with the WCAG 2.x A/AA tags and expects no violations. */
export async function axeCheck(page: Page, label = ''): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const lines = results.violations.map((v) => {
    const nodes = v.nodes
      .map((n) => `      ${n.target.join(' ')}${n.failureSummary ? `\n        ${n.failureSummary.replace(/\n/g, '\n        ')}` : ''}`)
      .join('\n');
    return `  [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes}`;
  });
  if (lines.length) {
    console.log(`\n[axe] ${label || page.url()}\n${lines.join('\n')}\n`);
  }
  expect(lines, `axe violations on ${label || page.url()}:\n${lines.join('\n')}`).toEqual([]);
}

/** Reads the raw saved record (null if none). */
export async function savedRaw(page: Page): Promise<string | null> {
  return page.evaluate((k) => window.localStorage.getItem(k), STORAGE_KEY);
}

/** Reads the saved record as JSON (null if none). */
export async function savedRecord(page: Page): Promise<any> {
  const raw = await savedRaw(page);
  return raw === null ? null : JSON.parse(raw);
}

/** All backup keys and their values, oldest first. */
export async function backups(page: Page): Promise<Array<[string, string]>> {
  return page.evaluate((prefix) => {
    const out: Array<[string, string]> = [];
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i)!;
      if (k.startsWith(prefix)) out.push([k, localStorage.getItem(k) ?? '']);
    }
    return out.sort((a, b) => Number(a[0].slice(prefix.length)) - Number(b[0].slice(prefix.length)));
  }, BACKUP_PREFIX);
}

/**
 * Puts `raw` into localStorage under the app's key before the app first loads
 * (once per test: later reloads see whatever the app saved).
 */
export async function seedStorage(page: Page, raw: string, key = STORAGE_KEY): Promise<void> {
  await page.addInitScript(
    ([k, v]) => {
      const flag = '__e2e_seeded__' + k;
      if (!window.sessionStorage.getItem(flag)) {
        window.sessionStorage.setItem(flag, '1');
        window.localStorage.setItem(k, v);
      }
    },
    [key, raw] as [string, string],
  );
}

/** Reads a download fully as text. */
export async function downloadText(download: Download): Promise<string> {
  const p = await download.path();
  return fs.readFileSync(p, 'utf8');
}

/** Marks lecture `n` done from its page (opening it first). */
export async function markDone(page: Page, n: number): Promise<void> {
  await gotoApp(page, `#/lecture/${n}`);
  const button = page.getByTestId('mark-done');
  await expect(button).toHaveAttribute('aria-pressed', 'false');
  await button.click();
  await expect(button).toHaveAttribute('aria-pressed', 'true');
}

/** The badge class ("done", "seen", "todo") in a progress-table row. */
export async function rowStatus(page: Page, n: number): Promise<string> {
  const badge = page.getByTestId(`progress-row-${n}`).getByTestId('lecture-status');
  const cls = (await badge.getAttribute('class')) ?? '';
  return ['done', 'seen', 'todo'].find((c) => cls.split(/\s+/).includes(c)) ?? cls;
}

// Course content and UI strings, read from the repository so the tests check
// what the app should show without copying the texts.
type Text = { zh: string; en: string };
export type Lang = 'zh' | 'en';
const root = path.join(__dirname, '..');
export const COURSE: {
  chapters: Array<{ n: number; title: Text }>;
  lectures: Array<{ n: number; chapter: number; title: Text }>;
} = JSON.parse(fs.readFileSync(path.join(root, 'content/lectures.json'), 'utf8'));
export const UI: Record<string, Text> = JSON.parse(
  fs.readFileSync(path.join(root, 'content/ui.json'), 'utf8'),
);

/** A UI string with `{name}` placeholders filled in. */
export function t(lang: Lang, key: string, vars: Record<string, string | number> = {}): string {
  const entry = UI[key];
  if (!entry) throw new Error(`unknown UI key ${key}`);
  return entry[lang].replace(/\{(\w+)\}/g, (_, k) => String(vars[k] ?? `{${k}}`));
}

/** The document title the app should set for a hash route. */
export function expectedTitle(lang: Lang, hash: string): string {
  const app = t(lang, 'app.name');
  const route = hash.replace(/^#/, '').split('?')[0];
  if (route === '/' || route === '') return app;
  if (route === '/progress') return `${t(lang, 'progress.title')} · ${app}`;
  if (route === '/class') return `${t(lang, 'class.title')} · ${app}`;
  const m = /^\/lecture\/(\d+)$/.exec(route);
  const lecture = m ? COURSE.lectures.find((l) => l.n === Number(m[1])) : undefined;
  if (lecture) return `${t(lang, 'lecture.label', { n: lecture.n })} ${lecture.title[lang]} · ${app}`;
  return `${t(lang, 'notfound.title')} · ${app}`;
}

export const HTML_LANG: Record<Lang, string> = { zh: 'zh-CN', en: 'en' };
