import { useLocation } from 'preact-iso';
import type { BatchStatus } from '@sinergi/contracts/events/batches';
import { useLang, useT } from '../../shared/i18n';
import { PROVINCE_TILES } from '../../shared/provinces';
import { Field } from '../../shared/ui';
import { ClassesTable } from '../classes-table';
import { STATUS_LABELS, STATUSES } from '../labels';
import { useProgramme } from '../programme';
import { ProgrammePicker } from '../programme-picker';

const messages = {
  title: { id: 'Kelas', en: 'Classes' },
  province: { id: 'Provinsi', en: 'Province' },
  status: { id: 'Status', en: 'Status' },
  venue: { id: 'Kode tempat', en: 'Venue code' },
  all: { id: 'Semua', en: 'All' },
};

/** Every class of the programme, filtered by province, status and venue (kept in the address, so a filter can be shared). */
export function ClassesPage() {
  const t = useT(messages);
  const lang = useLang();
  const { query, path, route } = useLocation();
  const { programme } = useProgramme();
  const setFilter = (key: string, value: string) => {
    const next = new URLSearchParams(query);
    if (value) next.set(key, value);
    else next.delete(key);
    route(`${path}${next.size ? `?${next}` : ''}`, true);
  };
  return (
    <>
      <h1>{t('title')}</h1>
      <ProgrammePicker />
      <div class="toolbar">
        <Field label={t('province')}>
          <select value={query.province ?? ''} onChange={(event) => setFilter('province', (event.currentTarget as HTMLSelectElement).value)}>
            <option value="">{t('all')}</option>
            {PROVINCE_TILES.map((province) => (
              <option value={province.code} key={province.code}>
                {province.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('status')}>
          <select value={query.status ?? ''} onChange={(event) => setFilter('status', (event.currentTarget as HTMLSelectElement).value)}>
            <option value="">{t('all')}</option>
            {STATUSES.map((status) => (
              <option value={status} key={status}>
                {STATUS_LABELS[status][lang]}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('venue')}>
          <input value={query.venue ?? ''} onChange={(event) => setFilter('venue', (event.currentTarget as HTMLInputElement).value.trim())} />
        </Field>
      </div>
      <ClassesTable
        filters={{
          programmeId: programme?.id,
          provinceCode: query.province || undefined,
          status: (query.status || undefined) as BatchStatus | undefined,
          venueCode: query.venue || undefined,
        }}
      />
    </>
  );
}
