import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ServiceName } from '@sinergi/contracts';
import { runsFromSource, SERVICES } from '@sinergi/local-infra';
import { createTopicNamespace, deleteTopicNamespace, ServiceProcesses } from '@sinergi/testing';
import type { SectionResult } from './report';

/** Nothing listens there: at idle the gateway calls no service. */
const UNUSED_URL = 'http://127.0.0.1:9';

function rssMegabytes(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('VmRSS:'));
  return line ? Number(line.split(/\s+/)[1]) / 1024 : undefined;
}

/**
 * The six services as OS processes (as the system tests run them: compiled when built, from source with
 * SINERGI_RUN_FROM_SOURCE=1), each on its own fresh database; their resident memory once healthy and idle for a while.
 */
export async function idleRss(settleMs: number): Promise<SectionResult> {
  const services = SERVICES.map(({ name }) => name);
  const gatewayUrls = Object.fromEntries(
    services.filter((name) => name !== 'gateway').map((name) => [`${name.toUpperCase().replace(/-/g, '_')}_URL`, UNUSED_URL]),
  );
  const topicPrefix = await createTopicNamespace();
  try {
    const processes = await ServiceProcesses.start(services, topicPrefix, { ...gatewayUrls, GATEWAY_PUBLIC_URL: 'http://localhost:3000' });
    try {
      await sleep(settleMs);
      const megabytes = Object.fromEntries(services.map((name: ServiceName) => [name, rssMegabytes(processes.pid(name))]));
      const listed = services.map((name) => `${name} ${megabytes[name]?.toFixed(0) ?? '?'} MB`);
      const runAs = runsFromSource() ? 'from source through ts-node' : 'compiled (dist/)';
      return { line: `RSS at idle (${settleMs / 1000} s after healthy), ${runAs}: ${listed.join(', ')}`, figures: { settleMs, runAs, megabytes } };
    } finally {
      await processes.stop();
    }
  } finally {
    await deleteTopicNamespace(topicPrefix);
  }
}
