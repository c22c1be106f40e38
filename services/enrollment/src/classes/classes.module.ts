import { Module } from '@nestjs/common';
import { ClassesConsumer } from './classes.consumer';

@Module({ controllers: [ClassesConsumer] })
export class ClassesModule {}
