import { Logger } from '@nestjs/common';
import { IsIn, IsOptional } from 'class-validator';
import { stringify } from 'csv-stringify';
import type { Request, Response } from 'express';
import { pipeline } from 'node:stream/promises';

export const CSV_LANGUAGES = ['id', 'en'] as const;
export type CsvLanguage = (typeof CSV_LANGUAGES)[number];

/** `?lang=id|en` of an export: the language of its header row. */
export class CsvQuery {
  @IsOptional()
  @IsIn(CSV_LANGUAGES, { message: 'lang must be id (Bahasa Indonesia) or en (English)' })
  lang?: CsvLanguage;
}

type CsvCell = string | number | boolean | null | undefined;

/** One column of an export: its header in Bahasa Indonesia and in English, and its value in a row. */
export interface CsvColumn<T> {
  id: string;
  en: string;
  value: (row: T) => CsvCell;
}

/** `?lang=` when given, else the better of Indonesian and English by Accept-Language, else Indonesian. */
export function csvLanguageOf(request: Request, query: CsvQuery): CsvLanguage {
  return query.lang ?? (request.acceptsLanguages(...CSV_LANGUAGES) === 'en' ? 'en' : 'id');
}

/** Today in Jakarta (WIB), YYYY-MM-DD: the date in an export's file name. */
function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(),
  );
}

const logger = new Logger('CsvExport');

/**
 * Answers with the rows as a CSV file, streamed as they come: a UTF-8 byte order mark (so that Excel reads it as
 * UTF-8), a header row in the language asked for, one line per row. The answer is 200 once the rows begin; a
 * failure while they are read cuts the connection, so a client never takes a truncated file for a whole one.
 */
export async function sendCsv<T>(
  response: Response,
  table: string,
  language: CsvLanguage,
  columns: ReadonlyArray<CsvColumn<T>>,
  rows: AsyncIterable<T> | Iterable<T>,
): Promise<void> {
  response.status(200);
  response.setHeader('Content-Type', 'text/csv; charset=utf-8');
  response.setHeader('Content-Disposition', `attachment; filename="${table}-${today()}.csv"`);
  response.setHeader('Content-Language', language);
  const stringifier = stringify({
    bom: true,
    header: true,
    columns: columns.map((column) => column[language]),
    cast: { boolean: (value) => (value ? 'true' : 'false') },
  });
  try {
    await pipeline(
      async function* () {
        for await (const row of rows) yield columns.map((column) => column.value(row));
      },
      stringifier,
      response,
    );
  } catch (error) {
    if (!response.destroyed) response.destroy();
    // The client leaving mid-file ends the pipeline too; that is not a failure of ours.
    if ((error as NodeJS.ErrnoException).code !== 'ERR_STREAM_PREMATURE_CLOSE') {
      logger.error(`export of ${table} failed after it started: ${(error as Error).message}`);
    }
  }
}

/** The rows of a list as its JSON route shows them (the same view, so the same masking). */
export async function* viewsOf<R, T>(rows: AsyncIterable<R>, view: (row: R) => T): AsyncGenerator<T> {
  for await (const row of rows) yield view(row);
}
