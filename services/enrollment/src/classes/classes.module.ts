import { Module } from '@nestjs/common';
import { ClassInstructorsConsumer } from './class-instructors.consumer';
import { ClassesConsumer } from './classes.consumer';

@Module({ controllers: [ClassesConsumer, ClassInstructorsConsumer] })
export class ClassesModule {}
