import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CsvModule } from '../csv/csv.module';
import { AuditController } from './audit.controller';
import { AuditEntry } from './audit-entry.entity';
import { AuditLog } from './audit-log';

/** The append-only audit log and the route that reads it; `auditRecorder` (mounted by the gateway's app) writes it. */
@Module({
  imports: [TypeOrmModule.forFeature([AuditEntry]), CsvModule],
  controllers: [AuditController],
  providers: [AuditLog],
  exports: [AuditLog],
})
export class AuditModule {}
