import { Injectable } from '@nestjs/common';
import { SealedSignInCode, SealKey, sealKeyFrom, unseal } from '@sinergi/contracts';
import { NotificationConfig } from '../notification.config';
import { SignInCodeParams } from './sign-in-code.rules';

/** Opens a sign-in code the gateway sealed with SIGN_IN_CODE_SEAL_KEY for one participant, just before it is sent. */
@Injectable()
export class SignInCodeOpener {
  private readonly key: SealKey;

  constructor(config: NotificationConfig) {
    this.key = sealKeyFrom(config.SIGN_IN_CODE_SEAL_KEY);
  }

  open(params: SignInCodeParams, participantId: string): string {
    return unseal<SealedSignInCode>(params.sealedCode, [this.key], participantId).code;
  }
}
