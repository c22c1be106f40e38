import type { ProvinceFigures } from '@sinergi/contracts/http/dashboards';
import { formatNumber, formatPercent, useT } from '../shared/i18n';
import { PROVINCE_TILES } from '../shared/provinces';
import { useEffect, useRef } from 'preact/hooks';

const messages = {
  caption: { id: 'Peta provinsi: warna menurut keterisian kursi', en: 'Province map: coloured by seats filled' },
  noClasses: { id: 'tanpa kelas', en: 'no classes' },
  classes: { id: 'kelas', en: 'classes' },
  filled: { id: 'terisi', en: 'filled' },
  seats: { id: 'kursi terisi', en: 'seats taken' },
  legendNone: { id: 'Tanpa kelas', en: 'No classes' },
};

export function fillOf(figures: ProvinceFigures | undefined): number | undefined {
  if (!figures || figures.seats === 0) return undefined;
  return figures.selected / figures.seats;
}

function fillClass(ratio: number | undefined): string {
  if (ratio === undefined) return 'fill-0';
  if (ratio < 0.25) return 'fill-1';
  if (ratio < 0.5) return 'fill-2';
  if (ratio < 0.75) return 'fill-3';
  return 'fill-4';
}

/** The 38 provinces as tiles laid out like the archipelago; a tile is a button that filters by its province. */
export function TileMap({ figures, selected, onSelect }: { figures: ProvinceFigures[]; selected?: string; onSelect: (code: string) => void }) {
  const t = useT(messages);
  const byCode = new Map(figures.map((row) => [row.provinceCode, row]));
  const map = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // Grid positions through the CSSOM: the CSP allows no style attribute in markup.
    map.current?.querySelectorAll<HTMLElement>('[data-col]').forEach((tile) => {
      tile.style.gridColumn = tile.dataset.col ?? '';
      tile.style.gridRow = tile.dataset.row ?? '';
    });
  });
  return (
    <figure>
      <figcaption class="muted">{t('caption')}</figcaption>
      <div class="tile-map" ref={map} role="group" aria-label={t('caption')}>
        {PROVINCE_TILES.map((province) => {
          const row = byCode.get(province.code);
          const ratio = fillOf(row);
          const classes = row ? Object.values(row.classesByStatus).reduce((sum, count) => sum + count, 0) : 0;
          const label = row
            ? `${province.name}: ${formatNumber(classes)} ${t('classes')}, ${formatNumber(row.selected)}/${formatNumber(row.seats)} ${t('seats')}${ratio === undefined ? '' : `, ${formatPercent(ratio)} ${t('filled')}`}`
            : `${province.name}: ${t('noClasses')}`;
          return (
            <button
              type="button"
              key={province.code}
              class={`tile ${fillClass(ratio)}`}
              data-col={String(province.col)}
              data-row={String(province.row)}
              aria-pressed={selected === province.code}
              aria-label={label}
              title={province.name}
              onClick={() => onSelect(province.code)}
            >
              <span>{province.short}</span>
              <small>{ratio === undefined ? '–' : formatPercent(ratio)}</small>
            </button>
          );
        })}
      </div>
      <div class="legend" aria-hidden="true">
        <span>
          <span class="swatch fill-0" />
          {t('legendNone')}
        </span>
        <span>
          <span class="swatch fill-1" />
          &lt; 25%
        </span>
        <span>
          <span class="swatch fill-2" />
          25–50%
        </span>
        <span>
          <span class="swatch fill-3" />
          50–75%
        </span>
        <span>
          <span class="swatch fill-4" />≥ 75%
        </span>
      </div>
    </figure>
  );
}
