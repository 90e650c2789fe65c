import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { checkCharacter } from '../src/platform/identifiers/id-number.js';
import { apiLogin, DEMO_PASSWORD, expect, openMenu, screenshot, test } from './fixtures.js';

/**
 * 批量导入 at the counter: the community staff member downloads the residents template, uploads
 * a file with mistakes, reads the report (row, column, problem), fixes the file, uploads it
 * again, and finds the people on the residents list. Desktop only: bulk entry is office work.
 */
test.skip(({ isMobile }) => isMobile, 'desktop journey: staff at the counter computer');

/** A valid, made-up ID number no demo person has (Beijing 东城区, random birth and sequence). */
function uniqueIdNumber(): string {
  const year = 1950 + Math.floor(Math.random() * 50);
  const month = String(1 + Math.floor(Math.random() * 12)).padStart(2, '0');
  const day = String(1 + Math.floor(Math.random() * 28)).padStart(2, '0');
  const sequence = String(Math.floor(Math.random() * 1000)).padStart(3, '0');
  const first17 = `110101${year}${month}${day}${sequence}`;
  return `${first17}${checkCharacter(first17)}`;
}

const withWrongCheck = (idNumber: string) => `${idNumber.slice(0, 17)}${idNumber.endsWith('0') ? '1' : '0'}`;

/** Digits as Chinese numerals: names that are unique to this run and read as names. */
const numerals = (n: number) => [...String(n)].map((d) => '零一二三四五六七八九'[Number(d)]).join('');

/** An .xlsx as a user's Excel holds it: the template's headers, then rows of text cells. */
async function writeWorkbook(file: string, headers: string[], rows: string[][]) {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('居民');
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(row);
  await book.xlsx.writeFile(file);
}

test('居民 imported from Excel: a report of every mistake, then all rows at once', async ({
  browser,
  playwright,
  baseURL,
}, testInfo) => {
  // Four screens and two uploads: on a busy two-core runner the journey nears the 60 s default.
  test.slow();
  const request = await playwright.request.newContext({ baseURL });
  await apiLogin(request, 'staff', DEMO_PASSWORD);
  const context = await browser.newContext({ storageState: await request.storageState() });
  await request.dispose();
  const page = await context.newPage();

  await page.goto('/');
  // The first screen after logging in loads the app shell, which a busy runner takes a while over.
  await expect(page.getByRole('navigation', { name: '基层治理服务平台' })).toBeVisible({ timeout: 30_000 });
  const nav = await openMenu(page);
  await nav.getByRole('menuitem', { name: /批量导入/ }).click();
  await expect(page).toHaveURL(/\/imports$/);
  await expect(page.getByRole('heading', { name: '批量导入', level: 3 })).toBeVisible();

  // The template: an .xlsx whose first row holds the Chinese headers, required ones marked.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '下载居民导入模板' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const template = new ExcelJS.Workbook();
  await template.xlsx.load((await readFile(await download.path())) as unknown as ArrayBuffer);
  const headers = ((template.worksheets[0]?.getRow(1).values ?? []) as unknown[]).slice(1).map(String);
  expect(headers).toEqual(expect.arrayContaining(['姓名*', '身份证号*', '网格*', '户籍*']));

  const stamp = numerals(Date.now() % 100_000);
  const people = [
    { name: `导入甲${stamp}`, idNumber: uniqueIdNumber(), grid: '第一网格' },
    { name: `导入乙${stamp}`, idNumber: uniqueIdNumber(), grid: '第一网格' },
    { name: `导入丙${stamp}`, idNumber: uniqueIdNumber(), grid: '第二网格' },
  ];
  const columns = ['姓名*', '身份证号*', '网格*', '户籍*'];
  const rowsOf = (list: typeof people) => list.map((p) => [p.name, p.idNumber, p.grid, '本地户籍']);

  // Row 3 has a wrong check digit, row 4 a grid that does not exist.
  const wrong = testInfo.outputPath('居民-有错.xlsx');
  await writeWorkbook(
    wrong,
    columns,
    rowsOf([
      people[0] as (typeof people)[number],
      { ...(people[1] as (typeof people)[number]), idNumber: withWrongCheck(people[1]?.idNumber ?? '') },
      { ...(people[2] as (typeof people)[number]), grid: '第九十九网格' },
    ]),
  );
  const fileInput = page.locator('input[type="file"]');
  await fileInput.setInputFiles(wrong);

  const report = page.getByTestId('import-result');
  await expect(report).toContainText('没有导入任何数据，请改正后重新上传');
  await expect(report).toContainText('2 处错误');
  const problems = report.locator('.ant-table-tbody tr');
  await expect(problems).toHaveCount(2);
  await expect(problems.nth(0)).toContainText('3');
  await expect(problems.nth(0)).toContainText('身份证号');
  await expect(problems.nth(0)).toContainText('校验码');
  await expect(problems.nth(1)).toContainText('4');
  await expect(problems.nth(1)).toContainText('网格');
  await expect(problems.nth(1)).toContainText('没有这个网格');
  // Sorted by row; a click on 行 turns the order round.
  await report.getByRole('columnheader', { name: '行' }).click();
  await expect(problems.nth(0)).toContainText('没有这个网格');
  await screenshot(page, testInfo, 'imports-report');

  // Nothing was imported: the first, valid person is not on the list yet.
  const api = page.request;
  const none = await api.get(`/api/residents?q=${encodeURIComponent(people[0]?.name ?? '')}`);
  expect((await none.json()).total).toBe(0);

  const fixed = testInfo.outputPath('居民-已改正.xlsx');
  await writeWorkbook(fixed, columns, rowsOf(people));
  await fileInput.setInputFiles(fixed);
  await expect(report).toContainText('已导入 3 条居民信息');
  await screenshot(page, testInfo, 'imports-done');

  await report.getByRole('button', { name: '查看居民信息' }).click();
  await expect(page).toHaveURL(/\/residents$/);
  const search = page.getByRole('searchbox', { name: '搜索居民' });
  await search.fill(people[2]?.name ?? '');
  await search.press('Enter');
  const row = page.getByRole('row').filter({ hasText: people[2]?.name ?? '' });
  await expect(row).toBeVisible();
  await expect(row).toContainText('第二网格');
  await context.close();
});
