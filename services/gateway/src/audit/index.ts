export * from './audit-entry.entity';
export * from './audit.module';
export * from './audit.interceptor';
export * from './audit-log';
export * from './audited-operations';
export { CreateAuditEntries1733100000000 } from './migrations/1733100000000-create-audit-entries';
