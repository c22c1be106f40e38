import { ServiceDefinition } from '@sinergi/platform';
import { GatewayConfig } from './gateway.config';
import { CreateSignInCodes1732700000600 } from './migrations/1732700000600-create-sign-in-codes';
import { SchemasModule } from './schemas/schemas.module';
import { SignInCode, SignInCodeRequest } from './sign-in-codes/sign-in-code.entity';

export const gatewayService: ServiceDefinition<GatewayConfig> = {
  name: 'gateway',
  configClass: GatewayConfig,
  modules: [SchemasModule],
  entities: [SignInCode, SignInCodeRequest],
  migrations: [CreateSignInCodes1732700000600],
  consumesEvents: false,
};
