import {
  expect,
  fillPasswordChange,
  GRID_1,
  GRID_2,
  loginInBrowser,
  openMenu,
  screenshot,
  settledPopup,
  test,
  uniqueName,
} from './fixtures.js';

/** 全国 → … → 枣林西社区 → 第二网格, each step a node of the lazily loaded region tree. */
const PATH_TO_GRID_2 = [
  { name: '甘肃省', code: '62' },
  { name: '兰州市', code: '6201' },
  { name: '安宁区', code: '620105' },
  { name: '西路街道', code: '620105002' },
  { name: '枣林西社区', code: '620105002009' },
];

const OTHER_GRIDS = ['第一网格', '第三网格', '第四网格', '第五网格', '第六网格', '第七网格', '第八网格'];

// Journey: an admin creates a grid worker for ONE grid in the UI; the worker sees only that grid.
test('a grid worker created in 用户管理 sees only their own grid', async ({ adminPage, page }, testInfo) => {
  const username = uniqueName('grid', testInfo);
  const displayName = `网格员${testInfo.project.name}`;
  const newPassword = 'Grid-Two-2026';

  // --- The admin fills 新建用户 and reads the one-time password. ---
  await adminPage.goto('/admin/users');
  await adminPage.getByRole('button', { name: '新建用户' }).click();
  const drawer = adminPage.getByRole('dialog', { name: '新建用户' });
  await drawer.getByLabel('用户名').fill(username);
  await drawer.getByLabel('姓名').fill(displayName);

  await drawer.getByLabel('角色').click();
  await drawer.getByLabel('角色').fill('网格员');
  const option = adminPage.getByTitle('网格员', { exact: true });
  await settledPopup(adminPage, option);
  await option.click();

  // The scope: walk down the tree, expanding one node at a time, and pick 第二网格.
  await drawer.getByLabel('管辖范围').click();
  const tree = adminPage.getByRole('tree');
  await settledPopup(adminPage, tree);
  for (const step of PATH_TO_GRID_2) {
    const node = tree.getByRole('treeitem').filter({ hasText: step.name }).filter({ hasText: step.code });
    // Clicking the caret loads the children; the next step's locator waits for them.
    await node.getByRole('img', { name: 'caret-down' }).click();
  }
  const grid2 = tree.getByRole('treeitem').filter({ hasText: GRID_2 });
  await expect(tree.getByRole('treeitem').filter({ hasText: GRID_1 })).toBeVisible();
  await screenshot(adminPage, testInfo, 'grid-worker-scope-tree', true);
  await grid2.getByText('第二网格').click();
  await expect(tree).toBeHidden();
  await expect(drawer).toContainText('第二网格');

  // No password: the server generates one and shows it once.
  await drawer.getByRole('button', { name: '保存' }).click();
  const temporary = adminPage.getByTestId('temporary-password');
  await expect(temporary).toBeVisible();
  await expect(adminPage.getByRole('dialog', { name: '临时密码' })).toContainText(username);
  const temporaryPassword = ((await temporary.textContent()) ?? '').trim();
  expect(temporaryPassword.length).toBeGreaterThanOrEqual(8);
  await screenshot(adminPage, testInfo, 'grid-worker-temporary-password', true);
  await adminPage.getByRole('button', { name: '我已妥善保存' }).click();
  await expect(temporary).toBeHidden();

  // --- A fresh browser: the worker logs in with it and must change it. ---
  await loginInBrowser(page, username, temporaryPassword);
  await expect(page).toHaveURL(/\/change-password$/);
  await fillPasswordChange(page, temporaryPassword, newPassword);
  await expect(page).toHaveURL(/\/$/);

  const nav = await openMenu(page);
  await nav.getByRole('menuitem', { name: /区域与网格/ }).click();
  await expect(page).toHaveURL(/\/regions/);
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { name: '第二网格' })).toBeVisible();
  await expect(main).toContainText(GRID_2);
  for (const other of OTHER_GRIDS) await expect(main).not.toContainText(other);
  await screenshot(page, testInfo, 'grid-worker-own-grid');

  // Another grid of the same community, typed into the address bar: not found, not shown.
  await page.goto(`/regions?code=${GRID_1}`);
  await expect(main.getByRole('alert')).toContainText('未找到该记录');
  await expect(main).not.toContainText('第一网格');
  await screenshot(page, testInfo, 'grid-worker-other-grid');

  // …because the API the page reads answers 404, exactly as for a region that does not exist.
  const other = await page.request.get(`/api/regions/${GRID_1}`);
  expect(other.status()).toBe(404);
  expect((await other.json()).error.code).toBe('NOT_FOUND');
  const own = await page.request.get(`/api/regions/${GRID_2}`);
  expect(own.status()).toBe(200);
});
