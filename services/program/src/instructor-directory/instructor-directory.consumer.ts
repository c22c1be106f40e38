import { Controller } from '@nestjs/common';
import { InstructorProfile, instructorRegisteredEvent, instructorUpdatedEvent } from '@sinergi/contracts';
import { InboxContext, OnEvent } from '@sinergi/messaging';
import { DirectoryInstructor } from './directory-instructor.entity';

/** Both events carry the instructor's full public profile, in order per instructor, so each one replaces the copy. */
@Controller()
export class InstructorDirectoryConsumer {
  @OnEvent(instructorRegisteredEvent)
  onInstructorRegistered(profile: InstructorProfile, context: InboxContext): Promise<void> {
    return upsert(profile, context);
  }

  @OnEvent(instructorUpdatedEvent)
  onInstructorUpdated(profile: InstructorProfile, context: InboxContext): Promise<void> {
    return upsert(profile, context);
  }
}

async function upsert(profile: InstructorProfile, context: InboxContext): Promise<void> {
  await context.manager.upsert(
    DirectoryInstructor,
    {
      instructorId: profile.instructorId,
      homeProvinceCode: profile.homeProvinceCode,
      competencies: profile.competencies,
      maxClassesPerPeriod: profile.maxClassesPerPeriod,
      active: profile.active,
    },
    ['instructorId'],
  );
}
