import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BatchFillChanged } from '@sinergi/contracts';
import { Batch } from '../classes/batch.entity';
import { fillOf } from './enrollment.views';

@Injectable()
export class FillService {
  constructor(private readonly dataSource: DataSource) {}

  async get(batchId: string): Promise<BatchFillChanged> {
    const batch = await this.dataSource.getRepository(Batch).findOneBy({ id: batchId });
    if (!batch) throw new NotFoundException(`no confirmed class with id ${batchId}`);
    return fillOf(batch);
  }
}
