import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Role } from '@sinergi/contracts';
import { cachePath } from './support';

/** A staff account of the gateway's embedded provider under `npm start` (the gateway's LOCAL_ACCOUNTS_FILE format). */
export interface LocalAccount {
  username: string;
  password: string;
  roles: Role[];
  venueCodes?: string[];
  instructorId?: string;
}

export const LOCAL_ACCOUNTS_FILE = cachePath('local-accounts.json');

/** The demo's staff: one account per staff role (participants sign in with a one-time code instead). */
const DEMO_STAFF: Array<Omit<LocalAccount, 'password'>> = [
  { username: 'kemnaker-admin', roles: ['kemnaker-admin'] },
  { username: 'kemenumkm-admin', roles: ['kemenumkm-admin'] },
  { username: 'operator-bandung', roles: ['venue-operator'], venueCodes: ['BBPVP-BANDUNG'] },
  { username: 'instruktur', roles: ['instructor'] },
  { username: 'viewer', roles: ['viewer'] },
  { username: 'integration-operator', roles: ['integration-operator'] },
];

/**
 * The demo's staff accounts, with passwords made up once per checkout and kept in .cache (git-ignored, mode 600),
 * so that a second `npm start` signs in with the same ones. `instructorId` links the instructor account to a demo instructor.
 */
export function localAccounts(options: { instructorId?: string } = {}): LocalAccount[] {
  const kept: LocalAccount[] = existsSync(LOCAL_ACCOUNTS_FILE) ? JSON.parse(readFileSync(LOCAL_ACCOUNTS_FILE, 'utf8')) : [];
  const accounts = DEMO_STAFF.map((account) => {
    const password = kept.find((candidate) => candidate.username === account.username)?.password ?? randomBytes(12).toString('base64url');
    const instructorId = account.roles.includes('instructor') ? options.instructorId : undefined;
    return { ...account, password, ...(instructorId ? { instructorId } : {}) };
  });
  mkdirSync(dirname(LOCAL_ACCOUNTS_FILE), { recursive: true });
  writeFileSync(LOCAL_ACCOUNTS_FILE, JSON.stringify(accounts, null, 2), { mode: 0o600 });
  return accounts;
}
