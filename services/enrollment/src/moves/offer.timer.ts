import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { PollingTimer } from '@sinergi/platform';
import { todayInWib } from '@sinergi/contracts';
import { Enrollment } from '../enrollments/enrollment.entity';
import { ClassChangeOffer } from './class-change-offer.entity';
import { MovesService } from './moves.service';

const BATCH_LIMIT = 200;

/**
 * Releases the participants of cancelled classes who did not answer their offer by its respond-by day (WIB). The
 * deadline is a column, so an offer that fell due while the service was down is released at the first tick. Rows are
 * claimed FOR UPDATE SKIP LOCKED (enrollment and offer), so several instances share the work and an answer being given
 * meanwhile wins. A rescheduled class's participant who does not answer just stays, so only cancelled offers are due.
 */
@Injectable()
export class OfferTimer extends PollingTimer {
  constructor(
    private readonly dataSource: DataSource,
    private readonly moves: MovesService,
  ) {
    super();
  }

  async runOnce(now: Date = new Date()): Promise<void> {
    const today = todayInWib(now);
    await this.drain(this.dataSource, BATCH_LIMIT, (manager) => this.releaseOverdue(manager, today));
  }

  private async releaseOverdue(manager: EntityManager, today: string): Promise<number> {
    const claimed: Array<{ id: string }> = await manager.query(
      `SELECT o.id FROM class_change_offers o JOIN enrollments e ON e.id = o.enrollment_id
        WHERE o.state = 'open' AND o.reason = 'cancelled' AND o.respond_by < $1
        ORDER BY o.respond_by, o.id LIMIT ${BATCH_LIMIT} FOR UPDATE OF o, e SKIP LOCKED`,
      [today],
    );
    const offers = await manager.find(ClassChangeOffer, { where: { id: In(claimed.map((row) => row.id)) }, order: { id: 'ASC' } });
    for (const offer of offers) {
      const enrollment = await manager.findOneByOrFail(Enrollment, { id: offer.enrollmentId });
      await this.moves.releaseWith(manager, enrollment, offer, 'no-answer');
    }
    return claimed.length;
  }
}
