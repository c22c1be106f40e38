import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { cachePath } from './support';

/** Settings that must be secret in production, made up once per checkout for local runs. */
export interface LocalSecrets {
  NIK_ENCRYPTION_KEY: string;
  NIK_INDEX_KEY: string;
}

const SECRETS_FILE = cachePath('local-secrets.json');

/**
 * Keys for `npm start`, kept in .cache (git-ignored) so that data encrypted by one run
 * can be read by the next. Production sets these from its secret store instead.
 */
export function localSecrets(): LocalSecrets {
  if (existsSync(SECRETS_FILE)) return JSON.parse(readFileSync(SECRETS_FILE, 'utf8')) as LocalSecrets;
  const secrets: LocalSecrets = {
    NIK_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    NIK_INDEX_KEY: randomBytes(32).toString('base64'),
  };
  mkdirSync(dirname(SECRETS_FILE), { recursive: true });
  writeFileSync(SECRETS_FILE, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
