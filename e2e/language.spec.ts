import { expect, screenshot, test } from './fixtures.js';

test('the 中文/English switch on the login page turns the form to English and is remembered', async ({
  page,
}, testInfo) => {
  await page.goto('/login');
  await expect(page.getByLabel('用户名')).toBeVisible();
  await expect(page.getByTestId('login-submit')).toHaveText('登录');

  await page.getByText('English', { exact: true }).click();
  const checkEnglish = async () => {
    await expect(page.getByLabel('Username', { exact: true })).toBeVisible();
    await expect(page.getByLabel('Password', { exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Log in' })).toBeVisible();
    await expect(page.getByText('用户名')).toHaveCount(0);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  };
  await checkEnglish();

  await page.reload();
  await checkEnglish();
  await screenshot(page, testInfo, 'login-english');

  // And back: the switch works both ways.
  await page.getByText('中文', { exact: true }).click();
  await expect(page.getByTestId('login-submit')).toHaveText('登录');
});
