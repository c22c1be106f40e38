/** The May 2025 programme's founding agreements, signed through the program service's API. */
const MOU = {
  kind: 'MOU',
  number: 'MoU/KEMNAKER-KEMENUMKM/2025/001 (sample)',
  title: 'Sinergi Program Pengembangan UMKM',
  signedOn: '2025-03-25',
  parties: [
    { code: 'KEMNAKER', name: 'Kementerian Ketenagakerjaan', roles: ['venues'] },
    { code: 'KEMENUMKM', name: 'Kementerian Usaha Mikro, Kecil, dan Menengah', roles: ['instructors', 'training-modules', 'participants'] },
  ],
};

/** Signs the demo MoU unless it is already there (a second `npm start` keeps the first). */
export async function seedDemoData(programUrl: string, log: (line: string) => void): Promise<void> {
  const response = await fetch(`${programUrl}/agreements`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(MOU),
  });
  if (response.status === 201) log(`demo data: signed the sample MoU "${MOU.title}"`);
  else if (response.status === 409) log('demo data: the sample MoU is already there');
  else throw new Error(`demo data: program answered ${response.status}: ${await response.text()}`);
}
