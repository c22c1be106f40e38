import 'reflect-metadata';
import { runServiceMain } from '@sinergi/platform';
import { venueCapacityService } from './venue-capacity.service-definition';

runServiceMain(venueCapacityService);
