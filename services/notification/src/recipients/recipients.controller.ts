import { Body, Controller, Get, HttpCode, Param, Put } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CODE_PATTERN, RecipientKind, RecipientPreferences, RecipientView } from '@sinergi/contracts';
import { PreferencesDto, RegisterContactDto } from './recipient.dto';
import { RecipientDirectory } from './recipient-directory.service';
import { Caller, CurrentCaller, InvalidInput, NotFound, Operation } from '@sinergi/platform';

const KINDS_IN_PATHS: Record<string, RecipientKind> = {
  participants: 'participant',
  instructors: 'instructor',
  'venue-operators': 'venue-operator',
  admins: 'admin',
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Controller('recipients')
export class RecipientsController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: RecipientDirectory,
  ) {}

  @Put('venue-operators/:venueCode')
  @Operation('recipients.set-venue-operator')
  @HttpCode(200)
  async registerVenueOperator(@Param('venueCode') venueCode: string, @Body() contact: RegisterContactDto): Promise<RecipientView> {
    return this.register('venue-operator', code('venueCode', venueCode), contact);
  }

  @Put('admins/:id')
  @Operation('recipients.set-admin')
  @HttpCode(200)
  async registerAdmin(@Param('id') id: string, @Body() contact: RegisterContactDto): Promise<RecipientView> {
    return this.register('admin', code('id', id), contact);
  }

  @Put(':kind/:id/preferences')
  @Operation('recipients.set-preferences')
  @HttpCode(200)
  async setPreferences(@Param('kind') kindInPath: string, @Param('id') id: string, @Body() body: PreferencesDto, @CurrentCaller() caller: Caller): Promise<RecipientView> {
    const kind = kindOf(kindInPath);
    const recipientId = idOf(kind, id);
    assertOwnRecipient(caller, kind, recipientId);
    await this.directory.setPreferences(this.dataSource.manager, kind, recipientId, { language: body.language ?? null, channels: body.channels ?? null, optOut: body.optOut });
    return this.view(kind, recipientId);
  }

  @Get(':kind/:id')
  @Operation('recipients.get')
  async get(@Param('kind') kindInPath: string, @Param('id') id: string, @CurrentCaller() caller: Caller): Promise<RecipientView> {
    const kind = kindOf(kindInPath);
    const recipientId = idOf(kind, id);
    assertOwnRecipient(caller, kind, recipientId);
    return this.view(kind, recipientId);
  }

  @Get(':kind/:id/preferences')
  @Operation('recipients.get-preferences')
  async getPreferences(@Param('kind') kindInPath: string, @Param('id') id: string, @CurrentCaller() caller: Caller): Promise<RecipientPreferences> {
    const kind = kindOf(kindInPath);
    const recipientId = idOf(kind, id);
    assertOwnRecipient(caller, kind, recipientId);
    return (await this.view(kind, recipientId)).preferences;
  }

  private async register(kind: RecipientKind, id: string, contact: RegisterContactDto): Promise<RecipientView> {
    await this.directory.register(this.dataSource.manager, kind, id, contact.language, { fullName: contact.fullName, email: contact.email, phone: contact.phone });
    return this.view(kind, id);
  }

  private async view(kind: RecipientKind, id: string): Promise<RecipientView> {
    const recipient = await this.directory.find(this.dataSource.manager, kind, id);
    if (!recipient) throw new NotFound({ field: 'id', rule: 'exists', message: `no ${kind} ${id} is known to notification` });
    const reachableBy = [...(recipient.contact?.email ? (['email'] as const) : []), ...(recipient.contact?.phone ? (['phone'] as const) : [])];
    return { kind, id, reachableBy, language: recipient.language, preferences: recipient.preferences };
  }
}

/** A participant's reach (`own`) is their own recipient record and nobody else's. */
function assertOwnRecipient(caller: Caller, kind: RecipientKind, id: string): void {
  caller.assertReaches(kind === 'participant' ? { participantId: id } : {}, 'id');
}

function kindOf(kindInPath: string): RecipientKind {
  const kind = KINDS_IN_PATHS[kindInPath];
  if (!kind) throw new InvalidInput({ field: 'kind', rule: 'isIn', message: `kind must be one of ${Object.keys(KINDS_IN_PATHS).join(', ')}` });
  return kind;
}

function idOf(kind: RecipientKind, id: string): string {
  if (kind === 'participant' || kind === 'instructor') {
    if (!UUID.test(id)) throw new InvalidInput({ field: 'id', rule: 'isUuid', message: `id must be the ${kind}'s UUID` });
    return id.toLowerCase();
  }
  return code('id', id);
}

function code(field: string, value: string): string {
  if (!CODE_PATTERN.test(value)) throw new InvalidInput({ field, rule: 'matches', message: `${field} must be 1-40 upper-case letters, digits, _ . or -, e.g. BBPVP-BDG` });
  return value;
}
