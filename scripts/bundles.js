// The screen-bundles step of scripts/post-build (see src/routing/bundle.rs): builds
// the WebAssembly bundles with cargo, wasm-bindgen and (release) wasm-opt
// into the build folder under content-hashed names, and starts them with
// boot-<hash>.js (assets/boot.js with the table of bundles filled in).
//
// Release builds make one bundle per src/bin/*.rs (a screen family each).
// Debug builds (trunk serve) make only the all-screens bundle of
// src/main.rs and point every name at it: quicker, same start-up path.

'use strict';
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
const { execFileSync } = require('child_process');

const ROOT = path.resolve(__dirname, '..');
const ALL = 'loyalty-lab';
const WASM_FEATURES = [
  '--enable-bulk-memory',
  '--enable-nontrapping-float-to-int',
  '--enable-sign-ext',
  '--enable-mutable-globals',
  '--enable-reference-types',
  '--enable-multivalue',
];

/** terser (npm) on the release build's JavaScript: ES modules, names
 * shortened, exports kept. */
const TERSER = ['--module', '--compress', '--mangle'];

/** The bundle names: one per src/bin/*.rs. */
function bundleNames() {
  return fs
    .readdirSync(path.join(ROOT, 'src/bin'))
    .filter((f) => f.endsWith('.rs'))
    .map((f) => f.slice(0, -3))
    .sort();
}

function run(cmd, args) {
  execFileSync(cmd, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
}

/** A tool from node_modules/.bin, else from PATH. */
function tool(name) {
  const local = path.join(ROOT, 'node_modules/.bin', name);
  return fs.existsSync(local) ? local : name;
}

function hash16(...buffers) {
  const h = crypto.createHash('sha256');
  for (const b of buffers) h.update(b);
  return h.digest('hex').slice(0, 16);
}

function screenBundles(ctx) {
  const names = bundleNames();
  const bins = ctx.release ? names : [ALL];
  const profile = ctx.release ? 'release' : 'debug';
  const cargoArgs = ['build', '--locked', '--target', 'wasm32-unknown-unknown'];
  if (ctx.release) cargoArgs.push('--release');
  // LOYALTY_FEATURES=scorm: the learning-platform build (scripts/scorm).
  if (process.env.LOYALTY_FEATURES) cargoArgs.push('--features', process.env.LOYALTY_FEATURES);
  for (const b of bins) cargoArgs.push('--bin', b);
  run('cargo', cargoArgs);

  const target = process.env.CARGO_TARGET_DIR || path.join(ROOT, 'target');
  const scratch = fs.mkdtempSync(path.join(ctx.dir, '.bundles-'));
  for (const f of fs.readdirSync(ctx.dir)) {
    if (/^(boot|[a-z-]+)-[0-9a-f]{16}(_bg\.wasm|\.js)$/.test(f) && !f.startsWith('sw-register-')) {
      fs.unlinkSync(path.join(ctx.dir, f));
    }
  }
  const files = {};
  const wasms = {};
  try {
    for (const bin of bins) {
      const input = path.join(target, 'wasm32-unknown-unknown', profile, `${bin}.wasm`);
      run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', scratch, '--out-name', bin, input]);
    }
    // wasm-opt (binaryen's npm build runs under node and is slow) and the
    // glue's minifier: all bundles at once, one process each.
    if (ctx.release) {
      const opt = bins.flatMap((bin) => {
        const wasm = JSON.stringify(path.join(scratch, `${bin}_bg.wasm`));
        const js = JSON.stringify(path.join(scratch, `${bin}.js`));
        return [
          `${JSON.stringify(tool('wasm-opt'))} -Oz ${WASM_FEATURES.join(' ')} ${wasm} -o ${wasm} & pids+=($!)`,
          `${JSON.stringify(tool('terser'))} ${js} ${TERSER.join(' ')} -o ${js} & pids+=($!)`,
        ];
      });
      run('bash', ['-c', `pids=(); ${opt.join('; ')}; for p in "\${pids[@]}"; do wait "$p" || exit 1; done`]);
    }
    for (const bin of bins) {
      const wasmIn = path.join(scratch, `${bin}_bg.wasm`);
      const js = fs.readFileSync(path.join(scratch, `${bin}.js`));
      const wasm = fs.readFileSync(wasmIn);
      const stem = `${bin}-${hash16(js, wasm)}`;
      fs.writeFileSync(path.join(ctx.dir, `${stem}.js`), js);
      fs.writeFileSync(path.join(ctx.dir, `${stem}_bg.wasm`), wasm);
      files[bin] = { js: `./${stem}.js`, wasm: `./${stem}_bg.wasm` };
      wasms[bin] = wasm;
    }
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  const table = {};
  for (const name of names) table[name] = files[ctx.release ? name : ALL];

  const content = textParts(ctx, Object.fromEntries(names.map((n) => [n, wasms[ctx.release ? n : ALL]])));
  let boot = fs.readFileSync(path.join(ROOT, 'assets/boot.js'), 'utf8');
  // The on-demand content files (copied by Trunk from content/), so boot.js
  // only starts early downloads of files that exist.
  const onDemand = ['scenarios', 'selfchecks', 'drills', 'scorer'].flatMap((d) => fs
    .readdirSync(path.join(ROOT, 'content', d))
    .filter((f) => f.endsWith('.json'))
    .map((f) => `${d}/${f}`));
  for (const [slot, value] of [['/*@BUNDLES@*/ {}', table], ['/*@CONTENT@*/ {}', content], ['/*@ON_DEMAND@*/ []', onDemand]]) {
    if (!boot.includes(slot)) throw new Error(`assets/boot.js has no ${slot} to fill in`);
    boot = boot.replace(slot, JSON.stringify(value));
  }
  if (ctx.release) {
    boot = execFileSync(tool('terser'), TERSER, { cwd: ROOT, input: boot, encoding: 'utf8' });
  }
  const bootName = `boot-${hash16(boot)}.js`;
  fs.writeFileSync(path.join(ctx.dir, bootName), boot);

  const indexFile = path.join(ctx.dir, 'index.html');
  let html = fs.readFileSync(indexFile, 'utf8');
  html = html.replace(/\s*<script type="module" src="[^"]*boot-[0-9a-f]{16}\.js"><\/script>/g, '');
  // The placeholder that keeps Trunk from building Rust itself (index.html).
  html = html.replace(/\s*<link data-trunk rel="rust"[^>]*>/g, '');
  html = html.replace(/<\/head>/i, `<script type="module" src="${ctx.base}${bootName}"></script></head>`);
  fs.writeFileSync(indexFile, html);
}

const LANGS = ['zh', 'en'];
/** Bundles that show the lectures' whole texts: must agree with
 * `Bundle::needs_lecture_bodies` in src/routing/bundle.rs (tests/bundle.rs checks).
 * The other bundles that load the course get its outline (`outline`). */
const WITH_LECTURE_BODIES = ['map'];

/** One language's part of a bilingual content value: every `{zh, en}` text
 * keeps only `lang`'s slot (the other is ""), so a bundle downloads only the
 * language it shows; src/support/i18n.rs `Parts` puts the parts back together. */
function only(value, lang) {
  if (Array.isArray(value)) return value.map((v) => only(v, lang));
  if (value && typeof value === 'object') {
    const keys = Object.keys(value);
    if (keys.length === 2 && LANGS.every((l) => typeof value[l] === 'string')) {
      return Object.fromEntries(LANGS.map((l) => [l, l === lang ? value[l] : '']));
    }
    return Object.fromEntries(keys.map((k) => [k, only(value[k], lang)]));
  }
  return value;
}

/** The course file with only what lists and links show: chapters, and each
 * lecture's number, chapter, title, models and self-checks; every other text
 * or list is empty, so the file still reads as a course (src/course/lectures.rs). */
function outline(course) {
  const KEEP = ['n', 'chapter', 'title', 'models', 'exercises'];
  const empty = (v) => (Array.isArray(v) ? [] : Object.fromEntries(LANGS.map((l) => [l, ''])));
  return {
    ...course,
    lectures: course.lectures.map((l) => Object.fromEntries(
      Object.entries(l).map(([k, v]) => [k, KEEP.includes(k) ? v : empty(v)]),
    )),
  };
}

/** Keys built at run time from a prefix and an id (`format!("tag.{}", …)`,
 * `model.{id}`; tests/content.rs lists them): a bundle whose WebAssembly
 * holds the prefix gets the whole family. */
const DYNAMIC_KEY_PREFIXES = ['model.', 'tag.'];

/** The UI keys a bundle can show: every key of content/ui.json whose text
 * is in its WebAssembly file (keys are string literals in the Rust sources,
 * tests/content.rs checks), the run-time families above, and the language
 * names (the language switch shows the other language's name before its
 * texts have arrived). */
function keysOf(wasm, keys) {
  const has = (s) => wasm.includes(Buffer.from(s, 'utf8'));
  const families = DYNAMIC_KEY_PREFIXES.filter(has);
  return keys.filter((k) => k.startsWith('lang.') || families.some((p) => k.startsWith(p)) || has(k));
}

/** Writes `ui.<lang>-<hash>.json` and `lectures.<lang>-<hash>.json` from
 * content/ui.json and content/lectures.json: one language each, and for the
 * UI strings only the keys of one bundle (`keysOf`), so a first visit
 * downloads neither the other language nor other screens' strings (bundles
 * with the same keys share a file), and the course's `outline` for bundles
 * that show no lecture page. Returns their table
 * {bundle: {lang: {ui, lectures}}} for boot.js. */
function textParts(ctx, wasms) {
  for (const f of fs.readdirSync(ctx.dir)) {
    if (/^(ui|lectures)\.(zh|en)-[0-9a-f]{16}\.json$/.test(f)) fs.unlinkSync(path.join(ctx.dir, f));
  }
  const write = (kind, lang, value) => {
    const text = JSON.stringify(value);
    const name = `${kind}.${lang}-${hash16(text)}.json`;
    fs.writeFileSync(path.join(ctx.dir, name), text);
    return `${ctx.base}${name}`;
  };
  const read = (kind) => JSON.parse(fs.readFileSync(path.join(ROOT, 'content', `${kind}.json`), 'utf8'));
  const ui = read('ui');
  const course = read('lectures');
  const lectures = Object.fromEntries(LANGS.map((l) => [l, {
    whole: write('lectures', l, only(course, l)),
    outline: write('lectures', l, only(outline(course), l)),
  }]));
  const table = {};
  for (const [bundle, wasm] of Object.entries(wasms)) {
    const keys = keysOf(wasm, Object.keys(ui));
    table[bundle] = {};
    for (const lang of LANGS) {
      const part = {};
      for (const k of keys) part[k] = k.startsWith('lang.') ? ui[k] : only(ui[k], lang);
      const whole = !ctx.release || WITH_LECTURE_BODIES.includes(bundle);
      table[bundle][lang] = { ui: write('ui', lang, part), lectures: lectures[lang][whole ? 'whole' : 'outline'] };
    }
  }
  return table;
}

module.exports = { screenBundles, bundleNames };
