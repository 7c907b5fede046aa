// End-to-end tests for Loyalty Lab: the release build served by nginx
// (scripts/nginx start .tmp/dist 8081), driven with the system Chromium.
// E2E_PORT=<port> points the suite at another instance (parallel work).
import { defineConfig } from '@playwright/test';

// E2E_SCORM=1: only the SCORM spec, against the learning-platform build
// (LOYALTY_FEATURES=scorm, scripts/scorm); the plain build runs the rest.
const scorm = !!process.env.E2E_SCORM;

export default defineConfig({
  testDir: '.',
  testMatch: scorm ? '**/scorm.spec.ts' : '**/*.spec.ts',
  testIgnore: scorm ? [] : ['**/scorm.spec.ts'],
  fullyParallel: true,
  forbidOnly: true,
  workers: 2,
  // One retry: a test that fails and then passes is reported as flaky and
  // listed by scripts/test, not counted as failed; one that fails twice fails.
  retries: 1,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: [['list'], ['json', { outputFile: scorm ? '../.tmp/playwright-scorm.json' : '../.tmp/playwright.json' }]],
  outputDir: '../.tmp/test-results',
  use: {
    baseURL: `http://127.0.0.1:${process.env.E2E_PORT ?? '8081'}`,
    acceptDownloads: true,
    serviceWorkers: 'block',
    trace: 'off',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
        '--no-first-run',
      ],
    },
  },
  projects: [
    {
      name: 'desktop',
      grepInvert: /@phone/,
      use: { viewport: { width: 1280, height: 800 } },
    },
    {
      // Phone width: only the layout checks tagged @phone.
      name: 'phone',
      grep: /@phone/,
      use: { viewport: { width: 360, height: 740 }, isMobile: false, hasTouch: true },
    },
  ],
});
