import { Module } from '@nestjs/common';
import { VenueDirectoryConsumer } from './venue-directory.consumer';

@Module({ controllers: [VenueDirectoryConsumer] })
export class VenueDirectoryModule {}
