import { Recipient } from '../recipients/recipient-directory.service';
import { chooseChannels } from './channel-choice.rules';

const recipient = (contact: Recipient['contact'], channels: Recipient['preferences']['channels'] = null): Recipient => ({
  kind: 'participant',
  id: 'p',
  contact,
  language: 'id',
  preferences: { language: null, channels, optOut: false },
});

describe('chooseChannels', () => {
  const both = { fullName: 'Siti', email: 'siti@example.id', phone: '+6281234567890' };

  it('follows the default order, skipping channels without an adapter or a contact', () => {
    expect(chooseChannels(recipient(both), 'whatsapp,sms,email', ['email', 'sms', 'whatsapp']).map((target) => target.channel)).toEqual(['whatsapp', 'sms', 'email']);
    expect(chooseChannels(recipient(both), 'whatsapp,sms,email', ['email'])).toEqual([{ channel: 'email', to: 'siti@example.id' }]);
    expect(chooseChannels(recipient({ fullName: 'Siti', email: 'siti@example.id' }), 'sms,email', ['email', 'sms'])).toEqual([{ channel: 'email', to: 'siti@example.id' }]);
  });

  it("prefers the recipient's own order", () => {
    expect(chooseChannels(recipient(both, ['email', 'sms']), 'whatsapp,sms,email', ['email', 'sms', 'whatsapp']).map((target) => target.channel)).toEqual(['email', 'sms']);
  });

  it('offers nothing without a contact card', () => {
    expect(chooseChannels(recipient(null), 'email', ['email'])).toEqual([]);
    expect(chooseChannels(null, 'email', ['email'])).toEqual([]);
  });
});
