import { SealedPayload, SignInCodeChannel, SignInCodeRequested } from '@sinergi/contracts';
import type { ChannelTarget } from '../deliveries/channel-choice.rules';

/** The delivery param that holds the sealed code until the delivery is final; then it is erased. */
export const SEALED_CODE_PARAM = 'sealedCode';

export interface SignInCodeParams {
  [SEALED_CODE_PARAM]: SealedPayload;
  channel: SignInCodeChannel;
  expiresAt: string;
}

/** What a sign-in code's delivery keeps: the code still sealed, the kind of contact it goes to, when it stops mattering. */
export function signInCodeParams(event: SignInCodeRequested): SignInCodeParams {
  return { [SEALED_CODE_PARAM]: event.code, channel: event.channel, expiresAt: event.expiresAt };
}

export function signInCodeParamsOf(params: Record<string, unknown>): SignInCodeParams | undefined {
  return params[SEALED_CODE_PARAM] ? (params as unknown as SignInCodeParams) : undefined;
}

/** The params as anyone outside the dispatcher may see them: without the sealed code. */
export function withoutSealedCode(params: Record<string, unknown>): Record<string, unknown> {
  const { [SEALED_CODE_PARAM]: _sealed, ...rest } = params;
  return rest;
}

/** A code asked for with a phone number goes by SMS or WhatsApp, one asked for with an e-mail address by e-mail. */
export function signInCodeChannels(channels: ChannelTarget[], channel: SignInCodeChannel): ChannelTarget[] {
  return channels.filter((target) => (channel === 'email' ? target.channel === 'email' : target.channel !== 'email'));
}

export function signInCodeExpired(params: SignInCodeParams, now: Date): boolean {
  return new Date(params.expiresAt).getTime() <= now.getTime();
}
