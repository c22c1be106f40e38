/**
 * Sample data for `npm start`: the May 2025 programme's agreements, the national training
 * centres the programme named (BBPVP/BPVP) and sample instructors. Every venue is marked
 * `sample: true` and every name that is not public is invented ("Contoh").
 */
type Log = (line: string) => void;
/** The Authorization header for a call to one of the services at a URL. */
export type Authorize = (url: string) => Promise<Record<string, string>>;

interface Urls {
  program: string;
  venueCapacity: string;
  instructorModule: string;
}

const PARTIES = [
  { code: 'KEMNAKER', name: 'Kementerian Ketenagakerjaan', roles: ['venues'] },
  { code: 'KEMENUMKM', name: 'Kementerian Usaha Mikro, Kecil, dan Menengah', roles: ['instructors', 'training-modules', 'participants'] },
];

const MODULE = { moduleCode: 'KWU-DASAR', title: 'Kewirausahaan Dasar bagi Usaha Mikro dan Kecil (contoh)', hours: 40, ownerPartyCode: 'KEMENUMKM' };

const CENTRES = [
  { venueCode: 'BBPVP-MEDAN', name: 'BBPVP Medan', kind: 'BBPVP', provinceCode: '12', city: 'Kota Medan' },
  { venueCode: 'BBPVP-SERANG', name: 'BBPVP Serang', kind: 'BBPVP', provinceCode: '36', city: 'Kota Serang' },
  { venueCode: 'BBPVP-BEKASI', name: 'BBPVP Bekasi', kind: 'BBPVP', provinceCode: '32', city: 'Kabupaten Bekasi' },
  { venueCode: 'BBPVP-BANDUNG', name: 'BBPVP Bandung', kind: 'BBPVP', provinceCode: '32', city: 'Kota Bandung' },
  { venueCode: 'BBPVP-SEMARANG', name: 'BBPVP Semarang', kind: 'BBPVP', provinceCode: '33', city: 'Kota Semarang' },
  { venueCode: 'BBPVP-MAKASSAR', name: 'BBPVP Makassar', kind: 'BBPVP', provinceCode: '73', city: 'Kota Makassar' },
  { venueCode: 'BPVP-KENDARI', name: 'BPVP Kendari', kind: 'BPVP', provinceCode: '74', city: 'Kota Kendari' },
  { venueCode: 'BPVP-LOMBOK-TIMUR', name: 'BPVP Lombok Timur', kind: 'BPVP', provinceCode: '52', city: 'Kabupaten Lombok Timur' },
  { venueCode: 'BPVP-BANYUWANGI', name: 'BPVP Banyuwangi', kind: 'BPVP', provinceCode: '35', city: 'Kabupaten Banyuwangi' },
];

/** program learns venues and instructors from venue-capacity's and instructor-module's events; planning waits until it knows them all. */
async function waitForDirectory(programUrl: string, path: string, count: number, authorize: Authorize): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const url = `${programUrl}${path}${path.includes('?') ? '&' : '?'}limit=200`;
    const items = ((await (await fetch(url, { headers: await authorize(url) })).json()) as { items: unknown[] }).items;
    if (items.length >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`demo data: program's ${path} did not reach ${count} entries within 60 s`);
}

let authorize: Authorize = async () => ({});

async function send(method: string, url: string, body: object): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(url, { method, headers: { ...(await authorize(url)), 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : {} };
}

/** Creates a record unless it is there already (409): a second `npm start` keeps the first run's data. */
async function ensure(what: string, method: string, url: string, body: object): Promise<Record<string, unknown> | undefined> {
  const response = await send(method, url, body);
  if (response.status === 201 || response.status === 200) return response.body;
  if (response.status === 409) return undefined;
  throw new Error(`demo data: ${what} answered ${response.status}: ${JSON.stringify(response.body)}`);
}

export async function seedDemoData(urls: Urls, log: Log, authorizeCalls: Authorize): Promise<void> {
  authorize = authorizeCalls;
  for (const centre of CENTRES) {
    const rooms = [1, 2, 3].map((index) => ({ roomCode: `R${index}`, name: `Ruang Kelas ${index}`, seats: 20 }));
    await ensure(`venue ${centre.venueCode}`, 'POST', `${urls.venueCapacity}/venues`, { ...centre, rooms, closedDays: [], sample: true });
  }
  await ensure('training module', 'POST', `${urls.instructorModule}/training-modules`, MODULE);
  for (const [index, centre] of CENTRES.entries()) {
    for (const slot of [1, 2, 3, 4]) {
      const ref = `CONTOH-${String(index * 4 + slot).padStart(3, '0')}`;
      await ensure(`instructor ${ref}`, 'POST', `${urls.instructorModule}/instructors`, {
        externalRef: ref,
        fullName: `Instruktur Contoh ${ref}`,
        // Invented addresses: under npm start they land in the local SMTP sink.
        email: `${ref.toLowerCase()}@instruktur.contoh.id`,
        homeProvinceCode: centre.provinceCode,
        competencies: [MODULE.moduleCode],
        maxClassesPerPeriod: 4,
        active: true,
      });
    }
  }
  const mou = await ensure('MoU', 'POST', `${urls.program}/agreements`, {
    kind: 'MOU',
    number: 'MoU/KEMNAKER-KEMENUMKM/2025/001 (contoh)',
    title: 'Sinergi Program Pengembangan UMKM',
    signedOn: '2025-03-25',
    parties: PARTIES,
  });
  if (!mou) {
    log('demo data: already there from an earlier run');
    return;
  }
  const pks = await ensure('PKS', 'POST', `${urls.program}/agreements`, {
    kind: 'PKS',
    number: 'PKS/KEMNAKER-KEMENUMKM/2025/001 (contoh)',
    title: 'Pelatihan kewirausahaan serentak Mei 2025',
    signedOn: '2025-04-10',
    validUntil: '2025-12-31',
    parentAgreementId: mou.id,
    participantCeiling: 10_000,
    parties: PARTIES,
  });
  const programme = await ensure('programme', 'POST', `${urls.program}/programmes`, {
    agreementId: pks?.id,
    name: 'Pelatihan Kewirausahaan Serentak Mei 2025',
    periodStart: '2025-05-01',
    periodEnd: '2025-05-31',
    targetParticipants: 5_000,
    participantCeiling: 10_000,
    prioritySegments: ['micro', 'small'],
    selectionPolicy: 'lottery',
    moduleCode: MODULE.moduleCode,
    classDays: 5,
    minimumQuorum: 10,
    confirmByDaysBeforeStart: 3,
  });
  log(`demo data: ${CENTRES.length} sample training centres, ${CENTRES.length * 4} sample instructors, the MoU, the PKS and programme ${programme?.id}`);
  await seedFutureWave(urls, mou.id as string, log);
}

/**
 * The May 2025 programme is history and classes cannot start in the past, so a second,
 * invented wave next May shows the planner and the batch saga at work.
 */
async function seedFutureWave(urls: Urls, mouId: string, log: Log): Promise<void> {
  const year = new Date().getUTCFullYear() + 1;
  const pks = await ensure('second PKS', 'POST', `${urls.program}/agreements`, {
    kind: 'PKS',
    number: `PKS/KEMNAKER-KEMENUMKM/${year}/002 (contoh)`,
    title: `Pelatihan kewirausahaan gelombang II, Mei ${year} (contoh)`,
    signedOn: new Date().toISOString().slice(0, 10),
    validUntil: `${year}-12-31`,
    parentAgreementId: mouId,
    participantCeiling: 1_000,
    parties: PARTIES,
  });
  const programme = await ensure('second programme', 'POST', `${urls.program}/programmes`, {
    agreementId: pks?.id,
    name: `Pelatihan Kewirausahaan Gelombang II, Mei ${year} (contoh)`,
    periodStart: `${year}-05-01`,
    periodEnd: `${year}-05-31`,
    targetParticipants: 384,
    participantCeiling: 1_000,
    prioritySegments: ['micro', 'small'],
    selectionPolicy: 'first-come-first-served',
    moduleCode: MODULE.moduleCode,
    classDays: 5,
    minimumQuorum: 10,
    confirmByDaysBeforeStart: 3,
  });
  await waitForDirectory(urls.program, '/venue-directory', CENTRES.length, authorize);
  await waitForDirectory(urls.program, `/instructor-directory?moduleCode=${MODULE.moduleCode}`, CENTRES.length * 4, authorize);
  const plan = await ensure('bulk plan', 'POST', `${urls.program}/programmes/${programme?.id}/batches/bulk`, {
    count: 24,
    from: `${year}-05-01`,
    to: `${year}-05-31`,
    provinceCodes: [...new Set(CENTRES.map((centre) => centre.provinceCode))],
  });
  log(`demo data: planned ${plan?.planned} classes for May ${year}; follow them at ${urls.program}/programmes/${programme?.id}/batch-summary`);
}
