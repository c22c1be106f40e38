import { Principal, Reach } from '@sinergi/contracts';
import { Forbidden } from '../errors';

/** Whose a record is, for the `own` reach: its venue, its instructors, its participant. */
export interface RecordOwners {
  venueCodes?: readonly string[];
  instructorIds?: readonly string[];
  participantId?: string;
}

/** The principal of a request and how far the access table lets it reach in this operation. */
export class Caller {
  constructor(
    readonly principal: Principal | undefined,
    readonly reach: Reach | 'public',
  ) {}

  static anonymous(): Caller {
    return new Caller(undefined, 'public');
  }

  /** Personal data must be masked in what this caller is shown. */
  get masked(): boolean {
    return this.reach === 'masked';
  }

  /** Whether the record is within reach: always unless the reach is `own`, then only the principal's own. */
  reaches(owners: RecordOwners): boolean {
    if (this.reach !== 'own') return true;
    const principal = this.principal;
    if (!principal) return false;
    return (
      (owners.venueCodes ?? []).some((code) => principal.venueCodes.includes(code)) ||
      (principal.instructorId !== undefined && (owners.instructorIds ?? []).includes(principal.instructorId)) ||
      (principal.participantId !== undefined && owners.participantId === principal.participantId)
    );
  }

  /** Forbidden unless the record is within reach; `what` names it in the answer (e.g. `batchId`). */
  assertReaches(owners: RecordOwners, what: string): void {
    if (!this.reaches(owners)) throw new Forbidden({ field: what, rule: 'own-records', message: 'your role reaches only your own records' });
  }
}
