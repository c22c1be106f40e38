import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../api/api-problems';
import { Controller, Get, Query } from '@nestjs/common';
import { Page } from '@sinergi/contracts';
import { Operation } from '@sinergi/platform';
import { AuditLog } from './audit-log';
import { AuditEntryView, AuditQuery } from './audit-query';

@ApiTags('audit')
@ApiBearerAuth()
@ApiProblems({ authenticated: true, body: false })
@Controller('api/v1/audit')
export class AuditController {
  constructor(private readonly auditLog: AuditLog) {}

  /** Newest first; Kemnaker admins only. */
  @Get()
  @Operation('audit.list')
  @ApiOperation({ operationId: 'audit.list' })
  list(@Query() query: AuditQuery): Promise<Page<AuditEntryView>> {
    return this.auditLog.list(query);
  }
}
