import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A class's current instructor (InstructorAssigned), until the assignment is released or withdrawn. */
@Entity('class_instructors')
export class ClassInstructor {
  @PrimaryColumn('uuid', { name: 'batch_id' })
  batchId!: string;

  @Column('uuid', { name: 'assignment_id' })
  assignmentId!: string;

  @Column('uuid', { name: 'instructor_id' })
  instructorId!: string;
}
