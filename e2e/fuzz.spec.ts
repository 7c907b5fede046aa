// Seeded random interaction across every screen (in the spirit of PhET's
// fuzz testing): clicks, key presses, slider moves and typed input —
// including garbage, huge numbers and HTML. The guard fixture fails the test
// on any page error (a Rust panic surfaces as one) or console message; the
// recovery panel must stay hidden. FUZZ_STEPS sets the length (default 300
// per screen); FUZZ_SEED the seed.
import { test, expect, gotoApp, ORIGIN_HOST } from './fixtures';

const STEPS = Number(process.env.FUZZ_STEPS ?? 300);
const SEED = Number(process.env.FUZZ_SEED ?? 20261123);

/** A small deterministic generator (mulberry32). */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const INPUTS = ['', '0', '-1', '1e309', '99999999999', 'NaN', '12.5', '５０', 'abc', '<img src=x onerror=alert(1)>', '不行！', ' 7 ', '%'];
const KEYS = ['ArrowRight', 'ArrowLeft', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown', 'Enter', ' ', 'Escape', 'Tab', 'p', 'l', '?'];
const SCREENS = ['#/', '#/lecture/2', '#/progress', '#/smith', '#/mirror', '#/emotion-line?scenario=coffee-gift', '#/iceberg', '#/pyramid', '#/loyalty-profit', '#/loyalty-ladder', '#/gaps', '#/value', '#/staff-value', '#/drill/say-it-positively', '#/drill/frontline-skills', '#/drill/spot-the-mistake', '#/self-check/3-1', '#/class', '#/author'];

for (const [i, start] of SCREENS.entries()) {
  test(`fuzz ${start}`, async ({ page }) => {
    // Links between screen families reload into another bundle: allow for it.
    test.setTimeout(300_000);
    let dialogs = 0;
    page.on('dialog', async (d) => { dialogs++; await d.dismiss(); });
    const r = rng(SEED + i);
    const pick = <T,>(xs: T[]) => xs[Math.floor(r() * xs.length)];
    const began = performance.now();
    await gotoApp(page, start);
    for (let step = 0; step < STEPS; step++) {
      // Stay inside the app: a step that wandered off (a download link, say)
      // comes back to the screen under test.
      if (!page.url().startsWith(`http://${ORIGIN_HOST}/`)) await gotoApp(page, start);
      const controls = page.locator('main button:visible, main input:visible, main select:visible, main textarea:visible, main a[href^="#"]:visible, main [role=button]:visible');
      const n = await controls.count();
      const action = r();
      try {
        if (n > 0 && action < 0.55) {
          const el = controls.nth(Math.floor(r() * n));
          // Bounded like every action here: an element that vanished since
          // the count must not hold the step until the test's timeout.
          const tag = await el.evaluate((e) => e.tagName + ':' + ((e as HTMLInputElement).type ?? ''), undefined, { timeout: 1000 });
          if (tag.startsWith('INPUT:file')) continue;
          if (tag.startsWith('INPUT:text') || tag.startsWith('TEXTAREA')) await el.fill(pick(INPUTS), { timeout: 1000 });
          else if (tag.startsWith('INPUT:range')) { await el.focus({ timeout: 1000 }); await page.keyboard.press(pick(['ArrowRight', 'ArrowLeft', 'Home', 'End', 'PageUp'])); }
          else if (tag.startsWith('SELECT')) await el.selectOption({ index: Math.floor(r() * 2) }, { timeout: 1000 });
          else await el.click({ timeout: 1000 });
        } else if (action < 0.9) {
          await page.keyboard.press(pick(KEYS));
        } else {
          await page.goBack({ timeout: 2000 }).catch(() => undefined);
        }
      } catch {
        // An element that moved or vanished between picking and acting is fine.
      }
      if (step % 50 === 0) {
        await expect(page.locator('#recovery')).toBeHidden();
        // Progress in the log: where a run that ends in a timeout had got to.
        console.log(`step ${step} at ${Math.round(performance.now() - began)} ms: ${page.url()}`);
      }
    }
    // A last step back past the first entry leaves the app: come back, as
    // the loop would have, and check it is still alive.
    if (!page.url().startsWith(`http://${ORIGIN_HOST}/`)) await gotoApp(page, start);
    await expect(page.locator('#recovery')).toBeHidden();
    await expect(page.locator('main#main')).not.toBeEmpty();
    expect(dialogs).toBe(0);
  });
}
