import type { BatchStatus } from '../events/batches';

/**
 * The gateway's dashboards (GET /api/v1/dashboard/...), read from its own read models. Lists are pages
 * (`Page<T>`, `?limit=&cursor=`); dates are YYYY-MM-DD, months YYYY-MM, times ISO 8601.
 */

/** GET /api/v1/dashboard/classes */
export interface DashboardClassesParams {
  programmeId?: string;
  provinceCode?: string;
  status?: BatchStatus;
  venueCode?: string;
  limit?: number;
  cursor?: string;
}

/** GET /api/v1/dashboard/venues/:code/utilisation: at most 366 days. */
export interface VenueUtilisationParams {
  from: string;
  to: string;
}

/** GET /api/v1/dashboard/instructors/load */
export interface InstructorLoadParams {
  month?: string;
  limit?: number;
  cursor?: string;
}

export interface ClassFigures {
  classesByStatus: Record<BatchStatus, number>;
  /** Seats, selected, confirmed and reserves of the classes that still run or ran (not failed or cancelled). */
  seats: number;
  selected: number;
  confirmed: number;
  reserves: number;
  /** Confirmed or running classes whose confirmed participants are still below the minimum quorum. */
  underQuorumClasses: number;
  /**
   * Confirmed classes (enrollment open) whose confirmed participants are below the minimum quorum while their
   * confirm-by day has not passed (today in WIB is on or before it): they may still fill, or be cancelled once it passes.
   */
  underQuorumBeforeConfirmBy: number;
}

/** Messages handed to a channel and messages given up on during one day in WIB, across every programme. */
export interface MessagesOfDay {
  /** YYYY-MM-DD, in WIB. */
  day: string;
  /** NotificationDelivered whose deliveredAt falls on the day. */
  sent: number;
  /** NotificationFailed whose event time falls on the day. */
  failed: number;
}

/** GET /api/v1/dashboard/programmes/:id/overview: the figures of all the programme's classes, and today's messages. */
export interface ProgrammeOverview extends ClassFigures {
  programmeId: string;
  messagesToday: MessagesOfDay;
}

export interface ProvinceFigures extends ClassFigures {
  provinceCode: string | null;
}

export interface ClassView {
  batchId: string;
  programmeId: string | null;
  provinceCode: string | null;
  moduleCode: string | null;
  venueCode: string | null;
  roomCode: string | null;
  instructorId: string | null;
  startDate: string | null;
  endDate: string | null;
  /** Null while only the class's fill has arrived, not yet its plan. */
  status: BatchStatus | null;
  fill: { seats: number | null; reserves: number | null; minimumQuorum: number | null; selected: number; confirmed: number; reserved: number; quorumMet: boolean };
}

export interface VenueDay {
  day: string;
  /** Classes holding a room of the venue that day. */
  classes: number;
  rooms: string[];
}

export interface InstructorLoad {
  month: string;
  instructorId: string;
  classes: number;
}

export interface NotificationOutcomes {
  /** Null for failures that never reached a channel (e.g. no contact). */
  channel: string | null;
  delivered: number;
  failed: number;
}

export interface DeadLetterCount {
  /** The topic (without the namespace prefix) whose dead-letter companion this counts. */
  topic: string;
  deadLetters: number;
  countedAt: string;
}

/**
 * The read models a change touched, as the gateway's live stream (GET /api/v1/dashboard/changes, server-sent
 * events `change`) and its NOTIFY on channel `sinergi_read_models` carry it: `classes` (a class's plan or step),
 * `enrollments` (a class's fill), `notifications` (a delivery's outcome), `dead-letters` (a topic's count).
 * The ids say what changed where they are known; a coalesced burst keeps only those all its changes share.
 */
export const DASHBOARD_CHANGE_KINDS = ['classes', 'enrollments', 'notifications', 'dead-letters'] as const;
export type DashboardChangeKind = (typeof DASHBOARD_CHANGE_KINDS)[number];

export interface DashboardChange {
  kind: DashboardChangeKind;
  programmeId?: string;
  provinceCode?: string;
  batchId?: string;
  venueCode?: string;
}
