import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { BusinessScale } from '@sinergi/contracts';
import { parseIsoDate, todayInJakarta } from '../calendar';
import { isUniqueViolation } from '../database-errors';
import { nibProblems, normalizePhone, PHONE_RULE } from './contact.rules';
import { Gender, maskNik, nikProblems } from './nik.rules';
import { NikVault } from './nik-vault';
import { RegisterParticipantDto } from './participant.dto';
import { Participant } from './participant.entity';

/** A participant as the API shows them: the NIK only masked. */
export interface ParticipantView {
  id: string;
  maskedNik: string;
  fullName: string;
  birthDate: string;
  gender: Gender;
  phone: string;
  email: string | null;
  provinceCode: string;
  business: { nib: string | null; scale: BusinessScale; sector: string };
  registeredAt: string;
}

@Injectable()
export class ParticipantsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly vault: NikVault,
  ) {}

  async register(dto: RegisterParticipantDto): Promise<ParticipantView> {
    const phone = normalizePhone(dto.phone);
    const problems = [
      ...birthDateProblems(dto.birthDate),
      ...(parseIsoDate(dto.birthDate) ? nikProblems(dto.nik, dto) : []),
      ...(phone ? [] : [PHONE_RULE]),
      ...nibProblems(dto.business.nib),
    ];
    if (problems.length > 0 || !phone) throw new BadRequestException({ message: problems, error: 'Bad Request', statusCode: 400 });

    const id = randomUUID();
    const participant: Participant = {
      id,
      nikCiphertext: this.vault.seal(dto.nik, id),
      nikIndex: this.vault.blindIndex(dto.nik),
      maskedNik: maskNik(dto.nik),
      fullName: dto.fullName,
      birthDate: dto.birthDate,
      gender: dto.gender,
      phone,
      email: dto.email ?? null,
      provinceCode: dto.provinceCode,
      businessNib: dto.business.nib ?? null,
      businessScale: dto.business.scale,
      businessSector: dto.business.sector,
      registeredAt: new Date(),
    };
    try {
      await this.dataSource.getRepository(Participant).insert(participant);
    } catch (error) {
      if (isUniqueViolation(error, 'participants_nik_index')) throw new ConflictException('nik: a participant with this NIK is already registered');
      throw error;
    }
    return viewOf(participant);
  }

  async get(id: string): Promise<ParticipantView> {
    const found = await this.dataSource.getRepository(Participant).findOneBy({ id });
    if (!found) throw new NotFoundException(`no participant with id ${id}`);
    return viewOf(found);
  }
}

function birthDateProblems(birthDate: string): string[] {
  if (!parseIsoDate(birthDate)) return ['birthDate: must be a real date as YYYY-MM-DD'];
  return birthDate < todayInJakarta() ? [] : ['birthDate: must be in the past'];
}

function viewOf(participant: Participant): ParticipantView {
  return {
    id: participant.id,
    maskedNik: participant.maskedNik,
    fullName: participant.fullName,
    birthDate: participant.birthDate,
    gender: participant.gender,
    phone: participant.phone,
    email: participant.email,
    provinceCode: participant.provinceCode,
    business: { nib: participant.businessNib, scale: participant.businessScale, sector: participant.businessSector },
    registeredAt: participant.registeredAt.toISOString(),
  };
}
