import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { KafkaConnection, Principal } from '@sinergi/messaging';
import { cachePath } from './support';

/** The local broker's super user: topic creation, ACLs, and the test harness. */
export const LOCAL_KAFKA_ADMIN = 'sinergi-admin';

export const LOCAL_KAFKA_PRINCIPALS: readonly Principal[] = [
  'program',
  'enrollment',
  'venue-capacity',
  'instructor-module',
  'notification',
  'gateway',
  'kemenumkm',
  'kemnaker',
];

/** SCRAM-SHA-512 passwords of the local broker's users, by user name. */
export type LocalKafkaCredentials = Record<string, string>;

const CREDENTIALS_FILE = cachePath('kafka', 'credentials.json');

/**
 * Made up once per checkout and kept in .cache (git-ignored, mode 600): the broker's storage is
 * formatted with these users, and `npm start` hands each service its own.
 */
export function localKafkaCredentials(): LocalKafkaCredentials {
  const kept: LocalKafkaCredentials = existsSync(CREDENTIALS_FILE) ? JSON.parse(readFileSync(CREDENTIALS_FILE, 'utf8')) : {};
  const users = [LOCAL_KAFKA_ADMIN, ...LOCAL_KAFKA_PRINCIPALS];
  const credentials = Object.fromEntries(users.map((user) => [user, kept[user] ?? randomBytes(24).toString('hex')]));
  if (users.every((user) => user in kept)) return credentials;
  mkdirSync(dirname(CREDENTIALS_FILE), { recursive: true });
  writeFileSync(CREDENTIALS_FILE, JSON.stringify(credentials, null, 2), { mode: 0o600 });
  return credentials;
}

/** Tells a broker formatted with these credentials from one formatted with others (or none). */
export function credentialsFingerprint(credentials: LocalKafkaCredentials): string {
  return createHash('sha256').update(JSON.stringify(credentials)).digest('hex');
}

export function scramConnection(brokers: string[], user: string, credentials: LocalKafkaCredentials): KafkaConnection {
  return { brokers, sasl: { mechanism: 'scram-sha-512', username: user, password: credentials[user] } };
}
