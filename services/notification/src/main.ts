import 'reflect-metadata';
import { runServiceMain } from '@sinergi/platform';
import { notificationService } from './notification.service-definition';

runServiceMain(notificationService);
