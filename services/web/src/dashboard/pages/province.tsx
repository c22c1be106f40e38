import { useLocation, useRoute } from 'preact-iso';
import type { ProvinceFigures } from '@sinergi/contracts/http/dashboards';
import { api } from '../../shared/api';
import { useT } from '../../shared/i18n';
import { provinceName, zoneOf } from '../../shared/provinces';
import { ErrorNotice, Loading } from '../../shared/ui';
import { ClassesTable } from '../classes-table';
import { Figures } from '../figures';
import { useData } from '../live';
import { useProgramme } from '../programme';
import { ProgrammePicker } from '../programme-picker';
import { TileMap } from '../tile-map';

const messages = {
  back: { id: '← Ringkasan nasional', en: '← National overview' },
  zone: { id: 'Zona waktu', en: 'Time zone' },
  noClasses: { id: 'Provinsi ini belum punya kelas dalam program ini.', en: 'This province has no classes in this programme yet.' },
};

/** One province: its figures, the map with it highlighted (click another to move), and its classes. */
export function ProvinceView() {
  const t = useT(messages);
  const { params } = useRoute();
  const { route } = useLocation();
  const code = params.code ?? '';
  const { programme } = useProgramme();
  const provinces = useData(
    (signal) => (programme ? api.get<ProvinceFigures[]>(`/api/v1/dashboard/programmes/${programme.id}/provinces`, {}, signal) : Promise.resolve([])),
    [programme?.id],
    (change) => !change.programmeId || change.programmeId === programme?.id,
  );
  const figures = provinces.data?.find((row) => row.provinceCode === code);
  return (
    <>
      <p>
        <a href="/">{t('back')}</a>
      </p>
      <h1>
        {provinceName(code)} <span class="muted">({zoneOf(code)})</span>
      </h1>
      <ProgrammePicker />
      {provinces.error ? <ErrorNotice error={provinces.error} /> : null}
      {!provinces.data && provinces.loading ? <Loading /> : null}
      {provinces.data ? (
        <>
          {figures ? <Figures figures={figures} /> : <p class="muted">{t('noClasses')}</p>}
          <TileMap figures={provinces.data} selected={code} onSelect={(next) => route(`/provinces/${next}`)} />
        </>
      ) : null}
      {programme ? <ClassesTable filters={{ programmeId: programme.id, provinceCode: code }} /> : null}
    </>
  );
}
