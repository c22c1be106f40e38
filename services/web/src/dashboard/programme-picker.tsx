import { formatDate, useT } from '../shared/i18n';
import { useProgramme } from './programme';

const messages = { programme: { id: 'Program', en: 'Programme' } };

export function ProgrammePicker() {
  const t = useT(messages);
  const { programmes, programme, choose } = useProgramme();
  if (programmes.length === 0) return null;
  return (
    <div class="toolbar">
      <label class="field">
        <span class="field-label">{t('programme')}</span>
        <select value={programme?.id} onChange={(event) => choose((event.currentTarget as HTMLSelectElement).value)}>
          {programmes.map((candidate) => (
            <option value={candidate.id} key={candidate.id}>
              {candidate.name} ({formatDate(candidate.periodStart)} – {formatDate(candidate.periodEnd)})
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
