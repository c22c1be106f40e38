import { maskEmail, maskName, maskPersonalFields, maskPersonalText, maskPhone } from './masking';

describe('masking personal data', () => {
  it('keeps the initial of each name', () => {
    expect(maskName('Siti  Nurhaliza')).toBe('S*** N***');
  });

  it('keeps the mobile prefix and the last three digits of a phone', () => {
    expect(maskPhone('0812345123')).toBe('08*****123');
    expect(maskPhone('+6281234567890')).toBe('+628*******890');
    expect(maskPhone('0812')).toBe('****');
  });

  it('keeps the first letter and the domain of an e-mail address', () => {
    expect(maskEmail('siti@example.id')).toBe('s***@example.id');
    expect(maskEmail('not-an-address')).toBe('***');
  });
});

describe('masking the personal fields of a message', () => {
  it('masks fields by their personal names at any depth, and NIKs, e-mails and phones in any other text', () => {
    const envelope = {
      id: 'e-1',
      type: 'ParticipantRegistered',
      data: {
        participant: { nik: '3201234567890012', fullName: 'Siti Nurhaliza', contact: { phone: '+6281234567890', email: 'siti@example.id' }, birthDate: '1990-05-15' },
        nominees: [{ name: 'Budi Santoso', nikList: ['3201234567890013'] }],
        seats: 20,
        note: 'call 081234567890 or mail budi@example.id about 3201234567890014',
      },
    };
    expect(maskPersonalFields(envelope)).toEqual({
      id: 'e-1',
      type: 'ParticipantRegistered',
      data: {
        participant: { nik: '**************12', fullName: 'S*** N***', contact: { phone: '+628*******890', email: 's***@example.id' }, birthDate: '****-**-**' },
        nominees: [{ name: 'B*** S***', nikList: ['**************13'] }],
        seats: 20,
        note: 'call 08*******890 or mail b***@example.id about **************14',
      },
    });
  });

  it('leaves text without personal data as it is', () => {
    expect(maskPersonalText('batch 9d3c is full (seats 20)')).toBe('batch 9d3c is full (seats 20)');
  });
});
