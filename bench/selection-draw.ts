import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { EVENT_CATALOG } from '@sinergi/contracts';
import { MESSAGING_MIGRATIONS, Outbox } from '@sinergi/messaging';
import { createTestDatabase } from '@sinergi/testing';
import { enrollmentService } from '../services/enrollment/src/enrollment.service-definition';
import { SelectionService } from '../services/enrollment/src/selection/selection.service';
import { processCpuSeconds } from './postgres-ceiling';

const PROVINCES = Array.from({ length: 20 }, (_, index) => String(11 + index));
const CLASSES_PER_PROVINCE = 5;

export interface DrawFigures {
  elapsedMs: number;
  /** This process, and the PostgreSQL backend that ran the draw's transaction where /proc shows it. */
  cpuSeconds: { process: number; backend: number | undefined };
  outcomes: Record<string, number>;
}

/**
 * One lottery draw through SelectionService over a pool of registered enrollments spread over 20 provinces with five
 * 16-seat classes each, so every outcome occurs. The pool is written by SQL (sample data, no real person), and the
 * service runs on a one-connection pool so that the backend measured is the one that draws.
 */
export async function timeDraw(poolSize: number): Promise<DrawFigures> {
  const database = await createTestDatabase('bench_draw');
  const { entities, migrations } = enrollmentService;
  const dataSource = new DataSource({ type: 'postgres', url: database.url, entities, migrations: [...MESSAGING_MIGRATIONS, ...migrations], extra: { max: 1 } });
  try {
    await dataSource.initialize();
    await dataSource.runMigrations();
    const programmeId = await seedPool(dataSource, poolSize);
    const service = new SelectionService(dataSource, new Outbox(EVENT_CATALOG, '/sinergi/enrollment'));
    const [{ pid }] = await dataSource.query<Array<{ pid: number }>>('SELECT pg_backend_pid() AS pid');
    const backendBefore = processCpuSeconds(pid);
    const cpu = process.cpuUsage();
    const started = performance.now();
    const drawn = await service.draw(programmeId, 'bench');
    const elapsedMs = performance.now() - started;
    const used = process.cpuUsage(cpu);
    const backendAfter = processCpuSeconds(pid);
    if (drawn.poolSize !== poolSize) throw new Error(`the draw pooled ${drawn.poolSize} of ${poolSize} enrollments`);
    return {
      elapsedMs,
      cpuSeconds: {
        process: (used.user + used.system) / 1e6,
        backend: backendBefore === undefined || backendAfter === undefined ? undefined : backendAfter - backendBefore,
      },
      outcomes: drawn.outcomes,
    };
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await database.drop();
  }
}

async function seedPool(dataSource: DataSource, poolSize: number): Promise<string> {
  const programmeId = randomUUID();
  await dataSource.query(
    `INSERT INTO programmes (id, name, period_start, period_end, priority_segments, selection_policy, target_participants, participant_ceiling)
     VALUES ($1, 'Pelatihan Kewirausahaan (sample)', current_date + 30, current_date + 60, '{micro,small}', 'lottery', 5000, 10000)`,
    [programmeId],
  );
  await dataSource.query(
    `INSERT INTO batches (id, programme_id, province_code, status, venue_code, start_date, end_date, class_dates, seats, reserves,
                          minimum_quorum, confirm_by, selected, confirmed, reserved)
     SELECT gen_random_uuid(), $1, province, 'confirmed', 'SAMPLE-' || province, current_date + 35, current_date + 39,
            ARRAY(SELECT (current_date + day)::text FROM generate_series(35, 39) AS day), 16, 2, 12, current_date + 28, 0, 0, 0
       FROM unnest($2::text[]) AS province, generate_series(1, $3)`,
    [programmeId, PROVINCES, CLASSES_PER_PROVINCE],
  );
  await dataSource.query(
    `WITH pool AS (
       SELECT gen_random_uuid() AS participant_id, gen_random_uuid() AS enrollment_id, n, ($3::text[])[1 + n % 20] AS province
         FROM generate_series(1, $2) AS n
     ), participants_added AS (
       INSERT INTO participants (id, nik_ciphertext, nik_index, masked_nik, full_name, birth_date, gender, phone, email, province_code,
                                 business_nib, business_scale, business_sector, registered_at, language, identity_status, identity_checked_at)
       SELECT participant_id, decode(md5(participant_id::text), 'hex'), decode(md5(enrollment_id::text), 'hex'), '3273**********' || lpad((n % 100)::text, 2, '0'),
              'Peserta Contoh ' || n, '1985-03-12', 'M', '0812-3456-7890', 'peserta' || n || '@contoh.id', province,
              '1234567890123', CASE WHEN n % 3 = 0 THEN 'small' ELSE 'micro' END, 'kuliner', now(), 'id', 'verified', now()
         FROM pool
     )
     INSERT INTO enrollments (id, participant_id, programme_id, status, channel, reasons, submitted_at)
     SELECT enrollment_id, participant_id, $1, 'registered', 'self-service', '[]', now() - n * interval '1 second' FROM pool`,
    [programmeId, poolSize, PROVINCES],
  );
  return programmeId;
}
