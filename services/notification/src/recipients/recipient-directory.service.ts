import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ContactCard, Language, NotificationChannel, RecipientKind, RecipientPreferences, seal, SealedPayload, SealKey, sealKeyFrom, unseal } from '@sinergi/contracts';
import { NotificationConfig } from '../notification.config';
import { recipientKey, recipientLanguage } from './recipient.rules';

export interface Recipient {
  kind: RecipientKind;
  id: string;
  /** Null until a contact card arrives (participants, instructors) or the recipient is registered (operators, admins). */
  contact: ContactCard | null;
  /** The recipient's language: their preference, else their card's, else Bahasa Indonesia. */
  language: Language;
  preferences: RecipientPreferences;
}

/** A recipient's row as stored, the contact sealed. */
export interface SealedRecipient {
  kind: RecipientKind;
  id: string;
  language: Language | null;
  contact: SealedPayload | null;
  preferred_language: Language | null;
  preferred_channels: NotificationChannel[] | null;
  opt_out: boolean;
}

/**
 * Who can be reached, how. Contact data stays sealed at rest (AES-256-GCM under CONTACT_SEAL_KEY, bound to the
 * recipient id) exactly as the card arrived, and is opened only to send a message.
 */
@Injectable()
export class RecipientDirectory {
  private readonly keys: SealKey[];

  constructor(config: NotificationConfig) {
    this.keys = [sealKeyFrom(config.CONTACT_SEAL_KEY)];
  }

  /** Stores a card sealed by enrollment or instructor-module; refuses one this service cannot open (a key mismatch). */
  async storeSealedCard(manager: EntityManager, kind: RecipientKind, id: string, language: Language, sealed: SealedPayload): Promise<void> {
    this.open(sealed, id);
    await this.upsertContact(manager, kind, id, language, sealed);
  }

  /** Seals and stores a contact registered over HTTP (venue operators, admins). */
  async register(manager: EntityManager, kind: RecipientKind, id: string, language: Language, card: ContactCard): Promise<void> {
    await this.upsertContact(manager, kind, id, language, seal(card, this.keys[0], id));
  }

  async setPreferences(manager: EntityManager, kind: RecipientKind, id: string, preferences: RecipientPreferences): Promise<void> {
    await manager.query(
      `INSERT INTO recipients (kind, id, preferred_language, preferred_channels, opt_out) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (kind, id) DO UPDATE SET preferred_language = $3, preferred_channels = $4, opt_out = $5, updated_at = now()`,
      [kind, id, preferences.language, preferences.channels, preferences.optOut],
    );
  }

  /** The recipient with the contact opened, or null when nothing at all is known of them. */
  async find(manager: EntityManager, kind: RecipientKind, id: string): Promise<Recipient | null> {
    const sealed = (await this.findSealed(manager, [{ kind, id }])).get(recipientKey(kind, id));
    return sealed ? this.opened(sealed) : null;
  }

  /** The recipients known among those asked for, by `recipientKey`, in one query; contacts still sealed (see `opened`). */
  async findSealed(manager: EntityManager, wanted: ReadonlyArray<{ kind: RecipientKind; id: string }>): Promise<Map<string, SealedRecipient>> {
    if (wanted.length === 0) return new Map();
    const rows = (await manager.query(
      `SELECT r.kind, r.id, r.language, r.contact, r.preferred_language, r.preferred_channels, r.opt_out
         FROM recipients r JOIN unnest($1::text[], $2::text[]) AS w(kind, id) ON r.kind = w.kind AND r.id = w.id`,
      [wanted.map((recipient) => recipient.kind), wanted.map((recipient) => recipient.id)],
    )) as SealedRecipient[];
    return new Map(rows.map((row) => [recipientKey(row.kind, row.id), row]));
  }

  /** The recipient with the contact opened; throws when it cannot be opened with CONTACT_SEAL_KEY. */
  opened(row: SealedRecipient): Recipient {
    return {
      kind: row.kind,
      id: row.id,
      contact: row.contact ? this.open(row.contact, row.id) : null,
      language: recipientLanguage(row.preferred_language, row.language),
      preferences: { language: row.preferred_language, channels: row.preferred_channels, optOut: row.opt_out },
    };
  }

  private open(sealed: SealedPayload, id: string): ContactCard {
    try {
      return unseal<ContactCard>(sealed, this.keys, id);
    } catch {
      throw new Error(`the contact card of ${id} cannot be opened with CONTACT_SEAL_KEY (key id ${sealed.keyId}): check that notification holds the producer's key`);
    }
  }

  private async upsertContact(manager: EntityManager, kind: RecipientKind, id: string, language: Language, sealed: SealedPayload): Promise<void> {
    await manager.query(
      `INSERT INTO recipients (kind, id, language, contact) VALUES ($1, $2, $3, $4)
       ON CONFLICT (kind, id) DO UPDATE SET language = $3, contact = $4, updated_at = now()`,
      [kind, id, language, JSON.stringify(sealed)],
    );
  }
}
