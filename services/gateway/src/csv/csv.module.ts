import { Module } from '@nestjs/common';
import { ExportConnections } from './export-connections';

/** The connections of the streamed CSV exports, one pool for the dashboards' and the audit log's. */
@Module({ providers: [ExportConnections], exports: [ExportConnections] })
export class CsvModule {}
