import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type LocalAccount, LOCAL_ACCOUNTS_FILE } from '@sinergi/local-infra';
import { captureDashboardScreenshots, launchChromium, signInThroughPage } from './browser';

/**
 * `npm run screenshots`: with `npm start` running, signs in as the local Kemnaker admin and saves the overview, a
 * province and a class into docs/. SINERGI_GATEWAY_URL, SINERGI_USERNAME and SINERGI_PASSWORD point it elsewhere.
 */
async function main(): Promise<void> {
  const gatewayUrl = process.env.SINERGI_GATEWAY_URL ?? 'http://localhost:3000';
  const accounts: LocalAccount[] = existsSync(LOCAL_ACCOUNTS_FILE) ? JSON.parse(readFileSync(LOCAL_ACCOUNTS_FILE, 'utf8')) : [];
  const admin = accounts.find((account) => account.roles.includes('kemnaker-admin'));
  const username = process.env.SINERGI_USERNAME ?? admin?.username;
  const password = process.env.SINERGI_PASSWORD ?? admin?.password;
  if (!username || !password) throw new Error('no admin account: run npm start first, or set SINERGI_USERNAME and SINERGI_PASSWORD');
  const directory = join(__dirname, '..', '..', '..', 'docs');
  mkdirSync(directory, { recursive: true });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signInThroughPage(page, gatewayUrl, username, password);
    for (const path of await captureDashboardScreenshots(page, gatewayUrl, directory)) process.stdout.write(`saved ${path}\n`);
  } finally {
    await browser.close();
  }
}

void main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
