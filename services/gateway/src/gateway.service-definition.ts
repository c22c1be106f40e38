import { ServiceDefinition } from '@sinergi/platform';
import { OidcAccessTokenVerifier } from './access-tokens/oidc-access-token-verifier';
import { ApiModule } from './api/api.module';
import { configureGatewayApp } from './api/configure-app';
import { AddAuditClientAddress1764700000000, auditRecorder, AuditEntry, AuditLog, AuditModule, CreateAuditEntries1733100000000 } from './audit';
import { GatewayConfig } from './gateway.config';
import { IdempotencyRecord } from './idempotency/idempotency-record.entity';
import { configureIdentity } from './identity/configure-identity';
import { IdentityModule } from './identity/identity.module';
import { CreateSignInCodes1732700000600 } from './migrations/1732700000600-create-sign-in-codes';
import { CreateIdempotencyRecords1733100000050 } from './migrations/1733100000050-create-idempotency-records';
import { CreateIdentity1733100000100 } from './migrations/1733100000100-create-identity';
import { CreateStaffSignInFailures1764700000100 } from './migrations/1764700000100-create-staff-sign-in-failures';
import { SealIdempotencyAnswers1764700000200 } from './migrations/1764700000200-seal-idempotency-answers';
import { ReadModelsConfirmByAndOutcomeTimes1764700000300 } from './migrations/1764700000300-read-models-confirm-by-and-outcome-times';
import { CreateReadModels1764680000000 } from './read-models/read-models.migration';
import { OperationsModule } from './operations/operations.module';
import { ReadModelsModule } from './read-models/read-models.module';
import { SchemasModule } from './schemas/schemas.module';
import { SignInCode, SignInCodeRequest } from './sign-in-codes/sign-in-code.entity';
import { serveWebApp } from './web/web-app';

export const gatewayService: ServiceDefinition<GatewayConfig> = {
  name: 'gateway',
  configClass: GatewayConfig,
  modules: [SchemasModule, IdentityModule, ApiModule, AuditModule, ReadModelsModule, OperationsModule],
  entities: [AuditEntry, SignInCode, SignInCodeRequest, IdempotencyRecord],
  migrations: [
    CreateSignInCodes1732700000600,
    CreateAuditEntries1733100000000,
    CreateIdempotencyRecords1733100000050,
    CreateIdentity1733100000100,
    CreateReadModels1764680000000,
    AddAuditClientAddress1764700000000,
    CreateStaffSignInFailures1764700000100,
    SealIdempotencyAnswers1764700000200,
    ReadModelsConfirmByAndOutcomeTimes1764700000300,
  ],
  consumesEvents: true,
  principalResolver: OidcAccessTokenVerifier,
  async configureApp(app, config) {
    app.use(auditRecorder(app.get(AuditLog)));
    configureGatewayApp(app, config);
    configureIdentity(app);
    serveWebApp(app, config);
  },
};
