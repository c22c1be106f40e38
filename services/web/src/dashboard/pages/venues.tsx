import { useState } from 'preact/hooks';
import type { VenueDay } from '@sinergi/contracts/http/dashboards';
import { api } from '../../shared/api';
import { formatDate, formatNumber, useT } from '../../shared/i18n';
import type { Session } from '../../shared/session';
import { CsvLink, ErrorNotice, Field, Loading } from '../../shared/ui';
import { useData } from '../live';

const messages = {
  title: { id: 'Pemakaian tempat', en: 'Venue utilisation' },
  venue: { id: 'Kode tempat', en: 'Venue code' },
  month: { id: 'Bulan', en: 'Month' },
  classes: { id: 'kelas', en: 'classes' },
  rooms: { id: 'Ruang', en: 'Rooms' },
  pick: { id: 'Isi kode tempat untuk melihat kalendernya.', en: 'Enter a venue code to see its calendar.' },
  free: { id: 'kosong', en: 'free' },
};

function monthRange(month: string): { from: string; to: string } {
  const [year, monthNumber] = month.split('-').map(Number);
  const last = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/** Rooms in use by day at one venue, a month at a time, as a calendar (Monday first). */
export function VenuesPage({ session }: { session: Session }) {
  const t = useT(messages);
  const [venue, setVenue] = useState(session.venueCodes[0] ?? '');
  const [month, setMonth] = useState(new Date().toISOString().slice(0, 7));
  const range = monthRange(month);
  const days = useData(
    (signal) => (venue ? api.get<VenueDay[]>(`/api/v1/dashboard/venues/${encodeURIComponent(venue)}/utilisation`, range, signal) : Promise.resolve(undefined)),
    [venue, month],
    (change) => !change.venueCode || change.venueCode === venue,
  );
  const byDay = new Map((days.data ?? []).map((day) => [day.day, day]));
  const first = new Date(`${range.from}T00:00:00Z`);
  const blanks = (first.getUTCDay() + 6) % 7;
  const calendarDays: string[] = [];
  for (let day = new Date(first); day.toISOString().slice(0, 10) <= range.to; day.setUTCDate(day.getUTCDate() + 1)) calendarDays.push(day.toISOString().slice(0, 10));
  return (
    <>
      <h1>{t('title')}</h1>
      <div class="toolbar">
        <Field label={t('venue')}>
          {session.venueCodes.length > 0 ? (
            <select value={venue} onChange={(event) => setVenue((event.currentTarget as HTMLSelectElement).value)}>
              {session.venueCodes.map((code) => (
                <option key={code}>{code}</option>
              ))}
            </select>
          ) : (
            <input value={venue} onChange={(event) => setVenue((event.currentTarget as HTMLInputElement).value.trim())} />
          )}
        </Field>
        <Field label={t('month')}>
          <input type="month" value={month} onChange={(event) => setMonth((event.currentTarget as HTMLInputElement).value || month)} />
        </Field>
        {venue ? <CsvLink path={`/api/v1/dashboard/venues/${encodeURIComponent(venue)}/utilisation`} query={range} /> : null}
      </div>
      {!venue ? <p class="muted">{t('pick')}</p> : null}
      {days.error ? <ErrorNotice error={days.error} /> : null}
      {venue && !days.data && days.loading ? <Loading /> : null}
      {days.data ? (
        <div class="calendar" role="list">
          {Array.from({ length: blanks }, (_, index) => (
            <div key={`blank-${index}`} aria-hidden="true" />
          ))}
          {calendarDays.map((day) => {
            const used = byDay.get(day);
            return (
              <div role="listitem" key={day} class={`day${used && used.classes > 0 ? ' day-busy' : ''}`}>
                <strong>{formatDate(day)}</strong>
                <div>{used && used.classes > 0 ? `${formatNumber(used.classes)} ${t('classes')}: ${used.rooms.join(', ')}` : t('free')}</div>
              </div>
            );
          })}
        </div>
      ) : null}
    </>
  );
}
