import { createLocalJWKSet, importJWK, JSONWebKeySet, JWK, jwtVerify, SignJWT } from 'jose';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { INTERNAL_TOKEN, isRole, Principal, PRINCIPAL_CLAIMS } from './roles';

/** The gateway's signing key pair for internal tokens, as JWKs (the public half is what services are given). */
export interface InternalTokenKeys {
  privateJwk: JWK;
  publicJwks: JSONWebKeySet;
}

/** A fresh P-256 key pair (ES256) under a random key id. */
export function generateInternalTokenKeys(): InternalTokenKeys {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const named = { kid: `internal-${randomBytes(6).toString('hex')}`, alg: INTERNAL_TOKEN.algorithm, use: 'sig' };
  return { privateJwk: { ...privateKey.export({ format: 'jwk' }), ...named }, publicJwks: { keys: [{ ...publicKey.export({ format: 'jwk' }), ...named }] } };
}

// Importing a JWK costs more than signing with it: each signing key is imported once.
const importedKeys = new WeakMap<JWK, ReturnType<typeof importJWK>>();

function importedKeyOf(privateJwk: JWK): ReturnType<typeof importJWK> {
  let key = importedKeys.get(privateJwk);
  if (!key) {
    key = importJWK(privateJwk, INTERNAL_TOKEN.algorithm);
    importedKeys.set(privateJwk, key);
  }
  return key;
}

/** Signs a principal for one service (the audience), valid for a minute. */
export async function mintInternalToken(principal: Principal, audience: string, privateJwk: JWK): Promise<string> {
  const key = await importedKeyOf(privateJwk);
  return new SignJWT({
    [PRINCIPAL_CLAIMS.roles]: principal.roles,
    [PRINCIPAL_CLAIMS.venueCodes]: principal.venueCodes,
    ...(principal.instructorId ? { [PRINCIPAL_CLAIMS.instructorId]: principal.instructorId } : {}),
    ...(principal.participantId ? { [PRINCIPAL_CLAIMS.participantId]: principal.participantId } : {}),
  })
    .setProtectedHeader({ alg: INTERNAL_TOKEN.algorithm, kid: privateJwk.kid })
    .setIssuer(INTERNAL_TOKEN.issuer)
    .setAudience(audience)
    .setSubject(principal.subject)
    .setIssuedAt()
    .setExpirationTime(`${INTERNAL_TOKEN.lifetimeSeconds}s`)
    .sign(key);
}

/** Verifies an internal token for one service; throws (jose's error) when it is expired, forged or for another audience. */
export function internalTokenVerifier(publicJwks: JSONWebKeySet, audience: string): (token: string) => Promise<Principal> {
  const keys = createLocalJWKSet(publicJwks);
  return async (token) => {
    const { payload } = await jwtVerify(token, keys, {
      issuer: INTERNAL_TOKEN.issuer,
      audience,
      algorithms: [INTERNAL_TOKEN.algorithm],
      maxTokenAge: `${INTERNAL_TOKEN.lifetimeSeconds * 2}s`,
    });
    return principalOfClaims(payload);
  };
}

/** Reads a principal from verified claims; unknown roles are dropped, never trusted. */
export function principalOfClaims(claims: Record<string, unknown>): Principal {
  const strings = (value: unknown) => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);
  const text = (value: unknown) => (typeof value === 'string' && value.length > 0 ? value : undefined);
  if (typeof claims.sub !== 'string') throw new Error('a token without a subject');
  return {
    subject: claims.sub,
    roles: strings(claims[PRINCIPAL_CLAIMS.roles]).filter(isRole),
    venueCodes: strings(claims[PRINCIPAL_CLAIMS.venueCodes]),
    instructorId: text(claims[PRINCIPAL_CLAIMS.instructorId]),
    participantId: text(claims[PRINCIPAL_CLAIMS.participantId]),
  };
}
