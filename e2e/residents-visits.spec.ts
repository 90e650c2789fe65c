import type { APIRequestContext, Browser, TestInfo } from '@playwright/test';
import { checkCharacter } from '../src/platform/identifiers/id-number.js';
import {
  type ApiSession,
  apiLogin,
  DEMO_PASSWORD,
  expect,
  GRID_1,
  isPhone,
  screenshot,
  test,
} from './fixtures.js';

/**
 * The grid worker's journeys on the registry (居民信息) and visits (走访): the home page's list of
 * people due a visit, the phone visit form, and registering a resident. They need the demo's
 * registry (the care tag catalog, 潘秀兰 of the seed page).
 */

/** A valid, made-up ID number no demo person has (Beijing 东城区 address code, random birth). */
function uniqueIdNumber(): string {
  const year = 1950 + Math.floor(Math.random() * 50);
  const month = String(1 + Math.floor(Math.random() * 12)).padStart(2, '0');
  const day = String(1 + Math.floor(Math.random() * 28)).padStart(2, '0');
  const sequence = String(Math.floor(Math.random() * 1000)).padStart(3, '0');
  const first17 = `110101${year}${month}${day}${sequence}`;
  return `${first17}${checkCharacter(first17)}`;
}

/** The same number with a wrong check character. */
function withWrongCheck(idNumber: string): string {
  const right = idNumber.slice(-1);
  return `${idNumber.slice(0, 17)}${right === '0' ? '1' : '0'}`;
}

function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

/** A resident of grid 1 cared for as living alone since 40 days ago, so 10 days overdue. */
async function overdueResident(grid: ApiSession, testInfo: TestInfo) {
  const name = `走访${testInfo.project.name}${Date.now().toString(36).slice(-4)}`;
  const created = await grid.request.post('/api/residents', {
    data: { name, idNumber: uniqueIdNumber(), regionCode: GRID_1, hukou: 'local' },
    headers: { 'x-csrf-token': grid.csrfToken },
  });
  expect(created.status(), await created.text()).toBe(201);
  const resident = (await created.json()) as { id: number; name: string };
  const tagged = await grid.request.post(`/api/residents/${resident.id}/tags`, {
    data: { tag: 'living_alone', startedOn: daysAgo(40), reason: '子女在外地工作' },
    headers: { 'x-csrf-token': grid.csrfToken },
  });
  expect(tagged.status(), await tagged.text()).toBe(201);
  return resident;
}

async function gridWorkerPage(browser: Browser, request: APIRequestContext) {
  const context = await browser.newContext({ storageState: await request.storageState() });
  return { context, page: await context.newPage() };
}

test('潘秀兰, 83 and overdue, is one tap from the grid worker’s home page', async ({
  browser,
  playwright,
  baseURL,
}, testInfo) => {
  const request = await playwright.request.newContext({ baseURL });
  await apiLogin(request, 'grid', DEMO_PASSWORD);
  const { context, page } = await gridWorkerPage(browser, request);
  await request.dispose();

  await page.goto('/');
  await expect(page.getByRole('heading', { name: '走访工作台' })).toBeVisible();
  await expect(page.getByTestId('summary-overdue')).not.toHaveText('0');
  const row = page.getByRole('listitem').filter({ hasText: '潘秀兰' });
  await expect(row).toContainText('83岁');
  await expect(row).toContainText(/逾期\d+天/);
  await screenshot(page, testInfo, 'visits-home');

  await row.getByRole('button', { name: '走访 潘秀兰' }).click();
  await expect(page).toHaveURL(/\/residents\/\d+\/visit$/);
  await expect(page.getByRole('heading', { name: '潘秀兰' })).toBeVisible();
  await expect(page.getByRole('radio', { name: '入户走访' })).toBeChecked();

  // On the phone (the grid worker's own screen, and the project that runs last) the visit is
  // recorded: her needs written down, and the overdue count on the home page drops by one.
  if (isPhone(page)) {
    await page.goto('/');
    await expect(page.getByTestId('summary-overdue')).toHaveText(/^[1-9]\d*$/);
    const overdueBefore = Number(await page.getByTestId('summary-overdue').textContent());
    await page
      .getByRole('listitem')
      .filter({ hasText: '潘秀兰' })
      .getByRole('button', { name: '走访 潘秀兰' })
      .click();
    await page.getByLabel('发现情况').fill('髋部骨折术后在家休养，能扶拐慢走');
    await page.getByLabel('需求').fill('吃饭靠邻居帮忙，需要送餐上门；复查出行需要陪同');
    await page.getByLabel('后续跟进').fill('联系长者食堂送餐；约好下周二陪同复查');
    await page.getByTestId('visit-submit').click();
    await expect(page.getByTestId('visit-result')).toContainText('走访已记录');
    await page.getByRole('button', { name: '返回首页' }).click();
    await expect(page.getByTestId('summary-overdue')).toHaveText(String(overdueBefore - 1));
    await expect(
      page
        .getByRole('listitem')
        .filter({ hasText: '潘秀兰' })
        .filter({ hasText: /逾期\d+天/ }),
    ).toHaveCount(0);
  }
  await context.close();
});

test('a visit recorded on the doorstep: quick phrases, a failed send kept, the next visit due', async ({
  browser,
  playwright,
  baseURL,
}, testInfo) => {
  const request = await playwright.request.newContext({ baseURL });
  const grid = await apiLogin(request, 'grid', DEMO_PASSWORD);
  const resident = await overdueResident(grid, testInfo);
  const { context, page } = await gridWorkerPage(browser, request);
  await request.dispose();

  await page.goto('/');
  const row = page.getByRole('listitem').filter({ hasText: resident.name });
  await expect(row).toContainText('逾期10天');
  await row.getByRole('button', { name: `走访 ${resident.name}` }).click();
  await expect(page).toHaveURL(new RegExp(`/residents/${resident.id}/visit$`));

  // antd draws the radio buttons over hidden inputs: the label is what a finger taps.
  await page
    .locator('label')
    .filter({ has: page.getByRole('radio', { name: '电话' }) })
    .click();
  await expect(page.getByRole('radio', { name: '电话' })).toBeChecked();
  await page.getByRole('button', { name: '身体状况稳定' }).click();
  await page.getByRole('button', { name: '精神状态良好' }).click();
  await expect(page.getByLabel('发现情况')).toHaveValue('身体状况稳定；精神状态良好');
  await page.getByLabel('需求').fill('腿脚不便，买菜要人帮忙');
  await page.getByRole('button', { name: '需要送餐上门' }).click();
  await expect(page.getByLabel('需求')).toHaveValue('腿脚不便，买菜要人帮忙；需要送餐上门');
  await page.getByRole('button', { name: '已联系家属' }).click();
  await page.getByRole('switch', { name: /重大变化/ }).click();
  if (isPhone(page)) {
    // Thumb reach: 提交 is on screen without scrolling to the end of the form.
    const submit = await page.getByTestId('visit-submit').boundingBox();
    expect(submit && submit.y + submit.height).toBeLessThanOrEqual(812);
  }
  await screenshot(page, testInfo, 'visits-form');

  // The network drops: nothing typed is lost, and 重试 sends it again.
  await page.route('**/api/residents/*/visits', (route) => route.abort('internetdisconnected'));
  await page.getByTestId('visit-submit').click();
  await expect(page.getByText('提交没有成功')).toBeVisible();
  await expect(page.getByLabel('需求')).toHaveValue('腿脚不便，买菜要人帮忙；需要送餐上门');
  await screenshot(page, testInfo, 'visits-form-failed');
  await page.unroute('**/api/residents/*/visits');
  await page.getByRole('button', { name: '重试' }).click();

  const result = page.getByTestId('visit-result');
  await expect(result).toContainText('走访已记录');
  await expect(result).toContainText('电话');
  await expect(result).toContainText('须在24小时内再次走访');
  await screenshot(page, testInfo, 'visits-result');

  await result.getByRole('button', { name: '查看居民' }).click();
  await expect(page).toHaveURL(new RegExp(`/residents/${resident.id}\\?tab=visits$`));
  const visits = page.getByRole('tabpanel');
  await expect(visits).toContainText('共 1 次走访');
  await expect(visits).toContainText('重大变化');
  await expect(visits).toContainText('腿脚不便，买菜要人帮忙；需要送餐上门');
  await expect(visits).toContainText('已联系家属');

  await page.getByRole('tab', { name: '变更记录' }).click();
  await expect(page.getByRole('tabpanel')).toContainText('记录走访');
  await expect(page.getByRole('tabpanel')).toContainText('添加标签');
  await expect(page.getByRole('tabpanel')).toContainText('独居老人');
  await context.close();
});

test('registering a resident: the ID number checked as typed, a duplicate led to its record, delete undone', async ({
  browser,
  playwright,
  baseURL,
}, testInfo) => {
  const request = await playwright.request.newContext({ baseURL });
  await apiLogin(request, 'grid', DEMO_PASSWORD);
  const { context, page } = await gridWorkerPage(browser, request);
  await request.dispose();
  const idNumber = uniqueIdNumber();
  const name = `登记${testInfo.project.name}${Date.now().toString(36).slice(-4)}`;

  await page.goto('/residents');
  await page.getByRole('button', { name: '新增居民' }).click();
  await expect(page).toHaveURL(/\/residents\/new$/);
  await page.getByLabel('姓名').fill(name);
  await page.getByLabel('身份证号').fill(withWrongCheck(idNumber));
  await expect(page.getByText('校验码不对，请逐位核对号码')).toBeVisible();
  await page.getByLabel('身份证号').fill(idNumber);
  const birth = `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
  const gender = Number(idNumber[16]) % 2 === 1 ? '男' : '女';
  await expect(page.getByTestId('id-facts')).toContainText(`出生日期 ${birth} · ${gender}`);
  await page.getByLabel('手机号（选填）').fill('139 1234 5678');
  await screenshot(page, testInfo, 'residents-new');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page).toHaveURL(/\/residents\/\d+$/);
  const recordUrl = page.url();
  await expect(page.getByRole('heading', { name })).toBeVisible();
  await expect(page.getByText('139****5678').first()).toBeVisible();

  // The same person again: refused, with the way to the record already there.
  await page.goto('/residents/new');
  await page.getByLabel('姓名').fill(name);
  await page.getByLabel('身份证号').fill(idNumber);
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('此身份证号已登记').first()).toBeVisible();
  await screenshot(page, testInfo, 'residents-duplicate');
  await page.getByTestId('duplicate-link').click();
  await expect(page).toHaveURL(recordUrl);

  // Delete, then 撤销 in the message brings the record back.
  await page.getByRole('button', { name: '更多' }).click();
  await page.getByRole('menuitem', { name: '删除' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '删除' }).click();
  await expect(page).toHaveURL(/\/residents$/);
  await page.getByTestId('undo-delete').click();
  await expect(page).toHaveURL(recordUrl);
  await expect(page.getByText('该档案已于')).toHaveCount(0);

  // Found again by the last 4 digits of the phone, from a link someone could share.
  await page.goto(`/residents?q=5678&grid=${GRID_1}`);
  await expect(page.getByText(name).first()).toBeVisible();
  await context.close();
});
