import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { EnrollmentDocumentKind } from '@sinergi/contracts';

/** What is printed on a certificate or participation letter: never the NIK or contact data. */
export interface PrintedDocument {
  kind: EnrollmentDocumentKind;
  number: string;
  holderName: string;
  programme: string;
  venueCode: string;
  classStartDate: string;
  classEndDate: string;
  attendedDays: number;
  classDays: number;
  /** When it was issued, shown as the civil date in WIB. */
  issuedAt: Date;
  /** The public verification page, printed and as a QR code; none on a letter issued before letters had codes. */
  verificationUrl: string | null;
  verificationCode: string | null;
}

const ISSUER = 'Kementerian Ketenagakerjaan RI x Kementerian UMKM RI';
const CIVIL_DATE = new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const WIB_DATE = new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Asia/Jakarta' });

/** `2027-05-01` as `1 Mei 2027`. */
export function indonesianDate(civilDate: string): string {
  return CIVIL_DATE.format(new Date(`${civilDate}T00:00:00Z`));
}

/** The document as a one-page A4 PDF in Bahasa Indonesia, with the verification link as a QR code. */
export async function renderDocumentPdf(printed: PrintedDocument): Promise<Buffer> {
  const qr = printed.verificationUrl ? await QRCode.toBuffer(printed.verificationUrl, { type: 'png', errorCorrectionLevel: 'M', margin: 1, width: 240 }) : null;
  const pdf = new PDFDocument({
    size: 'A4',
    layout: printed.kind === 'certificate' ? 'landscape' : 'portrait',
    margin: 56,
    // Dated by the issue, so that every download of a document is the same bytes.
    info: { Title: `${titleOf(printed.kind)} ${printed.number}`, Author: ISSUER, Subject: printed.programme, CreationDate: printed.issuedAt },
  });
  const done = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  const width = pdf.page.width - 112;
  const period = `${indonesianDate(printed.classStartDate)} s.d. ${indonesianDate(printed.classEndDate)}`;

  pdf.font('Helvetica').fontSize(11).fillColor('#444444').text(ISSUER, { align: 'center', width });
  pdf.text('Sinergi Program Pengembangan UMKM', { align: 'center', width }).moveDown(1.5);
  pdf.font('Helvetica-Bold').fontSize(printed.kind === 'certificate' ? 30 : 18).fillColor('#0b3d91').text(titleOf(printed.kind), { align: 'center', width });
  pdf.font('Helvetica').fontSize(11).fillColor('#000000').text(`Nomor: ${printed.number}`, { align: 'center', width }).moveDown(1.5);
  pdf.fontSize(13).text(printed.kind === 'certificate' ? 'Diberikan kepada' : 'Dengan ini diterangkan bahwa', { align: 'center', width }).moveDown(0.5);
  pdf.font('Helvetica-Bold').fontSize(22).text(printed.holderName, { align: 'center', width }).moveDown(0.5);
  pdf.font('Helvetica').fontSize(13);
  if (printed.kind === 'certificate') {
    pdf.text(`yang telah menyelesaikan pelatihan "${printed.programme}"`, { align: 'center', width });
  } else {
    pdf.text(`telah mengikuti pelatihan "${printed.programme}"`, { align: 'center', width });
  }
  pdf.text(`di ${printed.venueCode} pada ${period},`, { align: 'center', width });
  pdf.text(`hadir ${printed.attendedDays} dari ${printed.classDays} hari pelatihan.`, { align: 'center', width }).moveDown(1);
  pdf.fontSize(11).text(`Diterbitkan ${WIB_DATE.format(printed.issuedAt)}`, { align: 'center', width });

  if (qr && printed.verificationUrl && printed.verificationCode) {
    const size = 110;
    const top = pdf.page.height - 56 - size;
    pdf.image(qr, 56, top, { width: size, height: size });
    const textLeft = 56 + size + 16;
    const textOptions = { width: pdf.page.width - textLeft - 56 };
    const what = printed.kind === 'certificate' ? 'sertifikat' : 'surat keterangan';
    pdf.fontSize(10).fillColor('#000000').text(`Periksa keaslian ${what} ini dengan memindai kode QR atau membuka:`, textLeft, top + 24, textOptions);
    pdf.font('Helvetica-Bold').text(printed.verificationUrl, textOptions);
    pdf.font('Helvetica').text(`Kode verifikasi: ${printed.verificationCode}`, textOptions);
  }
  pdf.end();
  return done;
}

function titleOf(kind: EnrollmentDocumentKind): string {
  return kind === 'certificate' ? 'SERTIFIKAT' : 'SURAT KETERANGAN MENGIKUTI PELATIHAN';
}

/** The file name a download is saved under, e.g. `sertifikat-SNG-2026-3F2A9C1B-007.pdf`. */
export function fileNameOf(kind: EnrollmentDocumentKind, number: string): string {
  return `${kind === 'certificate' ? 'sertifikat' : 'surat-keterangan'}-${number.replace(/\//g, '-')}.pdf`;
}
