import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { Pool } from 'pg';
import QueryStream from 'pg-query-stream';
import { finished } from 'node:stream/promises';
import { GatewayConfig } from '../gateway.config';

/** Connections for streamed exports; an export beyond them waits for one to come free. */
const EXPORT_CONNECTIONS = 4;

/**
 * Reads the rows of the streamed exports through cursors, on a small pool of its own: an export holds its
 * connection for as long as its client takes to download the file, and slow downloads must never take the
 * connections the API and the event consumers need.
 */
@Injectable()
export class ExportConnections implements OnModuleDestroy {
  private readonly logger = new Logger(ExportConnections.name);
  private readonly pool: Pool;

  constructor(config: GatewayConfig) {
    this.pool = new Pool({ connectionString: config.DATABASE_URL, max: EXPORT_CONNECTIONS, application_name: 'gateway-exports' });
    // An idle connection the server closed: the pool drops it and opens another when one is needed.
    this.pool.on('error', (error) => this.logger.warn(`an idle export connection failed: ${error.message}`));
  }

  /** The connections an export holds now. */
  get busy(): number {
    return this.pool.totalCount - this.pool.idleCount;
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool.end();
  }

  /**
   * Every row of a query, 500 at a time (pg-query-stream). The connection is taken when the first row is asked
   * for and given back once the rows are read, the reader stops, or the query fails (then it is closed instead).
   */
  async *rows<R>(sql: string, params: unknown[]): AsyncGenerator<R> {
    const client = await this.pool.connect();
    const stream = client.query(new QueryStream(sql, params, { batchSize: 500 }));
    let failure: Error | undefined;
    try {
      for await (const row of stream) yield row as R;
    } catch (error) {
      failure = error as Error;
      throw error;
    } finally {
      stream.destroy();
      await finished(stream).catch(() => undefined);
      client.release(failure);
    }
  }
}
