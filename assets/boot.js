// Loyalty Lab start-up: picks the WebAssembly bundle that holds the screen
// of the address and starts it. An external module, so the page needs no
// inline script (Content-Security-Policy). scripts/bundles.js copies this
// file into the build as boot-<hash>.js with BUNDLES filled in.
//
// The screens are split into bundles (src/bundle.rs) so that no first load
// carries every screen. A running bundle asked for a screen it does not hold
// writes the bundle's name to sessionStorage and reloads (src/web/handoff.rs);
// that name wins over the address here.

/** Bundle name -> its JavaScript glue and WebAssembly file. */
const BUNDLES = /*@BUNDLES@*/ {};
/** Bundle -> language -> its parts of the UI strings (only the keys that
 * bundle shows) and course texts (src/web/texts.rs reads the bundle's own
 * table as window.loyaltyContent). */
const CONTENT = /*@CONTENT@*/ {};
/** The scenario, self-check, drill and learned-scorer files of the build (`scenarios/<id>.json`). */
const ON_DEMAND = /*@ON_DEMAND@*/ [];

/** Address path -> bundle, for the first load: must agree with
 * `Bundle::of` in src/bundle.rs (tests/bundle.rs checks). A path that ends
 * with "/" is a prefix. Everything else is in "map". */
const ROUTES = [
  ['/class', 'class'],
  ['/smith', 'smith'],
  ['/mirror', 'mirror'],
  ['/emotion-line', 'emotion-line'],
  ['/iceberg', 'iceberg'],
  ['/pyramid', 'pyramid'],
  ['/loyalty-profit', 'loyalty-profit'],
  ['/loyalty-ladder', 'loyalty-ladder'],
  ['/gaps', 'gaps'],
  ['/value', 'value'],
  ['/staff-value', 'staff-value'],
  ['/drill/', 'drill'],
  ['/author', 'author'],
  ['/self-check/', 'self-check'],
];
const FORCED = 'loyalty-lab.bundle';
/** Bundles whose screens show lecture texts: must agree with
 * `Bundle::needs_lectures` in src/bundle.rs (tests/bundle.rs checks). */
const WITH_LECTURES = ['map', 'class', 'self-check', 'drill', 'author'];

/** The language the app will start in, as src/web/texts.rs `first_lang`
 * decides it (the address, else the saved choice, else Chinese), so its
 * texts download beside the bundle. A wrong guess only costs a download. */
function guessLang() {
  const query = new URLSearchParams(location.hash.split('?')[1] || '');
  const asked = (query.get('lang') || '').trim().toLowerCase();
  if (asked === 'zh' || asked === 'en') return asked;
  try {
    const saved = JSON.parse(localStorage.getItem('loyalty-lab') || 'null');
    if (saved && (saved.lang === 'zh' || saved.lang === 'en')) return saved.lang;
  } catch (e) {
    // unreadable or blocked storage: the app explains it; Chinese here
  }
  return 'zh';
}

function pick() {
  let forced = null;
  try {
    forced = sessionStorage.getItem(FORCED);
    sessionStorage.removeItem(FORCED);
  } catch (e) {
    // storage blocked: the address decides
  }
  if (forced && Object.hasOwn(BUNDLES, forced)) return forced;
  const path = location.hash.replace(/^#/, '').split('?')[0];
  for (const [route, bundle] of ROUTES) {
    if (route.endsWith('/') ? path.startsWith(route) : path === route) return bundle;
  }
  return 'map';
}

/** A bundle that cannot load (offline before the first visit, a damaged
 * copy) shows the page's static recovery panel with the reason. */
function failed(error) {
  const panel = document.getElementById('recovery');
  const detail = document.getElementById('recovery-detail');
  if (detail) detail.textContent = String(error && error.message ? error.message : error);
  if (panel) panel.hidden = false;
  const app = document.getElementById('app');
  if (app) app.hidden = true; // with its loading line: nothing is coming
}

/** Starts downloading `url` for the app to take from window.loyaltyEarly. */
function early(url) {
  const text = fetch(url).then((r) => (r.ok ? r.text() : Promise.reject(new Error(`${url}: HTTP ${r.status}`))));
  text.catch(() => {}); // reported by the app when it reads it, not as unhandled
  window.loyaltyEarly[url] = text;
}

// The page's loading line (index.html), until the app's first render
// replaces it. Not shown without JavaScript, where <noscript> speaks.
document.getElementById('loading')?.removeAttribute('hidden');

const name = pick();
const bundle = BUNDLES[name];
const content = CONTENT[name] || {};
window.loyaltyContent = content;
// The first language's texts download beside the bundle; the app takes
// them from here (src/web/texts.rs) instead of asking again.
window.loyaltyEarly = {};
const lang = guessLang();
for (const kind of WITH_LECTURES.includes(name) ? ['ui', 'lectures'] : ['ui']) {
  const url = content[lang] && content[lang][kind];
  if (url) early(url);
}
// So does the content file a deep link names (src/web/fetch.rs takes it;
// the same relative address as the screen asks for).
const [hashPath, hashQuery] = location.hash.replace(/^#/, '').split('?');
const selfCheck = /^\/self-check\/([a-z0-9-]+)\/?$/.exec(hashPath);
const scenario = hashPath === '/emotion-line' && new URLSearchParams(hashQuery || '').get('scenario');
// (The learned scorer's files wait until the answer box is used.)
for (const url of [selfCheck && `selfchecks/${selfCheck[1]}.json`, scenario && `scenarios/${scenario}.json`]) {
  if (ON_DEMAND.includes(url)) early(url); // an address naming no file gets not-found, not a 404
}
try {
  // The WebAssembly download starts at once, beside the glue's.
  const wasm = fetch(bundle.wasm);
  wasm.catch(() => {}); // reported through init below, not as unhandled
  const glue = await import(bundle.js);
  await glue.default({ module_or_path: wasm });
  window.wasmBindings = glue;
  // The offline service worker registers only now (scripts/post-build).
  window.loyaltyStarted = true;
  window.dispatchEvent(new Event('loyalty-started'));
} catch (error) {
  failed(error);
}
