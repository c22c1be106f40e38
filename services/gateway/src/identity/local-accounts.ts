import { Injectable } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { DataSource } from 'typeorm';
import { isRole, Principal, Role } from '@sinergi/contracts';

/** A staff account as seeded: the password in the clear, only ever read from the seeding file. */
export interface LocalAccountSeed {
  username: string;
  password: string;
  roles: Role[];
  venueCodes?: string[];
  instructorId?: string;
}

interface AccountRow {
  id: string;
  username: string;
  password_hash: string;
  roles: Role[];
  venue_codes: string[];
  instructor_id: string | null;
}

// The library's defaults: argon2id, 19 MiB, 2 passes (OWASP's recommended minimum).
// Verified against when the username is unknown, so that the answer takes as long as for a known one.
const UNKNOWN_ACCOUNT_HASH = hash('unknown-account-placeholder');

/** Staff accounts of the embedded provider, with argon2id password hashes. */
@Injectable()
export class LocalAccounts {
  constructor(private readonly dataSource: DataSource) {}

  /** The account's principal when the password is right, undefined otherwise (whether or not the username exists). */
  async verifyPassword(username: string, password: string): Promise<Principal | undefined> {
    const [row]: AccountRow[] = await this.dataSource.query('SELECT * FROM local_accounts WHERE username = $1', [username.trim().toLowerCase()]);
    const matches = await verify(row?.password_hash ?? (await UNKNOWN_ACCOUNT_HASH), password).catch(() => false);
    return row && matches ? principalOf(row) : undefined;
  }

  async principal(id: string): Promise<Principal | undefined> {
    const [row]: AccountRow[] = await this.dataSource.query('SELECT * FROM local_accounts WHERE id::text = $1', [id]);
    return row && principalOf(row);
  }

  /** The account's username (what the person signs in with), to name them on screen; undefined for another id. */
  async usernameOf(id: string): Promise<string | undefined> {
    const [row]: Array<Pick<AccountRow, 'username'>> = await this.dataSource.query('SELECT username FROM local_accounts WHERE id::text = $1', [id]);
    return row?.username;
  }

  /** Creates the accounts, or sets their password and roles when they exist. */
  async seed(accounts: LocalAccountSeed[]): Promise<void> {
    for (const account of accounts) {
      const roles = account.roles.filter(isRole);
      if (roles.length !== account.roles.length) throw new Error(`local account ${account.username}: unknown role in ${account.roles.join(', ')}`);
      await this.dataSource.query(
        `INSERT INTO local_accounts (id, username, password_hash, roles, venue_codes, instructor_id) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (username) DO UPDATE SET password_hash = EXCLUDED.password_hash, roles = EXCLUDED.roles,
           venue_codes = EXCLUDED.venue_codes, instructor_id = EXCLUDED.instructor_id`,
        [randomUUID(), account.username, await hash(account.password), roles, account.venueCodes ?? [], account.instructorId ?? null],
      );
    }
  }

  async seedFromFile(path: string): Promise<void> {
    const accounts = JSON.parse(await readFile(path, 'utf8')) as LocalAccountSeed[];
    if (!Array.isArray(accounts)) throw new Error(`${path} must hold a JSON array of accounts`);
    await this.seed(accounts);
  }
}

function principalOf(row: AccountRow): Principal {
  return {
    subject: row.id,
    roles: row.roles,
    venueCodes: row.venue_codes,
    ...(row.instructor_id ? { instructorId: row.instructor_id } : {}),
  };
}
