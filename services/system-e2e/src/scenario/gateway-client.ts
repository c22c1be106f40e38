import type { Page, Principal } from '@sinergi/contracts';
import type { TestIssuer } from '@sinergi/testing';

/** The ministries' admins, as the provider signs them in. */
export const ADMIN: Principal = { subject: 'scenario-admin', roles: ['kemnaker-admin', 'kemenumkm-admin'], venueCodes: [] };

export function participantPrincipal(participantId: string): Principal {
  return { subject: `participant-${participantId}`, roles: ['participant'], venueCodes: [], participantId };
}

export interface Answer<T> {
  status: number;
  body: T;
}

/** The gateway's public API (/api/v1), called with access tokens of the test issuer, as a signed-in client would. */
export class GatewayClient {
  private readonly tokens = new Map<string, { header: Record<string, string>; until: number }>();
  /** Calls made, by operation label (method and path template), for the report. */
  readonly calls = new Map<string, number>();

  constructor(
    readonly url: string,
    private readonly issuer: TestIssuer,
  ) {}

  async call<T>(method: string, path: string, principal: Principal | null, body?: unknown, headers: Record<string, string> = {}): Promise<Answer<T>> {
    const label = `${method} ${path.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ':id').replace(/\d{4}-\d{2}-\d{2}/g, ':day').replace(/\?.*$/, '')}`;
    this.calls.set(label, (this.calls.get(label) ?? 0) + 1);
    const response = await fetch(`${this.url}/api/v1${path}`, {
      method,
      headers: { ...(await this.authorization(principal)), ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
  }

  /** A call that must answer 200 or 201; anything else throws with the gateway's answer. */
  async ok<T>(method: string, path: string, principal: Principal | null, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
    const answer = await this.call<T>(method, path, principal, body, headers);
    if (answer.status !== 200 && answer.status !== 201) throw new Error(`${method} /api/v1${path} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return answer.body;
  }

  /** Every item of a paged list, 200 at a time. */
  async all<T>(path: string, principal: Principal = ADMIN): Promise<T[]> {
    const items: T[] = [];
    let cursor: string | undefined;
    do {
      const query = new URLSearchParams({ limit: '200', ...(cursor ? { cursor } : {}) });
      const page = await this.ok<Page<T>>('GET', `${path}${path.includes('?') ? '&' : '?'}${query}`, principal);
      items.push(...page.items);
      cursor = page.next;
    } while (cursor);
    return items;
  }

  /** Tokens are minted for an hour and kept: a surge of thousands must not sign a token per request. */
  private async authorization(principal: Principal | null): Promise<Record<string, string>> {
    if (!principal) return {};
    const kept = this.tokens.get(principal.subject);
    if (kept && kept.until > Date.now()) return kept.header;
    const header = await this.issuer.authorization(principal, { expiresIn: 3600 });
    this.tokens.set(principal.subject, { header, until: Date.now() + 3_000_000 });
    return header;
  }
}

/** Runs `work` over the items with at most `concurrency` in flight; the first failure stops the rest and is thrown. */
export async function inParallel<T, R>(items: readonly T[], concurrency: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  let failure: unknown;
  const worker = async () => {
    while (failure === undefined && next < items.length) {
      const index = next++;
      try {
        results[index] = await work(items[index], index);
      } catch (error) {
        failure ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  if (failure !== undefined) throw failure;
  return results;
}
