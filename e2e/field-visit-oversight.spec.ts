import {
  type ApiSession,
  apiLogin,
  createUser,
  DEMO_PASSWORD,
  expect,
  isPhone,
  screenshot,
  settledPopup,
  test,
  uniqueName,
} from './fixtures.js';

/**
 * 调研报备 seen from above: the reviewer's county load table shows what the API counts, and opens
 * the county's visits of the month; the administrator assigns a new reporter account to a unit.
 * Both on the desktop (a table of counties by months) and the phone (one month, counties by
 * load): reviewers use both. Each run files its own visit and makes its own account.
 */

/** Today + `days` as YYYY-MM-DD in Asia/Shanghai (UTC+8, no daylight saving). */
function shanghaiDate(days: number): string {
  return new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/** 姚安县 (楚雄州): a county no other journey files to. */
const COUNTY = { code: '532325', name: '姚安县' };

interface LoadTable {
  month: string;
  max: number;
  items: { countyCode: string; countyName: string; count: number; level: string }[];
}

async function countyLoad(session: ApiSession, month: string): Promise<number> {
  const response = await session.request.get('/api/field-visits/load', { params: { month } });
  expect(response.status(), await response.text()).toBe(200);
  const table = (await response.json()) as LoadTable;
  const row = table.items.find((item) => item.countyCode === COUNTY.code);
  expect(row, `${COUNTY.name} is in the reviewer's load table`).toBeDefined();
  return row?.count ?? -1;
}

test('the reviewer’s load table shows a county’s month as the API counts it, and opens its visits', async ({
  browser,
  playwright,
  baseURL,
}, testInfo) => {
  // Tomorrow: the first day a filing is on time. It is this month, except on a month's last day.
  const start = shanghaiDate(1);
  const month = start.slice(0, 7);

  const reviewerApi = await playwright.request.newContext({ baseURL });
  const reviewer = await apiLogin(reviewerApi, 'reviewer', DEMO_PASSWORD);
  const before = await countyLoad(reviewer, month);

  // The reporter files one visit to the county through the API. The explanation is there in
  // case earlier runs on this server filled the county's month past its line.
  const reporterApi = await playwright.request.newContext({ baseURL });
  const reporter = await apiLogin(reporterApi, 'reporter', DEMO_PASSWORD);
  const me = await reporterApi.get('/api/field-visits/me');
  expect(me.status(), await me.text()).toBe(200);
  const { unit } = (await me.json()) as { unit: { id: number } };
  const topic = `乡村学校食堂管理调研${testInfo.project.name}${Date.now().toString(36)}`;
  const filed = await reporterApi.post('/api/field-visits', {
    data: {
      unitId: unit.id,
      topic,
      startDate: start,
      endDate: start,
      stops: [{ countyCode: COUNTY.code, site: '栋川镇中心学校' }],
      headcount: 4,
      explanation: '浏览器测试：核对县域负荷表',
    },
    headers: { 'x-csrf-token': reporter.csrfToken },
  });
  expect(filed.status(), await filed.text()).toBe(201);
  await reporterApi.dispose();

  const count = await countyLoad(reviewer, month);
  expect(count, 'the filing counts in its county and month').toBe(before + 1);

  const context = await browser.newContext({ storageState: await reviewerApi.storageState() });
  await reviewerApi.dispose();
  const page = await context.newPage();
  const listUrl = new RegExp(`/field-visits\\?view=all&month=${month}&county=${COUNTY.code}$`);

  if (isPhone(page)) {
    // One month at a time: the filing's month, counties by load.
    await page.goto(`/field-visits/load?month=${month}`);
    await expect(page.getByRole('heading', { name: '县域负荷' })).toBeVisible();
    const row = page.getByTestId(`load-row-${COUNTY.code}`);
    await expect(row).toContainText(COUNTY.name);
    await expect(row.getByTestId('load-count')).toHaveText(String(count));
    await expect(row).toHaveAttribute('href', listUrl);
    await screenshot(page, testInfo, 'fv-load');
    await row.click();
  } else {
    // The table opens on this month and the five around it: the filing's month is among them.
    await page.goto('/field-visits/load');
    await expect(page.getByRole('heading', { name: '县域负荷' })).toBeVisible();
    const table = page.getByTestId('load-table');
    await expect(table.getByRole('rowheader', { name: new RegExp(COUNTY.name) })).toBeVisible();
    const cell = page.getByTestId(`load-cell-${COUNTY.code}-${month}`);
    await expect(cell).toHaveText(String(count));
    await expect(cell).toHaveAttribute('href', listUrl);
    await expect(page.getByTestId('load-legend')).toContainText('超线');
    await screenshot(page, testInfo, 'fv-load');
    await cell.click();
  }
  // The cell opens the filing side's list of that county's visits in that month, the new one among them.
  await expect(page).toHaveURL(listUrl);
  await expect(page.getByText(topic).first()).toBeVisible();
  await context.close();
});

test('the administrator assigns a new reporter account to a unit and department', async ({
  admin,
  adminPage: page,
}, testInfo) => {
  const username = uniqueName('fvrep', testInfo);
  const { user } = await createUser(admin, {
    username,
    displayName: `报备员${username.slice(-5)}`,
    role: 'unit_reporter',
    scope: '53',
    password: 'Report#2026a',
  });

  // The unit and department the seed gives 省卫生健康委.
  const unitsResponse = await admin.request.get('/api/field-visits/units');
  expect(unitsResponse.status(), await unitsResponse.text()).toBe(200);
  const { items: units } = (await unitsResponse.json()) as {
    items: { id: number; name: string; departments: { id: number; name: string }[] }[];
  };
  const unit = units.find((u) => u.name === '省卫生健康委');
  const department = unit?.departments.find((d) => d.name === '医政医管处');
  expect(department, 'the demo has 省卫生健康委 with 医政医管处').toBeDefined();

  await page.goto('/admin/fv-units?tab=reporters');
  await expect(page.getByRole('heading', { name: '报备单位' })).toBeVisible();
  await page.getByPlaceholder('搜索姓名、用户名或单位').fill(username);
  const row = page.getByTestId(`reporter-${username}`);
  await expect(row).toContainText('未指定单位');
  await row.getByRole('button', { name: '指定单位' }).click();

  const drawer = page.getByRole('dialog', { name: /指定所属单位/ });
  await expect(drawer).toContainText(username);
  await drawer.getByRole('combobox', { name: /报备单位/ }).click();
  await drawer.getByRole('combobox', { name: /报备单位/ }).fill('卫生健康');
  const unitOption = page.locator('.ant-select-item-option').filter({ hasText: '省卫生健康委' });
  await settledPopup(page, unitOption);
  await unitOption.click();
  await drawer.getByRole('combobox', { name: /内设机构/ }).click();
  const departmentOption = page.locator('.ant-select-item-option').filter({ hasText: '医政医管处' });
  await settledPopup(page, departmentOption);
  await departmentOption.click();
  await screenshot(page, testInfo, 'fv-assign-reporter', true);
  await drawer.getByRole('button', { name: '保存' }).click();

  await expect(page.getByText(`现代表 省卫生健康委 报备`)).toBeVisible();
  await expect(row).toContainText('省卫生健康委');
  await expect(row).toContainText('医政医管处');
  await expect(row).not.toContainText('未指定单位');

  // What the page says is what the server keeps.
  const response = await admin.request.get('/api/field-visits/reporters');
  expect(response.status(), await response.text()).toBe(200);
  const { items } = (await response.json()) as {
    items: { userId: number; unitId: number | null; departmentId: number | null }[];
  };
  expect(items.find((r) => r.userId === user.id)).toMatchObject({
    unitId: unit?.id,
    departmentId: department?.id,
  });
});
