// Slider-to-paint latency of the simulation screens, in headless Chromium
// (Debian's /usr/bin/chromium through Playwright). Run by scripts/bench-latency:
//   node scripts/bench-latency.js <base-url> <out.json>
//
// Every range input on the model screens (SCREENS below) (closed
// <details> are opened first) is moved many times, two ways:
//
// 1. "dispatch": inside the page, value set + an 'input' event dispatched at
//    the start of an animation frame (Chromium aligns continuous input such as
//    a slider drag to frames the same way). t0 = performance.now() just before
//    the value is set. A second requestAnimationFrame callback, queued behind
//    the first for the same frame, runs after yew has re-rendered (its
//    scheduler runs synchronously or in microtasks, which drain between the
//    callbacks) and posts a MessageChannel message; that message is delivered
//    only after the frame's style, layout, paint and commit, so its arrival
//    approximates "the frame with the new DOM was produced". A MutationObserver
//    checks the DOM really changed inside that frame; if anything changed later
//    (work in a later task), the measure waits for further frames until a
//    frame starts after the last mutation. Reported: the whole span (change →
//    frame produced), its script part (change → last DOM mutation) and the
//    frame's own part (second callback → message: style, layout, paint,
//    commit).
//    Values walk up and down each slider's range in twelfths, snapped to its
//    step, so each change differs from the last; all changes of a screen run
//    back to back in the page, so the Smith screen's Monte Carlo (deferred
//    until 0.12 s after the last change) never runs between them.
//
// 2. "keys": a real ArrowRight / ArrowLeft on the focused slider
//    (page.keyboard.press, i.e. trusted CDP input) after a random 0–20 ms
//    pause, so presses land at any point of a frame, as key presses do.
//    Measured (a) from the keydown event's timeStamp to the MessageChannel tick
//    after the next frame that starts after the last DOM mutation, and (b) by
//    the Event Timing API (PerformanceObserver 'event'): the largest `duration`
//    of the interaction's events, which runs from the hardware timestamp to
//    the frame actually being presented. Chromium reports only events of
//    16 ms or more (the API's minimum threshold), so presses with no entry
//    count as "< 16 ms".
//
// 3. "traced": the browser's own input-to-presentation time, unrounded. The
//    same kind of real key presses, paced 50–70 ms apart with nothing of ours
//    running in the page meanwhile (method 2's frame probe is off and nothing
//    polls the page: Playwright's waitForFunction checks on every animation
//    frame, and that work and its round trips land in the very frames being
//    timed), while Chromium traces its 'devtools.timeline' category. Its
//    EventTiming trace events are what the Event Timing API reports, in
//    microseconds: from the key's hardware timestamp to the presentation of
//    the frame after its handlers ran. Per press: the largest duration of
//    its events (keydown, keyup). This is the figure the target is checked
//    against (tracing itself only adds to it). The presses of each screen
//    are split into LATENCY_ROUNDS rounds that go round the screens and the
//    bare page in turn, so a stretch of minutes when the machine is slower
//    falls on all of them alike, not on one screen; the figure is the median
//    of all its presses, and each round's median is reported beside it.
//
// The same key presses on a bare page (one range input, one number) give
// the floor of the key measures on this browser and machine.
//
// The deferred Monte Carlo run on #/smith is measured separately: one slider
// change, then the time until the frame showing the new result (the section's
// aria-busy turns false) — this includes the 0.12 s pause — and the longest
// task seen meanwhile (the run itself plus its render, Long Tasks API).
//
// Environment: LATENCY_CHANGES (dispatch changes per screen, default 200),
// LATENCY_KEYS (key presses per screen, default 200), LATENCY_ROUNDS (rounds
// of the traced presses, default 3), LATENCY_MC (Monte Carlo repeats,
// default 15).
'use strict';
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright');

const [base, outFile] = process.argv.slice(2);
const CHANGES = Number(process.env.LATENCY_CHANGES || 200);
const KEYS = Number(process.env.LATENCY_KEYS || 200);
const MC = Number(process.env.LATENCY_MC || 15);
const ROUNDS = Math.max(1, Number(process.env.LATENCY_ROUNDS || 3));
// LATENCY_SCREENS="#/a #/b" measures only those.
const SCREENS = (process.env.LATENCY_SCREENS || '#/smith #/mirror #/emotion-line #/iceberg #/pyramid #/loyalty-profit #/loyalty-ladder #/gaps #/staff-value #/value').split(/\s+/).filter(Boolean);

// Installed in every page before the app starts.
function probe() {
  const B = (window.__bench = { mut: 0, lastMut: 0, events: [], long: [], keys: [] });
  new MutationObserver(() => {
    B.mut += 1;
    B.lastMut = performance.now();
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  try {
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) {
        B.events.push({ name: e.name, id: e.interactionId, start: e.startTime, duration: e.duration,
          processing: e.processingEnd - e.processingStart, delay: e.processingStart - e.startTime });
      }
    }).observe({ type: 'event', durationThreshold: 16, buffered: true });
  } catch (_) { /* no Event Timing */ }
  try {
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) B.long.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch (_) { /* no Long Tasks */ }

  // Resolves with the time of the MessageChannel tick after the first frame
  // that starts after the last DOM mutation (gives up after `frames` frames).
  B.painted = (frames = 30) => new Promise((resolve) => {
    const wait = (left) => requestAnimationFrame(() => {
      const frameStart = performance.now();
      const ch = new MessageChannel();
      ch.port1.onmessage = () => {
        if (B.lastMut > frameStart && left > 0) wait(left - 1);
        else resolve(performance.now());
      };
      ch.port2.postMessage(0);
    });
    wait(frames);
  });

  // Method 1: one frame-aligned synthetic change.
  B.change = (el, value) => new Promise((resolve) => {
    let t0 = 0;
    let before = 0;
    let inFrame = 0;
    requestAnimationFrame(() => {
      before = B.mut;
      t0 = performance.now();
      el.value = String(value);
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    requestAnimationFrame(() => {
      inFrame = B.mut;
      const scriptDone = performance.now();
      const ch = new MessageChannel();
      ch.port1.onmessage = async () => {
        let t = performance.now();
        const rendered = t - scriptDone;
        if (B.mut !== inFrame) t = await B.painted(); // work left for later frames
        resolve({ total: t - t0, script: B.mut > before ? B.lastMut - t0 : 0, render: rendered,
          changed: B.mut > before, t0, t1: t, late: B.mut !== inFrame });
      };
      ch.port2.postMessage(0);
    });
  });

  // Method 2a: every trusted keydown on a range input is timed to its frame.
  window.addEventListener('keydown', (e) => {
    if (B.quiet || !e.isTrusted || !(e.target instanceof HTMLInputElement) || e.target.type !== 'range') return;
    const t0 = e.timeStamp;
    const before = B.mut;
    B.painted(3).then((t) => B.keys.push({ total: t - t0, changed: B.mut > before, t0, t1: t }));
  }, true);

  // The values a slider walks through: up and down its range in twelfths.
  B.walk = (el, n) => {
    const min = Number(el.min || 0);
    const max = Number(el.max || 100);
    const step = Number(el.step) || 1;
    const stride = Math.max(step, Math.round((max - min) / 12 / step) * step);
    const values = [];
    let v = Number(el.value);
    let dir = 1;
    for (let i = 0; i < n; i += 1) {
      if (v + dir * stride > max + 1e-9 || v + dir * stride < min - 1e-9) dir = -dir;
      v = Math.min(max, Math.max(min, v + dir * stride));
      values.push(Number(v.toFixed(6)));
    }
    return values;
  };
}

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
function stats(values) {
  const s = [...values].sort((a, b) => a - b);
  if (!s.length) return { n: 0 };
  return { n: s.length, median: quantile(s, 0.5), p95: quantile(s, 0.95), worst: s[s.length - 1],
    mean: s.reduce((a, b) => a + b, 0) / s.length };
}
// Event Timing: presses without an entry were under 16 ms (stored as 0).
function censored(values, n) {
  const s = [...values, ...Array(Math.max(0, n - values.length)).fill(0)].sort((a, b) => a - b);
  if (!s.length) return { n: 0 };
  return { n, reported: values.length, median: quantile(s, 0.5), p95: quantile(s, 0.95), worst: s[s.length - 1] };
}
// Event Timing per key press: one interaction per press (keydown and keyup
// share an id), its largest duration.
function interactions(events) {
  const byId = new Map();
  for (const e of events) if (e.id && /^key/.test(e.name)) byId.set(e.id, Math.max(byId.get(e.id) || 0, e.duration));
  return [...byId.values()];
}
const overlapsLong = (r, long) => long.some((l) => l.start < r.t1 && l.start + l.duration > r.t0);

async function ready(page, screen) {
  // A fresh document per screen: a build split into screen bundles picks the
  // bundle from the address at start (and reloads to switch).
  await page.goto('about:blank');
  await page.goto(`${base}/${screen}`, { waitUntil: 'load' });
  await page.waitForSelector('input[type=range]');
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
  if (screen === '#/smith') await page.waitForSelector('[aria-labelledby=mc-h] [aria-busy=false]', { timeout: 30000 });
  await page.waitForTimeout(300);
}

async function dispatchRun(page, screen) {
  await ready(page, screen);
  const res = await page.evaluate(async (total) => {
    const B = window.__bench;
    const sliders = [...document.querySelectorAll('input[type=range]')];
    const per = Math.max(10, Math.ceil(total / sliders.length));
    const out = [];
    for (const [i, el] of sliders.entries()) {
      const id = el.id || el.dataset.testid || `range-${i}`;
      for (const v of B.walk(el, per)) {
        const sel = el.id ? `#${CSS.escape(el.id)}` : `[data-testid="${el.dataset.testid}"]`;
        const live = document.querySelector(sel) || el; // yew may have replaced the node
        out.push({ slider: id, ...(await B.change(live, v)) });
      }
    }
    return { results: out, long: B.long.slice(), sliders: sliders.length };
  }, CHANGES);
  const counted = res.results.filter((r) => r.changed);
  const perSlider = {};
  for (const r of counted) (perSlider[r.slider] ||= []).push(r.total);
  return {
    sliders: res.sliders,
    changes: res.results.length,
    unchanged: res.results.length - counted.length,
    late: counted.filter((r) => r.late).length,
    overlapping_long_tasks: counted.filter((r) => overlapsLong(r, res.long)).length,
    total: stats(counted.map((r) => r.total)),
    script: stats(counted.map((r) => r.script)),
    render: stats(counted.map((r) => r.render)),
    per_slider: Object.fromEntries(Object.entries(perSlider).map(([k, v]) => [k, stats(v)])),
  };
}

async function keyRun(page, screen) {
  await ready(page, screen);
  const ids = (await rangeInputs(page)).map((s) => s.id);
  await page.evaluate(() => { window.__bench.events.length = 0; window.__bench.keys.length = 0; });
  const per = Math.max(10, Math.ceil(KEYS / ids.length));
  let pressed = 0;
  for (const id of ids) {
    const el = page.locator(`#${id}`);
    await el.focus();
    let dir = 'ArrowRight';
    for (let i = 0; i < per; i += 1) {
      const { value, min, max } = await el.evaluate((e) => ({ value: +e.value, min: +e.min, max: +e.max }));
      if (value >= max) dir = 'ArrowLeft';
      if (value <= min) dir = 'ArrowRight';
      if (i % 10 === 0 && i > 0) dir = dir === 'ArrowRight' ? 'ArrowLeft' : 'ArrowRight';
      await page.waitForTimeout(Math.random() * 20);
      await page.keyboard.press(dir);
      pressed += 1;
      await page.waitForFunction((n) => window.__bench.keys.length >= n, pressed);
    }
  }
  await page.waitForTimeout(500); // let the last Event Timing entries arrive
  const B = await page.evaluate(() => ({ keys: window.__bench.keys, events: window.__bench.events, long: window.__bench.long }));
  const counted = B.keys.filter((k) => k.changed);
  return {
    presses: pressed,
    unchanged: B.keys.length - counted.length,
    overlapping_long_tasks: counted.filter((r) => overlapsLong(r, B.long)).length,
    total: stats(counted.map((k) => k.total)),
    event_timing: censored(interactions(B.events), pressed),
  };
}

// Opens the bare page: one range input that updates one number, on an
// origin of its own (no service worker), answered here, with the probe.
async function bare(page) {
  const url = 'http://bare.invalid/';
  await page.unroute(url);
  await page.route(url, (r) => r.fulfill({ contentType: 'text/html',
    body: '<!doctype html><label>x <input id="r" type="range" min="0" max="100" value="50"></label> <output id="o">50</output>' }));
  await page.goto(url);
  await page.evaluate(() => {
    const r = document.getElementById('r');
    r.addEventListener('input', () => { document.getElementById('o').textContent = r.value; });
  });
}

// The floor of the key measures on this browser and machine: the same key
// presses on the bare page.
async function baselineRun(page) {
  await bare(page);
  await page.evaluate(() => { window.__bench.events.length = 0; window.__bench.keys.length = 0; });
  await page.locator('#r').focus();
  let dir = 'ArrowRight';
  for (let i = 0; i < KEYS; i += 1) {
    if (i % 20 === 0) dir = dir === 'ArrowRight' ? 'ArrowLeft' : 'ArrowRight';
    await page.waitForTimeout(Math.random() * 20);
    await page.keyboard.press(dir);
    await page.waitForFunction((n) => window.__bench.keys.length >= n, i + 1);
  }
  await page.waitForTimeout(500);
  const B = await page.evaluate(() => ({ keys: window.__bench.keys, events: window.__bench.events }));
  return { total: stats(B.keys.filter((k) => k.changed).map((k) => k.total)), event_timing: censored(interactions(B.events), KEYS) };
}

// Method 3: `per` paced presses on each of `sliders` (id, value, min, max,
// step) under a 'devtools.timeline' trace; the unrounded Event Timing
// duration of each press, from the trace (one value per press).
async function tracedPresses(browser, page, sliders, per) {
  const file = path.join(path.dirname(outFile), 'latency-trace.json');
  await page.evaluate(() => { window.__bench.quiet = true; });
  await browser.startTracing(page, { path: file, categories: ['devtools.timeline'] });
  for (const s of sliders) {
    await page.focus(`#${s.id}`);
    let v = s.value;
    let dir = 1;
    for (let i = 0; i < per; i += 1) {
      if (i > 0 && i % 10 === 0) dir = -dir;
      if (v + dir * s.step > s.max + 1e-9 || v + dir * s.step < s.min - 1e-9) dir = -dir;
      v += dir * s.step;
      await page.keyboard.press(dir > 0 ? 'ArrowRight' : 'ArrowLeft');
      await page.waitForTimeout(50 + Math.random() * 20);
    }
  }
  await browser.stopTracing();
  await page.evaluate(() => { window.__bench.quiet = false; });
  const byId = new Map();
  for (const e of JSON.parse(fs.readFileSync(file, 'utf8')).traceEvents) {
    const d = e.name === 'EventTiming' && e.ph === 'b' && e.args && e.args.data;
    if (d && d.interactionId && /^key/.test(d.type)) byId.set(d.interactionId, Math.max(byId.get(d.interactionId) || 0, d.duration));
  }
  fs.unlinkSync(file);
  return [...byId.values()];
}

// The page's range inputs (id, value, min, max, step), each given an id for focusing.
const rangeInputs = (page) => page.evaluate(() => [...document.querySelectorAll('input[type=range]')]
  .map((el, i) => {
    if (!el.id) el.id = `bench-range-${i}`;
    return { id: el.id, value: +el.value, min: +el.min, max: +el.max, step: +el.step || 1 };
  }));

// One round of method 3 on a screen (or on the bare page: screen null).
async function tracedKeyRun(browser, page, screen) {
  if (screen) await ready(page, screen);
  else await bare(page);
  const sliders = await rangeInputs(page);
  return tracedPresses(browser, page, sliders, Math.max(5, Math.ceil(KEYS / ROUNDS / sliders.length)));
}

// Method 3 in rounds over the screens and the bare page: all presses pooled,
// plus each round's median.
async function tracedRounds(browser, page) {
  const targets = [...SCREENS, null];
  const values = targets.map(() => []);
  const medians = targets.map(() => []);
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const [i, screen] of targets.entries()) {
      const v = await tracedKeyRun(browser, page, screen);
      values[i].push(...v);
      medians[i].push(stats(v).median);
    }
  }
  return targets.map((_, i) => ({ ...stats(values[i]), rounds: medians[i] }));
}

async function monteCarloRun(page) {
  await ready(page, '#/smith');
  return page.evaluate(async (n) => {
    const B = window.__bench;
    const busy = () => document.querySelector('[aria-labelledby=mc-h] [aria-busy]');
    const out = [];
    for (let i = 0; i < n; i += 1) {
      const sliders = [...document.querySelectorAll('input[type=range]')];
      const el = sliders[i % sliders.length];
      const [v] = B.walk(el, 1);
      const longBefore = B.long.length;
      const r = await B.change(el, v);
      // Wait for the result to be shown, then for the frame that shows it.
      await new Promise((resolve) => {
        const check = () => (busy() && busy().getAttribute('aria-busy') === 'false' ? resolve() : setTimeout(check, 1));
        check();
      });
      const t = await B.painted();
      await new Promise((resolve) => setTimeout(resolve, 100)); // let the Long Tasks entry arrive
      const longest = B.long.slice(longBefore).reduce((m, l) => Math.max(m, l.duration), 0);
      out.push({ total: t - r.t0, longest });
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return out;
  }, MC);
}

(async () => {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(probe);
  const page = await context.newPage();
  // A first visit installs the service worker (if the build has one), so its
  // precaching is over before anything is timed.
  await page.goto(`${base}/`);
  await page.waitForTimeout(2000);
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  const result = { chromium: browser.version(), screens: {} };
  for (const screen of SCREENS) {
    result.screens[screen] = { dispatch: await dispatchRun(page, screen), keys: await keyRun(page, screen) };
  }
  result.baseline = await baselineRun(page);
  const traced = await tracedRounds(browser, page);
  SCREENS.forEach((screen, i) => { result.screens[screen].traced = traced[i]; });
  result.baseline.traced = traced[SCREENS.length];
  const mc = await monteCarloRun(page);
  result.smith_monte_carlo = { total: stats(mc.map((m) => m.total)), longest_task: stats(mc.map((m) => m.longest)) };
  result.errors = errors;
  await browser.close();

  const f = (v) => (v === undefined ? '—' : v.toFixed(1));
  const cen = (v) => (v === 0 ? '<16' : v.toFixed(0));
  const pad = (s, n) => String(s).padEnd(n);
  const lpad = (s, n) => String(s).padStart(n);
  console.log(`Chromium ${result.chromium}, 1280×800, times in ms (Event Timing: 8 ms steps, only ≥ 16 ms reported)`);
  console.log(`${pad('screen', 15)}${pad('method', 34)}${lpad('n', 5)}${lpad('median', 8)}${lpad('p95', 8)}${lpad('worst', 8)}`);
  for (const [screen, r] of Object.entries(result.screens)) {
    const row = (m, s, cell = f) => console.log(`${pad(screen, 15)}${pad(m, 34)}${lpad(s.n, 5)}`
      + `${lpad(cell(s.median), 8)}${lpad(cell(s.p95), 8)}${lpad(cell(s.worst), 8)}`);
    row(`dispatch → frame (${r.dispatch.sliders} sliders)`, r.dispatch.total);
    row('  of which script (→ last DOM change)', r.dispatch.script);
    row('  of which the frame (style…commit)', r.dispatch.render);
    row('key → frame', r.keys.total);
    row(`key, Event Timing (${r.keys.event_timing.reported} ≥16 ms)`, r.keys.event_timing, cen);
    row('key, Event Timing traced (unrounded)', r.traced);
    console.log(`${pad('', 15)}  (medians of its ${r.traced.rounds.length} rounds: ${r.traced.rounds.map(f).join(', ')})`);
    const notes = [];
    if (r.dispatch.unchanged || r.keys.unchanged) notes.push(`${r.dispatch.unchanged + r.keys.unchanged} changes left the DOM as it was (not counted)`);
    if (r.dispatch.late) notes.push(`${r.dispatch.late} changes finished rendering in a later task`);
    const ol = r.dispatch.overlapping_long_tasks + r.keys.overlapping_long_tasks;
    if (ol) notes.push(`${ol} changes overlapped a long task`);
    if (notes.length) console.log(`${pad('', 15)}(${notes.join('; ')})`);
  }
  const floor = result.baseline;
  const brow = (m, st, cell = f) => console.log(`${pad('bare page', 15)}${pad(m, 34)}${lpad(st.n, 5)}`
    + `${lpad(cell(st.median), 8)}${lpad(cell(st.p95), 8)}${lpad(cell(st.worst), 8)}`);
  brow('key → frame (one range input)', floor.total);
  brow(`key, Event Timing (${floor.event_timing.reported} ≥16 ms)`, floor.event_timing, cen);
  brow('key, Event Timing traced (unrounded)', floor.traced);
  console.log(`${pad('', 15)}  (medians of its ${floor.traced.rounds.length} rounds: ${floor.traced.rounds.map(f).join(', ')})`);
  const m = result.smith_monte_carlo;
  console.log(`#/smith deferred Monte Carlo: change → result painted ${f(m.total.median)} / ${f(m.total.p95)} / `
    + `${f(m.total.worst)} ms (n ${m.total.n}, includes the 120 ms pause); longest task `
    + `${f(m.longest_task.median)} / ${f(m.longest_task.worst)} ms (median / worst)`);
  if (errors.length) console.log(`page errors: ${errors.join(' | ')}`);
  fs.writeFileSync(outFile, JSON.stringify(result, null, 2));
})().catch((e) => { console.error(e); process.exit(1); });
