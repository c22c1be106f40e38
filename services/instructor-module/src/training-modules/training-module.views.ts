import type { TrainingModuleView } from '@sinergi/contracts';
import { TrainingModule } from './training-module.entity';

export function trainingModuleView({ updatedAt, ...module }: TrainingModule): TrainingModuleView {
  return { ...module, updatedAt: updatedAt.toISOString() };
}
