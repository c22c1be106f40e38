import { Module } from '@nestjs/common';
import { InstructorDirectoryConsumer } from './instructor-directory.consumer';
import { InstructorDirectoryController } from './instructor-directory.controller';

@Module({ controllers: [InstructorDirectoryConsumer, InstructorDirectoryController] })
export class InstructorDirectoryModule {}
