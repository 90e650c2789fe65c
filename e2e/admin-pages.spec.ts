import { readFile } from 'node:fs/promises';
import {
  apiChangePassword,
  apiLogin,
  COMMUNITY,
  createUser,
  expect,
  GRID_2,
  screenshot,
  test,
  uniqueName,
} from './fixtures.js';

test('审计日志: filter by actor, see before/after, export Excel', async ({
  admin,
  browser,
  playwright,
  baseURL,
}, testInfo) => {
  // The records must be this test's own, whatever ran before: a fresh admin account makes them
  // (the same actions as the grid-worker journey: it logs in, changes its password, creates a
  // grid worker), and the page is filtered by that actor.
  const actor = uniqueName('aud', testInfo);
  const actorPassword = 'Audit#2026a';
  const actorNewPassword = 'Audit#2026b';
  await createUser(admin, {
    username: actor,
    displayName: '审计员',
    role: 'admin',
    scope: '',
    password: actorPassword,
  });
  const actorApi = await playwright.request.newContext({ baseURL });
  const session = await apiLogin(actorApi, actor, actorPassword);
  await apiChangePassword(session, actorPassword, actorNewPassword);
  const worker = uniqueName('audw', testInfo);
  const { user: created } = await createUser(session, {
    username: worker,
    displayName: '审计对象',
    role: 'grid_worker',
    scope: GRID_2,
  });
  // An edit, so that one record has both a before and an after.
  const edit = await actorApi.patch(`/api/users/${created.id}`, {
    data: { displayName: '审计对象（已改名）' },
    headers: { 'x-csrf-token': session.csrfToken },
  });
  expect(edit.status(), await edit.text()).toBe(200);

  const context = await browser.newContext({ storageState: await actorApi.storageState() });
  await actorApi.dispose();
  const page = await context.newPage();
  await page.goto('/admin/audit');
  await expect(page.getByRole('heading', { name: '审计日志' })).toBeVisible();

  await page.getByLabel('操作人').fill(actor);
  await page.getByRole('button', { name: '查询' }).click();
  const rows = page.getByRole('row');
  const createRow = rows.filter({ hasText: 'user.create' });
  const updateRow = rows.filter({ hasText: 'user.update' });
  await expect(createRow).toHaveCount(1);
  await expect(updateRow).toHaveCount(1);
  await expect(rows.filter({ hasText: 'user.change_password' })).toHaveCount(1);
  await expect(rows.filter({ hasText: 'auth.login' })).toHaveCount(1);
  // Only this actor's records: four data rows (plus the header row).
  await expect(page.getByText('共 4 条')).toBeVisible();
  await expect(createRow).toContainText(actor);
  await expect(createRow).toContainText(GRID_2);

  // Expanding the edit shows the before and the after side by side (stacked on phones).
  await updateRow.getByRole('button', { name: '展开行' }).click();
  const diff = page.locator('.diff-pane');
  await expect(page.getByText('变更前', { exact: true })).toBeVisible();
  await expect(page.getByText('变更后', { exact: true })).toBeVisible();
  await expect(diff.filter({ hasText: '审计对象（已改名）' })).toBeVisible();
  await expect(diff.filter({ hasText: /"审计对象"/ })).toBeVisible();
  await screenshot(page, testInfo, 'audit-filtered');

  // 导出 Excel downloads an .xlsx: a ZIP file, which starts with "PK".
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 Excel' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const bytes = await readFile(await download.path());
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  expect(bytes.length).toBeGreaterThan(1000);
  await context.close();
});

test('用户管理: an account locked by 5 failed logins is unlocked with 解锁', async ({
  admin,
  adminPage: page,
  request,
}, testInfo) => {
  const username = uniqueName('lock', testInfo);
  const password = 'Locked#2026a';
  await createUser(admin, {
    username,
    displayName: '锁定测试',
    role: 'community_staff',
    scope: COMMUNITY,
    password,
  });

  // Five wrong passwords within 15 minutes: the fifth locks the account (423).
  for (let attempt = 1; attempt <= 5; attempt++) {
    const response = await request.post('/api/auth/login', { data: { username, password: 'Wrong#2026x' } });
    expect(response.status(), `attempt ${attempt}`).toBe(attempt < 5 ? 401 : 423);
  }

  await page.goto('/admin/users');
  await page.getByRole('searchbox', { name: '搜索用户名或姓名' }).fill(username);
  await page.getByRole('searchbox', { name: '搜索用户名或姓名' }).press('Enter');
  const main = page.getByRole('main');
  await expect(main.getByText(username, { exact: true })).toBeVisible();
  await expect(main.getByText('共 1 条')).toBeVisible();
  await expect(main.getByText(/^已锁定至 \d\d-\d\d \d\d:\d\d$/)).toBeVisible();
  await screenshot(page, testInfo, 'users-locked');

  await main.getByRole('button', { name: '解锁' }).click();
  await expect(page.getByText('账号已解锁')).toBeVisible();
  await expect(main.getByText(/^已锁定至/)).toBeHidden();
  await expect(main.getByRole('button', { name: '解锁' })).toBeHidden();
  // Still flagged for the password change its first login requires.
  await expect(main.getByText('需改密', { exact: true })).toBeVisible();

  const again = await request.post('/api/auth/login', { data: { username, password } });
  expect(again.status(), await again.text()).toBe(200);
});
