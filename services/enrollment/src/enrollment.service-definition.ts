import { ServiceDefinition } from '@sinergi/platform';
import { AttendanceRecord } from './attendance/attendance-record.entity';
import { AttendanceModule } from './attendance/attendance.module';
import { Certificate } from './certificates/certificate.entity';
import { CertificatesModule } from './certificates/certificates.module';
import { Batch } from './classes/batch.entity';
import { ClassInstructor } from './classes/class-instructor.entity';
import { ClassesModule } from './classes/classes.module';
import { Programme } from './classes/programme.entity';
import { EnrollmentConfig } from './enrollment.config';
import { Enrollment } from './enrollments/enrollment.entity';
import { EnrollmentsModule } from './enrollments/enrollments.module';
import { IdentityModule } from './identity/identity.module';
import { CreateParticipants1732700000300 } from './migrations/1732700000300-create-participants';
import { CreateClasses1732700000310 } from './migrations/1732700000310-create-classes';
import { CreateEnrollments1732700000320 } from './migrations/1732700000320-create-enrollments';
import { AddExpiryAndWithdrawal1732700000330 } from './migrations/1732700000330-add-expiry-and-withdrawal';
import { AddIdentityAndLanguage1732700000340 } from './migrations/1732700000340-add-identity-and-language';
import { AddSelection1732700000350 } from './migrations/1732700000350-add-selection';
import { AddNominationRecords1732700000360 } from './migrations/1732700000360-add-nomination-records';
import { AddClassChangesAttendanceCertificates1732700000370 } from './migrations/1732700000370-add-class-changes-attendance-certificates';
import { AddContactLookupIndexes1732700000390 } from './migrations/1732700000390-add-contact-lookup-indexes';
import { AddClassDates1732700000394 } from './migrations/1732700000394-add-class-dates';
import { MoveSelectionEntries1732700000400 } from './migrations/1732700000400-move-selection-entries';
import { AddClassInstructors1732700000410 } from './migrations/1732700000410-add-class-instructors';
import { VerifiableLetters1732700000420 } from './migrations/1732700000420-verifiable-letters';
import { ClassChangeOffer } from './moves/class-change-offer.entity';
import { MovesModule } from './moves/moves.module';
import { Participant } from './participants/participant.entity';
import { NominationsModule } from './nominations/nominations.module';
import { ParticipantsModule } from './participants/participants.module';
import { SelectionEntry } from './selection/selection-entry.entity';
import { SelectionModule } from './selection/selection.module';

export const enrollmentService: ServiceDefinition<EnrollmentConfig> = {
  name: 'enrollment',
  configClass: EnrollmentConfig,
  modules: [ParticipantsModule, ClassesModule, EnrollmentsModule, IdentityModule, SelectionModule, NominationsModule, MovesModule, AttendanceModule, CertificatesModule],
  entities: [Participant, Programme, Batch, Enrollment, ClassChangeOffer, AttendanceRecord, Certificate, SelectionEntry, ClassInstructor],
  migrations: [CreateParticipants1732700000300, CreateClasses1732700000310, CreateEnrollments1732700000320, AddExpiryAndWithdrawal1732700000330, AddIdentityAndLanguage1732700000340, AddSelection1732700000350, AddNominationRecords1732700000360, AddClassChangesAttendanceCertificates1732700000370, AddContactLookupIndexes1732700000390, AddClassDates1732700000394, MoveSelectionEntries1732700000400, AddClassInstructors1732700000410, VerifiableLetters1732700000420],
  consumesEvents: true,
};
