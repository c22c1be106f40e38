import { Module } from '@nestjs/common';
import { VenueDirectoryController } from './venue-directory.controller';
import { VenueDirectoryConsumer } from './venue-directory.consumer';

@Module({ controllers: [VenueDirectoryConsumer, VenueDirectoryController] })
export class VenueDirectoryModule {}
