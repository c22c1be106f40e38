import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { ApiError, withQuery, type Query } from './api';
import { currentLang, useT } from './i18n';

const messages = {
  confirm: { id: 'Ya, lanjutkan', en: 'Yes, go ahead' },
  cancel: { id: 'Batal', en: 'Cancel' },
  working: { id: 'Sedang diproses…', en: 'Working…' },
  csv: { id: 'Unduh CSV', en: 'Download CSV' },
  loading: { id: 'Memuat…', en: 'Loading…' },
  refused: { id: 'Ditolak', en: 'Refused' },
};

/** A refused or failed request, with each broken rule (field and rule) the gateway named. */
export function ErrorNotice({ error }: { error: Error }) {
  const t = useT(messages);
  const problem = error instanceof ApiError ? error.problem : undefined;
  return (
    <div class="notice notice-error" role="alert">
      <strong>
        {problem ? `${t('refused')} (${problem.status || '—'}): ` : ''}
        {problem?.title ?? error.message}
      </strong>
      {problem?.detail ? <div>{problem.detail}</div> : null}
      {problem?.errors?.length ? (
        <ul>
          {problem.errors.map((item) => (
            <li key={`${item.field}-${item.rule}`}>
              <code>{item.field}</code>: <code>{item.rule}</code>
              {item.message ? ` — ${item.message}` : ''}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export function Loading() {
  const t = useT(messages);
  return (
    <p class="muted" role="status">
      {t('loading')}
    </p>
  );
}

/** The `.csv` twin of a table's route, with the same filters, its headers in the page's language. */
export function CsvLink({ path, query, label }: { path: string; query?: Query; label?: string }) {
  const t = useT(messages);
  return (
    <a class="csv-link" href={withQuery(`${path}.csv`, { ...query, lang: currentLang() })} download>
      {label ?? t('csv')}
    </a>
  );
}

/** One headline figure; `name` (its data-figure attribute) lets a test or a screen reader script find it. */
export function Figure({
  label,
  value,
  detail,
  tone,
  name,
}: {
  label: string;
  value: string;
  detail?: string;
  tone?: 'ok' | 'warn' | 'danger';
  name?: string;
}) {
  return (
    <div class={`figure${tone ? ` figure-${tone}` : ''}`} data-figure={name}>
      <div class="figure-label">{label}</div>
      <div class="figure-value">{value}</div>
      {detail ? <div class="figure-detail">{detail}</div> : null}
    </div>
  );
}

/** A bar for a share of a whole (e.g. participants against the target), with the numbers for screen readers. */
export function Meter({ value, max, label }: { value: number; max: number; label: string }) {
  const bar = useRef<HTMLDivElement>(null);
  const ratio = max > 0 ? Math.min(1, value / max) : 0;
  useEffect(() => {
    // Set through the CSSOM: the CSP allows no style attribute in markup.
    bar.current?.style.setProperty('--share', String(ratio));
  }, [ratio]);
  return (
    <div class="meter" role="meter" aria-label={label} aria-valuemin={0} aria-valuemax={max} aria-valuenow={value}>
      <div class="meter-bar" ref={bar} />
    </div>
  );
}

/**
 * An action with a confirmation: the dialog names what will happen, then shows the outcome (or the refusal) until
 * closed. `form` renders the action's inputs; `run` gets the form's values.
 */
export function ActionButton<T>(props: {
  label: string;
  title: string;
  description: ComponentChildren;
  form?: ComponentChildren;
  danger?: boolean;
  run: (values: Record<string, string>) => Promise<T>;
  outcome: (result: T) => ComponentChildren;
  onDone?: () => void;
}) {
  const t = useT(messages);
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [state, setState] = useState<{ status: 'idle' | 'working' } | { status: 'done'; result: T } | { status: 'failed'; error: Error }>({
    status: 'idle',
  });
  const open = () => {
    setState({ status: 'idle' });
    dialog.current?.showModal();
  };
  const close = () => {
    dialog.current?.close();
    if (state.status === 'done') props.onDone?.();
  };
  const submit = async (event: Event) => {
    event.preventDefault();
    const values = Object.fromEntries(
      [...new FormData(event.currentTarget as HTMLFormElement).entries()].map(([key, value]) => [key, String(value)]),
    );
    setState({ status: 'working' });
    try {
      setState({ status: 'done', result: await props.run(values) });
    } catch (error) {
      setState({ status: 'failed', error: error as Error });
    }
  };
  return (
    <>
      <button type="button" class={`button${props.danger ? ' button-danger' : ''}`} onClick={open}>
        {props.label}
      </button>
      <dialog ref={dialog} class="dialog" aria-labelledby={titleId} onClose={() => state.status === 'done' && props.onDone?.()}>
        <form onSubmit={submit}>
          <h2 id={titleId}>{props.title}</h2>
          <div>{props.description}</div>
          {state.status !== 'done' ? props.form : null}
          {state.status === 'failed' ? <ErrorNotice error={state.error} /> : null}
          {state.status === 'done' ? (
            <div class="notice notice-ok" role="status">
              {props.outcome(state.result)}
            </div>
          ) : null}
          <div class="dialog-actions">
            {state.status !== 'done' ? (
              <button type="submit" class={`button${props.danger ? ' button-danger' : ''}`} disabled={state.status === 'working'}>
                {state.status === 'working' ? t('working') : t('confirm')}
              </button>
            ) : null}
            <button type="button" class="button button-quiet" onClick={close}>
              {state.status === 'done' ? 'OK' : t('cancel')}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}

export function Field(props: { label: string; children: ComponentChildren }) {
  return (
    <label class="field">
      <span class="field-label">{props.label}</span>
      {props.children}
    </label>
  );
}

export interface Column<T> {
  header: ComponentChildren;
  /** Right-aligned, as figures are. */
  numeric?: boolean;
  cell: (row: T) => ComponentChildren;
}

/** Rows as a table, one column per entry, scrolling sideways on a narrow screen. */
export function DataTable<T>({
  columns,
  rows,
  rowKey,
}: {
  columns: ReadonlyArray<Column<T>>;
  rows: readonly T[];
  rowKey: (row: T) => string;
}) {
  const align = (column: Column<T>) => (column.numeric ? 'number' : undefined);
  return (
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            {columns.map((column, index) => (
              <th key={index} scope="col" class={align(column)}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((column, index) => (
                <td key={index} class={align(column)}>
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
