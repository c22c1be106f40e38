import type { AgreementView, LaunchProgrammeRequest, ProgrammeView, SignAgreementRequest, TrainingModuleView } from '@sinergi/contracts';
import { expectCreated } from './http';

export const PARTIES: SignAgreementRequest['parties'] = [
  { code: 'KEMNAKER', name: 'Kementerian Ketenagakerjaan', roles: ['venues'] },
  { code: 'KEMENUMKM', name: 'Kementerian Usaha Mikro, Kecil, dan Menengah', roles: ['instructors', 'training-modules'] },
];
export const MODULE = 'KWU-DASAR';
/** Classes cannot start in the past: system tests plan next year's May, the programme's month. */
export const MAY = `${new Date().getUTCFullYear() + 1}-05`;

/**
 * What a programme needs before its classes can be planned: the training module at instructor-module,
 * the MoU and its PKS, and the programme itself (May next year, module KWU-DASAR). Returns the programme id.
 */
export async function signAndLaunch(urls: { program: string; instructors: string }, programme: Partial<LaunchProgrammeRequest>): Promise<string> {
  await expectCreated<TrainingModuleView>('POST', `${urls.instructors}/training-modules`, {
    moduleCode: MODULE,
    title: 'Kewirausahaan Dasar',
    hours: 40,
    ownerPartyCode: 'KEMENUMKM',
  });
  const mou = await expectCreated<AgreementView>('POST', `${urls.program}/agreements`, {
    kind: 'MOU',
    number: 'MOU-E2E',
    title: 'Sinergi Program Pengembangan UMKM',
    signedOn: '2025-03-25',
    parties: PARTIES,
  });
  const pks = await expectCreated<AgreementView>('POST', `${urls.program}/agreements`, {
    kind: 'PKS',
    number: 'PKS-E2E',
    title: 'Pelatihan kewirausahaan Mei 2025',
    signedOn: '2025-04-10',
    parentAgreementId: mou.id,
    participantCeiling: 10_000,
    parties: PARTIES,
  });
  const launched = await expectCreated<ProgrammeView>('POST', `${urls.program}/programmes`, {
    agreementId: pks.id,
    name: 'Pelatihan Kewirausahaan Mei',
    periodStart: `${MAY}-01`,
    periodEnd: `${MAY}-31`,
    targetParticipants: 5_000,
    participantCeiling: 10_000,
    prioritySegments: ['micro', 'small'],
    moduleCode: MODULE,
    ...programme,
  });
  return launched.id;
}
