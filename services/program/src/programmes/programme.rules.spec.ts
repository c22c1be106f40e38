import type { Agreement } from '../agreements/agreement.entity';
import { amendmentProblem, programmeProblem } from './programme.rules';

const pks = { kind: 'PKS', signedOn: '2025-04-10', validUntil: '2025-12-31', participantCeiling: 10_000 } as Agreement;
const limits = { targetParticipants: 5_000, participantCeiling: 10_000, minimumQuorum: 10, classSize: 16, periodStart: '2025-05-01', periodEnd: '2025-05-31' };

describe('programmeProblem', () => {
  it('accepts a programme that fits its PKS', () => {
    expect(programmeProblem(pks, limits, 0)).toBeNull();
  });

  it('names the rule a programme breaks', () => {
    expect(programmeProblem({ ...pks, kind: 'MOU' } as Agreement, limits, 0)).toEqual({ field: 'agreementId', rule: 'pks', message: 'a programme runs under a PKS, not an MoU' });
    expect(programmeProblem(pks, { ...limits, periodStart: '2025-04-01' }, 0)).toMatchObject({ field: 'periodStart', rule: 'within-agreement' });
    expect(programmeProblem(pks, { ...limits, periodEnd: '2026-01-31' }, 0)).toEqual({ field: 'periodEnd', rule: 'within-agreement', message: 'periodEnd must not be after the PKS ends (2025-12-31)' });
    expect(programmeProblem(pks, { ...limits, participantCeiling: 4_000 }, 0)).toMatchObject({ field: 'participantCeiling', rule: 'at-least-target' });
    expect(programmeProblem(pks, { ...limits, minimumQuorum: 17 }, 0)).toMatchObject({ field: 'minimumQuorum', rule: 'at-most-class-size' });
    expect(programmeProblem(pks, limits, 1)).toEqual({
      field: 'participantCeiling',
      rule: 'agreement-ceiling',
      message: 'the PKS allows 10000 participants and 9999 are left for this programme',
    });
  });

  it('has no ceiling to enforce when the PKS sets none', () => {
    expect(programmeProblem({ ...pks, participantCeiling: null } as Agreement, limits, 1_000_000)).toBeNull();
  });
});

describe('amendmentProblem', () => {
  it('only lets targets and ceilings go up', () => {
    const current = { targetParticipants: 5_000, participantCeiling: 10_000 };
    expect(amendmentProblem(current, { targetParticipants: 6_000, participantCeiling: 10_000 })).toBeNull();
    expect(amendmentProblem(current, { targetParticipants: 4_000, participantCeiling: 10_000 })).toMatchObject({ field: 'targetParticipants', rule: 'only-raised' });
    expect(amendmentProblem(current, { targetParticipants: 5_000, participantCeiling: 9_000 })).toMatchObject({ field: 'participantCeiling', rule: 'only-raised' });
  });
});
