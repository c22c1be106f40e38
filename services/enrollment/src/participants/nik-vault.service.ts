import { Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { EnrollmentConfig } from '../enrollment.config';

const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Keeps NIKs out of the database in the clear: AES-256-GCM for the NIK itself, and a keyed blind index
 * (HMAC-SHA256) to find a NIK already registered. The participant id is the GCM associated data, so a
 * ciphertext copied to another participant's row does not decrypt.
 */
@Injectable()
export class NikVault {
  private readonly encryptionKey: Buffer;
  private readonly indexKey: Buffer;

  constructor(config: EnrollmentConfig) {
    this.encryptionKey = Buffer.from(config.NIK_ENCRYPTION_KEY, 'base64');
    this.indexKey = Buffer.from(config.NIK_INDEX_KEY, 'base64');
  }

  /** iv (12 bytes) | tag (16 bytes) | ciphertext. */
  seal(nik: string, participantId: string): Buffer {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.encryptionKey, iv);
    cipher.setAAD(Buffer.from(participantId));
    const ciphertext = Buffer.concat([cipher.update(nik, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]);
  }

  /** For the identity check against Dukcapil; fails on a tampered or misplaced ciphertext. */
  open(sealed: Buffer, participantId: string): string {
    const decipher = createDecipheriv('aes-256-gcm', this.encryptionKey, sealed.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(participantId));
    decipher.setAuthTag(sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  }

  blindIndex(nik: string): Buffer {
    return createHmac('sha256', this.indexKey).update(nik).digest();
  }
}
