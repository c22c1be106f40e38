import { readFileSync } from 'node:fs';
import { Pool } from 'pg';
import { createTestDatabase } from '@sinergi/testing';

/** Single-row INSERTs, each its own commit, from many clients at once: what the server can commit on this machine. */
export async function rawCommitRate(clients: number, commits: number): Promise<number> {
  const database = await createTestDatabase('bench_commits');
  const pool = new Pool({ connectionString: database.url, max: clients });
  // DROP DATABASE ... WITH (FORCE) can reach a client the pool is still closing: its FATAL is expected, not a failure.
  pool.on('error', () => undefined);
  try {
    await pool.query('CREATE TABLE commits (id bigserial PRIMARY KEY, client int NOT NULL, written_at timestamptz NOT NULL DEFAULT now())');
    const perClient = Math.ceil(commits / clients);
    const started = performance.now();
    await Promise.all(
      Array.from({ length: clients }, async (_, client) => {
        for (let written = 0; written < perClient; written += 1) await pool.query('INSERT INTO commits (client) VALUES ($1)', [client]);
      }),
    );
    return (perClient * clients * 1000) / (performance.now() - started);
  } finally {
    await pool.end();
    await database.drop();
  }
}

/**
 * CPU seconds a process on this machine has used (user + system, from /proc/<pid>/stat), or undefined where the
 * process cannot be read, e.g. a PostgreSQL server in a container or on another host.
 */
export function processCpuSeconds(pid: number): number | undefined {
  try {
    // The fields after the command name, which is in parentheses and may itself contain spaces.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    const ticksPerSecond = 100;
    return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
  } catch {
    return undefined;
  }
}
