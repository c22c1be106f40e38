import type { Language } from '@sinergi/contracts';

/** What a message may say about its class: from notification's own view of program and venue events. */
export interface ClassDetails {
  moduleCode?: string | null;
  startDate?: string | null;
  endDate?: string | null;
  venueName?: string | null;
  venueCity?: string | null;
}

export interface DigestLine {
  programmeId: string;
  classes: number;
  seats: number;
  confirmed: number;
  underQuorum: Array<{ batchId: string; moduleCode: string | null; confirmed: number; minimumQuorum: number }>;
}

export interface MessageContext {
  language: Language;
  officialDomain: string;
  /** The portal page the message is about (participants only): see `portalPageOf`. */
  portalPage?: string;
  recipientName?: string;
  params: Record<string, unknown>;
  class?: ClassDetails;
}

export interface RenderedMessage {
  subject: string;
  text: string;
}

type Text = (context: MessageContext) => { subject: string; body: string };

interface TemplateDefinition {
  /** Critical messages ignore a recipient's opt-out. */
  critical: boolean;
  id: Text;
  en: Text;
}

const MONTHS: Record<Language, string[]> = {
  id: ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

export function formatDate(isoDate: unknown, language: Language): string {
  const match = typeof isoDate === 'string' ? /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate) : null;
  if (!match) return language === 'id' ? '(tanggal menyusul)' : '(date to follow)';
  return `${Number(match[3])} ${MONTHS[language][Number(match[2]) - 1]} ${match[1]}`;
}

function describeClass(context: MessageContext): string {
  const details = context.class;
  const { language } = context;
  if (!details?.moduleCode) return language === 'id' ? 'kelas Anda' : 'your class';
  const place = details.venueName ? (language === 'id' ? ` di ${details.venueName}, ${details.venueCity}` : ` at ${details.venueName}, ${details.venueCity}`) : '';
  const dates = details.startDate
    ? language === 'id'
      ? `, ${formatDate(details.startDate, 'id')} s.d. ${formatDate(details.endDate, 'id')}`
      : `, ${formatDate(details.startDate, 'en')} to ${formatDate(details.endDate, 'en')}`
    : '';
  return `${language === 'id' ? 'kelas' : 'class'} ${details.moduleCode}${place}${dates}`;
}

const param = (context: MessageContext, name: string) => String(context.params[name] ?? '');

export const TEMPLATES = {
  'agreement-signed': {
    critical: false,
    id: (c) => ({ subject: 'Perjanjian kerja sama ditandatangani', body: `Perjanjian ${param(c, 'agreementId')} telah ditandatangani. Rinciannya dapat dilihat di portal.` }),
    en: (c) => ({ subject: 'Cooperation agreement signed', body: `Agreement ${param(c, 'agreementId')} has been signed. The details are on the portal.` }),
  },
  'enrollment-received': {
    critical: false,
    id: () => ({ subject: 'Pendaftaran Anda diterima', body: 'Pendaftaran Anda sudah kami terima dan sedang diproses. Kami akan mengabari Anda tentang kelas Anda.' }),
    en: () => ({ subject: 'Your registration was received', body: 'We received your registration and are processing it. We will tell you about your class.' }),
  },
  'enrollment-accepted': {
    critical: false,
    id: (c) => ({
      subject: 'Anda memenuhi syarat',
      body: c.params.awaitingSelection ? 'Anda memenuhi syarat program ini. Peserta dipilih melalui seleksi; kami akan mengabari hasilnya.' : 'Anda memenuhi syarat program ini. Kami akan mengabari kelas Anda.',
    }),
    en: (c) => ({
      subject: 'You are eligible',
      body: c.params.awaitingSelection ? 'You are eligible for this programme. Participants are chosen by a selection; we will tell you the result.' : 'You are eligible for this programme. We will tell you about your class.',
    }),
  },
  'enrollment-rejected': {
    critical: false,
    id: () => ({ subject: 'Pendaftaran Anda belum dapat diterima', body: 'Pendaftaran Anda belum memenuhi syarat. Alasannya dapat dilihat di portal.' }),
    en: () => ({ subject: 'Your registration could not be accepted', body: 'Your registration does not meet the requirements. The reasons are on the portal.' }),
  },
  'not-selected': {
    critical: false,
    id: () => ({ subject: 'Anda belum mendapat kursi', body: 'Semua kursi dan tempat cadangan kelas di provinsi Anda sudah terisi. Anda dapat mendaftar pada gelombang berikutnya melalui portal.' }),
    en: () => ({ subject: 'No seat this time', body: 'Every seat and reserve place of the classes in your province is taken. You may register for the next wave on the portal.' }),
  },
  waitlisted: {
    critical: false,
    id: (c) => ({ subject: 'Anda masuk daftar cadangan', body: `Anda berada di daftar cadangan ${describeClass(c)}, urutan ${param(c, 'rank')}. Kami akan mengabari Anda bila ada kursi.` }),
    en: (c) => ({ subject: 'You are on the reserve list', body: `You are on the reserve list of ${describeClass(c)}, position ${param(c, 'rank')}. We will tell you if a seat frees up.` }),
  },
  selected: {
    critical: true,
    id: (c) => ({ subject: 'Selamat, Anda terpilih', body: `Anda mendapat kursi di ${describeClass(c)}. Lakukan daftar ulang paling lambat ${formatDate(c.params.confirmBy, 'id')}.` }),
    en: (c) => ({ subject: 'Congratulations, you were selected', body: `You have a seat in ${describeClass(c)}. Please confirm it by ${formatDate(c.params.confirmBy, 'en')}.` }),
  },
  promoted: {
    critical: true,
    id: (c) => ({ subject: 'Anda mendapat kursi dari daftar cadangan', body: `Sebuah kursi di ${describeClass(c)} kini untuk Anda. Lakukan daftar ulang paling lambat ${formatDate(c.params.confirmBy, 'id')}.` }),
    en: (c) => ({ subject: 'A seat from the reserve list is yours', body: `A seat in ${describeClass(c)} is now yours. Please confirm it by ${formatDate(c.params.confirmBy, 'en')}.` }),
  },
  'confirm-by-reminder': {
    critical: false,
    id: (c) => ({ subject: 'Pengingat: daftar ulang besok', body: `Batas daftar ulang untuk ${describeClass(c)} adalah ${formatDate(c.params.confirmBy, 'id')}. Tanpa daftar ulang, kursi Anda diberikan kepada peserta cadangan.` }),
    en: (c) => ({ subject: 'Reminder: confirm your seat by tomorrow', body: `The last day to confirm your seat in ${describeClass(c)} is ${formatDate(c.params.confirmBy, 'en')}. Without it, your seat goes to a reserve.` }),
  },
  'seat-expired': {
    critical: false,
    id: (c) => ({ subject: 'Kursi Anda telah dilepas', body: `Anda tidak melakukan daftar ulang untuk ${describeClass(c)}, sehingga kursi Anda diberikan kepada peserta cadangan.` }),
    en: (c) => ({ subject: 'Your seat was released', body: `You did not confirm your seat in ${describeClass(c)}, so it went to a reserve.` }),
  },
  'start-reminder': {
    critical: false,
    id: (c) => ({ subject: 'Pengingat: kelas Anda segera dimulai', body: `${capitalise(describeClass(c))} dimulai ${formatDate(c.class?.startDate, 'id')}. Sampai jumpa!` }),
    en: (c) => ({ subject: 'Reminder: your class starts soon', body: `${capitalise(describeClass(c))} starts on ${formatDate(c.class?.startDate, 'en')}. See you there!` }),
  },
  'class-rescheduled': {
    critical: true,
    id: (c) => ({ subject: 'Jadwal kelas Anda berubah', body: `Jadwal ${describeClass(c)} berubah (sebelumnya ${formatDate(c.params.previousStartDate, 'id')}). Alasan: ${param(c, 'reason')}.` }),
    en: (c) => ({ subject: 'Your class was rescheduled', body: `The dates of ${describeClass(c)} changed (previously ${formatDate(c.params.previousStartDate, 'en')}). Reason: ${param(c, 'reason')}.` }),
  },
  'class-cancelled': {
    critical: true,
    id: (c) => ({ subject: 'Kelas Anda dibatalkan', body: `Mohon maaf, ${describeClass(c)} dibatalkan. Kami akan mengabari Anda tentang pilihan berikutnya.` }),
    en: (c) => ({ subject: 'Your class was cancelled', body: `We are sorry: ${describeClass(c)} was cancelled. We will tell you about your options.` }),
  },
  'class-change-offered': {
    critical: true,
    id: (c) => ({ subject: 'Pilih kelas pengganti', body: `${capitalise(describeClass(c))} ${c.params.reason === 'cancelled' ? 'dibatalkan' : 'dijadwalkan ulang'}. Ada ${param(c, 'options')} kelas pengganti; pilih di portal paling lambat ${formatDate(c.params.respondBy, 'id')}.` }),
    en: (c) => ({ subject: 'Choose another class', body: `${capitalise(describeClass(c))} was ${c.params.reason === 'cancelled' ? 'cancelled' : 'rescheduled'}. There are ${param(c, 'options')} other classes; choose one on the portal by ${formatDate(c.params.respondBy, 'en')}.` }),
  },
  'participant-moved': {
    critical: true,
    id: (c) => ({ subject: 'Anda dipindahkan ke kelas lain', body: `Anda kini terdaftar di ${describeClass(c)}.${c.params.confirmBy ? ` Lakukan daftar ulang paling lambat ${formatDate(c.params.confirmBy, 'id')}.` : ''}` }),
    en: (c) => ({ subject: 'You moved to another class', body: `You are now in ${describeClass(c)}.${c.params.confirmBy ? ` Please confirm your seat by ${formatDate(c.params.confirmBy, 'en')}.` : ''}` }),
  },
  'participant-released': {
    critical: true,
    id: (c) => ({ subject: 'Anda tidak lagi terdaftar di kelas', body: `Anda tidak lagi terdaftar di ${describeClass(c)}. Anda dapat mendaftar kembali di portal.` }),
    en: (c) => ({ subject: 'You are no longer in the class', body: `You are no longer in ${describeClass(c)}. You may register again on the portal.` }),
  },
  'certificate-issued': {
    critical: false,
    id: (c) => ({ subject: 'Sertifikat Anda terbit', body: `Selamat, Anda menyelesaikan ${describeClass(c)}. Sertifikat ${param(c, 'certificateNumber')} dapat diperiksa di ${param(c, 'verificationUrl')}` }),
    en: (c) => ({ subject: 'Your certificate is issued', body: `Congratulations on completing ${describeClass(c)}. Certificate ${param(c, 'certificateNumber')} can be checked at ${param(c, 'verificationUrl')}` }),
  },
  'participation-letter-issued': {
    critical: false,
    id: (c) => ({
      subject: 'Surat keterangan mengikuti pelatihan',
      body: `Anda mengikuti ${param(c, 'attendedDays')} dari ${param(c, 'classDays')} hari ${describeClass(c)}. Surat keterangan ${param(c, 'letterNumber')} tersedia di portal.${c.params.verificationUrl ? ` Keasliannya dapat diperiksa di ${param(c, 'verificationUrl')}` : ''}`,
    }),
    en: (c) => ({
      subject: 'Letter of participation',
      body: `You attended ${param(c, 'attendedDays')} of ${param(c, 'classDays')} days of ${describeClass(c)}. Letter ${param(c, 'letterNumber')} is on the portal.${c.params.verificationUrl ? ` It can be checked at ${param(c, 'verificationUrl')}` : ''}`,
    }),
  },
  'class-scheduled': {
    critical: false,
    id: (c) => ({ subject: 'Kelas terjadwal', body: `${capitalise(describeClass(c))} telah terjadwal dan Anda adalah instrukturnya.` }),
    en: (c) => ({ subject: 'Class scheduled', body: `${capitalise(describeClass(c))} is scheduled and you are its instructor.` }),
  },
  'instructor-assigned': {
    critical: false,
    id: (c) => ({ subject: 'Penugasan mengajar baru', body: `Anda ditugaskan mengajar ${describeClass(c)}.` }),
    en: (c) => ({ subject: 'New teaching assignment', body: `You are assigned to teach ${describeClass(c)}.` }),
  },
  'instructor-released': {
    critical: false,
    id: (c) => ({ subject: 'Penugasan mengajar berubah', body: `Penugasan Anda untuk ${describeClass(c)} telah berakhir. Alasan: ${param(c, 'reason')}.` }),
    en: (c) => ({ subject: 'Teaching assignment changed', body: `Your assignment to ${describeClass(c)} has ended. Reason: ${param(c, 'reason')}.` }),
  },
  'venue-reserved': {
    critical: false,
    id: (c) => ({ subject: 'Ruang dipesan', body: `Ruang ${param(c, 'roomCode')} dipesan untuk ${describeClass(c)}, ${formatDate(c.params.startDate, 'id')} s.d. ${formatDate(c.params.endDate, 'id')}.` }),
    en: (c) => ({ subject: 'Room reserved', body: `Room ${param(c, 'roomCode')} is reserved for ${describeClass(c)}, ${formatDate(c.params.startDate, 'en')} to ${formatDate(c.params.endDate, 'en')}.` }),
  },
  'venue-released': {
    critical: false,
    id: (c) => ({ subject: 'Pemesanan ruang dilepas', body: `Pemesanan ruang ${param(c, 'roomCode')} untuk ${describeClass(c)} dilepas. Alasan: ${param(c, 'reason')}.` }),
    en: (c) => ({ subject: 'Room reservation released', body: `The reservation of room ${param(c, 'roomCode')} for ${describeClass(c)} was released. Reason: ${param(c, 'reason')}.` }),
  },
  'admin-digest': {
    critical: false,
    id: (c) => ({ subject: `Ringkasan harian ${formatDate(c.params.day, 'id')}`, body: digestBody(c, 'id') }),
    en: (c) => ({ subject: `Daily digest ${formatDate(c.params.day, 'en')}`, body: digestBody(c, 'en') }),
  },
  /** The code is opened from its seal just before sending (params.code) and never stored in the clear. */
  'sign-in-code': {
    critical: true,
    id: (c) => ({
      subject: 'Kode masuk Sinergi',
      body: `Kode masuk Anda: ${param(c, 'code')}. Berlaku 5 menit dan hanya sekali pakai. Jangan berikan kode ini kepada siapa pun, termasuk petugas.`,
    }),
    en: (c) => ({
      subject: 'Your Sinergi sign-in code',
      body: `Your sign-in code: ${param(c, 'code')}. It is valid for 5 minutes, once. Do not give it to anyone, staff included.`,
    }),
  },
} satisfies Record<string, TemplateDefinition>;

export type TemplateName = keyof typeof TEMPLATES;

export const TEMPLATE_NAMES = Object.keys(TEMPLATES) as TemplateName[];

export function isCritical(template: string): boolean {
  return (TEMPLATES as Record<string, TemplateDefinition>)[template]?.critical ?? false;
}

const FOOTER: Record<Language, (domain: string) => string> = {
  id: (domain) => `Informasi resmi hanya dari https://${domain}. Kami tidak pernah meminta kode OTP atau NIK Anda.`,
  en: (domain) => `Official information comes only from https://${domain}. We never ask for your OTP or NIK.`,
};

/** What a participant's message is about, to find its page on the portal. */
export interface MessageSubject {
  recipientKind: string;
  template: string;
  enrollmentId: string | null;
}

/**
 * The participant portal's page a message is about: the enrollment's page (status, confirm, withdraw, the offer,
 * the certificate or letter to download), else the participant's home. Staff messages have none (they work in the
 * dashboard), nor has a sign-in code: it is typed into the page that asked for it, and a link next to a code is
 * what phishing copies imitate.
 */
export function portalPageOf(portalPublicUrl: string, subject: MessageSubject): string | undefined {
  if (subject.recipientKind !== 'participant' || subject.template === 'sign-in-code') return undefined;
  return subject.enrollmentId ? `${portalPublicUrl}/enrollments/${subject.enrollmentId}` : `${portalPublicUrl}/`;
}

const PORTAL_LINE: Record<Language, (template: string, page: string) => string> = {
  id: (template, page) =>
    template === 'certificate-issued' ? `Unduh sertifikat Anda (PDF): ${page}` : template === 'participation-letter-issued' ? `Unduh surat keterangan Anda (PDF): ${page}` : `Lihat di portal: ${page}`,
  en: (template, page) =>
    template === 'certificate-issued' ? `Download your certificate (PDF): ${page}` : template === 'participation-letter-issued' ? `Download your letter (PDF): ${page}` : `See it on the portal: ${page}`,
};

/** The message in the recipient's language, with its portal page (participants), the official domain and the no-OTP/NIK line in every one. */
export function renderMessage(template: string, context: MessageContext): RenderedMessage {
  const definition = (TEMPLATES as Record<string, TemplateDefinition>)[template];
  if (!definition) throw new Error(`no template named ${template}`);
  const { subject, body } = definition[context.language](context);
  const greeting = context.recipientName ? `${context.language === 'id' ? 'Yth.' : 'Dear'} ${context.recipientName},\n\n` : '';
  const portal = context.portalPage ? `\n\n${PORTAL_LINE[context.language](template, context.portalPage)}` : '';
  return { subject: `[Sinergi] ${subject}`, text: `${greeting}${body}${portal}\n\n${FOOTER[context.language](context.officialDomain)}` };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function digestBody(context: MessageContext, language: Language): string {
  const lines = (context.params.programmes as DigestLine[] | undefined) ?? [];
  if (lines.length === 0) return language === 'id' ? 'Belum ada kelas yang berjalan.' : 'No classes yet.';
  return lines
    .map((line) => {
      const rate = line.seats > 0 ? Math.round((100 * line.confirmed) / line.seats) : 0;
      const head =
        language === 'id'
          ? `Program ${line.programmeId}: ${line.classes} kelas, ${line.confirmed}/${line.seats} kursi terkonfirmasi (${rate}%).`
          : `Programme ${line.programmeId}: ${line.classes} classes, ${line.confirmed}/${line.seats} seats confirmed (${rate}%).`;
      const under = line.underQuorum.map((batch) =>
        language === 'id'
          ? `- di bawah kuorum: kelas ${batch.moduleCode ?? batch.batchId} (${batch.confirmed}/${batch.minimumQuorum})`
          : `- under quorum: class ${batch.moduleCode ?? batch.batchId} (${batch.confirmed}/${batch.minimumQuorum})`,
      );
      return [head, ...under].join('\n');
    })
    .join('\n\n');
}
