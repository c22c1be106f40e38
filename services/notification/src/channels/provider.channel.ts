import { ChannelAdapter, DeliveryError, OutgoingMessage } from './channel.port';
import { signProviderRequest } from './provider-signature.rules';
import { redactContacts } from './delivery-errors.rules';

export interface ProviderSettings {
  /** The provider's base URL; messages go to `<url>/messages`. */
  url: string;
  /** HMAC-SHA256 key both sides hold. */
  secret: string;
  timeoutMs: number;
}

/** The JSON body of POST /messages, as services/notification/README.md documents it. */
export interface ProviderMessageRequest {
  deliveryId: string;
  channel: 'sms' | 'whatsapp';
  to: string;
  text: string;
  language: 'id' | 'en';
}

/** SMS or WhatsApp through the generic provider webhook: one signed, idempotent POST per message. */
export class ProviderChannel implements ChannelAdapter {
  private readonly endpoint: string;

  constructor(
    readonly name: 'sms' | 'whatsapp',
    private readonly settings: ProviderSettings,
  ) {
    this.endpoint = `${settings.url.replace(/\/+$/, '')}/messages`;
  }

  async send(message: OutgoingMessage): Promise<{ providerMessageId: string }> {
    const request: ProviderMessageRequest = {
      deliveryId: message.deliveryId,
      channel: this.name,
      to: message.to,
      text: message.text,
      language: message.language,
    };
    const body = JSON.stringify(request);
    let response: Response;
    try {
      response = await fetch(this.endpoint, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'idempotency-key': message.deliveryId,
          'x-sinergi-signature': signProviderRequest(this.settings.secret, body),
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.settings.timeoutMs),
      });
    } catch (error) {
      throw networkFailure(error as Error, this.settings.timeoutMs);
    }
    const responseText = await response.text().catch(() => '');
    if (response.ok) return { providerMessageId: providerMessageIdFrom(responseText) };
    throw classifyProviderResponse(response.status, responseText);
  }
}

function networkFailure(error: Error, timeoutMs: number): DeliveryError {
  if (error.name === 'TimeoutError' || error.name === 'AbortError') {
    return new DeliveryError(`the messaging provider did not answer within ${timeoutMs} ms`, false);
  }
  const cause = (error.cause as Error | undefined)?.message ?? error.message;
  return new DeliveryError(`could not reach the messaging provider: ${redactContacts(cause)}`, false);
}

function providerMessageIdFrom(responseText: string): string {
  try {
    const id = (JSON.parse(responseText) as { providerMessageId?: unknown }).providerMessageId;
    if (typeof id === 'string' && id !== '') return id;
  } catch {
    // fall through: a 2xx without the id breaks the contract, but the message may have been taken
  }
  // Transient: a retry carries the same Idempotency-Key, so the provider answers with the message it already has.
  throw new DeliveryError('the messaging provider answered 2xx without a providerMessageId', false);
}

/** 408, 429 and 5xx may pass on a retry; any other non-2xx (400, 401 bad signature, 422, 3xx) will not. */
export function classifyProviderResponse(status: number, responseText: string): DeliveryError {
  const detail = responseText ? `: ${redactContacts(responseText)}` : '';
  const transient = status === 408 || status === 429 || status >= 500;
  if (status === 401) return new DeliveryError(`the messaging provider refused the signature (401); check MESSAGING_PROVIDER_SECRET${detail}`, true);
  return new DeliveryError(`the messaging provider answered ${status}${detail}`, !transient);
}
