import { defineConfig, devices } from '@playwright/test';

/**
 * Browser journeys against the built app (`npm run build` first), served by the real server on
 * a fresh SQLite database with the demo. Debian's chromium only: never a downloaded browser.
 */
const PORT = Number(process.env.E2E_PORT ?? 3100);
const DATA_DIR = '.tmp/e2e-data';

const chromium = {
  launchOptions: {
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  },
};

export default defineConfig({
  testDir: 'e2e',
  // The journeys share one server and database; two cores are better spent on one browser.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI
    ? [['list']]
    : [['list'], ['html', { open: 'never', outputFolder: '.tmp/playwright-report' }]],
  outputDir: '.tmp/test-results',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    // Traces double a journey's time on two cores; CI runs without them.
    trace: process.env.CI ? 'off' : 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'desktop',
      use: { ...devices['Desktop Chrome'], viewport: { width: 1440, height: 900 }, ...chromium },
    },
    { name: 'phone', use: { ...devices['Pixel 5'], viewport: { width: 375, height: 812 }, ...chromium } },
  ],
  webServer: {
    command: `rm -rf ${DATA_DIR} && node dist/src/server.js`,
    url: `http://127.0.0.1:${PORT}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      PORT: String(PORT),
      HOST: '127.0.0.1',
      JICENG_DATA_DIR: DATA_DIR,
      JICENG_DEMO: '1',
      LOG_LEVEL: 'warn',
    },
  },
});
