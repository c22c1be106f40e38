import { randomUUID } from 'node:crypto';
import { MAX_NOMINATION_RECORDS, nominationBatchSubmittedEvent, TOPICS } from '@sinergi/contracts';
import { buildEnvelope, publishEnvelopes, testKafka, TopicCollector, waitFor } from '@sinergi/testing';
import { EnrollmentSystem, samplePerson } from './enrollment-system';
import { type CpuSpent, measureSystemCpu } from './system-cpu';

export interface NominationFigures {
  records: number;
  messages: number;
  elapsedSeconds: number;
  recordsPerSecond: number;
  accepted: number;
  rejected: number;
  /** Every process's CPU from the publish to the last result, the identity checks and decisions going on meanwhile included. */
  cpuSeconds: CpuSpent;
}

/**
 * KemenUMKM nominations on the integration topic (at most 2,000 records a message), from the publish to the last
 * NominationRecordAccepted/Rejected on the results topic, with enrollment running among all services as processes.
 */
export async function nominationThroughput(records: number): Promise<NominationFigures> {
  const bench = await EnrollmentSystem.start(records, 'nominations');
  const resultsTopic = `${bench.system.topicPrefix}${TOPICS.kemenumkmNominationResults.name}`;
  const collector = await TopicCollector.start([resultsTopic]);
  const producer = testKafka('bench-nominations').producer();
  await producer.connect();
  try {
    const institutionId = `PLUT-BENCH-${randomUUID().slice(0, 8)}`;
    const all = Array.from({ length: records }, (_, index) => {
      const person = samplePerson(index);
      return {
        recordRef: `N-${index}`,
        nik: person.nik,
        fullName: `Peserta Nominasi ${index}`,
        birthDate: person.birthDate,
        gender: 'M',
        phone: person.phone,
        provinceCode: '32',
        business: { scale: 'micro', sector: 'kuliner' },
      };
    });
    const envelopes = [];
    for (let start = 0; start < records; start += MAX_NOMINATION_RECORDS) {
      const data = { institutionId, programmeId: bench.programmeId, records: all.slice(start, start + MAX_NOMINATION_RECORDS) };
      envelopes.push(buildEnvelope(nominationBatchSubmittedEvent.with(institutionId, data), '/kemenumkm/bench'));
    }
    const ids = new Set(envelopes.map((envelope) => envelope.id));
    const results = () =>
      (collector.valuesOf(resultsTopic) as Array<{ type: string; data: { sourceEventId: string } }>).filter((result) => ids.has(result.data.sourceEventId));
    const cpuSpent = await measureSystemCpu(bench.system);
    const started = Date.now();
    await publishEnvelopes(producer, bench.system.topicPrefix, envelopes);
    await waitFor(`${records} nomination results`, () => results().length >= records, { timeoutMs: 900_000, intervalMs: 100 });
    const elapsedSeconds = (Date.now() - started) / 1000;
    const cpuSeconds = await cpuSpent();
    const accepted = results().filter((result) => result.type === 'NominationRecordAccepted').length;
    return { records, messages: envelopes.length, elapsedSeconds, recordsPerSecond: records / elapsedSeconds, accepted, rejected: results().length - accepted, cpuSeconds };
  } finally {
    await producer.disconnect();
    await collector.stop();
    await bench.stop();
  }
}
