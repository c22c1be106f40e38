import type { BatchListItemView, BatchView } from '@sinergi/contracts';
import { Batch } from './batch.entity';
import { BatchTransition } from './batch-transition.entity';

/** A batch as the API shows it: enrollment's fill as one object, null until the first BatchFillChanged. */
export function batchListItemView(batch: Batch): BatchListItemView {
  const { fillSelected, fillConfirmed, fillReserved, fillQuorumMet, fillAt, replyBy, createdAt, updatedAt, ...rest } = batch;
  const fill =
    fillAt === null
      ? null
      : { selected: fillSelected ?? 0, confirmed: fillConfirmed ?? 0, reserved: fillReserved ?? 0, quorumMet: fillQuorumMet ?? false, at: fillAt.toISOString() };
  return { ...rest, replyBy: replyBy.toISOString(), createdAt: createdAt.toISOString(), updatedAt: updatedAt.toISOString(), fill };
}

export function batchView(batch: Batch, history: BatchTransition[]): BatchView {
  return { ...batchListItemView(batch), history: history.map(({ at, ...line }) => ({ ...line, at: at.toISOString() })) };
}
