import { setTimeout as sleep } from 'node:timers/promises';
import { EnrollmentConfig } from '../enrollment.config';
import { IdentityAnswer, IdentityCheckPort, IdentityQuery } from './identity-check.port';

/**
 * Stands in for Dukcapil until a real adapter is contracted: answers after IDENTITY_CHECK_STUB_LATENCY_MS,
 * unavailable for the first IDENTITY_CHECK_STUB_UNAVAILABLE_FIRST_CALLS calls after each start, no-match for
 * NIKs whose serial (digits 13-16) is in IDENTITY_CHECK_STUB_NO_MATCH_SERIALS, and match otherwise.
 */
export class StubIdentityCheck extends IdentityCheckPort {
  private readonly noMatchSerials: ReadonlySet<string>;
  private calls = 0;

  constructor(private readonly config: EnrollmentConfig) {
    super();
    this.noMatchSerials = new Set(config.IDENTITY_CHECK_STUB_NO_MATCH_SERIALS.split(',').filter(Boolean));
  }

  async check(query: IdentityQuery): Promise<IdentityAnswer> {
    this.calls += 1;
    const call = this.calls;
    if (this.config.IDENTITY_CHECK_STUB_LATENCY_MS > 0) await sleep(this.config.IDENTITY_CHECK_STUB_LATENCY_MS);
    if (call <= this.config.IDENTITY_CHECK_STUB_UNAVAILABLE_FIRST_CALLS) return { outcome: 'unavailable', reason: `stub: call ${call} set to fail` };
    return this.noMatchSerials.has(query.nik.slice(12)) ? { outcome: 'no-match' } : { outcome: 'match' };
  }
}
