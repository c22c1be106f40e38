import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import {
  ContactCard,
  InstructorDetailView,
  dayCount,
  instructorContactChangedEvent,
  instructorRegisteredEvent,
  instructorUpdatedEvent,
  InstructorPage,
  InstructorView,
  InstructorUpsertedRecord,
  seal,
  SealKey,
  sealKeyFrom,
} from '@sinergi/contracts';
import { Outbox } from '@sinergi/messaging';
import { Caller, Conflict, Forbidden, InvalidInput, isUniqueViolation, keysetPage, maskEmail, maskName, maskPhone, NotFound } from '@sinergi/platform';
import { FindInstructorsQuery, InstructorDetailsDto, RegisterInstructorDto, UnavailabilityDto } from './instructor.dto';
import { InstructorModuleConfig } from '../instructor-module.config';
import { Instructor, InstructorUnavailableDay, UnavailabilitySource } from './instructor.entity';
import { normalizePhone, profileOf } from './instructor.rules';

const MAX_UNAVAILABILITY_DAYS = 366;

type Details = Pick<Instructor, 'fullName' | 'email' | 'phone' | 'homeProvinceCode' | 'competencies' | 'maxClassesPerPeriod' | 'active'>;

@Injectable()
export class InstructorsService {
  private readonly sealKey: SealKey;

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    config: InstructorModuleConfig,
  ) {
    this.sealKey = sealKeyFrom(config.CONTACT_SEAL_KEY);
  }

  async register(dto: RegisterInstructorDto): Promise<InstructorDetailView> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const instructor = await this.save(manager, null, dto.externalRef, detailsOf(dto));
        return this.detailOf(manager, instructor);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new Conflict({ field: 'externalRef', rule: 'unique', message: 'an instructor with this KemenUMKM id is already registered' });
      throw error;
    }
  }

  /** An instructor updating their own record may change their contact details only; the rest is KemenUMKM's decision. */
  update(id: string, dto: InstructorDetailsDto, caller: Caller): Promise<InstructorDetailView> {
    caller.assertReaches({ instructorIds: [id] }, 'id');
    return this.dataSource.transaction(async (manager) => {
      const current = await lockInstructor(manager, id);
      if (caller.reach === 'own') assertOnlyContactChanged(current, dto);
      const instructor = await this.save(manager, current, current.externalRef, detailsOf(dto));
      return this.detailOf(manager, instructor);
    });
  }

  /** Applies a checked KemenUMKM roster record: registers or updates by externalRef, and replaces its roster days. */
  async applyRecord(manager: EntityManager, record: InstructorUpsertedRecord): Promise<void> {
    const current = await manager.findOne(Instructor, { where: { externalRef: record.externalRef }, lock: { mode: 'pessimistic_write' } });
    const instructor = await this.save(manager, current, record.externalRef, detailsOf(record));
    await manager.delete(InstructorUnavailableDay, { instructorId: instructor.id, source: 'roster' });
    await insertDays(manager, instructor.id, record.unavailableDays ?? [], 'roster');
  }

  /** Marks the days from..to unavailable; refused while the instructor teaches a class on any of them. */
  addUnavailability(id: string, { from, to }: UnavailabilityDto, caller: Caller): Promise<InstructorDetailView> {
    caller.assertReaches({ instructorIds: [id] }, 'id');
    const days = dayCount({ from, to });
    if (days < 1) throw new InvalidInput({ field: 'to', rule: 'not-before-from', message: 'to must not be before from' });
    if (days > MAX_UNAVAILABILITY_DAYS) {
      throw new InvalidInput({ field: 'to', rule: 'max-range', message: `to must be at most ${MAX_UNAVAILABILITY_DAYS} days after from` });
    }
    return this.dataSource.transaction(async (manager) => {
      const instructor = await lockInstructor(manager, id);
      const clashes: Array<{ id: string; batch_id: string }> = await manager.query(
        `SELECT id, batch_id FROM assignments
          WHERE instructor_id = $1 AND status = 'active' AND daterange(start_date, end_date, '[]') && daterange($2, $3, '[]')`,
        [id, from, to],
      );
      if (clashes.length > 0) {
        throw new Conflict({
          field: 'from',
          rule: 'no-assignment-clash',
          message: `the instructor is assigned to batch ${clashes[0].batch_id} on those days; withdraw assignment ${clashes[0].id} first`,
        });
      }
      await manager.query(
        `INSERT INTO instructor_unavailable_days (instructor_id, day, source)
         SELECT $1, day::date, 'admin' FROM generate_series($2::date, $3::date, interval '1 day') AS day
         ON CONFLICT DO NOTHING`,
        [id, from, to],
      );
      return this.detailOf(manager, instructor);
    });
  }

  /** An instructor reaches only their own record; a `masked` caller sees name, phone and e-mail masked. */
  async get(id: string, caller: Caller): Promise<InstructorDetailView> {
    caller.assertReaches({ instructorIds: [id] }, 'id');
    const instructor = await this.dataSource.getRepository(Instructor).findOneBy({ id });
    if (!instructor) throw noInstructor(id);
    const detail = await this.detailOf(this.dataSource.manager, instructor);
    return caller.masked ? { ...detail, ...maskedPersonalData(detail) } : detail;
  }

  /** Ordered by externalRef, id. Contact details are masked in lists; a `masked` caller sees names masked too. */
  async find(query: FindInstructorsQuery, caller: Caller): Promise<InstructorPage> {
    const builder = this.dataSource.getRepository(Instructor).createQueryBuilder('instructor');
    if (query.moduleCode) builder.andWhere(':moduleCode = ANY(instructor.competencies)', { moduleCode: query.moduleCode });
    if (query.provinceCode) builder.andWhere('instructor.homeProvinceCode = :provinceCode', { provinceCode: query.provinceCode });
    const order = { columns: ['instructor.externalRef', 'instructor.id'], keyOf: (row: Instructor) => [row.externalRef, row.id] };
    return keysetPage(builder, query, order, (instructor) => {
      const view = viewOf(instructor);
      const masked = maskedPersonalData(view);
      return { ...view, email: masked.email, phone: masked.phone, ...(caller.masked ? { fullName: masked.fullName } : {}) };
    });
  }

  private async save(manager: EntityManager, current: Instructor | null, externalRef: string, details: Details): Promise<Instructor> {
    const instructor = manager.create(Instructor, { id: current?.id ?? randomUUID(), externalRef, ...details });
    if (current) await manager.update(Instructor, { id: current.id }, details);
    else await manager.insert(Instructor, instructor);
    const event = current ? instructorUpdatedEvent : instructorRegisteredEvent;
    await this.outbox.append(manager, event.with(instructor.id, profileOf(instructor)));
    if (!current || contactChanged(current, details)) await this.publishContactCard(manager, instructor);
    return instructor;
  }

  /** Notification learns how to reach the instructor only through this sealed card. */
  private async publishContactCard(manager: EntityManager, instructor: Instructor): Promise<void> {
    const card: ContactCard = {
      fullName: instructor.fullName,
      ...(instructor.phone && { phone: instructor.phone }),
      ...(instructor.email && { email: instructor.email }),
    };
    await this.outbox.append(
      manager,
      instructorContactChangedEvent.with(instructor.id, {
        instructorId: instructor.id,
        language: 'id',
        contact: seal(card, this.sealKey, instructor.id),
      }),
    );
  }

  private async detailOf(manager: EntityManager, instructor: Instructor): Promise<InstructorDetailView> {
    const rows: Array<{ day: string }> = await manager.query(
      'SELECT DISTINCT day::text AS day FROM instructor_unavailable_days WHERE instructor_id = $1 ORDER BY day',
      [instructor.id],
    );
    return { ...viewOf(instructor), unavailableDays: rows.map((row) => row.day) };
  }
}

async function lockInstructor(manager: EntityManager, id: string): Promise<Instructor> {
  const instructor = await manager.findOne(Instructor, { where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!instructor) throw noInstructor(id);
  return instructor;
}

function noInstructor(id: string): NotFound {
  return new NotFound({ field: 'id', rule: 'exists', message: `no instructor with id ${id}` });
}

function contactChanged(current: Instructor, details: Details): boolean {
  return current.fullName !== details.fullName || current.email !== details.email || current.phone !== details.phone;
}

function detailsOf(source: InstructorDetailsDto): Details {
  return {
    fullName: source.fullName,
    email: source.email ?? null,
    phone: source.phone ? normalizePhone(source.phone) : null,
    homeProvinceCode: source.homeProvinceCode,
    competencies: [...source.competencies].sort(),
    maxClassesPerPeriod: source.maxClassesPerPeriod,
    active: source.active,
  };
}

function viewOf(instructor: Instructor): InstructorView {
  return {
    id: instructor.id,
    externalRef: instructor.externalRef,
    fullName: instructor.fullName,
    email: instructor.email,
    phone: instructor.phone,
    homeProvinceCode: instructor.homeProvinceCode,
    competencies: instructor.competencies,
    maxClassesPerPeriod: instructor.maxClassesPerPeriod,
    active: instructor.active,
  };
}

async function insertDays(manager: EntityManager, instructorId: string, days: string[], source: UnavailabilitySource): Promise<void> {
  if (days.length === 0) return;
  await manager.insert(
    InstructorUnavailableDay,
    days.map((day) => ({ instructorId, day, source })),
  );
}

function maskedPersonalData(view: InstructorView): Pick<InstructorView, 'fullName' | 'email' | 'phone'> {
  return { fullName: maskName(view.fullName), email: view.email && maskEmail(view.email), phone: view.phone && maskPhone(view.phone) };
}

function assertOnlyContactChanged(current: Instructor, dto: InstructorDetailsDto): void {
  const sameCompetencies = [...current.competencies].sort().join() === [...dto.competencies].sort().join();
  if (!sameCompetencies || current.maxClassesPerPeriod !== dto.maxClassesPerPeriod || current.active !== dto.active) {
    throw new Forbidden({
      field: !sameCompetencies ? 'competencies' : current.maxClassesPerPeriod !== dto.maxClassesPerPeriod ? 'maxClassesPerPeriod' : 'active',
      rule: 'kemenumkm-decides',
      message: 'competencies, maxClassesPerPeriod and active are decided by KemenUMKM; you may change your contact details and unavailability',
    });
  }
}
