import { randomUUID } from 'node:crypto';
import { participantSelectedEvent } from '@sinergi/contracts';
import { waitFor } from '@sinergi/testing';
import { inDays, NotificationHarness, seatDecision } from './support';

const TEN_MINUTES = String(10 * 60_000);
const PROMPTLY = { timeoutMs: 20_000 };

/** With a poll and retries too slow to matter, only the NOTIFY of a due delivery can get it sent. */
describe('notification: the dispatcher wakes when a delivery is due', () => {
  let harness: NotificationHarness;

  beforeAll(async () => {
    harness = await NotificationHarness.start({ NOTIFICATION_POLL_MS: TEN_MINUTES, NOTIFICATION_RETRY_BASE_MS: TEN_MINUTES });
  });

  afterAll(async () => {
    await harness?.stop();
  });

  /** Participants whose cards are stored, so that no delivery waits for its card (a retry, which only the poll finds). */
  async function participants(count: number): Promise<Array<{ id: string; email: string }>> {
    const people = await Promise.all(
      Array.from({ length: count }, async () => {
        const email = `wake.${randomUUID().slice(0, 8)}@example.id`;
        return { id: await harness.participant({ email }), email };
      }),
    );
    const ids = people.map((person) => person.id);
    await waitFor('the contact cards', async () => {
      const [{ stored }] = await harness.query<{ stored: number }>(
        "SELECT count(*)::int AS stored FROM recipients WHERE kind = 'participant' AND id = ANY($1)",
        [ids],
      );
      return stored === count;
    });
    return people;
  }

  async function decideAndDeliver(people: Array<{ id: string; email: string }>): Promise<void> {
    await harness.publish(
      ...people.map(({ id }) => participantSelectedEvent.with(randomUUID(), { ...seatDecision(id), confirmBy: inDays(10) })),
    );
    await Promise.all(people.map(({ email }) => harness.sinks.waitForEmails(email, 1, PROMPTLY)));
  }

  const listeners = async (): Promise<number[]> =>
    (
      await harness.query<{ pid: number }>(
        "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'deliveries-listener'",
      )
    ).map((row) => row.pid);

  it('delivers 60 decisions promptly, though the poll is ten minutes', async () => {
    await decideAndDeliver(await participants(60));
  });

  it('is woken again after its LISTEN connection is killed and comes back', async () => {
    const people = await participants(5);
    const [first] = await waitFor('the LISTEN connection', async () => {
      const now = await listeners();
      return now.length === 1 && now;
    });
    await harness.query('SELECT pg_terminate_backend($1)', [first]);
    await waitFor('a new LISTEN connection', async () => {
      const now = await listeners();
      return now.length === 1 && now[0] !== first;
    });

    await decideAndDeliver(people);
  });

  it('sends a decision that came before its card as soon as the card arrives, though its retry is ten minutes away', async () => {
    const participantId = randomUUID();
    const email = `late.card.${participantId.slice(0, 8)}@example.id`;
    await harness.publish(participantSelectedEvent.with(randomUUID(), { ...seatDecision(participantId), confirmBy: inDays(10) }));
    await waitFor('the decision waiting for the card', async () => {
      const [waiting] = await harness.query<{ awaiting: boolean }>(
        "SELECT awaiting_contact AS awaiting FROM deliveries WHERE recipient = $1 AND template = 'selected'",
        [`participant:${participantId}`],
      );
      return waiting?.awaiting === true;
    });

    await harness.participant({ email }, 'id', participantId);
    await harness.sinks.waitForEmails(email, 1, PROMPTLY);
  });
});
