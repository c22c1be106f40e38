import { DeliveryError } from './channel.port';
import { classifyProviderResponse, classifySmtpError, networkFailure, providerMessageIdFrom, redactContacts, SmtpFailure } from './delivery-errors.rules';

const smtpFailure = (fields: Partial<SmtpFailure>): SmtpFailure => Object.assign(new Error(fields.response ?? 'failed'), fields);

describe('provider responses', () => {
  it.each([408, 429, 500, 502, 503, 504])('%i may pass on a retry: transient', (status) => {
    const error = classifyProviderResponse(status, '');
    expect(error).toBeInstanceOf(DeliveryError);
    expect(error.permanent).toBe(false);
    expect(error.message).toContain(String(status));
  });

  it.each([400, 403, 404, 409, 413, 422, 301])('%i will not pass on a retry: permanent', (status) => {
    expect(classifyProviderResponse(status, '').permanent).toBe(true);
  });

  it('a refused signature is permanent and points at the secret', () => {
    const error = classifyProviderResponse(401, '{"error":"bad signature"}');
    expect(error.permanent).toBe(true);
    expect(error.message).toContain('MESSAGING_PROVIDER_SECRET');
  });

  it('keeps the recipient out of the message when the provider repeats it', () => {
    const error = classifyProviderResponse(422, '{"error":"+6281234567890 is not on WhatsApp"}');
    expect(error.message).not.toContain('6281234567890');
    expect(error.message).toContain('<number> is not on WhatsApp');
  });
});

describe('provider answers and silences', () => {
  it('takes the providerMessageId from a 2xx answer; an answer without one is transient', () => {
    expect(providerMessageIdFrom('{"providerMessageId":"pm-1"}')).toBe('pm-1');
    for (const body of ['{}', '{"providerMessageId":""}', 'accepted']) {
      expect(() => providerMessageIdFrom(body)).toThrow(expect.objectContaining({ permanent: false, message: expect.stringContaining('without a providerMessageId') }));
    }
  });

  it('a timeout or a network error is transient, with the contact cut out of the cause', () => {
    const timeout = Object.assign(new Error('aborted'), { name: 'TimeoutError' });
    expect(networkFailure(timeout, 10_000)).toMatchObject({ permanent: false, message: 'the messaging provider did not answer within 10000 ms' });
    const refused = new Error('fetch failed', { cause: new Error('connect ECONNREFUSED for +6281234567890') });
    expect(networkFailure(refused, 10_000)).toMatchObject({ permanent: false, message: 'could not reach the messaging provider: connect ECONNREFUSED for <number>' });
  });
});

describe('SMTP failures', () => {
  it('a 5xx reply is permanent', () => {
    const error = classifySmtpError(smtpFailure({ code: 'EENVELOPE', responseCode: 550, response: '550 5.1.1 <budi@example.id>: mailbox unavailable' }));
    expect(error.permanent).toBe(true);
    expect(error.message).toContain('550');
    expect(error.message).not.toContain('budi@example.id');
  });

  it('a 4xx reply is transient', () => {
    expect(classifySmtpError(smtpFailure({ code: 'EENVELOPE', responseCode: 451, response: '451 try again later' })).permanent).toBe(false);
  });

  it.each(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS'])('%s (no reply at all) is transient', (code) => {
    expect(classifySmtpError(smtpFailure({ code })).permanent).toBe(false);
  });

  it('an envelope refused before sending (no valid recipient) is permanent', () => {
    expect(classifySmtpError(smtpFailure({ code: 'EENVELOPE', response: undefined })).permanent).toBe(true);
  });
});

describe('redactContacts', () => {
  it('cuts out addresses and phone numbers in any common form, and long texts', () => {
    expect(redactContacts('to siti.rahma@mail.co.id or 0812-3456-7890 or +62 812 3456 7890')).toBe('to <address> or <number> or <number>');
    expect(redactContacts('x'.repeat(400))).toHaveLength(303);
  });
});
