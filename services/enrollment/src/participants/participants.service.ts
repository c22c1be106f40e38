import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { BusinessScale, EnrollmentView, FieldError, Page, PageParams, parseCivilDate, ParticipantLookupView, ParticipantView, todayInWib } from '@sinergi/contracts';
import { Outbox, StateChange } from '@sinergi/messaging';
import { Conflict, InvalidInput, keysetPage, maskEmail, maskName, maskPhone, NotFound } from '@sinergi/platform';
import { Enrollment } from '../enrollments/enrollment.entity';
import { insertStatement, selectEntities } from '../sql-columns';
import { enrollmentView } from '../enrollments/enrollment.views';
import { ContactCards } from './contact-card.service';
import { nibProblems, normalizePhone, PHONE_RULE } from './contact.rules';
import { maskNik, nikProblems } from './nik.rules';
import { NikVault } from './nik-vault.service';
import { RegisterParticipantDto } from './participant.dto';
import { Participant } from './participant.entity';

const NIK_REGISTERED = { field: 'nik', rule: 'unique', message: 'a participant with this NIK is already registered' };

/** What registration needs, from the HTTP API or a nomination record. */
export type Registration = Omit<RegisterParticipantDto, 'business'> & { business: { nib?: string; scale: BusinessScale; sector: string } };

@Injectable()
export class ParticipantsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly vault: NikVault,
    private readonly outbox: Outbox,
    private readonly contactCards: ContactCards,
  ) {}

  /**
   * Registers one participant in one statement, no transaction around it: registration is half of every surge, and
   * this is registerIn's work (participant, identity-check job, contact card) in one round trip instead of four.
   */
  async register(dto: RegisterParticipantDto): Promise<ParticipantView> {
    const participant = this.newParticipant(dto);
    const registered = await this.outbox.appendIfChanged(this.dataSource.manager, this.registration([participant]), this.contactCards.changed(participant));
    if (!registered) throw new Conflict(NIK_REGISTERED);
    return viewOf(participant);
  }

  /**
   * Registers in the caller's transaction: the participant, the identity-check job (Dukcapil answers later) and the
   * sealed contact card for notification. InvalidInput lists every problem; Conflict when the NIK is registered.
   */
  async registerIn(manager: EntityManager, registration: Registration): Promise<Participant> {
    const participant = this.newParticipant(registration);
    if ((await this.insertAll(manager, [participant])) === 0) throw new Conflict(NIK_REGISTERED);
    return participant;
  }

  /**
   * Registers every one in one statement, as registerIn does each (every registration valid, see newParticipant), or
   * none and false when some NIK is registered already: the statement's other rows stay written until the caller
   * rolls back (a savepoint), so that the caller can go on one by one.
   */
  async registerAllIn(manager: EntityManager, participants: Participant[]): Promise<boolean> {
    return participants.length === 0 || (await this.insertAll(manager, participants)) === participants.length;
  }

  /** The participant a registration makes, its NIK sealed; InvalidInput lists every problem of the registration. */
  newParticipant(registration: Registration): Participant {
    const phone = normalizePhone(registration.phone);
    const problems = [
      ...birthDateProblems(registration.birthDate),
      ...(parseCivilDate(registration.birthDate) ? nikProblems(registration.nik, registration) : []),
      ...(phone ? [] : [PHONE_RULE]),
      ...nibProblems(registration.business.nib),
    ];
    if (problems.length > 0 || !phone) throw new InvalidInput(problems);
    const id = randomUUID();
    return {
      id,
      nikCiphertext: this.vault.seal(registration.nik, id),
      nikIndex: this.vault.blindIndex(registration.nik),
      maskedNik: maskNik(registration.nik),
      fullName: registration.fullName,
      birthDate: registration.birthDate,
      gender: registration.gender,
      phone,
      email: registration.email ?? null,
      provinceCode: registration.provinceCode,
      businessNib: registration.business.nib ?? null,
      businessScale: registration.business.scale,
      businessSector: registration.business.sector,
      registeredAt: new Date(),
      language: registration.language ?? 'id',
      identityStatus: 'pending',
      identityCheckedAt: null,
    };
  }

  /**
   * The participants whose NIK is not registered yet, each with its identity-check job and contact card; how many.
   * ON CONFLICT rather than catching the unique violation: no savepoint, which matters when nominations register
   * thousands in one transaction.
   */
  private async insertAll(manager: EntityManager, participants: Participant[]): Promise<number> {
    const registration = this.registration(participants);
    const jobs = await manager.query<Array<{ participant_id: string }>>(`WITH ${registration.with} ${registration.sql}`, registration.parameters);
    const registered = new Set(jobs.map((job) => job.participant_id));
    const cards = participants.filter((participant) => registered.has(participant.id)).map((participant) => this.contactCards.changed(participant));
    if (cards.length > 0) await this.outbox.append(manager, ...cards);
    return registered.size;
  }

  /** The participants whose NIK is not registered yet, and their identity-check jobs; it returns the jobs' participant ids. */
  private registration(participants: Participant[]): Required<StateChange> {
    const [insertParticipants, parameters] = insertStatement(this.dataSource.manager, Participant, participants, 'ON CONFLICT DO NOTHING RETURNING id');
    return {
      with: `registered AS (${insertParticipants})`,
      sql: 'INSERT INTO identity_checks (participant_id) SELECT id FROM registered RETURNING participant_id',
      parameters,
    };
  }

  /** The participant registered with this NIK, found by its blind index. */
  findByNik(manager: EntityManager, nik: string): Promise<Participant | null> {
    return manager.findOneBy(Participant, { nikIndex: this.vault.blindIndex(nik) });
  }

  /** The participants registered with these NIKs, by NIK. */
  async findAllByNik(manager: EntityManager, niks: string[]): Promise<Map<string, Participant>> {
    const indexes = new Map(niks.map((nik) => [this.vault.blindIndex(nik).toString('hex'), nik]));
    const found = await selectEntities(manager, Participant, 'nik_index = ANY($1::bytea[])', [[...indexes.keys()].map((hex) => Buffer.from(hex, 'hex'))]);
    return new Map(found.map((participant) => [indexes.get(participant.nikIndex.toString('hex')) as string, participant]));
  }

  /**
   * The participant who registered this phone (any form normalizePhone reads) or e-mail (case aside). Contacts are
   * not unique at registration: when several participants share one, the earliest registered is the one who signs in.
   */
  async lookup(identifier: string): Promise<ParticipantLookupView> {
    const trimmed = identifier.trim();
    const phone = trimmed.includes('@') ? undefined : normalizePhone(trimmed);
    const query = this.dataSource.getRepository(Participant).createQueryBuilder('p').select('p.id', 'id').orderBy('p.registered_at').limit(1);
    if (phone) query.where('p.phone = :phone', { phone });
    else if (trimmed.includes('@')) query.where('lower(p.email) = lower(:email)', { email: trimmed });
    else throw new InvalidInput([{ field: 'identifier', rule: 'phone-or-email', message: 'must be an Indonesian mobile number or an e-mail address' }]);
    const found = await query.getRawOne<{ id: string }>();
    if (!found) throw new NotFound({ field: 'identifier', rule: 'registered', message: 'no participant registered this phone or e-mail' });
    return { participantId: found.id };
  }

  /** `masked`: the name, phone and e-mail masked too (the NIK is always masked). */
  async get(id: string, masked = false): Promise<ParticipantView> {
    const found = await this.dataSource.getRepository(Participant).findOneBy({ id });
    if (!found) throw new NotFound({ field: 'id', rule: 'exists', message: `no participant with id ${id}` });
    const view = viewOf(found);
    return masked ? { ...view, fullName: maskName(view.fullName), phone: maskPhone(view.phone), email: view.email && maskEmail(view.email) } : view;
  }

  /** A participant's enrollments, a page at a time, oldest submission first (then by id). */
  enrollmentsOf(participantId: string, page: PageParams): Promise<Page<EnrollmentView>> {
    const rows = this.dataSource.getRepository(Enrollment).createQueryBuilder('enrollment').where('enrollment.participantId = :participantId', { participantId });
    // submitted_at may hold microseconds, a cursor only the milliseconds a Date keeps: order by what the cursor can say.
    const submittedAt = "date_trunc('milliseconds', enrollment.submitted_at)";
    return keysetPage(rows, page, { columns: [submittedAt, 'enrollment.id'], keyOf: (row) => [row.submittedAt.toISOString(), row.id] }, enrollmentView);
  }
}

function birthDateProblems(birthDate: string): FieldError[] {
  if (!parseCivilDate(birthDate)) return [{ field: 'birthDate', rule: 'isCivilDate', message: 'must be a real date as YYYY-MM-DD' }];
  return birthDate < todayInWib() ? [] : [{ field: 'birthDate', rule: 'in-past', message: 'must be in the past' }];
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
    language: participant.language,
    identityStatus: participant.identityStatus,
    registeredAt: participant.registeredAt.toISOString(),
  };
}
