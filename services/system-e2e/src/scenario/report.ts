import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { BatchSummaryView, ProgrammeFillView, ProvinceFigures } from '@sinergi/contracts';
import { ADMIN } from './gateway-client';
import type { InvariantResult, OrderingFigure } from './invariants';
import type { ScenarioParameters } from './parameters';
import { provinceName } from './reference-data';
import type { PhaseCounts, ScenarioState } from './setup-phases';

export interface PhaseRecord {
  name: string;
  seconds: number;
  counts: PhaseCounts;
}

export interface ProvinceLine {
  provinceCode: string;
  name: string;
  participants: number;
  enrollmentsByStatus: Record<string, number>;
  /** The gateway's dashboard figures of the main programme in the province. */
  dashboard: ProvinceFigures | null;
}

export interface ScenarioReport {
  parameters: ScenarioParameters;
  startedAt: string;
  finishedAt: string;
  seconds: number;
  phases: PhaseRecord[];
  classes: Record<string, BatchSummaryView['counts']>;
  enrollments: Record<string, Record<string, number>>;
  certificates: { certificates: number; letters: number };
  provinces: ProvinceLine[];
  messages: {
    byChannel: Record<string, number>;
    deliveriesByStatus: Record<string, number>;
    deliveriesByTemplate: Record<string, number>;
    criticalEvents: number;
  };
  ordering: OrderingFigure;
  invariants: InvariantResult[];
  apiCalls: number;
  holds: boolean;
}

/** The figures of the finished run: from the gateway's API where it has them, else from the owning services' databases. */
export async function gatherFigures(state: ScenarioState): Promise<Pick<ScenarioReport, 'classes' | 'enrollments' | 'certificates' | 'provinces'> & { messages: Omit<ScenarioReport['messages'], 'criticalEvents'> }> {
  const { api, running, sinks } = state.system;
  const programmes = { main: state.mainProgrammeId!, lottery: state.lotteryProgrammeId! };
  const classes: ScenarioReport['classes'] = {};
  const enrollments: ScenarioReport['enrollments'] = {};
  for (const [label, id] of Object.entries(programmes)) {
    classes[label] = (await api.ok<BatchSummaryView>('GET', `/programmes/${id}/batch-summary`, ADMIN)).counts;
    enrollments[label] = (await api.ok<ProgrammeFillView>('GET', `/programmes/${id}/fill`, ADMIN)).enrollmentsByStatus;
  }
  const dashboard = await api.call<ProvinceFigures[]>('GET', `/dashboard/programmes/${programmes.main}/provinces`, ADMIN);
  const byProvince = await running.query<{ province: string; status: string; count: number }>(
    'enrollment',
    `SELECT p.province_code AS province, e.status, count(*)::int AS count FROM enrollments e JOIN participants p ON p.id = e.participant_id
      WHERE e.programme_id = $1 GROUP BY 1, 2 ORDER BY 1, 2`,
    [programmes.main],
  );
  const provinces: ProvinceLine[] = state.provinces.map((code) => {
    const rows = byProvince.filter((row) => row.province === code);
    return {
      provinceCode: code,
      name: provinceName(code),
      participants: rows.reduce((sum, row) => sum + row.count, 0),
      enrollmentsByStatus: Object.fromEntries(rows.map((row) => [row.status, row.count])),
      dashboard: dashboard.status === 200 ? (dashboard.body.find((line) => line.provinceCode === code) ?? null) : null,
    };
  });
  const [documents] = await running.query<{ certificates: number; letters: number }>(
    'enrollment',
    `SELECT count(*) FILTER (WHERE kind = 'certificate')::int AS certificates, count(*) FILTER (WHERE kind = 'letter')::int AS letters FROM certificates`,
  );
  const grouped = async (column: 'status' | 'template') =>
    Object.fromEntries((await running.query<{ key: string; count: number }>('notification', `SELECT ${column} AS key, count(*)::int AS count FROM deliveries GROUP BY 1 ORDER BY 1`)).map((row) => [row.key, row.count]));
  const byChannel: Record<string, number> = { email: sinks.allEmails().length };
  for (const message of sinks.allProviderMessages()) byChannel[message.channel] = (byChannel[message.channel] ?? 0) + 1;
  return {
    classes,
    enrollments,
    certificates: documents,
    provinces,
    messages: { byChannel, deliveriesByStatus: await grouped('status'), deliveriesByTemplate: await grouped('template') },
  };
}

export function writeReport(report: ScenarioReport, path: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`);
}

/** The report for people: the phases, the totals and each invariant, one line each. */
export function describeReport(report: ScenarioReport): string {
  const counts = (figures: Record<string, number>) =>
    Object.entries(figures)
      .filter(([, value]) => value !== 0)
      .map(([key, value]) => `${key} ${value}`)
      .join(', ');
  const lines = [
    `scenario: ${report.parameters.participants} participants, ${report.parameters.classes} classes in ${report.parameters.provinces} provinces, ${report.seconds.toFixed(0)} s`,
    ...report.phases.map((phase) => `  ${phase.name.padEnd(22)} ${phase.seconds.toFixed(1).padStart(7)} s  ${counts(phase.counts)}`),
    ...Object.entries(report.classes).map(([label, figures]) => `classes (${label}): ${counts(figures)}`),
    ...Object.entries(report.enrollments).map(([label, figures]) => `enrollments (${label}): ${counts(figures)}`),
    `documents: ${report.certificates.certificates} certificates, ${report.certificates.letters} participation letters`,
    `messages: ${counts(report.messages.byChannel)}; deliveries ${counts(report.messages.deliveriesByStatus)}`,
    'provinces:',
    ...report.provinces.map((line) => `  ${line.provinceCode} ${line.name.padEnd(26)} ${String(line.participants).padStart(6)}  ${counts(line.enrollmentsByStatus)}`),
    `ordering: ${report.ordering.outOfOrder} of ${report.ordering.enrollmentsChecked} enrollments got messages out of event order (reported, not enforced)`,
    ...report.invariants.map((check) => `${check.holds ? 'HOLDS' : 'FAILS'}  ${check.name}${check.holds ? '' : `: ${check.violations} violation(s), e.g. ${check.examples.join('; ')}`}`),
  ];
  return lines.join('\n');
}
