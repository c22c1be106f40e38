import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiContract } from '../api/api-contract';
import { ApiProblems } from '../api/api-problems';
import { Controller, Get, Query } from '@nestjs/common';
import { AuditEntryView, Page } from '@sinergi/contracts';
import { AuditLog } from './audit-log';
import { AuditQuery } from './audit-query';

@ApiTags('audit')
@ApiBearerAuth()
@ApiProblems({ authenticated: true, body: false })
@Controller('api/v1/audit')
export class AuditController {
  constructor(private readonly auditLog: AuditLog) {}

  /** Newest first; Kemnaker admins only. */
  @Get()
  @ApiContract('audit.list', 'The audit log, newest first')
  list(@Query() query: AuditQuery): Promise<Page<AuditEntryView>> {
    return this.auditLog.list(query);
  }
}
