import { Controller, Get, Query } from '@nestjs/common';
import { IsOptional, Matches } from 'class-validator';
import { DataSource } from 'typeorm';
import type { DirectoryVenuePage, VenueDirectoryParams } from '@sinergi/contracts';
import { DirectoryVenue } from './directory-venue.entity';
import { keysetPage, Operation, PageQuery } from '@sinergi/platform';

export class VenueDirectoryQuery extends PageQuery implements VenueDirectoryParams {
  @IsOptional()
  @Matches(/^\d{2}$/, { message: 'provinceCode must be a two-digit Kemendagri province code' })
  provinceCode?: string;
}

/** The venues program plans with: its own copy of venue-capacity's catalogue, as of the last event. */
@Controller('venue-directory')
export class VenueDirectoryController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @Operation('venue-directory.list')
  /** Ordered by venueCode. */
  async list(@Query() query: VenueDirectoryQuery): Promise<DirectoryVenuePage> {
    const venues = this.dataSource.getRepository(DirectoryVenue).createQueryBuilder('venue');
    if (query.provinceCode) venues.where('venue.provinceCode = :provinceCode', { provinceCode: query.provinceCode });
    return keysetPage(venues, query, { columns: ['venue.venueCode'], keyOf: (row) => [row.venueCode] }, ({ updatedAt, ...venue }) => ({
      ...venue,
      updatedAt: updatedAt.toISOString(),
    }));
  }
}
