import 'reflect-metadata';
import { runServiceMain } from '@sinergi/platform';
import { enrollmentService } from './enrollment.service-definition';

runServiceMain(enrollmentService);
