// Global setup runs outside Jest's module registry, so the @sinergi/* path aliases need this hook.
import 'tsconfig-paths/register';
import { exportTestInfrastructure, provideTestInfrastructure, TestInfrastructure } from './test-infrastructure';

declare global {
  var __SINERGI_TEST_INFRASTRUCTURE__: TestInfrastructure | undefined;
}

/** Jest globalSetup: workers start after this and inherit the environment it sets. */
export default async function globalSetup(): Promise<void> {
  const infrastructure = await provideTestInfrastructure();
  exportTestInfrastructure(infrastructure);
  globalThis.__SINERGI_TEST_INFRASTRUCTURE__ = infrastructure;
  process.stdout.write(`\n[test infrastructure] ${infrastructure.describe}\n`);
}
