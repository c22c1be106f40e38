import { Type } from 'class-transformer';
import { ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min, ValidateIf, ValidateNested } from 'class-validator';
import { CODE_PATTERN, PROVINCE_CODES, VENUE_KINDS, VenueKind } from '@sinergi/contracts';
import type { FindVenuesParams, RegisterVenueRequest, ReplaceVenueRequest, Room } from '@sinergi/contracts';
import { IsCivilDate, PageQuery } from '@sinergi/platform';

export class RoomDto implements Room {
  @Matches(CODE_PATTERN, { message: 'roomCode must be 1-40 upper-case letters, digits, _ . or -, e.g. R-101' })
  roomCode!: string;

  @IsString({ message: 'name must be text' })
  @Length(1, 200, { message: 'name must be 1-200 characters' })
  name!: string;

  @IsInt({ message: 'seats must be a whole number' })
  @Min(1, { message: 'seats must be between 1 and 500' })
  @Max(500, { message: 'seats must be between 1 and 500' })
  seats!: number;
}

/** The full state of a venue (PUT replaces it); its code is in the path. */
export class VenueDetailsDto implements ReplaceVenueRequest {
  @IsString({ message: 'name must be text' })
  @Length(1, 200, { message: 'name must be 1-200 characters' })
  name!: string;

  @IsIn(VENUE_KINDS, { message: `kind must be one of: ${VENUE_KINDS.join(', ')}` })
  kind!: VenueKind;

  @IsIn(PROVINCE_CODES, { message: 'provinceCode must be a Kemendagri province code, e.g. 36 for Banten' })
  provinceCode!: string;

  @IsString({ message: 'city must be text' })
  @Length(1, 200, { message: 'city must be 1-200 characters' })
  city!: string;

  @IsArray({ message: 'rooms must be a list' })
  @ArrayMinSize(1, { message: 'rooms must name at least one room' })
  @ArrayUnique((room: RoomDto) => room.roomCode, { message: 'rooms must not repeat a roomCode' })
  @ValidateNested({ each: true })
  @Type(() => RoomDto)
  rooms!: RoomDto[];

  @ValidateIf((dto: VenueDetailsDto) => dto.closedDays !== undefined)
  @IsArray({ message: 'closedDays must be a list' })
  @ArrayUnique({ message: 'closedDays must not repeat a day' })
  @IsCivilDate({ each: true, message: 'each closedDay must be a date as YYYY-MM-DD' })
  closedDays: string[] = [];

  @ValidateIf((dto: VenueDetailsDto) => dto.sample !== undefined)
  @IsBoolean({ message: 'sample must be true or false' })
  sample: boolean = false;
}

export class RegisterVenueDto extends VenueDetailsDto implements RegisterVenueRequest {
  @Matches(CODE_PATTERN, { message: 'venueCode must be 1-40 upper-case letters, digits, _ . or -, e.g. BBPVP-SERANG' })
  venueCode!: string;
}

export class FindVenuesQuery extends PageQuery implements FindVenuesParams {
  @IsOptional()
  @IsIn(PROVINCE_CODES, { message: 'provinceCode must be a Kemendagri province code, e.g. 36 for Banten' })
  provinceCode?: string;
}
