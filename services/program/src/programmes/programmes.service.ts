import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { PageParams, programmeAmendedEvent, ProgrammeLaunched, programmeLaunchedEvent, ProgrammePage } from '@sinergi/contracts';
import { Outbox } from '@sinergi/messaging';
import { InvalidInput, keysetPage, NotFound, RuleBroken } from '@sinergi/platform';
import { lockLiveAgreement, programmeCeilingsUnder } from '../agreements/agreements.service';
import { AmendProgrammeDto, LaunchProgrammeDto } from './launch-programme.dto';
import { Programme } from './programme.entity';
import { programmeView } from './programme.views';
import { amendmentProblem, programmeProblem } from './programme.rules';

@Injectable()
export class ProgrammesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  /** Launches a programme under a PKS; the agreement row is locked so programmes launched together cannot overshoot its ceiling. */
  launch(dto: LaunchProgrammeDto): Promise<Programme> {
    return this.dataSource.transaction(async (manager) => {
      const agreement = await lockLiveAgreement(manager, dto.agreementId, 'agreementId');
      const problem = programmeProblem(agreement, dto, await programmeCeilingsUnder(manager, agreement.id));
      if (problem) throw new RuleBroken(problem);
      const programme = manager.create(Programme, { id: randomUUID(), ...dto });
      await manager.insert(Programme, programme);
      await this.outbox.append(manager, programmeLaunchedEvent.with(programme.id, toLaunchedEvent(programme)));
      return programme;
    });
  }

  /** Raises the target or the ceiling; refused past what the agreement allows. */
  amend(id: string, dto: AmendProgrammeDto): Promise<Programme> {
    if (dto.targetParticipants === undefined && dto.participantCeiling === undefined) {
      throw new InvalidInput({ field: 'body', rule: 'changes-something', message: 'an amendment must change targetParticipants or participantCeiling' });
    }
    return this.dataSource.transaction(async (manager) => {
      const unlocked = await manager.findOneBy(Programme, { id });
      if (!unlocked) throw noProgramme(id);
      const agreement = await lockLiveAgreement(manager, unlocked.agreementId, 'agreementId');
      const programme = (await manager.findOne(Programme, { where: { id }, lock: { mode: 'pessimistic_write' } })) as Programme;
      const next = {
        targetParticipants: dto.targetParticipants ?? programme.targetParticipants,
        participantCeiling: dto.participantCeiling ?? programme.participantCeiling,
      };
      const problem =
        amendmentProblem(programme, next) ??
        programmeProblem(agreement, { ...programme, ...next }, await programmeCeilingsUnder(manager, agreement.id, programme.id));
      if (problem) throw new RuleBroken(problem);
      Object.assign(programme, next);
      await manager.save(programme);
      await this.outbox.append(
        manager,
        programmeAmendedEvent.with(programme.id, { programmeId: programme.id, ...next, reason: dto.reason }),
      );
      return programme;
    });
  }

  async get(id: string): Promise<Programme> {
    const programme = await this.dataSource.getRepository(Programme).findOneBy({ id });
    if (!programme) throw noProgramme(id);
    return programme;
  }

  /** Ordered by periodStart, id. */
  list(params: PageParams): Promise<ProgrammePage> {
    const query = this.dataSource.getRepository(Programme).createQueryBuilder('programme');
    return keysetPage(query, params, { columns: ['programme.periodStart', 'programme.id'], keyOf: (row) => [row.periodStart, row.id] }, programmeView);
  }
}

function toLaunchedEvent(programme: Programme): ProgrammeLaunched {
  return {
    programmeId: programme.id,
    agreementId: programme.agreementId,
    name: programme.name,
    periodStart: programme.periodStart,
    periodEnd: programme.periodEnd,
    targetParticipants: programme.targetParticipants,
    participantCeiling: programme.participantCeiling,
    prioritySegments: programme.prioritySegments,
    selectionPolicy: programme.selectionPolicy,
    moduleCode: programme.moduleCode,
    classDays: programme.classDays,
    teachingWeekdays: programme.teachingWeekdays,
    classSize: programme.classSize,
    reservesPerClass: programme.reservesPerClass,
    minimumQuorum: programme.minimumQuorum,
    confirmByDaysBeforeStart: programme.confirmByDaysBeforeStart,
  };
}

function noProgramme(id: string): NotFound {
  return new NotFound({ field: 'id', rule: 'exists', message: `no programme with id ${id}` });
}
