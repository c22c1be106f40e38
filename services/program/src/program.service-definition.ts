import { ServiceConfig, ServiceDefinition } from '@sinergi/platform';
import { Agreement } from './agreements/agreement.entity';
import { AgreementsModule } from './agreements/agreements.module';
import { CreateAgreements1732700000100 } from './migrations/1732700000100-create-agreements';

export const programService: ServiceDefinition = {
  name: 'program',
  configClass: ServiceConfig,
  modules: () => [AgreementsModule],
  entities: [Agreement],
  migrations: [CreateAgreements1732700000100],
  consumesEvents: false,
};
