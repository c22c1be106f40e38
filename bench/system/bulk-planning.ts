import { type BatchSummaryView, type BulkPlanView, PROVINCE_CODES } from '@sinergi/contracts';
import { waitFor } from '@sinergi/testing';
import { call, expectCreated } from '../../services/system-e2e/src/http';
import { MAY, MODULE, signAndLaunch } from '../../services/system-e2e/src/programme-setup';
import { RunningSystem } from '../../services/system-e2e/src/running-system';
import { inParallel, keepOutput } from './enrollment-system';
import { type CpuSpent, measureSystemCpu } from './system-cpu';

const PROVINCES = PROVINCE_CODES.slice(0, 20);
const VENUES = 60;
const ROOMS_PER_VENUE = 4;
const INSTRUCTORS = 236;

export interface BulkPlanningFigures {
  classes: number;
  unplaced: number;
  secondsToSettled: number;
  confirmed: number;
  failed: number;
  /** From the request until settled: the three services, their PostgreSQL backends and the broker. */
  cpuSeconds: CpuSpent;
}

/**
 * One bulk planning request for `classes` 5-day classes in May over 20 provinces (60 venues of 4 rooms, 236
 * instructors), through program, venue-capacity and instructor-module as processes: the time from the request until
 * every class is confirmed or failed, and the CPU seconds spent meanwhile.
 */
export async function bulkPlanning(classes: number): Promise<BulkPlanningFigures> {
  const system = await RunningSystem.start(['program', 'venue-capacity', 'instructor-module'], { BATCH_REPLY_TIMEOUT_MS: '60000' });
  try {
    const url = (service: Parameters<RunningSystem['url']>[0], path: string) => `${system.url(service)}${path}`;
    const programmeId = await signAndLaunch(
      { program: url('program', ''), instructors: url('instructor-module', '') },
      { selectionPolicy: 'lottery', classDays: 5, minimumQuorum: 10, confirmByDaysBeforeStart: 3 },
    );
    await inParallel([...Array(VENUES).keys()], 8, async (index) => {
      await expectCreated('POST', url('venue-capacity', '/venues'), {
        venueCode: `BLK-BULK-${index}`,
        name: `BLK Contoh ${index}`,
        kind: 'BLK',
        provinceCode: PROVINCES[index % PROVINCES.length],
        city: 'Kota Contoh',
        rooms: Array.from({ length: ROOMS_PER_VENUE }, (_, room) => ({ roomCode: `R${room + 1}`, name: `Ruang ${room + 1}`, seats: 20 })),
        closedDays: [],
        sample: true,
      });
    });
    await inParallel([...Array(INSTRUCTORS).keys()], 8, async (index) => {
      await expectCreated('POST', url('instructor-module', '/instructors'), {
        externalRef: `BULK-${index}`,
        fullName: `Instruktur Contoh ${index}`,
        homeProvinceCode: PROVINCES[index % PROVINCES.length],
        competencies: [MODULE],
        maxClassesPerPeriod: 6,
        active: true,
      });
    });
    const request = { count: classes, from: `${MAY}-01`, to: `${MAY}-31`, provinceCodes: PROVINCES };
    // The program's venue directory follows venue-capacity's events: the request is repeated until it knows them all.
    await waitFor(`program to know the ${VENUES} venues`, async () => {
      const { body } = await call<{ items: unknown[] }>('GET', url('program', '/venue-directory?limit=200'));
      return body.items?.length === VENUES;
    }, { timeoutMs: 120_000, intervalMs: 1_000 });
    const cpuSpent = await measureSystemCpu(system);
    const started = Date.now();
    const plan = await expectCreated<BulkPlanView>('POST', url('program', `/programmes/${programmeId}/batches/bulk`), request);
    const counts = async () => (await call<BatchSummaryView>('GET', url('program', `/programmes/${programmeId}/batch-summary`))).body.counts;
    const settled = await waitFor('every class confirmed or failed', async () => {
      const now = await counts();
      return (now.confirmed ?? 0) + (now.failed ?? 0) >= plan.batchIds.length && now;
    }, { timeoutMs: 900_000, intervalMs: 500 });
    const secondsToSettled = (Date.now() - started) / 1000;
    return {
      classes,
      unplaced: plan.unplaced,
      secondsToSettled,
      confirmed: settled.confirmed ?? 0,
      failed: settled.failed ?? 0,
      cpuSeconds: await cpuSpent(),
    };
  } finally {
    keepOutput(system, 'planning');
    await system.stop();
  }
}
