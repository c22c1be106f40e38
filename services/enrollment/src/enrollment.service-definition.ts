import { ServiceDefinition } from '@sinergi/platform';
import { Batch } from './classes/batch.entity';
import { ClassesModule } from './classes/classes.module';
import { Programme } from './classes/programme.entity';
import { EnrollmentConfig } from './enrollment.config';
import { EnrollmentConfigModule } from './enrollment-config.module';
import { Enrollment } from './enrollments/enrollment.entity';
import { EnrollmentsModule } from './enrollments/enrollments.module';
import { IdempotentRequest } from './enrollments/idempotent-request.entity';
import { CreateParticipants1732700000300 } from './migrations/1732700000300-create-participants';
import { CreateClasses1732700000310 } from './migrations/1732700000310-create-classes';
import { CreateEnrollments1732700000320 } from './migrations/1732700000320-create-enrollments';
import { AddExpiryAndWithdrawal1732700000330 } from './migrations/1732700000330-add-expiry-and-withdrawal';
import { Participant } from './participants/participant.entity';
import { ParticipantsModule } from './participants/participants.module';

export const enrollmentService: ServiceDefinition = {
  name: 'enrollment',
  configClass: EnrollmentConfig,
  modules: (config) => [EnrollmentConfigModule.forRoot(config), ParticipantsModule, ClassesModule, EnrollmentsModule],
  entities: [Participant, Programme, Batch, Enrollment, IdempotentRequest],
  migrations: [CreateParticipants1732700000300, CreateClasses1732700000310, CreateEnrollments1732700000320, AddExpiryAndWithdrawal1732700000330],
  consumesEvents: true,
};
