import { ChannelAdapter, OutgoingMessage } from './channel.port';
import { classifyProviderResponse, networkFailure, providerMessageIdFrom } from './delivery-errors.rules';
import { signProviderRequest } from './provider-signature.rules';

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
