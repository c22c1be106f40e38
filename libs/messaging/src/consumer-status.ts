/** Where a message sits on Kafka. */
export interface MessagePlace {
  topic: string;
  partition: number;
  offset: string;
}

export interface DeadLetterFailure extends MessagePlace {
  /** `publish`: the message could not be parked (it stays at its place on its topic); `bookkeeping`: it was parked, its inbox row was not written. */
  stage: 'publish' | 'bookkeeping';
  error: string;
  at: string;
}

export interface ConsumerStatusView {
  deadLettered: number;
  deadLetterFailures: number;
  lastDeadLetterFailure?: DeadLetterFailure;
  skippedUnknownTypes: number;
  transientRetries: number;
}

/**
 * What the inbox transport has met since the process started, for `/health`: nothing there while all is well.
 * One per service, shared by its transport and its health endpoint.
 */
export class ConsumerStatus {
  private view: ConsumerStatusView = { deadLettered: 0, deadLetterFailures: 0, skippedUnknownTypes: 0, transientRetries: 0 };

  deadLettered(): void {
    this.view.deadLettered += 1;
  }

  deadLetterFailed(place: MessagePlace, stage: DeadLetterFailure['stage'], error: string): void {
    this.view.deadLetterFailures += 1;
    this.view.lastDeadLetterFailure = { ...place, stage, error, at: new Date().toISOString() };
  }

  skippedUnknownType(): void {
    this.view.skippedUnknownTypes += 1;
  }

  retriedTransient(): void {
    this.view.transientRetries += 1;
  }

  /** A copy of the counters, or undefined when there is nothing to report. */
  snapshot(): ConsumerStatusView | undefined {
    const { deadLettered, deadLetterFailures, skippedUnknownTypes, transientRetries } = this.view;
    return deadLettered + deadLetterFailures + skippedUnknownTypes + transientRetries === 0 ? undefined : { ...this.view };
  }
}
