import { ServiceDefinition } from '@sinergi/platform';
import { Agreement } from './agreements/agreement.entity';
import { AgreementsModule } from './agreements/agreements.module';
import { Batch } from './batches/batch.entity';
import { BatchTransition } from './batches/batch-transition.entity';
import { ProgramConfig } from './batches/batches.config';
import { BatchesModule } from './batches/batches.module';
import { CreateAgreements1732700000100 } from './migrations/1732700000100-create-agreements';
import { CreateProgrammes1732700000110 } from './migrations/1732700000110-create-programmes';
import { CreateVenueDirectory1732700000200 } from './migrations/1732700000200-create-venue-directory';
import { CreateBatches1732700000210 } from './migrations/1732700000210-create-batches';
import { AddBatchFill1732700000220 } from './migrations/1732700000220-add-batch-fill';
import { AddTeachingDays1732700000230 } from './migrations/1732700000230-add-teaching-days';
import { CreateInstructorDirectory1732700000240 } from './migrations/1732700000240-create-instructor-directory';
import { DirectoryInstructor, InstructorBookingRow } from './instructor-directory/directory-instructor.entity';
import { InstructorDirectoryModule } from './instructor-directory/instructor-directory.module';
import { Programme } from './programmes/programme.entity';
import { ProgrammesModule } from './programmes/programmes.module';
import { DirectoryVenue } from './venue-directory/directory-venue.entity';
import { VenueDirectoryModule } from './venue-directory/venue-directory.module';

export const programService: ServiceDefinition<ProgramConfig> = {
  name: 'program',
  configClass: ProgramConfig,
  modules: [AgreementsModule, ProgrammesModule, VenueDirectoryModule, InstructorDirectoryModule, BatchesModule],
  entities: [Agreement, Programme, DirectoryVenue, DirectoryInstructor, InstructorBookingRow, Batch, BatchTransition],
  migrations: [
    CreateAgreements1732700000100,
    CreateProgrammes1732700000110,
    CreateVenueDirectory1732700000200,
    CreateBatches1732700000210,
    AddBatchFill1732700000220,
    AddTeachingDays1732700000230,
    CreateInstructorDirectory1732700000240,
  ],
  consumesEvents: true,
  // A bulk plan lands as hundreds of classes at once, spread over the batches topic's six partitions.
  partitionsConsumedConcurrently: 6,
};
