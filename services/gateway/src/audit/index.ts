export * from './audit-entry.entity';
export * from './audit.module';
export * from './audit-recorder';
export * from './audit-log';
export * from './audited-operations';
export { CreateAuditEntries1733100000000 } from './migrations/1733100000000-create-audit-entries';
export { AddAuditClientAddress1764700000000 } from './migrations/1764700000000-add-audit-client-address';
