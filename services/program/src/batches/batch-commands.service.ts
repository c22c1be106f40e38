import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { addDays, todayInWib } from '@sinergi/contracts';
import { Conflict } from '@sinergi/platform';
import { DirectoryVenue } from '../venue-directory/directory-venue.entity';
import { Batch } from './batch.entity';
import { classDatesOf, classRefusal } from './batch-planner.rules';
import { SagaInput } from './batch-saga.rules';
import { BatchSaga } from './batch-saga.service';
import { ProgramConfig } from './batches.config';
import { CancelBatchDto, RescheduleBatchDto } from './batch.dto';
import { noBatch } from './batch-queries.service';
import { programmeForPlanning } from './programme-class-rules.query';
import { refuse } from './refusal';

/** Admin commands on one batch; each is a saga input, refused with 409 when the batch's state does not allow it. */
@Injectable()
export class BatchCommands {
  constructor(
    private readonly dataSource: DataSource,
    private readonly saga: BatchSaga,
    private readonly config: ProgramConfig,
  ) {}

  cancel(batchId: string, dto: CancelBatchDto): Promise<void> {
    return this.run(batchId, 'cancel', () => Promise.resolve({ kind: 'cancel', detail: dto.detail }));
  }

  close(batchId: string): Promise<void> {
    return this.run(batchId, 'close', () => Promise.resolve({ kind: 'close' }));
  }

  /** New dates must fit the programme period and the venue's calendar, as when planning. */
  reschedule(batchId: string, dto: RescheduleBatchDto): Promise<void> {
    return this.run(batchId, 'reschedule', async (manager, batch) => {
      const programme = await programmeForPlanning(manager, batch.programmeId, false);
      const venue = await manager.findOneBy(DirectoryVenue, { venueCode: batch.venueCode });
      const refusal = classRefusal({
        programme,
        holidays: this.config.holidays,
        venue: venue ?? undefined,
        venueCode: batch.venueCode,
        startDate: dto.startDate,
        today: todayInWib(),
      });
      if (refusal) throw refuse(refusal);
      const classDates = classDatesOf(programme, this.config.holidays, dto.startDate);
      return {
        kind: 'reschedule',
        startDate: dto.startDate,
        endDate: classDates[classDates.length - 1],
        classDates,
        confirmBy: addDays(dto.startDate, -programme.confirmByDaysBeforeStart),
        reason: dto.reason ?? 'rescheduled by an administrator',
      };
    });
  }

  private run(batchId: string, trigger: string, inputOf: (manager: EntityManager, batch: Batch) => Promise<SagaInput>): Promise<void> {
    return this.dataSource.transaction(async (manager) => {
      const batch = await manager.findOneBy(Batch, { id: batchId });
      if (!batch) throw noBatch(batchId);
      const decision = await this.saga.apply(manager, batchId, await inputOf(manager, batch), trigger);
      if (!decision?.applied) throw new Conflict({ field: 'batchId', rule: 'batch-status', message: decision?.note ?? `no batch with id ${batchId}` });
    });
  }
}
