import type { APIRequestContext, Browser, Page, TestInfo } from '@playwright/test';
import { apiLogin, DEMO_PASSWORD, expect, isPhone, openMenu, screenshot, test } from './fixtures.js';

/**
 * The community at a glance (社区概览), the people map (民情地图) and the header's bell, on the
 * demo's 枣林西社区: 8 grids with residents, cared-for people and overdue visits, buildings with
 * coordinates (the grids have no outlines in the demo).
 */

interface Overview {
  residents: number;
  households: number;
  buildings: number;
  caredFor: number;
  overdue: number;
  visitsThisMonth: number;
  byTag: { code: string; name: string; count: number }[];
  children: {
    code: string;
    name: string;
    residents: number;
    households: number;
    caredFor: number;
    overdue: number;
  }[];
}

const number = new Intl.NumberFormat('zh-CN');
/** The first render of a lazy screen (its chunk, ECharts, Leaflet) on a busy two-core machine. */
const FIRST_PAINT = { timeout: 30_000 };
const f = (n: number) => number.format(n);

/** A browser page logged in as `username` (one login through the API), and that API session. */
async function pageAs(browser: Browser, request: APIRequestContext, username: string) {
  await apiLogin(request, username, DEMO_PASSWORD);
  const context = await browser.newContext({ storageState: await request.storageState() });
  return { context, page: await context.newPage() };
}

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
  width: number;
}
interface PageCanvas {
  width: number;
  height: number;
  getBoundingClientRect(): Box;
  getContext(kind: '2d'): {
    getImageData(
      x: number,
      y: number,
      w: number,
      h: number,
    ): {
      data: Uint8ClampedArray;
      width: number;
      height: number;
    };
  } | null;
}
interface PageDocument {
  querySelector(selector: string): { getBoundingClientRect(): Box } | null;
  querySelectorAll(selector: string): Iterable<PageCanvas>;
  elementFromPoint(x: number, y: number): unknown;
}

/**
 * The map draws its buildings on a canvas (Leaflet's canvas renderer): no element stands for a
 * building. This finds, by its fill colour, the middle of a building dot that nothing covers and
 * answers its position on the page, once the map has stopped moving (it frames the buildings
 * with an animation).
 */
async function buildingDot(page: Page): Promise<{ x: number; y: number }> {
  const find = () =>
    page.evaluate(() => {
      // The e2e files are type-checked without the DOM library: the little of it used here.
      const doc = (globalThis as unknown as { document: PageDocument }).document;
      // mapStyle.ts COLORS: overdue, caredFor, residents (a building with nobody is grey: skipped).
      const fills = [
        [245, 34, 45],
        [250, 140, 22],
        [22, 119, 255],
      ];
      const frame = doc.querySelector('.map-frame')?.getBoundingClientRect();
      if (!frame) return null;
      for (const canvas of doc.querySelectorAll('.map-frame canvas')) {
        const rect = canvas.getBoundingClientRect();
        const context = canvas.getContext('2d');
        if (!context || rect.width === 0) continue;
        const scale = canvas.width / rect.width;
        const { data, width, height } = context.getImageData(0, 0, canvas.width, canvas.height);
        const isFill = (x: number, y: number) => {
          if (x < 0 || y < 0 || x >= width || y >= height) return false;
          const i = (Math.round(y) * width + Math.round(x)) * 4;
          return (
            (data[i + 3] ?? 0) > 180 &&
            fills.some(
              ([r, g, b]) =>
                Math.abs((data[i] ?? 0) - (r ?? 0)) < 14 &&
                Math.abs((data[i + 1] ?? 0) - (g ?? 0)) < 14 &&
                Math.abs((data[i + 2] ?? 0) - (b ?? 0)) < 14,
            )
          );
        };
        const reach = 3 * scale;
        for (let y = 0; y < height; y += 2) {
          for (let x = 0; x < width; x += 2) {
            // The middle of a dot (radius 6 px or more): its colour 3 px away on every side.
            if (
              !isFill(x, y) ||
              !isFill(x - reach, y) ||
              !isFill(x + reach, y) ||
              !isFill(x, y - reach) ||
              !isFill(x, y + reach)
            )
              continue;
            const at = { x: rect.left + x / scale, y: rect.top + y / scale };
            const inside =
              at.x > frame.left + 24 &&
              at.x < frame.right - 24 &&
              at.y > frame.top + 24 &&
              at.y < frame.bottom - 24;
            if (inside && doc.elementFromPoint(at.x, at.y) === canvas) return at;
          }
        }
      }
      return null;
    });
  let last: { x: number; y: number } | null = null;
  await expect
    .poll(
      async () => {
        const now = await find();
        const still = now !== null && last !== null && now.x === last.x && now.y === last.y;
        last = now;
        return still;
      },
      { message: 'a building dot on the map', timeout: 30_000, intervals: [300] },
    )
    .toBe(true);
  return last as unknown as { x: number; y: number };
}

test('the secretary reads 枣林西 grid by grid and opens an overdue grid’s residents', async ({
  browser,
  playwright,
  baseURL,
}, testInfo: TestInfo) => {
  test.slow(); // a journey through several lazy screens
  test.skip(testInfo.project.name === 'phone', 'the secretary works at a desk; phones are covered below');
  const request = await playwright.request.newContext({ baseURL });
  const { context, page } = await pageAs(browser, request, 'secretary');
  const overview = (await (await request.get('/api/registry/overview')).json()) as Overview;
  await request.dispose();
  expect(overview.children.map((c) => c.name)).toEqual([
    '第一网格',
    '第二网格',
    '第三网格',
    '第四网格',
    '第五网格',
    '第六网格',
    '第七网格',
    '第八网格',
  ]);

  await page.goto('/');
  await expect(page.getByRole('heading', { name: '走访工作台' })).toBeVisible(FIRST_PAINT);
  await (await openMenu(page)).getByRole('menuitem', { name: /社区概览/ }).click();
  await expect(page).toHaveURL(/\/overview$/);
  await expect(page.getByTestId('overview-stat-residents')).toBeVisible(FIRST_PAINT);
  for (const key of [
    'residents',
    'households',
    'buildings',
    'caredFor',
    'visitsThisMonth',
    'overdue',
  ] as const)
    await expect(page.getByTestId(`overview-stat-${key}`)).toHaveText(f(overview[key]));
  expect(overview.overdue).toBeGreaterThan(0);
  await expect(page.getByTestId('overview-stat-overdue')).toHaveCSS('color', 'rgb(207, 19, 34)');

  // Each grid with its figures, overdue in red where there are any.
  const table = page.getByTestId('overview-children');
  await expect(table.locator('tr[data-row-key]')).toHaveCount(8);
  for (const child of overview.children) {
    const row = table.locator(`tr[data-row-key="${child.code}"]`);
    await expect(row.getByRole('cell')).toHaveText([
      child.name,
      f(child.residents),
      f(child.households),
      f(child.caredFor),
      f(child.overdue),
    ]);
    if (child.overdue > 0)
      await expect(row.getByRole('cell').last().locator('span')).toHaveCSS('color', 'rgb(207, 19, 34)');
  }

  // The chart of cared-for people by tag is drawn, one bar per tag.
  const chart = page.getByTestId('overview-tag-chart');
  await expect(chart.locator('svg, canvas').first()).toBeVisible(FIRST_PAINT);
  await expect(chart).toHaveAttribute(
    'aria-label',
    new RegExp(`${overview.byTag[0]?.name} ${overview.byTag[0]?.count}`),
  );
  await expect(chart.locator('svg text', { hasText: overview.byTag[0]?.name ?? '' })).toBeVisible();
  await screenshot(page, testInfo, 'overview');

  // Sorted by overdue visits, the most overdue grid comes first; it opens its overdue residents.
  await table.getByRole('columnheader', { name: /逾期未访/ }).click();
  const most = overview.children.reduce((a, b) => (b.overdue > a.overdue ? b : a));
  expect(most.overdue).toBeGreaterThan(0);
  const first = table.locator('tr[data-row-key]').first();
  await expect(first).toHaveAttribute('data-row-key', most.code);
  await first.getByRole('cell').nth(2).click();
  await expect(page).toHaveURL(new RegExp(`/residents\\?grid=${most.code}&overdue=1$`));
  await expect(page.getByRole('checkbox', { name: '只看逾期未访' })).toBeChecked();
  await expect(page.getByText(`共 ${most.overdue} 条`)).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: most.name }).first()).toBeVisible();

  // The overdue list of the whole community is one click from the overview.
  await page.goBack();
  await page.getByTestId('overview-overdue-link').click();
  await expect(page).toHaveURL(/\/residents\?overdue=1$/);
  await expect(page.getByText(`共 ${overview.overdue} 条`)).toBeVisible();

  await context.close();
});

test('the secretary’s map: the 8 grids beside the buildings, a building’s houses one click away', async ({
  browser,
  playwright,
  baseURL,
}, testInfo: TestInfo) => {
  test.slow(); // a journey through several lazy screens
  test.skip(testInfo.project.name === 'phone', 'the grid worker’s phone map is below');
  const request = await playwright.request.newContext({ baseURL });
  const { context, page } = await pageAs(browser, request, 'secretary');
  const overview = (await (await request.get('/api/registry/overview')).json()) as Overview;
  await request.dispose();

  await page.goto('/overview');
  await expect(page.getByTestId('overview-stat-residents')).toBeVisible(FIRST_PAINT);
  // 民情地图: the grids in the panel, the buildings as dots; a dot opens the building's houses.
  await (await openMenu(page)).getByRole('menuitem', { name: /民情地图/ }).click();
  await expect(page).toHaveURL(/\/map$/);
  const aside = page.locator('.map-aside');
  for (const child of overview.children)
    await expect(aside.getByRole('button', { name: new RegExp(child.name) })).toBeVisible(FIRST_PAINT);
  const dot = await buildingDot(page);
  await page.mouse.click(dot.x, dot.y);
  await expect(aside.locator('.ant-card-head-title')).toHaveText('楼栋');
  await expect(aside.getByText(/^共 \d+ 套房屋$/)).toBeVisible();
  await expect(aside.locator('.map-row-button').first()).toBeVisible();
  await screenshot(page, testInfo, 'map-building');
  await context.close();
});

test('the grid worker on a phone taps a building on the map and sees its houses', async ({
  browser,
  playwright,
  baseURL,
}, testInfo: TestInfo) => {
  test.slow(); // a journey through several lazy screens
  test.skip(testInfo.project.name !== 'phone', 'the grid worker’s map on a phone');
  const request = await playwright.request.newContext({ baseURL });
  const { context, page } = await pageAs(browser, request, 'grid');
  await request.dispose();

  // Their grid's overview first: the figures and the chart, stacked.
  await page.goto('/overview');
  await expect(page.getByTestId('overview-stat-residents')).not.toHaveText('0', FIRST_PAINT);
  await expect(page.getByTestId('overview-tag-chart').locator('svg, canvas').first()).toBeVisible(
    FIRST_PAINT,
  );
  const residents = await page.getByTestId('overview-stat-residents').boundingBox();
  const overdue = await page.getByTestId('overview-stat-overdue').boundingBox();
  expect(overdue && residents && overdue.y).toBeGreaterThan(residents?.y ?? 0);
  await screenshot(page, testInfo, 'overview');

  await (await openMenu(page)).getByRole('menuitem', { name: /民情地图/ }).click();
  await expect(page).toHaveURL(/\/map$/);
  const dot = await buildingDot(page);
  await page.touchscreen.tap(dot.x, dot.y);
  const drawer = page.getByRole('dialog').filter({ hasText: '楼栋' });
  await expect(drawer).toBeVisible();
  await expect(drawer.getByText(/^共 \d+ 套房屋$/)).toBeVisible();
  await expect(drawer.locator('.map-row-button').first()).toBeVisible();
  await screenshot(page, testInfo, 'map-building', true);
  await context.close();
});

test('the bell: the morning’s visit reminder, opened and read, then everything marked read', async ({
  browser,
  playwright,
  baseURL,
}, testInfo: TestInfo) => {
  test.slow(); // a journey through several lazy screens
  // One account per project: both share the server, and reading is for good.
  const request = await playwright.request.newContext({ baseURL });
  const who = testInfo.project.name === 'phone' ? 'grid' : 'secretary';
  const { context, page } = await pageAs(browser, request, who);
  const unreadNow = async () =>
    ((await (await request.get('/api/notifications')).json()) as { unread: number }).unread;
  const unread = await unreadNow();
  // The demo seed leaves today's VISITS_DUE reminder for the grid worker and the secretary (the
  // job itself runs at 07:00 Shanghai, and at start-up once that hour has passed).
  expect(unread, `${who} has an unread visit reminder`).toBeGreaterThan(0);

  await page.goto('/residents');
  const bell = page.getByTestId('notification-bell');
  await expect(bell).toHaveAccessibleName(`通知，${unread} 条未读`, FIRST_PAINT);
  await bell.click();
  const panel = page.getByTestId('notification-panel');
  await expect(panel).toBeVisible();
  const item = panel.getByTestId('notification-item').first();
  await expect(item).toContainText(/今日待走访 \d+ 人，逾期未访 \d+ 人/);
  await expect(item).toContainText(/(分钟|小时|秒)前|天前/);
  await expect(item).toHaveAttribute('data-unread', 'true');
  await expect(item.locator('.notif-message')).toHaveCSS('font-weight', '600');
  if (isPhone(page)) {
    const box = await panel.boundingBox();
    expect(box?.x).toBeGreaterThanOrEqual(0);
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(375);
  }
  await screenshot(page, testInfo, 'notifications', true);

  // Opening it goes where it points (the visits workbench) and reads it.
  await item.click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { name: '走访工作台' })).toBeVisible(FIRST_PAINT);
  const left = unread - 1;
  await expect(bell).toHaveAccessibleName(left > 0 ? `通知，${left} 条未读` : '通知');
  expect(await unreadNow()).toBe(left);

  await bell.click();
  await expect(panel.getByTestId('notification-item').first()).not.toHaveAttribute('data-unread');
  const readAll = panel.getByRole('button', { name: '全部已读' });
  if (left > 0) await readAll.click();
  await expect(readAll).toBeDisabled();
  await expect(bell).toHaveAccessibleName('通知');
  expect(await unreadNow()).toBe(0);
  await request.dispose();
  await context.close();
});
