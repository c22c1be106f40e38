import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsBoolean, IsEmail, IsIn, IsOptional, IsString, Length, Matches, ValidateIf } from 'class-validator';
import { LANGUAGES, Language, NOTIFICATION_CHANNELS, NotificationChannel } from '@sinergi/contracts';
import type { RegisterContactRequest, SetPreferencesRequest } from '@sinergi/contracts';

/** A venue operator's desk or an admin, registered by hand: at least one of email and phone. */
export class RegisterContactDto implements RegisterContactRequest {
  @IsString({ message: 'fullName must be text' })
  @Length(1, 200, { message: 'fullName must be 1-200 characters' })
  fullName!: string;

  @ValidateIf((dto: RegisterContactDto) => dto.phone === undefined || dto.email !== undefined)
  @IsEmail({}, { message: 'email must be an email address (give email, phone or both)' })
  email?: string;

  @ValidateIf((dto: RegisterContactDto) => dto.email === undefined || dto.phone !== undefined)
  @Matches(/^\+62[0-9]{8,13}$/, { message: 'phone must be an Indonesian number in E.164, e.g. +6281234567890 (give email, phone or both)' })
  phone?: string;

  @IsOptional()
  @IsIn(LANGUAGES, { message: `language must be one of ${LANGUAGES.join(', ')}` })
  language: Language = 'id';
}

export class PreferencesDto implements SetPreferencesRequest {
  @IsOptional()
  @IsIn(LANGUAGES, { message: `language must be one of ${LANGUAGES.join(', ')}` })
  language?: Language;

  /** Tried in this order; a channel the recipient has no contact for is skipped. */
  @IsOptional()
  @ArrayMinSize(1, { message: 'channels must name at least one channel, in the order to try them' })
  @ArrayMaxSize(3, { message: 'channels must name each channel at most once' })
  @ArrayUnique({ message: 'channels must name each channel at most once' })
  @IsIn(NOTIFICATION_CHANNELS, { each: true, message: `each of channels must be one of ${NOTIFICATION_CHANNELS.join(', ')}` })
  channels?: NotificationChannel[];

  /** Opts out of non-critical messages; being selected and a class cancelled or rescheduled still reach the recipient. */
  @IsOptional()
  @IsBoolean({ message: 'optOut must be true or false' })
  optOut: boolean = false;
}
