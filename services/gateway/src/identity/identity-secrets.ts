import { randomBytes } from 'node:crypto';
import { exportJWK, generateKeyPair, JWK } from 'jose';
import { DataSource } from 'typeorm';

/**
 * The provider's ES256 signing key and cookie keys, generated on first start and kept in the gateway's database,
 * so that tokens and sessions outlive a restart and every gateway instance signs with the same key.
 */
export async function identitySecrets(dataSource: DataSource): Promise<{ signingKey: JWK; cookieKeys: string[] }> {
  const signingKey = await storedOnce(dataSource, 'oidc-signing-key', async () => {
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });
    return { ...(await exportJWK(privateKey)), alg: 'ES256', use: 'sig', kid: randomBytes(8).toString('hex') };
  });
  const cookieKeys = await storedOnce(dataSource, 'oidc-cookie-keys', async () => [randomBytes(32).toString('base64url')]);
  return { signingKey, cookieKeys };
}

/** The stored value, or the generated one when none is stored; two instances racing keep the first. */
async function storedOnce<T>(dataSource: DataSource, name: string, generate: () => Promise<T>): Promise<T> {
  await dataSource.query('INSERT INTO identity_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [name, JSON.stringify(await generate())]);
  const [row]: Array<{ value: T }> = await dataSource.query('SELECT value FROM identity_secrets WHERE name = $1', [name]);
  return row.value;
}
