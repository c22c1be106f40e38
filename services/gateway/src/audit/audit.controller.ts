import { Controller, Get, Query } from '@nestjs/common';
import { Page } from '@sinergi/contracts';
import { Operation } from '@sinergi/platform';
import { AuditLog } from './audit-log';
import { AuditEntryView, AuditQuery } from './audit-query';

@Controller('api/v1/audit')
export class AuditController {
  constructor(private readonly auditLog: AuditLog) {}

  /** Newest first; Kemnaker admins only. */
  @Get()
  @Operation('audit.list')
  list(@Query() query: AuditQuery): Promise<Page<AuditEntryView>> {
    return this.auditLog.list(query);
  }
}
