import {
  COMMUNITY,
  createUser,
  expect,
  fillPasswordChange,
  loginInBrowser,
  openMenu,
  screenshot,
  settledPopup,
  test,
  uniqueName,
} from './fixtures.js';

// Journey: a new account logs in, is forced to change its password, then sees its role's menu.
test('first login: forced password change, then the menu of a community secretary', async ({
  admin,
  page,
}, testInfo) => {
  const username = uniqueName('sec', testInfo);
  const displayName = `书记${testInfo.project.name}`;
  const initialPassword = 'Start#2026a';
  const newPassword = 'Zaolin-West-2026';

  // The account is set up through the real API, as an admin would.
  const { user } = await createUser(admin, {
    username,
    displayName,
    role: 'community_secretary',
    scope: COMMUNITY,
    password: initialPassword,
  });
  expect(user.mustChangePassword).toBe(true);

  await loginInBrowser(page, username, initialPassword);
  await expect(page).toHaveURL(/\/change-password$/);
  await expect(page.getByRole('heading', { name: '请先设置新密码' })).toBeVisible();

  // A weak new password is refused with the policy's message and the page stays.
  await fillPasswordChange(page, initialPassword, 'password');
  await expect(page.getByText('新密码不符合要求')).toBeVisible();
  await screenshot(page, testInfo, 'first-login-weak-password');
  await expect(page).toHaveURL(/\/change-password$/);

  // A strong one is accepted and leads to the home page.
  await fillPasswordChange(page, initialPassword, newPassword);
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { name: `${displayName}，您好` })).toBeVisible();

  // The menu offers what a community secretary may use, and nothing only admins may.
  const nav = await openMenu(page);
  await expect(nav.getByRole('menuitem', { name: /区域与网格/ })).toBeVisible();
  await expect(nav.getByRole('menuitem', { name: /首页/ })).toBeVisible();
  await expect(nav).not.toContainText('用户管理');
  await expect(nav).not.toContainText('审计日志');
  await expect(nav).not.toContainText('系统管理');
  await screenshot(page, testInfo, 'first-login-menu', true);
  // Closes the phone drawer; a no-op click on the desktop.
  await nav.getByRole('menuitem', { name: /首页/ }).click();
  await expect(page.getByRole('main')).not.toContainText('用户管理');

  // Log out: the old password no longer opens the account, the new one does, without a detour.
  await page.getByRole('button', { name: displayName }).click();
  const logout = page.getByRole('menuitem', { name: /退出登录/ });
  await settledPopup(page, logout);
  await logout.click();
  await expect(page).toHaveURL(/\/login$/);

  await loginInBrowser(page, username, initialPassword);
  await expect(page.getByTestId('login-error')).toContainText('用户名或密码不正确');
  await expect(page).toHaveURL(/\/login$/);

  await loginInBrowser(page, username, newPassword);
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { name: `${displayName}，您好` })).toBeVisible();
});
