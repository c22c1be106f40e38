import { useState } from 'preact/hooks';
import type { InstructorLoad } from '@sinergi/contracts/http/dashboards';
import type { Page } from '@sinergi/contracts/http/page';
import { api } from '../../shared/api';
import { formatNumber, locale, useLang, useT } from '../../shared/i18n';
import { CsvLink, ErrorNotice, Field, Loading } from '../../shared/ui';
import { useData } from '../live';

const messages = {
  title: { id: 'Beban instruktur', en: 'Instructor load' },
  month: { id: 'Bulan', en: 'Month' },
  instructor: { id: 'Instruktur', en: 'Instructor' },
  classes: { id: 'Kelas', en: 'Classes' },
  none: { id: 'Belum ada kelas dengan instruktur.', en: 'No classes with an instructor yet.' },
  more: { id: 'Halaman berikutnya', en: 'Next page' },
};

/** Classes per instructor per month (instructors by id: the read model holds no names). */
export function InstructorsPage() {
  const t = useT(messages);
  const lang = useLang();
  const [month, setMonth] = useState('');
  const [cursor, setCursor] = useState<string | undefined>();
  const load = useData((signal) => api.get<Page<InstructorLoad>>('/api/v1/dashboard/instructors/load', { month, cursor, limit: 100 }, signal), [month, cursor]);
  const monthName = (value: string) => new Intl.DateTimeFormat(locale(lang), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${value}-01T00:00:00Z`));
  return (
    <>
      <h1>{t('title')}</h1>
      <div class="toolbar">
        <Field label={t('month')}>
          <input
            type="month"
            value={month}
            onChange={(event) => {
              setCursor(undefined);
              setMonth((event.currentTarget as HTMLInputElement).value);
            }}
          />
        </Field>
        <CsvLink path="/api/v1/dashboard/instructors/load" query={{ month }} />
      </div>
      {load.error ? <ErrorNotice error={load.error} /> : null}
      {!load.data && load.loading ? <Loading /> : null}
      {load.data && load.data.items.length === 0 ? <p class="muted">{t('none')}</p> : null}
      {load.data && load.data.items.length > 0 ? (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('month')}</th>
                <th scope="col">{t('instructor')}</th>
                <th scope="col" class="number">
                  {t('classes')}
                </th>
              </tr>
            </thead>
            <tbody>
              {load.data.items.map((row) => (
                <tr key={`${row.month}-${row.instructorId}`}>
                  <td>{monthName(row.month)}</td>
                  <td>
                    <code>{row.instructorId}</code>
                  </td>
                  <td class="number">{formatNumber(row.classes)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {load.data?.next ? (
        <button type="button" class="button button-quiet" onClick={() => setCursor(load.data?.next)}>
          {t('more')}
        </button>
      ) : null}
    </>
  );
}
