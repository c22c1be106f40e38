import { ServiceConfig, ServiceDefinition } from '@sinergi/platform';
import { Agreement } from './agreements/agreement.entity';
import { AgreementsModule } from './agreements/agreements.module';
import { CreateAgreements1732700000100 } from './migrations/1732700000100-create-agreements';
import { CreateProgrammes1732700000110 } from './migrations/1732700000110-create-programmes';
import { Programme } from './programmes/programme.entity';
import { ProgrammesModule } from './programmes/programmes.module';

export const programService: ServiceDefinition = {
  name: 'program',
  configClass: ServiceConfig,
  modules: () => [AgreementsModule, ProgrammesModule],
  entities: [Agreement, Programme],
  migrations: [CreateAgreements1732700000100, CreateProgrammes1732700000110],
  consumesEvents: false,
};
