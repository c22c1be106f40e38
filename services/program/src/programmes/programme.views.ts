import type { ProgrammeView } from '@sinergi/contracts';
import { Programme } from './programme.entity';

export function programmeView({ createdAt, ...programme }: Programme): ProgrammeView {
  return { ...programme, createdAt: createdAt.toISOString() };
}
