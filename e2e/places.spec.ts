import type { Browser, Page, PlaywrightWorkerArgs } from '@playwright/test';
import { creditCodeCheckCharacter } from '../src/platform/identifiers/credit-code.js';
import {
  apiLogin,
  DEMO_PASSWORD,
  expect,
  isPhone,
  openMenu,
  screenshot,
  settledPopup,
  test,
} from './fixtures.js';

/**
 * 楼栋房屋 and 单位商铺: the grid worker walks from the menu to a room of their grid and on to a
 * resident's record; the community secretary registers a shop, the credit code checked as typed.
 * They need the demo's registry of 枣林西 (枣林西苑 1号楼 in 第一网格, the grid of `grid`).
 */

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A valid unified social credit code no demo shop has: 个体工商户 of 安宁区, a random body. */
function uniqueCreditCode(): string {
  let body = '';
  for (let i = 0; i < 9; i += 1) body += CHARSET[Math.floor(Math.random() * CHARSET.length)];
  const first17 = `92620105${body}`;
  return `${first17}${creditCodeCheckCharacter(first17)}`;
}

/** The same code with another check character. */
function withWrongCheck(code: string): string {
  const right = code.slice(-1);
  return `${code.slice(0, 17)}${right === '0' ? '1' : '0'}`;
}

/** A browser page logged in as a demo account (through the API: one login per test). */
async function pageOf(
  browser: Browser,
  playwright: PlaywrightWorkerArgs['playwright'],
  baseURL: string | undefined,
  username: string,
) {
  const request = await playwright.request.newContext({ baseURL });
  await apiLogin(request, username, DEMO_PASSWORD);
  const context = await browser.newContext({ storageState: await request.storageState() });
  await request.dispose();
  return { context, page: await context.newPage() };
}

/** Picks an option of an antd Select once its popup has finished opening. */
async function choose(page: Page, field: ReturnType<Page['getByLabel']>, option: string) {
  await field.click();
  const item = page.locator('.ant-select-item-option').filter({ hasText: option });
  await settledPopup(page, item);
  await item.click();
}

test('a grid worker opens a building of their grid, a room, and a resident living there', async ({
  browser,
  playwright,
  baseURL,
}, testInfo) => {
  const { context, page } = await pageOf(browser, playwright, baseURL, 'grid');

  await page.goto('/');
  const nav = await openMenu(page);
  await nav.getByRole('menuitem', { name: '楼栋房屋' }).click();
  await expect(page).toHaveURL(/\/places$/);
  await expect(page.getByRole('heading', { name: '楼栋房屋' })).toBeVisible();
  await expect(page.getByText('第一网格 · 小区、楼栋与房屋')).toBeVisible();

  // Two estates of the grid have a 1号楼: the search finds both, the estate tells them apart.
  await page.getByRole('searchbox', { name: '搜索楼栋号' }).fill('1号楼');
  await page.getByRole('searchbox', { name: '搜索楼栋号' }).press('Enter');
  await expect(page).toHaveURL(/q=1%E5%8F%B7%E6%A5%BC/);
  const results = page.locator(isPhone(page) ? '.places-card' : '.ant-table-row');
  await expect(results).toHaveCount(2);
  await expect(results.filter({ hasText: '枣林北里' })).toHaveCount(1);
  const building = results.filter({ hasText: '枣林西苑' });
  await expect(building).toContainText('1号楼');
  await screenshot(page, testInfo, 'places-list');
  await building.click();

  await expect(page).toHaveURL(/\/places\/buildings\/\d+$/);
  await expect(page.getByRole('heading', { name: '枣林西苑 1号楼' })).toBeVisible();
  await expect(page.getByTestId('count-residents')).not.toHaveText('0');
  // The tiles name each room with who lives there once the counts are in.
  const room = page.getByRole('button', { name: /^1单元 101，\d+户 \d+人/ });
  await expect(room).toBeVisible();
  await screenshot(page, testInfo, 'places-building');
  await room.click();

  const drawer = page.getByRole('dialog', { name: '1单元 101' });
  await expect(drawer).toBeVisible();
  await expect(drawer).toContainText('户号');
  await expect(drawer).toContainText('户主');
  const member = drawer.getByTestId('house-member').first();
  const name = ((await member.locator('.house-member-name').textContent()) ?? '').trim();
  expect(name.length).toBeGreaterThan(1);
  await screenshot(page, testInfo, 'places-house', true);
  await member.click();

  await expect(page).toHaveURL(/\/residents\/\d+$/);
  await expect(page.getByRole('heading', { name })).toBeVisible();
  await expect(page.getByText('第一网格 · 枣林西苑 1号楼 1单元 101')).toBeVisible();
  await context.close();
});

test('the secretary registers a shop: a wrong credit code is caught on the field, the right one saved and found', async ({
  browser,
  playwright,
  baseURL,
}, testInfo) => {
  const { context, page } = await pageOf(browser, playwright, baseURL, 'secretary');
  const code = uniqueCreditCode();
  const name = `测试商铺${testInfo.project.name}${Date.now().toString(36).slice(-5)}`;

  await page.goto('/places/organisations');
  await page.getByRole('tab', { name: '商铺' }).click();
  await expect(page).toHaveURL(/kind=shop/);
  await page.getByRole('button', { name: '新增单位商铺' }).first().click();
  const form = page.getByTestId('organisation-form');
  await expect(form).toBeVisible();
  // Opened from the 商铺 tab, it registers a shop.
  await expect(form.getByRole('radio', { name: '商铺' })).toBeChecked();

  await form.getByLabel('名称').fill(name);
  await choose(page, form.getByLabel('网格'), '第二网格');
  await form.getByLabel('行业类别').fill('便利店');
  await form.getByLabel('联系人').fill('李明');
  await form.getByLabel('联系电话').fill('13812345678');

  // A wrong check character shows on the field as soon as the 18th character is typed,
  // and nothing is sent.
  const codeField = form.getByLabel('统一社会信用代码');
  await codeField.fill(withWrongCheck(code).toLowerCase());
  const codeItem = form.locator('.ant-form-item').filter({ has: page.getByLabel('统一社会信用代码') });
  await expect(codeItem).toContainText('校验码不对，请逐位核对代码');
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await expect(codeItem).toContainText('校验码不对，请逐位核对代码');
  await expect(form).toBeVisible();
  await screenshot(page, testInfo, 'places-shop-bad-code', true);

  // Lower case is fine: it is stored in capitals.
  await codeField.fill(code.toLowerCase());
  await expect(form.getByTestId('credit-code-ok')).toBeVisible();
  await expect(codeItem).not.toContainText('校验码不对');
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByText(`已新增 ${name}`)).toBeVisible();
  await expect(form).toBeHidden();

  // The list shows the new shop at once (searched by its name); found again from scratch.
  const search = page.getByRole('searchbox', { name: '搜索单位商铺' });
  await expect(search).toHaveValue(name);
  await search.clear();
  await expect(page).not.toHaveURL(/[?&]q=/);
  await search.fill(name.slice(0, 8));
  await search.press('Enter');
  const found = isPhone(page)
    ? page.getByTestId('organisation-card').filter({ hasText: name })
    : page.getByRole('row').filter({ hasText: name });
  await expect(found).toHaveCount(1);
  await expect(found).toContainText(code);
  await expect(found).toContainText('138****5678');
  await expect(found).toContainText('便利店');
  await screenshot(page, testInfo, 'places-shop-found');

  // And by its credit code, typed in lower case.
  await search.fill(code.toLowerCase());
  await search.press('Enter');
  await expect(found).toHaveCount(1);
  await context.close();
});
