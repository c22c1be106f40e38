import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { TrainingModulePublished, trainingModulePublishedEvent } from '@sinergi/contracts';
import { Outbox } from '@sinergi/messaging';
import { Conflict, isUniqueViolation, NotFound, RuleBroken } from '@sinergi/platform';
import { PublishTrainingModuleDto } from './training-module.dto';
import { TrainingModule } from './training-module.entity';

type ModuleContent = Omit<TrainingModulePublished, 'version'>;

@Injectable()
export class TrainingModulesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  /** Creates a module at version 1, or publishes the next version when its content changed. */
  async publish(dto: PublishTrainingModuleDto): Promise<TrainingModule> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const current = await lockModule(manager, dto.moduleCode);
        if (current && sameContent(current, dto)) return current;
        return this.save(manager, { ...contentOf(dto), version: (current?.version ?? 0) + 1 });
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new Conflict({ field: 'moduleCode', rule: 'unique', message: `${dto.moduleCode} was created at the same time; retry` });
      throw error;
    }
  }

  /** Applies a KemenUMKM record (which carries its own version); a stale one writes nothing and is refused (RuleBroken). */
  async applyRecord(manager: EntityManager, record: TrainingModulePublished): Promise<void> {
    const current = await lockModule(manager, record.moduleCode);
    if (current && record.version < current.version) {
      throw new RuleBroken({ field: 'version', rule: 'not-older', message: `must not be older than the current version ${current.version}` });
    }
    if (!current || record.version > current.version || !sameContent(current, record)) await this.save(manager, record);
  }

  async get(moduleCode: string): Promise<TrainingModule> {
    const found = await this.dataSource.getRepository(TrainingModule).findOneBy({ moduleCode });
    if (!found) throw new NotFound({ field: 'moduleCode', rule: 'exists', message: `no training module with code ${moduleCode}` });
    return found;
  }

  /** Every module; GET /training-modules pages it by moduleCode. */
  listed(): SelectQueryBuilder<TrainingModule> {
    return this.dataSource.getRepository(TrainingModule).createQueryBuilder('module');
  }

  private async save(manager: EntityManager, module: TrainingModulePublished): Promise<TrainingModule> {
    const saved = await manager.save(TrainingModule, manager.create(TrainingModule, module));
    await this.outbox.append(manager, trainingModulePublishedEvent.with(module.moduleCode, module));
    return saved;
  }
}

function lockModule(manager: EntityManager, moduleCode: string): Promise<TrainingModule | null> {
  return manager.findOne(TrainingModule, { where: { moduleCode }, lock: { mode: 'pessimistic_write' } });
}

function contentOf(source: ModuleContent): ModuleContent {
  return { moduleCode: source.moduleCode, title: source.title, hours: source.hours, ownerPartyCode: source.ownerPartyCode };
}

function sameContent(a: ModuleContent, b: ModuleContent): boolean {
  return a.title === b.title && a.hours === b.hours && a.ownerPartyCode === b.ownerPartyCode;
}
