import { Injectable, Logger, Module, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { GatewayConfig } from '../gateway.config';
import { ParticipantSignInCodesModule } from '../sign-in-codes';
import { AuthController } from './auth.controller';
import { BrowserSessions } from './browser-sessions';
import { DashboardClient } from './dashboard-client';
import { ExpiredIdentityRows } from './expired-identity-rows';
import { createEmbeddedProvider } from './embedded-provider';
import { IdentityAccounts } from './identity-accounts';
import { OIDC_PROVIDER } from './identity.tokens';
import { InteractionController } from './interaction.controller';
import { LocalAccounts } from './local-accounts';
import { SessionAccess } from './session-access';
import { SignInAttempts } from './sign-in-attempts';

/** Seeds the local staff accounts from LOCAL_ACCOUNTS_FILE (npm start writes it) when the gateway starts. */
@Injectable()
class LocalAccountSeeding implements OnModuleInit {
  constructor(
    private readonly config: GatewayConfig,
    private readonly accounts: LocalAccounts,
  ) {}

  async onModuleInit(): Promise<void> {
    if (!this.config.LOCAL_ACCOUNTS_FILE) return;
    await this.accounts.seedFromFile(this.config.LOCAL_ACCOUNTS_FILE);
    new Logger('identity').log('seeded the local staff accounts');
  }
}

/** Signing in: the embedded OpenID provider (unless OIDC_ISSUER names another), its pages, and the browser sessions. */
@Module({
  imports: [ParticipantSignInCodesModule],
  controllers: [AuthController, InteractionController],
  providers: [
    LocalAccounts,
    IdentityAccounts,
    SignInAttempts,
    BrowserSessions,
    DashboardClient,
    SessionAccess,
    LocalAccountSeeding,
    ExpiredIdentityRows,
    {
      provide: OIDC_PROVIDER,
      inject: [GatewayConfig, DataSource, IdentityAccounts],
      useFactory: (config: GatewayConfig, dataSource: DataSource, accounts: IdentityAccounts) =>
        config.OIDC_ISSUER ? null : createEmbeddedProvider(config, dataSource, accounts),
    },
  ],
  exports: [OIDC_PROVIDER, BrowserSessions, SessionAccess, LocalAccounts],
})
export class IdentityModule {}
