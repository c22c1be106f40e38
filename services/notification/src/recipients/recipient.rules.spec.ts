import { recipientLanguage } from './recipient.rules';

describe('recipientLanguage', () => {
  it("is the recipient's preference, else their card's, else Bahasa Indonesia", () => {
    expect(recipientLanguage('en', 'id')).toBe('en');
    expect(recipientLanguage(null, 'en')).toBe('en');
    expect(recipientLanguage(null, null)).toBe('id');
  });
});
