import path from 'node:path';
import {
  type APIRequestContext,
  test as base,
  expect,
  type Locator,
  type Page,
  type TestInfo,
} from '@playwright/test';

/** Password of every demo account (JICENG_DEMO). */
export const DEMO_PASSWORD = 'Jiceng@2026';

/** 枣林西社区 and two of its grids, from the demo data. */
export const COMMUNITY = '620105002009';
export const GRID_1 = '620105002009001';
export const GRID_2 = '620105002009002';

export interface ApiUser {
  id: number;
  username: string;
  displayName: string;
  role: string;
  scope: string;
  mustChangePassword: boolean;
  lockedUntil: string | null;
}

/** A logged-in API client: its cookie jar holds the session, `csrfToken` goes on every non-GET. */
export interface ApiSession {
  request: APIRequestContext;
  csrfToken: string;
  user: ApiUser;
}

export interface NewUser {
  username: string;
  displayName: string;
  role: string;
  scope: string;
  password?: string;
}

/**
 * A name no other test (nor the other project, which shares the server) uses. Usernames are
 * 3–32 characters of [a-zA-Z0-9_.-].
 */
export function uniqueName(prefix: string, testInfo: TestInfo): string {
  const stamp = `${Date.now().toString(36)}${Math.floor(Math.random() * 1296)
    .toString(36)
    .padStart(2, '0')}`;
  return `${prefix}-${testInfo.project.name}-${stamp}`.slice(0, 32);
}

/**
 * POST /api/auth/login on `request` (whose cookie jar then holds the session). Every call counts
 * towards the server's per-IP limit (30 attempts in 5 minutes, shared by the whole suite), so
 * tests log in only where the journey needs it.
 */
export async function apiLogin(
  request: APIRequestContext,
  username: string,
  password: string,
): Promise<ApiSession> {
  const response = await request.post('/api/auth/login', { data: { username, password } });
  expect(response.status(), `login ${username}: ${await response.text()}`).toBe(200);
  const body = (await response.json()) as { user: ApiUser; csrfToken: string };
  return { request, csrfToken: body.csrfToken, user: body.user };
}

/** POST /api/users as `admin`: 201 with the user and, without a password, the temporary one. */
export async function createUser(
  admin: ApiSession,
  input: NewUser,
): Promise<{ user: ApiUser; temporaryPassword?: string }> {
  const response = await admin.request.post('/api/users', {
    data: input,
    headers: { 'x-csrf-token': admin.csrfToken },
  });
  expect(response.status(), `create ${input.username}: ${await response.text()}`).toBe(201);
  return (await response.json()) as { user: ApiUser; temporaryPassword?: string };
}

/** POST /api/auth/password for the logged-in `session`; the session stays valid. */
export async function apiChangePassword(session: ApiSession, currentPassword: string, newPassword: string) {
  const response = await session.request.post('/api/auth/password', {
    data: { currentPassword, newPassword },
    headers: { 'x-csrf-token': session.csrfToken },
  });
  expect(response.status(), `change password: ${await response.text()}`).toBe(204);
}

/** Types into the login form and submits; where the app goes next is for the caller to check. */
export async function loginInBrowser(page: Page, username: string, password: string) {
  if (!page.url().includes('/login')) await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

/** On the forced change-password page: current, new, confirm, submit. */
export async function fillPasswordChange(page: Page, current: string, next: string) {
  await page.getByLabel('当前密码').fill(current);
  await page.getByLabel('新密码', { exact: true }).fill(next);
  await page.getByLabel('确认新密码').fill(next);
  await page.getByRole('button', { name: '保存新密码' }).click();
}

/**
 * antd popups (select lists, tree pickers, dropdown menus) open with an animation during which
 * they are positioned and moved; a click aimed at them then can miss (under load Playwright even
 * scrolled the locked page behind a drawer to reach a popup still being placed). Waits until the
 * popup holding `content` has finished opening and returns it.
 */
export async function settledPopup(page: Page, content: Locator): Promise<Locator> {
  const popup = page.locator('.ant-select-dropdown, .ant-dropdown').filter({ has: content });
  await expect(popup).toBeVisible();
  await expect(popup).not.toHaveClass(/-(appear|enter)\b/);
  return popup;
}

export function isPhone(page: Page): boolean {
  return (page.viewportSize()?.width ?? 1440) < 768;
}

/**
 * The side menu: always shown on the desktop, behind the 打开菜单 button (a drawer) on phones.
 * Returns the navigation landmark holding the menu.
 */
export async function openMenu(page: Page): Promise<Locator> {
  if (isPhone(page)) await page.getByRole('button', { name: '打开菜单' }).click();
  const nav = page.getByRole('navigation', { name: '基层治理服务平台' });
  await expect(nav).toBeVisible();
  return nav;
}

/**
 * A screenshot in .tmp/screenshots/<project>-<name>.png (ignored by git): the full page, except
 * while a drawer, modal or popup is open (`overlay`), whose mask covers only the viewport and
 * would cut a full-page picture in two.
 */
export async function screenshot(page: Page, testInfo: TestInfo, name: string, overlay = false) {
  const file = path.join(
    testInfo.config.rootDir,
    '..',
    '.tmp',
    'screenshots',
    `${testInfo.project.name}-${name}.png`,
  );
  await page.screenshot({ path: file, fullPage: !overlay });
}

interface Fixtures {
  /** A browser page logged in as the demo admin (sharing the worker's admin session). */
  adminPage: Page;
}

interface WorkerFixtures {
  /** The demo admin, logged in once per worker through the API. */
  admin: ApiSession;
}

export const test = base.extend<Fixtures, WorkerFixtures>({
  admin: [
    async ({ playwright }, use, workerInfo) => {
      const request = await playwright.request.newContext({ baseURL: workerInfo.project.use.baseURL });
      await use(await apiLogin(request, 'admin', DEMO_PASSWORD));
      await request.dispose();
    },
    { scope: 'worker' },
  ],
  adminPage: async ({ browser, admin }, use) => {
    // browser.newContext() takes the project's options (viewport, locale, baseURL) from the config.
    const context = await browser.newContext({ storageState: await admin.request.storageState() });
    const page = await context.newPage();
    await use(page);
    await context.close();
  },
});

export { expect };
