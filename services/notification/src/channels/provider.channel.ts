import { KeptAliveHttp } from '@sinergi/platform';
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

/**
 * SMS or WhatsApp through the generic provider webhook: one signed, idempotent POST per message, on kept-alive
 * connections (KeptAliveHttp: fetch cost about four times the CPU a message). Redirects are not followed.
 */
export class ProviderChannel implements ChannelAdapter {
  private readonly http: KeptAliveHttp;

  constructor(
    readonly name: 'sms' | 'whatsapp',
    private readonly settings: ProviderSettings,
  ) {
    this.http = new KeptAliveHttp(settings.url);
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
    const headers = {
      'content-type': 'application/json',
      'idempotency-key': message.deliveryId,
      'x-sinergi-signature': signProviderRequest(this.settings.secret, body),
    };
    const signal = AbortSignal.timeout(this.settings.timeoutMs);
    let answer: { status: number; text: string };
    try {
      const { status, body: answered } = await this.http.request('POST', '/messages', headers, body, signal);
      answer = { status, text: answered.toString('utf8') };
    } catch (error) {
      throw networkFailure(signal.aborted ? signal.reason : (error as Error), this.settings.timeoutMs);
    }
    if (answer.status >= 200 && answer.status < 300) return { providerMessageId: providerMessageIdFrom(answer.text) };
    throw classifyProviderResponse(answer.status, answer.text);
  }

  /** Ends the kept-alive connections (at shutdown). */
  close(): void {
    this.http.close();
  }
}
