import { Controller } from '@nestjs/common';
import { SignInCodeRequested, signInCodeRequestedEvent } from '@sinergi/contracts';
import { InboxContext, OnEvent } from '@sinergi/messaging';
import { DeliveryPlanner } from '../deliveries/delivery-planner.service';
import { signInCodeParams } from './sign-in-code.rules';

/** The gateway's one-time sign-in codes: one delivery each, the code kept sealed until the dispatcher sends it. */
@Controller()
export class SignInCodesConsumer {
  constructor(private readonly planner: DeliveryPlanner) {}

  @OnEvent(signInCodeRequestedEvent)
  async onRequested(event: SignInCodeRequested, context: InboxContext): Promise<void> {
    await this.planner.plan(context.manager, context.envelope, [
      { recipientKind: 'participant', recipientId: event.participantId, template: 'sign-in-code', params: { ...signInCodeParams(event) } },
    ]);
  }
}
