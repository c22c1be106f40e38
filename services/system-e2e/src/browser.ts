import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's chromium package (`.ci/run` installs it); never a browser download. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Headless Chromium, or a failure that says how to get it: a browser test never skips silently. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`no Chromium at ${CHROMIUM}: install Debian's package (apt-get install -y --no-install-recommends chromium) or set CHROMIUM_PATH`);
  }
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
}

/** Through the real sign-in page: the dashboard's button, the provider's staff form, back to where it started. */
export async function signInThroughPage(page: Page, gatewayUrl: string, username: string, password: string, path = '/'): Promise<void> {
  await page.goto(`${gatewayUrl}${path}`);
  await page.getByRole('button', { name: /^(Masuk|Sign in)$/ }).click();
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.locator('#password').press('Enter');
  await page.waitForURL((url) => url.pathname === path, { timeout: 30_000 });
}

/** The overview, the first province with classes and its first class, as PNGs in `directory` (a signed-in page). */
export async function captureDashboardScreenshots(page: Page, gatewayUrl: string, directory: string): Promise<string[]> {
  const saved: string[] = [];
  const shoot = async (name: string) => {
    await page.waitForLoadState('networkidle');
    const path = join(directory, `dashboard-${name}.png`);
    await page.screenshot({ path, fullPage: true });
    saved.push(path);
  };
  await page.goto(`${gatewayUrl}/`);
  await page.locator('td[data-status="confirmed"]').waitFor();
  await shoot('overview');
  const province = await page.locator('a[href^="/provinces/"]').first().getAttribute('href');
  await page.goto(`${gatewayUrl}${province}`);
  await page.locator('tr[data-batch-id] a').first().waitFor();
  await shoot('province');
  await page.locator('tr[data-batch-id] a').first().click();
  await page.locator('dl.facts').waitFor();
  // The class's messages come from notification through the gateway, after the class itself.
  await page.getByTestId('class-messages').waitFor();
  await shoot('class');
  return saved;
}
