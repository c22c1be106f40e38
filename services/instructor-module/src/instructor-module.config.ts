import { Matches } from 'class-validator';
import { ServiceConfig } from '@sinergi/platform';

/** Instructor-module's settings: the common ones and the key that seals contact cards for notification. */
export class InstructorModuleConfig extends ServiceConfig {
  /** AES-256-GCM key shared with notification only; instructors' contact cards travel sealed with it. */
  @Matches(/^[A-Za-z0-9+/]{43}=$/, { message: 'must be 32 random bytes in base64 (44 characters), e.g. from `openssl rand -base64 32`' })
  CONTACT_SEAL_KEY!: string;
}
