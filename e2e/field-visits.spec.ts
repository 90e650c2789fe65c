import type { Page, TestInfo } from '@playwright/test';
import {
  apiLogin,
  DEMO_PASSWORD,
  expect,
  isPhone,
  loginInBrowser,
  screenshot,
  settledPopup,
  test,
} from './fixtures.js';

/**
 * 调研报备: a unit's reporter files a visit and sees the county's load that month grow by its
 * filing; the reviewer finds a flagged filing in the queue and approves it. Both run on the
 * desktop and the phone (reporters and reviewers use both). Dates are relative to today in
 * Shanghai (the server's clock is real time) and far enough ahead for a filing to be on time; each
 * run's topics are its own, so reruns on one server never meet.
 */

/** Today + `days` as YYYY-MM-DD in Asia/Shanghai (UTC+8, no daylight saving). */
function shanghaiDate(days: number): string {
  return new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

function uniqueTopic(prefix: string, testInfo: TestInfo): string {
  return `${prefix}${testInfo.project.name}${Date.now().toString(36)}`;
}

/**
 * Picks a day in an antd DatePicker by clicking it in the calendar (phones have no typing: the
 * field is read-only there so that no keyboard covers the calendar); moves month by month.
 */
async function pickDate(page: Page, label: string, date: string) {
  await page.getByLabel(label, { exact: true }).click();
  const popup = page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)');
  await expect(popup).toBeVisible();
  const cell = popup.locator(`td[title="${date}"]`);
  for (let step = 0; step < 6 && !(await cell.isVisible()); step += 1) {
    await popup.locator('.ant-picker-header-next-btn').click();
  }
  await cell.click();
  await expect(popup).toBeHidden();
}

/** 双柏县 (楚雄州), for the filing made in the browser. */
const COUNTY = { code: '532322', name: '双柏县' };
/** 牟定县 (楚雄州), for the flagged filing of the review journey. */
const REVIEW_COUNTY = { code: '532323', name: '牟定县' };

test('a reporter files a visit and sees the county’s month load grow by it', async ({
  browser,
  playwright,
  baseURL,
}, testInfo) => {
  const request = await playwright.request.newContext({ baseURL });
  await apiLogin(request, 'reporter', DEMO_PASSWORD);
  const context = await browser.newContext({ storageState: await request.storageState() });
  await request.dispose();
  const page = await context.newPage();
  const topic = uniqueTopic('县域义务教育均衡调研', testInfo);
  const start = shanghaiDate(21);

  await page.goto('/field-visits/new');
  await expect(page.getByRole('heading', { name: '新建调研报备' })).toBeVisible();
  // The reporter's unit is known: it is filled in and fixed.
  await expect(page.locator('.fv-form .ant-select-disabled').first()).toContainText('省教育厅');

  await page.getByLabel('调研主题').fill(topic);
  await pickDate(page, '开始日期', start);
  // The end date follows the start date until it is chosen.
  await expect(page.getByLabel('结束日期', { exact: true })).toHaveValue(start);

  const county = page.getByLabel('第 1 个地点的县（市、区）');
  await county.click();
  await county.fill('双柏');
  const option = page.locator('.ant-select-item-option').filter({ hasText: COUNTY.name });
  await settledPopup(page, option);
  await option.click();
  await page.getByLabel('第 1 个地点的具体点位').fill('大麦地镇中心学校');
  await page.getByLabel('人数').fill('5');

  // Beside the form (below it on a phone): the county's load in the visit's month.
  const load = page.getByTestId(`fv-load-${COUNTY.code}`);
  await expect(load).toHaveText(/^\d+ \/ \d+$/);
  const [before, max] = ((await load.textContent()) ?? '').split(' / ').map(Number) as [number, number];
  // Should the demo (or earlier runs) have filled the county's month, the form asks why.
  if (before >= max) {
    await page.getByLabel('情况说明').fill('与县教育局约定的督导时间，无法改期');
  }
  await screenshot(page, testInfo, 'field-visit-form');

  await page.getByTestId('fv-submit').click();
  const filed = page.getByTestId('fv-filed');
  await expect(filed).toBeVisible();
  await expect(filed).toContainText(topic);
  // Counted at once: the county's month now holds this filing too.
  await expect(load).toHaveText(`${before + 1} / ${max}`);
  await screenshot(page, testInfo, 'field-visit-filed');

  // The filing is in the unit's list, and its page shows where it goes.
  await page.getByRole('button', { name: '查看报备' }).click();
  await expect(page.getByRole('heading', { name: topic })).toBeVisible();
  await expect(page.getByTestId('fv-summary')).toContainText(COUNTY.name);
  await expect(page.getByTestId('fv-summary')).toContainText('5 人');
  await context.close();
});

test('the reviewer approves a filing flagged for its headcount', async ({
  browser,
  playwright,
  baseURL,
}, testInfo) => {
  // The reporter files 12 people through the API: more than 10, so it waits for review.
  const request = await playwright.request.newContext({ baseURL });
  const reporter = await apiLogin(request, 'reporter', DEMO_PASSWORD);
  const me = await request.get('/api/field-visits/me');
  expect(me.status(), await me.text()).toBe(200);
  const { unit } = (await me.json()) as { unit: { id: number } };
  const topic = uniqueTopic('职业院校产教融合调研', testInfo);
  const start = shanghaiDate(35);
  const created = await request.post('/api/field-visits', {
    data: {
      unitId: unit.id,
      topic,
      startDate: start,
      endDate: start,
      stops: [{ countyCode: REVIEW_COUNTY.code }],
      headcount: 12,
      // Needed only if the county's month is already full; harmless otherwise.
      explanation: '产教融合试点县，按省里安排本月前往',
    },
    headers: { 'x-csrf-token': reporter.csrfToken },
  });
  expect(created.status(), await created.text()).toBe(201);
  const filing = (await created.json()) as { id: number; status: string; warnings: { code: string }[] };
  expect(filing.status).toBe('pending_review');
  expect(filing.warnings.map((w) => w.code)).toContain('HEADCOUNT');
  await request.dispose();

  const context = await browser.newContext();
  const page = await context.newPage();
  await loginInBrowser(page, 'reviewer', DEMO_PASSWORD);
  await expect(page).not.toHaveURL(/\/login/);

  // The queue (待审核) is where the list opens; narrowed to the county and month of the filing.
  const queueUrl = `/field-visits?county=${REVIEW_COUNTY.code}&month=${start.slice(0, 7)}`;
  await page.goto(queueUrl);
  await expect(page.getByRole('heading', { name: '调研报备' })).toBeVisible();
  await expect(page.getByRole('radio', { name: /待审核/ })).toBeChecked();
  const entry = isPhone(page)
    ? page.getByTestId('fv-card').filter({ hasText: topic })
    : page.getByRole('row').filter({ hasText: topic });
  await expect(entry).toBeVisible();
  await expect(entry).toContainText('人数超标');
  await expect(entry).toContainText('调研人数 12 人，超过 10 人');
  await screenshot(page, testInfo, 'field-visit-queue');

  await entry.getByText(topic).click();
  await expect(page).toHaveURL(new RegExp(`/field-visits/${filing.id}$`));
  await expect(page.getByRole('heading', { name: topic })).toBeVisible();
  const summary = page.getByTestId('fv-summary');
  await expect(summary.locator('[data-status]')).toHaveText('待审核');
  await expect(page.getByTestId('fv-warnings')).toContainText('人数超标');

  await page.getByTestId('fv-approve').click();
  const dialog = page.getByRole('dialog', { name: '审核通过' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('textbox').fill('人员精简后再出发，注意轻车简从');
  await page.getByTestId('fv-review-ok').click();
  await expect(dialog).toBeHidden();
  await expect(summary.locator('[data-status]')).toHaveText('已通过');
  await expect(page.getByTestId('fv-review-record')).toContainText('通过');
  await expect(page.getByTestId('fv-review-record')).toContainText('人员精简后再出发');
  await expect(page.getByTestId('fv-approve')).toHaveCount(0);
  await screenshot(page, testInfo, 'field-visit-approved');

  // Decided, it has left the queue.
  await page.goto(queueUrl);
  await expect(page.getByRole('radio', { name: /待审核/ })).toBeChecked();
  // Loaded (a count or the empty list), and without it.
  await expect(page.getByText(/^共 \d+ 条$|^没有符合条件的报备$/).first()).toBeVisible();
  await expect(page.getByText(topic)).toHaveCount(0);
  await context.close();
});
