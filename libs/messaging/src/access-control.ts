import {
  Admin,
  AclEntry,
  AclOperationTypes,
  AclPermissionTypes,
  AclResourceTypes,
  Kafka,
  ResourcePatternTypes,
} from 'kafkajs';
import { deadLetterTopicOf, MinistrySystem, ServiceName, TopicSpec } from '@sinergi/contracts';
import { kafkaClientConfig, KafkaConnection } from './kafka-connection';

export type Principal = ServiceName | MinistrySystem;

/**
 * A second consumer group of a service that replays its topics from the beginning beside the live one
 * (the gateway's `npm run rebuild-read-models`), `<prefix><group>`.
 */
export const REPLAY_GROUPS: Partial<Record<ServiceName, string>> = { gateway: 'gateway.rebuild' };

/** Whether a consuming service may re-drive its dead letters of this topic itself: one a service (not a ministry system) produces. */
export function isRedrivable(spec: TopicSpec): boolean {
  return spec.producer !== 'ministry systems';
}

/** The throw-away consumer groups with which a service reads a dead-letter topic to re-drive one of its dead letters. */
export function redriveGroupPrefixOf(service: ServiceName, prefix = ''): string {
  return `${prefix}${service}.redrive-`;
}

/**
 * What each principal may do, from the topic registry: write the topics it produces, read the
 * ones it consumes (a service also writes their dead-letter companions and reads its consumer
 * group `<prefix><service>`, and its REPLAY_GROUPS one; a ministry system reads with groups named `<prefix><ministry>...`).
 * To re-drive its own dead letters (the Operations page), a consuming service also reads the dead-letter companions
 * of the services' topics it consumes, with groups named `redriveGroupPrefixOf`, and writes the message back there;
 * never on a ministry system's topic, which only that system writes (those are re-driven with `npm run redrive`).
 * Everything else is refused by the broker's authorizer.
 */
export function accessControlEntries(specs: readonly TopicSpec[], prefix = ''): AclEntry[] {
  const entries: AclEntry[] = [];
  const redrivers = new Set<ServiceName>();
  const allow = (
    principal: Principal,
    resourceType: AclResourceTypes,
    resourceName: string,
    operation: AclOperationTypes,
    resourcePatternType = ResourcePatternTypes.LITERAL,
  ) =>
    entries.push({
      principal: `User:${principal}`,
      host: '*',
      resourceType,
      resourceName,
      resourcePatternType,
      operation,
      permissionType: AclPermissionTypes.ALLOW,
    });
  const principalOf = (spec: TopicSpec, party: ServiceName | 'ministry systems'): Principal => {
    if (party !== 'ministry systems') return party;
    if (!spec.ministry) throw new Error(`${spec.name} names 'ministry systems' but no ministry`);
    return spec.ministry;
  };

  for (const spec of specs) {
    allow(principalOf(spec, spec.producer), AclResourceTypes.TOPIC, spec.name, AclOperationTypes.WRITE);
    for (const consumer of spec.consumers) {
      const principal = principalOf(spec, consumer);
      allow(principal, AclResourceTypes.TOPIC, spec.name, AclOperationTypes.READ);
      if (consumer === 'ministry systems') continue;
      allow(principal, AclResourceTypes.TOPIC, deadLetterTopicOf(spec.name), AclOperationTypes.WRITE);
      if (!isRedrivable(spec)) continue;
      allow(principal, AclResourceTypes.TOPIC, deadLetterTopicOf(spec.name), AclOperationTypes.READ);
      allow(principal, AclResourceTypes.TOPIC, spec.name, AclOperationTypes.WRITE);
      redrivers.add(principal as ServiceName);
    }
  }
  for (const service of redrivers) {
    allow(service, AclResourceTypes.GROUP, redriveGroupPrefixOf(service, prefix), AclOperationTypes.READ, ResourcePatternTypes.PREFIXED);
  }
  // The gateway counts every topic's dead letters from their offsets (its dashboards), without reading them.
  for (const spec of specs) allow('gateway', AclResourceTypes.TOPIC, deadLetterTopicOf(spec.name), AclOperationTypes.DESCRIBE);
  // ...and shows each service's consumer lag (the Operations page): the group's committed offsets against each topic's end.
  for (const spec of specs) allow('gateway', AclResourceTypes.TOPIC, spec.name, AclOperationTypes.DESCRIBE);
  for (const service of new Set(specs.flatMap((spec) => spec.consumers).filter((consumer): consumer is ServiceName => consumer !== 'ministry systems'))) {
    allow('gateway', AclResourceTypes.GROUP, `${prefix}${service}`, AclOperationTypes.DESCRIBE);
  }
  for (const principal of new Set(entries.map((entry) => entry.principal.slice('User:'.length) as Principal))) {
    const ministry = specs.some((spec) => spec.ministry === principal);
    allow(principal, AclResourceTypes.GROUP, `${prefix}${principal}`, AclOperationTypes.READ, ministry ? ResourcePatternTypes.PREFIXED : ResourcePatternTypes.LITERAL);
    const replayGroup = REPLAY_GROUPS[principal as ServiceName];
    if (replayGroup) allow(principal, AclResourceTypes.GROUP, `${prefix}${replayGroup}`, AclOperationTypes.READ);
  }
  return entries;
}

const ACL_PROPAGATION_TIMEOUT_MS = 10_000;

/**
 * Grants the registry's ACLs (idempotent: the broker keeps one copy of each) and returns once the
 * broker's authorizer applies them. Needs an ALTER-on-cluster principal.
 */
export async function ensureAccessControl(connection: KafkaConnection, specs: readonly TopicSpec[], prefix = ''): Promise<number> {
  const admin = new Kafka(kafkaClientConfig(connection, 'sinergi-acl-admin')).admin();
  await admin.connect();
  try {
    const acl = accessControlEntries(specs, prefix);
    await admin.createAcls({ acl });
    await untilApplied(admin, acl);
    return acl.length;
  } finally {
    await admin.disconnect();
  }
}

/** The controller accepts ACLs before the broker's authorizer has them; the broker answers DescribeAcls from its own. */
async function untilApplied(admin: Admin, acl: AclEntry[]): Promise<void> {
  const key = (entry: Omit<AclEntry, 'host' | 'permissionType'>) =>
    [entry.principal, entry.resourceType, entry.resourceName, entry.resourcePatternType, entry.operation].join('|');
  const deadline = Date.now() + ACL_PROPAGATION_TIMEOUT_MS;
  for (;;) {
    const { resources } = await admin.describeAcls({
      resourceType: AclResourceTypes.ANY,
      resourcePatternType: ResourcePatternTypes.ANY,
      operation: AclOperationTypes.ANY,
      permissionType: AclPermissionTypes.ALLOW,
    });
    const applied = new Set(resources.flatMap((resource) => resource.acls.map((entry) => key({ ...resource, ...entry }))));
    if (acl.every((entry) => applied.has(key(entry)))) return;
    if (Date.now() > deadline) throw new Error(`the broker did not apply the ACLs within ${ACL_PROPAGATION_TIMEOUT_MS / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Takes back what ensureAccessControl granted for a namespace (a test's). */
export async function removeAccessControl(connection: KafkaConnection, specs: readonly TopicSpec[], prefix = ''): Promise<void> {
  const admin = new Kafka(kafkaClientConfig(connection, 'sinergi-acl-admin')).admin();
  await admin.connect();
  try {
    await admin.deleteAcls({ filters: accessControlEntries(specs, prefix) });
  } finally {
    await admin.disconnect();
  }
}
