import { IntersectionType } from '@nestjs/swagger';
import { IsISO8601, IsOptional, Matches, MaxLength } from 'class-validator';
import type { AuditEntriesParams } from '@sinergi/contracts';
import { PageQuery } from '@sinergi/platform';
import { CsvQuery } from '../csv/csv-export';

const ISO_INSTANT = { strict: true, strictSeparator: true };

/** The filters of the audit list, shared by its page and its CSV export; `from` is inclusive, `to` exclusive. */
export class AuditFilters {
  @IsOptional()
  @MaxLength(200, { message: 'actor must be a subject of at most 200 characters' })
  actor?: string;

  @IsOptional()
  @Matches(/^[a-z0-9-]+\.[a-z0-9-]+$/, { message: 'operation must be an operation id of the access table, e.g. participants.get' })
  operation?: string;

  @IsOptional()
  @Matches(/^[a-z0-9-]{1,50}$/, { message: 'recordType must be a record type, e.g. participant or batch' })
  recordType?: string;

  @IsOptional()
  @MaxLength(200, { message: 'recordId must be at most 200 characters' })
  recordId?: string;

  @IsOptional()
  @IsISO8601(ISO_INSTANT, { message: 'from must be an ISO 8601 date or date-time, e.g. 2026-12-01T00:00:00Z' })
  from?: string;

  @IsOptional()
  @IsISO8601(ISO_INSTANT, { message: 'to must be an ISO 8601 date or date-time, e.g. 2026-12-02T00:00:00Z' })
  to?: string;
}

/** `GET /api/v1/audit`: a page of the filtered entries. */
export class AuditQuery extends IntersectionType(AuditFilters, PageQuery) implements AuditEntriesParams {}

/** `GET /api/v1/audit.csv`: all of them. */
export class AuditCsvQuery extends IntersectionType(AuditFilters, CsvQuery) {}
