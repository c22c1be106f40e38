import { AclOperationTypes, AclResourceTypes, ResourcePatternTypes } from 'kafkajs';
import { allTopicSpecs } from '@sinergi/contracts';
import { accessControlEntries } from './access-control';

/** kafkajs' enums are plain objects, without TypeScript's reverse mapping. */
const nameIn = (values: object, value: number) => Object.entries(values).find(([, candidate]) => candidate === value)?.[0];

const grants = (principal: string, prefix = '') =>
  accessControlEntries(allTopicSpecs(prefix), prefix)
    .filter((entry) => entry.principal === `User:${principal}`)
    .map((entry) => [
        nameIn(AclOperationTypes, entry.operation),
        nameIn(AclResourceTypes, entry.resourceType),
        nameIn(ResourcePatternTypes, entry.resourcePatternType),
        entry.resourceName,
      ].join(' '))
    .sort();

describe('accessControlEntries', () => {
  it('lets KemenUMKM write its inbound topics and read its results, with groups named after it', () => {
    expect(grants('kemenumkm', 'x.')).toEqual([
      'READ GROUP PREFIXED x.kemenumkm',
      'READ TOPIC LITERAL x.integration.kemenumkm.nominations.results.v1',
      'READ TOPIC LITERAL x.integration.kemenumkm.roster.results.v1',
      'WRITE TOPIC LITERAL x.integration.kemenumkm.nominations.v1',
      'WRITE TOPIC LITERAL x.integration.kemenumkm.roster.v1',
    ]);
  });

  it("lets a service read what it consumes, write those topics' dead letters and what it produces, in its own group", () => {
    const venueCapacity = grants('venue-capacity');
    expect(venueCapacity).toEqual(
      expect.arrayContaining([
        'READ GROUP LITERAL venue-capacity',
        'READ TOPIC LITERAL integration.kemnaker.venues.v1',
        'WRITE TOPIC LITERAL integration.kemnaker.venues.v1.dlq',
        'WRITE TOPIC LITERAL integration.kemnaker.venues.results.v1',
        'READ TOPIC LITERAL program.batches.v1',
        'WRITE TOPIC LITERAL program.batches.v1.dlq',
        'WRITE TOPIC LITERAL venue.reservations.v1',
      ]),
    );
    expect(venueCapacity.filter((grant) => grant.includes('nominations'))).toEqual([]);
  });

  it('lets the gateway read its topics in a second group of its own, for replaying them into fresh read models', () => {
    const groups = grants('gateway', 'x.').filter((grant) => grant.startsWith('READ GROUP LITERAL '));
    expect(groups).toEqual(['READ GROUP LITERAL x.gateway', 'READ GROUP LITERAL x.gateway.rebuild']);
    expect(grants('gateway', 'x.')).toEqual(expect.arrayContaining(['READ TOPIC LITERAL x.program.batches.v1', 'READ TOPIC LITERAL x.notification.deliveries.v1']));
  });

  it('lets the gateway count every dead-letter topic (describe its offsets) and read only those of the topics it consumes', () => {
    const deadLetterGrants = grants('gateway').filter((grant) => grant.endsWith('.dlq') && !grant.startsWith('WRITE'));
    const describes = deadLetterGrants.filter((grant) => grant.startsWith('DESCRIBE TOPIC LITERAL '));
    expect(describes).toHaveLength(allTopicSpecs().length);
    expect(describes).toContain('DESCRIBE TOPIC LITERAL integration.kemenumkm.nominations.v1.dlq');
    const consumed = allTopicSpecs().filter((spec) => spec.consumers.includes('gateway') && spec.producer !== 'ministry systems');
    expect(deadLetterGrants.filter((grant) => !describes.includes(grant)).sort()).toEqual(consumed.map((spec) => `READ TOPIC LITERAL ${spec.name}.dlq`).sort());
  });

  it("lets a consuming service re-drive its dead letters of the services' topics (read the companion in its redrive groups, write the topic back), never of a ministry's", () => {
    const venueCapacity = grants('venue-capacity', 'x.');
    expect(venueCapacity).toEqual(
      expect.arrayContaining(['READ GROUP PREFIXED x.venue-capacity.redrive-', 'READ TOPIC LITERAL x.program.batches.v1.dlq', 'WRITE TOPIC LITERAL x.program.batches.v1']),
    );
    expect(venueCapacity).not.toContain('WRITE TOPIC LITERAL x.integration.kemnaker.venues.v1');
    expect(venueCapacity).not.toContain('READ TOPIC LITERAL x.integration.kemnaker.venues.v1.dlq');
  });

  it("lets the gateway describe every service's consumer group and every topic, for the consumer lag of the Operations page", () => {
    const gateway = grants('gateway', 'x.');
    expect(gateway.filter((grant) => grant.startsWith('DESCRIBE GROUP '))).toEqual(
      ['enrollment', 'gateway', 'instructor-module', 'notification', 'program', 'venue-capacity'].map((service) => `DESCRIBE GROUP LITERAL x.${service}`),
    );
    expect(gateway).toEqual(expect.arrayContaining(['DESCRIBE TOPIC LITERAL x.integration.kemenumkm.nominations.v1', 'DESCRIBE TOPIC LITERAL x.venue.venues.v1']));
  });

  it('admits only KemenUMKM and enrollment to the NIK-carrying nominations topic (the gateway describes its offsets, never reads it)', () => {
    const principals = accessControlEntries(allTopicSpecs())
      .filter((entry) => entry.resourceName === 'integration.kemenumkm.nominations.v1')
      .map((entry) => `${entry.principal} ${nameIn(AclOperationTypes, entry.operation)}`);
    expect(principals.sort()).toEqual(['User:enrollment READ', 'User:gateway DESCRIBE', 'User:kemenumkm WRITE']);
  });
});
