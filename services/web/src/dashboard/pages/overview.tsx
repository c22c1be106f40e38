import { useLocation } from 'preact-iso';
import type { ClassFigures, ProgrammeOverview, ProvinceFigures } from '@sinergi/contracts/http/dashboards';
import { api } from '../../shared/api';
import { formatNumber, formatPercent, useT } from '../../shared/i18n';
import { provinceName } from '../../shared/provinces';
import type { Session } from '../../shared/session';
import { can } from '../../shared/access';
import { CsvLink, ErrorNotice, Loading } from '../../shared/ui';
import { Figures } from '../figures';
import { useData } from '../live';
import { useProgramme } from '../programme';
import { ProgrammeActions } from '../programme-actions';
import { ProgrammePicker } from '../programme-picker';
import { fillOf, TileMap } from '../tile-map';

const messages = {
  title: { id: 'Ringkasan nasional', en: 'National overview' },
  provinces: { id: 'Per provinsi', en: 'By province' },
  province: { id: 'Provinsi', en: 'Province' },
  classes: { id: 'Kelas', en: 'Classes' },
  seats: { id: 'Kursi', en: 'Seats' },
  selected: { id: 'Terpilih', en: 'Selected' },
  confirmed: { id: 'Terkonfirmasi', en: 'Confirmed' },
  fill: { id: 'Keterisian', en: 'Filled' },
  noProgramme: { id: 'Belum ada program.', en: 'No programme yet.' },
};

export function totalClasses(figures: ClassFigures): number {
  return Object.values(figures.classesByStatus).reduce((sum, count) => sum + count, 0);
}

export function Overview({ session }: { session: Session }) {
  const t = useT(messages);
  const { programme } = useProgramme();
  const { route } = useLocation();
  const programmeId = programme?.id;
  const concerns = (change: { programmeId?: string }) => !change.programmeId || change.programmeId === programmeId;
  // A change naming no programme (a delivery's outcome, whose count of today the overview carries) concerns it too.
  const overview = useData(
    (signal) => (programmeId ? api.get<ProgrammeOverview>(`/api/v1/dashboard/programmes/${programmeId}/overview`, {}, signal) : Promise.resolve(undefined)),
    [programmeId],
    concerns,
  );
  const provinces = useData(
    (signal) => (programmeId ? api.get<ProvinceFigures[]>(`/api/v1/dashboard/programmes/${programmeId}/provinces`, {}, signal) : Promise.resolve([])),
    [programmeId],
    concerns,
  );
  return (
    <>
      <h1>{t('title')}</h1>
      <ProgrammePicker />
      {can(session, 'programmes.create') ? <ProgrammeActions session={session} /> : null}
      {!programme ? <p class="muted">{t('noProgramme')}</p> : null}
      {overview.error ? <ErrorNotice error={overview.error} /> : null}
      {programme && !overview.data && overview.loading ? <Loading /> : null}
      {overview.data ? <Figures figures={overview.data} programme={programme} messagesToday={overview.data.messagesToday} /> : null}
      {provinces.data && programme ? (
        <section aria-labelledby="provinces-heading">
          <div class="toolbar">
            <h2 id="provinces-heading">{t('provinces')}</h2>
            <CsvLink path={`/api/v1/dashboard/programmes/${programme.id}/provinces`} />
          </div>
          <TileMap figures={provinces.data} onSelect={(code) => route(`/provinces/${code}`)} />
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('province')}</th>
                  <th scope="col" class="number">{t('classes')}</th>
                  <th scope="col" class="number">{t('seats')}</th>
                  <th scope="col" class="number">{t('selected')}</th>
                  <th scope="col" class="number">{t('confirmed')}</th>
                  <th scope="col" class="number">{t('fill')}</th>
                </tr>
              </thead>
              <tbody>
                {provinces.data.map((row) => (
                  <tr key={row.provinceCode ?? 'none'}>
                    <td>{row.provinceCode ? <a href={`/provinces/${row.provinceCode}`}>{provinceName(row.provinceCode)}</a> : '—'}</td>
                    <td class="number">{formatNumber(totalClasses(row))}</td>
                    <td class="number">{formatNumber(row.seats)}</td>
                    <td class="number">{formatNumber(row.selected)}</td>
                    <td class="number">{formatNumber(row.confirmed)}</td>
                    <td class="number">{formatPercent(fillOf(row) ?? 0)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </>
  );
}
