import 'reflect-metadata';
import { runServiceMain } from '@sinergi/platform';
import { gatewayService } from './gateway.service-definition';

runServiceMain(gatewayService);
