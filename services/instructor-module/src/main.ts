import 'reflect-metadata';
import { runServiceMain } from '@sinergi/platform';
import { instructorModuleService } from './instructor-module.service-definition';

runServiceMain(instructorModuleService);
