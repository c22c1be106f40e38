import 'reflect-metadata';
import { runServiceMain } from '@sinergi/platform';
import { programService } from './program.service-definition';

runServiceMain(programService);
