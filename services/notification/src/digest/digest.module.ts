import { Module } from '@nestjs/common';
import { DeliveriesModule } from '../deliveries/deliveries.module';
import { DigestTimer } from './digest.timer';

/** The admins' daily digest. */
@Module({ imports: [DeliveriesModule], providers: [DigestTimer] })
export class DigestModule {}
