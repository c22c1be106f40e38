export default async function globalTeardown(): Promise<void> {
  await globalThis.__SINERGI_TEST_INFRASTRUCTURE__?.stop();
}
