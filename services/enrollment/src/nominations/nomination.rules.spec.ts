import { BadRequestException, ConflictException } from '@nestjs/common';
import { problemsOf, recordRefOf } from './nomination.rules';

describe('nomination rules', () => {
  it('names a record by its recordRef, or by its place when it has none', () => {
    expect(recordRefOf({ recordRef: 'PLUT-7' }, 3)).toBe('PLUT-7');
    expect(recordRefOf({ recordRef: '' }, 3)).toBe('records[3]');
    expect(recordRefOf('not a record', 4)).toBe('records[4]');
  });

  it('turns `field: rule` errors into problems', () => {
    expect(problemsOf(new BadRequestException({ message: ['nik: must be exactly 16 digits', 'phone: must be mobile'] }))).toEqual([
      { field: 'nik', rule: 'must be exactly 16 digits' },
      { field: 'phone', rule: 'must be mobile' },
    ]);
    expect(problemsOf(new ConflictException('nik: a participant with this NIK is already registered'))).toEqual([
      { field: 'nik', rule: 'a participant with this NIK is already registered' },
    ]);
  });
});
