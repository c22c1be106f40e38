import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { generateInternalTokenKeys } from '@sinergi/contracts';
import { cachePath } from './support';

/** Settings that must be secret in production, made up once per checkout for local runs. */
export interface LocalSecrets {
  NIK_ENCRYPTION_KEY: string;
  NIK_INDEX_KEY: string;
  /** Seals contact cards between enrollment or instructor-module and notification. */
  CONTACT_SEAL_KEY: string;
  /** Keeps the gateway's sign-in codes as HMACs. */
  SIGN_IN_CODE_HMAC_KEY: string;
  /** Seals sign-in codes between the gateway and notification. */
  SIGN_IN_CODE_SEAL_KEY: string;
  /** Seals the answers the gateway keeps for Idempotency-Key retries. */
  IDEMPOTENCY_SEAL_KEY: string;
  /** Signs notification's requests to the messaging provider (locally, the provider sink). */
  MESSAGING_PROVIDER_SECRET: string;
  /** The gateway's private JWK for internal tokens; services get only INTERNAL_TOKEN_JWKS, its public half. */
  INTERNAL_TOKEN_SIGNING_KEY: string;
  INTERNAL_TOKEN_JWKS: string;
}

const SECRETS_FILE = cachePath('local-secrets.json');

/**
 * Keys for `npm start`, kept in .cache (git-ignored) so that data encrypted by one run
 * can be read by the next. Production sets these from its secret store instead.
 */
export function localSecrets(): LocalSecrets {
  const kept: Partial<LocalSecrets> = existsSync(SECRETS_FILE) ? JSON.parse(readFileSync(SECRETS_FILE, 'utf8')) : {};
  // A key added since the file was written is made up now; the ones already there are kept.
  const internalKeys = kept.INTERNAL_TOKEN_SIGNING_KEY && kept.INTERNAL_TOKEN_JWKS ? undefined : generateInternalTokenKeys();
  const secrets: LocalSecrets = {
    NIK_ENCRYPTION_KEY: kept.NIK_ENCRYPTION_KEY ?? randomBytes(32).toString('base64'),
    NIK_INDEX_KEY: kept.NIK_INDEX_KEY ?? randomBytes(32).toString('base64'),
    CONTACT_SEAL_KEY: kept.CONTACT_SEAL_KEY ?? randomBytes(32).toString('base64'),
    SIGN_IN_CODE_HMAC_KEY: kept.SIGN_IN_CODE_HMAC_KEY ?? randomBytes(32).toString('base64'),
    SIGN_IN_CODE_SEAL_KEY: kept.SIGN_IN_CODE_SEAL_KEY ?? randomBytes(32).toString('base64'),
    IDEMPOTENCY_SEAL_KEY: kept.IDEMPOTENCY_SEAL_KEY ?? randomBytes(32).toString('base64'),
    MESSAGING_PROVIDER_SECRET: kept.MESSAGING_PROVIDER_SECRET ?? randomBytes(32).toString('hex'),
    INTERNAL_TOKEN_SIGNING_KEY: kept.INTERNAL_TOKEN_SIGNING_KEY ?? JSON.stringify(internalKeys?.privateJwk),
    INTERNAL_TOKEN_JWKS: kept.INTERNAL_TOKEN_JWKS ?? JSON.stringify(internalKeys?.publicJwks),
  };
  if (Object.keys(secrets).every((name) => name in kept)) return secrets;
  mkdirSync(dirname(SECRETS_FILE), { recursive: true });
  writeFileSync(SECRETS_FILE, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
