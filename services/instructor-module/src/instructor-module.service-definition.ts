import { ServiceDefinition } from '@sinergi/platform';
import { Assignment } from './assignments/assignment.entity';
import { AssignmentsModule } from './assignments/assignments.module';
import { Instructor, InstructorUnavailableDay } from './instructors/instructor.entity';
import { InstructorsModule } from './instructors/instructors.module';
import { InstructorModuleConfig } from './instructor-module.config';
import { CreateTrainingModules1732700000400 } from './migrations/1732700000400-create-training-modules';
import { CreateInstructors1732700000410 } from './migrations/1732700000410-create-instructors';
import { CreateAssignments1732700000420 } from './migrations/1732700000420-create-assignments';
import { RosterModule } from './roster/roster.module';
import { TrainingModule } from './training-modules/training-module.entity';
import { TrainingModulesModule } from './training-modules/training-modules.module';

export const instructorModuleService: ServiceDefinition<InstructorModuleConfig> = {
  name: 'instructor-module',
  configClass: InstructorModuleConfig,
  modules: [TrainingModulesModule, InstructorsModule, RosterModule, AssignmentsModule],
  entities: [TrainingModule, Instructor, InstructorUnavailableDay, Assignment],
  migrations: [CreateTrainingModules1732700000400, CreateInstructors1732700000410, CreateAssignments1732700000420],
  consumesEvents: true,
  // A bulk plan lands as hundreds of classes at once, spread over the batches topic's six partitions.
  partitionsConsumedConcurrently: 6,
};
