import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AgreementSigned, agreementSignedEvent } from '@sinergi/contracts';
import { Outbox } from '@sinergi/messaging';
import { Agreement } from './agreement.entity';
import { SignAgreementDto } from './sign-agreement.dto';

const UNIQUE_VIOLATION = '23505';

@Injectable()
export class AgreementsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  /** Records a signed agreement and its AgreementSigned event in one transaction. */
  async sign(dto: SignAgreementDto): Promise<Agreement> {
    if (dto.validUntil && dto.validUntil < dto.signedOn) {
      throw new BadRequestException('validUntil must not be before signedOn');
    }
    try {
      return await this.dataSource.transaction(async (manager) => {
        if (dto.kind === 'PKS') await requireMou(manager, dto.parentAgreementId as string);
        const agreement = manager.create(Agreement, {
          id: randomUUID(),
          kind: dto.kind,
          number: dto.number,
          title: dto.title,
          signedOn: dto.signedOn,
          validUntil: dto.validUntil ?? null,
          parentAgreementId: dto.kind === 'PKS' ? (dto.parentAgreementId as string) : null,
          parties: dto.parties,
          status: 'signed',
        });
        await manager.insert(Agreement, agreement);
        await this.outbox.append(manager, { type: agreementSignedEvent.type, subject: agreement.id, data: toEvent(agreement) });
        return agreement;
      });
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) {
        throw new ConflictException(`number: an agreement numbered ${dto.number} already exists`);
      }
      throw error;
    }
  }

  async get(id: string): Promise<Agreement> {
    const agreement = await this.dataSource.getRepository(Agreement).findOneBy({ id });
    if (!agreement) throw new NotFoundException(`no agreement with id ${id}`);
    return agreement;
  }

  list(): Promise<Agreement[]> {
    return this.dataSource.getRepository(Agreement).find({ order: { signedOn: 'ASC', number: 'ASC' } });
  }

}

async function requireMou(manager: EntityManager, id: string): Promise<void> {
  const parent = await manager.findOneBy(Agreement, { id });
  if (!parent || parent.kind !== 'MOU') {
    throw new BadRequestException('parentAgreementId: a PKS must name an existing MoU');
  }
}

function toEvent(agreement: Agreement): AgreementSigned {
  return {
    agreementId: agreement.id,
    kind: agreement.kind,
    number: agreement.number,
    title: agreement.title,
    signedOn: agreement.signedOn,
    ...(agreement.validUntil ? { validUntil: agreement.validUntil } : {}),
    ...(agreement.parentAgreementId ? { parentAgreementId: agreement.parentAgreementId } : {}),
    parties: agreement.parties,
  };
}
