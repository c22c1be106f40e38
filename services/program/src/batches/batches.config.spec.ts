import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@sinergi/platform';
import { ProgramConfig } from './batches.config';

const common = { HTTP_PORT: '0', DATABASE_URL: 'postgres://u:p@localhost:5432/sinergi_program', KAFKA_BROKERS: '127.0.0.1:9092', INTERNAL_TOKEN_JWKS: '{"keys":[]}' };
const folder = mkdtempSync(join(tmpdir(), 'holiday-calendar-'));

function calendarFile(name: string, content: string): string {
  const path = join(folder, name);
  writeFileSync(path, content);
  return path;
}

const load = (HOLIDAY_CALENDAR_FILE?: string) => loadConfig(ProgramConfig, 'program', HOLIDAY_CALENDAR_FILE ? { ...common, HOLIDAY_CALENDAR_FILE } : common);

describe('program config: the holiday calendar', () => {
  it('reads the shipped calendar unless told otherwise', () => {
    const holidays = load().holidays;
    expect(['2025-05-01', '2025-05-12', '2025-05-13', '2025-05-29', '2025-05-30'].every((day) => holidays.has(day))).toBe(true);
    expect(holidays.has('2025-05-02')).toBe(false);
  });

  it("reads an operator's own file", () => {
    const own = calendarFile(
      'own.json',
      JSON.stringify({ years: [{ year: 2028, status: 'decreed', source: 'SKB 2028', days: [{ date: '2028-05-01', kind: 'national-holiday', name: 'Hari Buruh' }] }] }),
    );
    expect([...load(own).holidays]).toEqual(['2028-05-01']);
  });

  it('refuses to start on a file it cannot use, naming the setting, the field and the rule', () => {
    expect(() => load(join(folder, 'missing.json'))).toThrow(/HOLIDAY_CALENDAR_FILE: must name a holiday calendar JSON file .*the file cannot be read \(ENOENT\)/);
    expect(() => load(calendarFile('broken.json', '{"years": ['))).toThrow(/HOLIDAY_CALENDAR_FILE: .*the file is not JSON/);
    const badDate = calendarFile('bad-date.json', JSON.stringify({ years: [{ year: 2028, status: 'decreed', source: 'SKB', days: [{ date: '1 Mei', kind: 'national-holiday', name: 'x' }] }] }));
    expect(() => load(badDate)).toThrow(/HOLIDAY_CALENDAR_FILE: .*\/years\/0\/days\/0\/date: must match format "date"/);
    const wrongYear = calendarFile('wrong-year.json', JSON.stringify({ years: [{ year: 2028, status: 'decreed', source: 'SKB', days: [{ date: '2029-05-01', kind: 'national-holiday', name: 'x' }] }] }));
    expect(() => load(wrongYear)).toThrow(/\/years\/0\/days\/0\/date: in-its-year \(2029-05-01 is not in 2028\)/);
  });
});
