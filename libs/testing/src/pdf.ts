import { execFile } from 'node:child_process';
import { join } from 'node:path';

/** What a test reads from a PDF: its page count, its text, and the content of every QR code among its images. */
export interface PdfContent {
  pages: number;
  text: string;
  qrCodes: string[];
}

/**
 * Reads a PDF as a person would (pdf.js through pdf-parse, QR codes with jsQR), in a Node process of its own
 * (`read-pdf.cjs`: pdf.js cannot run in jest's module system). Throws for anything that is not a readable PDF.
 */
export async function readPdf(bytes: Uint8Array): Promise<PdfContent> {
  if (Buffer.from(bytes.subarray(0, 5)).toString('latin1') !== '%PDF-') throw new Error('not a PDF: it does not start with %PDF-');
  const output = await new Promise<string>((resolve, reject) => {
    const child = execFile(process.execPath, [join(__dirname, 'read-pdf.cjs')], { maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) =>
      error ? reject(new Error(`reading the PDF failed: ${stderr || error.message}`)) : resolve(stdout),
    );
    child.stdin?.end(Buffer.from(bytes));
  });
  return JSON.parse(output) as PdfContent;
}
