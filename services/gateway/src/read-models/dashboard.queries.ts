import { IntersectionType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { BATCH_STATUSES, BatchStatus, DashboardClassesParams, InstructorLoadParams, VenueUtilisationParams } from '@sinergi/contracts';
import { PageQuery } from '@sinergi/platform';
import { CsvQuery } from '../csv/csv-export';

/** The filters of the class list, shared by its page and its CSV export. */
export class ClassFilters {
  @IsOptional()
  @IsUUID('all', { message: 'programmeId must be a programme id (a UUID)' })
  programmeId?: string;

  @IsOptional()
  @Matches(/^\d{2}$/, { message: 'provinceCode must be a two-digit province code' })
  provinceCode?: string;

  @IsOptional()
  @IsIn(BATCH_STATUSES, { message: `status must be one of ${BATCH_STATUSES.join(', ')}` })
  status?: BatchStatus;

  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]{1,64}$/, { message: 'venueCode must be a venue code' })
  venueCode?: string;
}

export class ClassesQuery extends IntersectionType(ClassFilters, PageQuery) implements DashboardClassesParams {}
export class ClassesCsvQuery extends IntersectionType(ClassFilters, CsvQuery) {}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export class UtilisationQuery implements VenueUtilisationParams {
  @Matches(DAY, { message: 'from must be a date (YYYY-MM-DD)' })
  from!: string;

  @Matches(DAY, { message: 'to must be a date (YYYY-MM-DD)' })
  to!: string;
}

export class UtilisationCsvQuery extends IntersectionType(UtilisationQuery, CsvQuery) {}

export class InstructorLoadFilters {
  @IsOptional()
  @Matches(MONTH, { message: 'month must be a month (YYYY-MM)' })
  month?: string;
}

export class InstructorLoadQuery extends IntersectionType(InstructorLoadFilters, PageQuery) implements InstructorLoadParams {}
export class InstructorLoadCsvQuery extends IntersectionType(InstructorLoadFilters, CsvQuery) {}
