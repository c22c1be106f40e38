import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { agreementAmendedEvent, agreementEndedEvent, AgreementPage, AgreementSigned, agreementSignedEvent, PageParams } from '@sinergi/contracts';
import { Outbox } from '@sinergi/messaging';
import { Conflict, InvalidInput, isUniqueViolation, keysetPage, NotFound } from '@sinergi/platform';
import { Agreement } from './agreement.entity';
import { agreementView } from './agreement.views';
import { AmendAgreementDto, EndAgreementDto } from './amend-agreement.dto';
import { SignAgreementDto } from './sign-agreement.dto';

@Injectable()
export class AgreementsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  /** Records a signed agreement and its AgreementSigned event in one transaction. */
  async sign(dto: SignAgreementDto): Promise<Agreement> {
    if (dto.validUntil && dto.validUntil < dto.signedOn) {
      throw validUntilBeforeSignedOn();
    }
    try {
      return await this.dataSource.transaction(async (manager) => {
        if (dto.kind === 'PKS') await requireLiveMou(manager, dto.parentAgreementId as string);
        const agreement = manager.create(Agreement, {
          id: randomUUID(),
          kind: dto.kind,
          number: dto.number,
          title: dto.title,
          signedOn: dto.signedOn,
          validUntil: dto.validUntil ?? null,
          parentAgreementId: dto.kind === 'PKS' ? (dto.parentAgreementId as string) : null,
          participantCeiling: dto.participantCeiling ?? null,
          parties: dto.parties,
          status: 'signed',
          endedOn: null,
        });
        await manager.insert(Agreement, agreement);
        await this.outbox.append(manager, agreementSignedEvent.with(agreement.id, toSignedEvent(agreement)));
        return agreement;
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new Conflict({ field: 'number', rule: 'unique', message: `an agreement numbered ${dto.number} already exists` });
      }
      throw error;
    }
  }

  /** Changes the end date or the participant ceiling; a ceiling never drops below what its programmes already hold. */
  amend(id: string, dto: AmendAgreementDto): Promise<Agreement> {
    if (dto.validUntil === undefined && dto.participantCeiling === undefined) {
      throw new InvalidInput({ field: 'body', rule: 'changes-something', message: 'an amendment must change validUntil or participantCeiling' });
    }
    return this.dataSource.transaction(async (manager) => {
      const agreement = await lockLiveAgreement(manager, id);
      if (dto.validUntil && dto.validUntil < agreement.signedOn) throw validUntilBeforeSignedOn();
      if (dto.participantCeiling !== undefined) {
        const held = await programmeCeilingsUnder(manager, id);
        if (dto.participantCeiling < held) {
          throw new Conflict({ field: 'participantCeiling', rule: 'not-below-programmes', message: `its programmes already hold ${held} participants; it cannot be lower` });
        }
        agreement.participantCeiling = dto.participantCeiling;
      }
      if (dto.validUntil) agreement.validUntil = dto.validUntil;
      await manager.save(agreement);
      await this.outbox.append(
        manager,
        agreementAmendedEvent.with(id, {
          agreementId: id,
          amendedOn: dto.amendedOn,
          reason: dto.reason,
          ...(dto.validUntil ? { validUntil: dto.validUntil } : {}),
          ...(dto.participantCeiling !== undefined ? { participantCeiling: dto.participantCeiling } : {}),
        }),
      );
      return agreement;
    });
  }

  end(id: string, dto: EndAgreementDto): Promise<Agreement> {
    return this.dataSource.transaction(async (manager) => {
      const agreement = await lockLiveAgreement(manager, id);
      if (dto.endedOn < agreement.signedOn) throw new InvalidInput({ field: 'endedOn', rule: 'not-before-signed-on', message: 'endedOn must not be before signedOn' });
      agreement.status = 'ended';
      agreement.endedOn = dto.endedOn;
      await manager.save(agreement);
      await this.outbox.append(manager, agreementEndedEvent.with(id, { agreementId: id, endedOn: dto.endedOn, reason: dto.reason }));
      return agreement;
    });
  }

  async get(id: string): Promise<Agreement> {
    const agreement = await this.dataSource.getRepository(Agreement).findOneBy({ id });
    if (!agreement) throw noAgreement('id', id);
    return agreement;
  }

  /** Ordered by signedOn, id. */
  list(params: PageParams): Promise<AgreementPage> {
    const query = this.dataSource.getRepository(Agreement).createQueryBuilder('agreement');
    return keysetPage(query, params, { columns: ['agreement.signedOn', 'agreement.id'], keyOf: (row) => [row.signedOn, row.id] }, agreementView);
  }
}

async function requireLiveMou(manager: EntityManager, id: string): Promise<void> {
  const parent = await manager.findOneBy(Agreement, { id });
  if (!parent || parent.kind !== 'MOU' || parent.status !== 'signed') {
    throw new InvalidInput({ field: 'parentAgreementId', rule: 'live-mou', message: 'a PKS must name an existing MoU that has not ended' });
  }
}

/** The agreement, locked for this transaction; refuses one that does not exist or has ended. */
export async function lockLiveAgreement(manager: EntityManager, id: string, field = 'id'): Promise<Agreement> {
  const agreement = await manager.findOne(Agreement, { where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!agreement) throw noAgreement(field, id);
  if (agreement.status === 'ended') throw new Conflict({ field, rule: 'agreement-live', message: `agreement ${agreement.number} has ended` });
  return agreement;
}

export async function programmeCeilingsUnder(manager: EntityManager, agreementId: string, exceptProgrammeId?: string): Promise<number> {
  const [{ total }] = await manager.query(
    'SELECT coalesce(sum(participant_ceiling), 0)::int AS total FROM programmes WHERE agreement_id = $1 AND id IS DISTINCT FROM $2',
    [agreementId, exceptProgrammeId ?? null],
  );
  return total;
}

function toSignedEvent(agreement: Agreement): AgreementSigned {
  return {
    agreementId: agreement.id,
    kind: agreement.kind,
    number: agreement.number,
    title: agreement.title,
    signedOn: agreement.signedOn,
    ...(agreement.validUntil ? { validUntil: agreement.validUntil } : {}),
    ...(agreement.parentAgreementId ? { parentAgreementId: agreement.parentAgreementId } : {}),
    ...(agreement.participantCeiling ? { participantCeiling: agreement.participantCeiling } : {}),
    parties: agreement.parties,
  };
}

function validUntilBeforeSignedOn(): InvalidInput {
  return new InvalidInput({ field: 'validUntil', rule: 'not-before-signed-on', message: 'validUntil must not be before signedOn' });
}

function noAgreement(field: string, id: string): NotFound {
  return new NotFound({ field, rule: 'exists', message: `no agreement with id ${id}` });
}
