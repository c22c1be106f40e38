import { validateSync } from 'class-validator';
import { IsCivilDate, isCivilDate } from './civil-date';

class Signed {
  @IsCivilDate()
  signedOn!: string;
}

describe('IsCivilDate', () => {
  it.each(['2025-03-25', '2024-02-29'])('accepts %s', (day) => expect(isCivilDate(day)).toBe(true));

  it.each(['2025-03-25T10:00:00Z', '2025-02-29', '2025-13-01', '25-03-2025', '', 20250325])('refuses %p', (value) => expect(isCivilDate(value)).toBe(false));

  it('names the rule isCivilDate', () => {
    const [error] = validateSync(Object.assign(new Signed(), { signedOn: '2025-03-25T10:00:00Z' }));
    expect(error.constraints).toEqual({ isCivilDate: 'signedOn must be a date as YYYY-MM-DD' });
  });
});
