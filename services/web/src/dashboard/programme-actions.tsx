import { useEffect, useState } from 'preact/hooks';
import type { SelectionView } from '@sinergi/contracts/http/enrollment';
import type { Page } from '@sinergi/contracts/http/page';
import type { AgreementView, BulkPlanView, LaunchProgrammeRequest, ProgrammeView } from '@sinergi/contracts/http/program';
import { api, newIdempotencyKey } from '../shared/api';
import { can } from '../shared/access';
import { formatNumber, useT } from '../shared/i18n';
import { PROVINCE_TILES } from '../shared/provinces';
import type { Session } from '../shared/session';
import { ActionButton, Field } from '../shared/ui';
import { useProgramme } from './programme';

const messages = {
  launch: { id: 'Luncurkan program', en: 'Launch a programme' },
  launchText: { id: 'Program baru diluncurkan di bawah PKS yang dipilih.', en: 'A new programme is launched under the chosen agreement.' },
  agreement: { id: 'PKS', en: 'Agreement' },
  name: { id: 'Nama', en: 'Name' },
  periodStart: { id: 'Mulai', en: 'Start' },
  periodEnd: { id: 'Selesai', en: 'End' },
  target: { id: 'Target peserta', en: 'Target participants' },
  ceiling: { id: 'Batas peserta', en: 'Participant ceiling' },
  module: { id: 'Kode modul', en: 'Module code' },
  classDays: { id: 'Hari per kelas', en: 'Days per class' },
  quorum: { id: 'Kuorum minimum', en: 'Minimum quorum' },
  confirmBy: { id: 'Konfirmasi (hari sebelum mulai)', en: 'Confirm by (days before start)' },
  policy: { id: 'Cara seleksi', en: 'Selection policy' },
  launched: { id: 'Program diluncurkan', en: 'Programme launched' },
  bulk: { id: 'Rencanakan gelombang', en: 'Plan a wave' },
  bulkText: { id: 'Kelas dibagi ke provinsi yang dipilih secara bergiliran, di tempat dan tanggal yang tersedia.', en: 'Classes are dealt to the chosen provinces in turn, at venues and dates that are free.' },
  count: { id: 'Jumlah kelas', en: 'Number of classes' },
  from: { id: 'Dari tanggal', en: 'From' },
  to: { id: 'Sampai tanggal', en: 'To' },
  provinces: { id: 'Provinsi (urut prioritas)', en: 'Provinces (in order of preference)' },
  planned: { id: 'kelas direncanakan', en: 'classes planned' },
  unplaced: { id: 'tidak dapat ditempatkan', en: 'could not be placed' },
  draw: { id: 'Undian seleksi', en: 'Selection draw' },
  drawText: { id: 'Undian dijalankan sekali untuk seluruh pendaftar program ini. Benih dan ringkasan pool dicatat untuk audit.', en: 'The draw runs once over every enrollment of this programme. Its seed and pool digest are recorded for audit.' },
  seed: { id: 'Benih (kosong: acak)', en: 'Seed (empty: random)' },
  drawn: { id: 'Undian selesai', en: 'Drawn' },
  poolDigest: { id: 'Ringkasan pool (SHA-256)', en: 'Pool digest (SHA-256)' },
  pool: { id: 'Ukuran pool', en: 'Pool size' },
};

/** Launch a programme, plan a wave of classes, draw the lottery: each confirmed first, its outcome shown. */
export function ProgrammeActions({ session }: { session: Session }) {
  const t = useT(messages);
  const { programme, reload, choose } = useProgramme();
  const [agreements, setAgreements] = useState<AgreementView[]>([]);
  useEffect(() => {
    api.get<Page<AgreementView>>('/api/v1/agreements', { limit: 200 }).then((page) => setAgreements(page.items), () => setAgreements([]));
  }, []);
  return (
    <div class="actions">
      <ActionButton<ProgrammeView>
        label={t('launch')}
        title={t('launch')}
        description={t('launchText')}
        form={
          <div class="two-columns">
            <Field label={t('agreement')}>
              <select name="agreementId" required>
                {agreements.map((agreement) => (
                  <option value={agreement.id} key={agreement.id}>
                    {agreement.number} · {agreement.title}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t('name')}>
              <input name="name" required maxLength={300} />
            </Field>
            <Field label={t('periodStart')}>
              <input name="periodStart" type="date" required />
            </Field>
            <Field label={t('periodEnd')}>
              <input name="periodEnd" type="date" required />
            </Field>
            <Field label={t('target')}>
              <input name="targetParticipants" type="number" min={1} value="5000" required />
            </Field>
            <Field label={t('ceiling')}>
              <input name="participantCeiling" type="number" min={1} value="10000" required />
            </Field>
            <Field label={t('module')}>
              <input name="moduleCode" required />
            </Field>
            <Field label={t('classDays')}>
              <input name="classDays" type="number" min={1} max={60} value="5" required />
            </Field>
            <Field label={t('quorum')}>
              <input name="minimumQuorum" type="number" min={1} value="10" required />
            </Field>
            <Field label={t('confirmBy')}>
              <input name="confirmByDaysBeforeStart" type="number" min={0} max={60} value="7" required />
            </Field>
            <Field label={t('policy')}>
              <select name="selectionPolicy">
                <option value="first-come-first-served">first-come-first-served</option>
                <option value="lottery">lottery</option>
                <option value="ranked">ranked</option>
              </select>
            </Field>
          </div>
        }
        run={(values) =>
          api.post<ProgrammeView>(
            '/api/v1/programmes',
            {
              agreementId: values.agreementId,
              name: values.name,
              periodStart: values.periodStart,
              periodEnd: values.periodEnd,
              targetParticipants: Number(values.targetParticipants),
              participantCeiling: Number(values.participantCeiling),
              prioritySegments: ['micro', 'small'],
              selectionPolicy: values.selectionPolicy as LaunchProgrammeRequest['selectionPolicy'],
              moduleCode: values.moduleCode,
              classDays: Number(values.classDays),
              minimumQuorum: Number(values.minimumQuorum),
              confirmByDaysBeforeStart: Number(values.confirmByDaysBeforeStart),
            } satisfies LaunchProgrammeRequest,
            newIdempotencyKey(),
          )
        }
        outcome={(created) => (
          <>
            {t('launched')}: <strong>{created.name}</strong> ({created.id})
          </>
        )}
        onDone={reload}
      />
      {programme && can(session, 'batches.plan-bulk') ? (
        <ActionButton<BulkPlanView>
          label={t('bulk')}
          title={`${t('bulk')}: ${programme.name}`}
          description={t('bulkText')}
          form={
            <div class="two-columns">
              <Field label={t('count')}>
                <input name="count" type="number" min={1} max={1000} value="10" required />
              </Field>
              <Field label={t('from')}>
                <input name="from" type="date" value={programme.periodStart} required />
              </Field>
              <Field label={t('to')}>
                <input name="to" type="date" value={programme.periodEnd} required />
              </Field>
              <Field label={t('provinces')}>
                <select name="provinceCodes" multiple size={6} required>
                  {PROVINCE_TILES.map((province) => (
                    <option value={province.code} key={province.code}>
                      {province.name}
                    </option>
                  ))}
                </select>
              </Field>
            </div>
          }
          run={(values) => {
            const select = document.querySelector<HTMLSelectElement>('select[name="provinceCodes"]');
            const provinceCodes = select ? [...select.selectedOptions].map((option) => option.value) : [values.provinceCodes];
            return api.post<BulkPlanView>(
              `/api/v1/programmes/${programme.id}/batches/bulk`,
              { count: Number(values.count), from: values.from, to: values.to, provinceCodes },
              newIdempotencyKey(),
            );
          }}
          outcome={(plan) => (
            <>
              <p>
                <strong>{formatNumber(plan.planned)}</strong> {t('planned')}; <strong>{formatNumber(plan.unplaced)}</strong> {t('unplaced')}.
              </p>
              {plan.reasons.length ? (
                <ul>
                  {plan.reasons.map((reason) => (
                    <li key={reason.rule}>
                      <code>{reason.rule}</code> × {formatNumber(reason.count)}: {reason.reason}
                    </li>
                  ))}
                </ul>
              ) : null}
            </>
          )}
          onDone={() => choose(programme.id)}
        />
      ) : null}
      {programme && programme.selectionPolicy !== 'first-come-first-served' && can(session, 'selection.draw') ? (
        <ActionButton<SelectionView>
          label={t('draw')}
          title={`${t('draw')}: ${programme.name}`}
          description={t('drawText')}
          form={
            <Field label={t('seed')}>
              <input name="seed" maxLength={200} />
            </Field>
          }
          run={(values) => api.post<SelectionView>(`/api/v1/programmes/${programme.id}/selection`, values.seed ? { seed: values.seed } : {}, newIdempotencyKey())}
          outcome={(drawn) => (
            <dl class="facts">
              <dt>{t('seed')}</dt>
              <dd>
                <code data-testid="draw-seed">{drawn.seed}</code>
              </dd>
              <dt>{t('poolDigest')}</dt>
              <dd>
                <code data-testid="draw-digest">{drawn.poolDigest}</code>
              </dd>
              <dt>{t('pool')}</dt>
              <dd>{formatNumber(drawn.poolSize)}</dd>
              <dt>selected / reserved / not-selected</dt>
              <dd>
                {formatNumber(drawn.outcomes.selected)} / {formatNumber(drawn.outcomes.reserved)} / {formatNumber(drawn.outcomes['not-selected'])}
              </dd>
            </dl>
          )}
        />
      ) : null}
    </div>
  );
}
