import { Module } from '@nestjs/common';
import { DeliveriesModule } from '../deliveries/deliveries.module';
import { SignInCodesConsumer } from './sign-in-codes.consumer';

/** Sign-in codes from the gateway, sent like any message to the participant's phone or e-mail. */
@Module({ imports: [DeliveriesModule], controllers: [SignInCodesConsumer] })
export class SignInCodesModule {}
