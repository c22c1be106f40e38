import type { AgreementView } from '@sinergi/contracts';
import { Agreement } from './agreement.entity';

export function agreementView({ createdAt, ...agreement }: Agreement): AgreementView {
  return { ...agreement, createdAt: createdAt.toISOString() };
}
