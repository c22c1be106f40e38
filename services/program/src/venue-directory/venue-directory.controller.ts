import { Controller, Get, Query } from '@nestjs/common';
import { IsOptional, Matches } from 'class-validator';
import { DataSource } from 'typeorm';
import type { DirectoryVenueView, VenueDirectoryParams } from '@sinergi/contracts';
import { DirectoryVenue } from './directory-venue.entity';
import { Operation } from '@sinergi/platform';

export class VenueDirectoryQuery implements VenueDirectoryParams {
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
  async list(@Query() query: VenueDirectoryQuery): Promise<DirectoryVenueView[]> {
    const venues = await this.dataSource.getRepository(DirectoryVenue).find({
      where: query.provinceCode ? { provinceCode: query.provinceCode } : {},
      order: { venueCode: 'ASC' },
    });
    return venues.map(({ updatedAt, ...venue }) => ({ ...venue, updatedAt: updatedAt.toISOString() }));
  }
}
