import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiContract } from '../api/api-contract';
import { ApiProblems } from '../api/api-problems';
import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AuditEntryView, Page } from '@sinergi/contracts';
import { Operation } from '@sinergi/platform';
import { ApiCsvExport } from '../csv/api-csv';
import { csvLanguageOf, sendCsv } from '../csv/csv-export';
import { AUDIT_COLUMNS } from './audit-csv.columns';
import { AuditLog } from './audit-log';
import { AuditCsvQuery, AuditQuery } from './audit-query';

@ApiTags('audit')
@ApiBearerAuth()
@ApiProblems({ authenticated: true, body: false })
@Controller('api/v1')
export class AuditController {
  constructor(private readonly auditLog: AuditLog) {}

  /** Newest first; Kemnaker admins only. */
  @Get('audit')
  @ApiContract('audit.list', 'The audit log, newest first')
  list(@Query() query: AuditQuery): Promise<Page<AuditEntryView>> {
    return this.auditLog.list(query);
  }

  @Get('audit.csv')
  @Operation('audit.list-csv')
  @ApiCsvExport('audit.list-csv', 'The audit log')
  async listCsv(@Query() query: AuditCsvQuery, @Req() request: Request, @Res() response: Response): Promise<void> {
    const entries = this.auditLog.all(query);
    await sendCsv(response, 'audit', csvLanguageOf(request, query), AUDIT_COLUMNS, entries);
  }
}
