import { ASYNCAPI_HTML_FILE, ensureAsyncApiHtml } from '@sinergi/contracts';

if (require.main === module || process.argv[2] === 'asyncapi:html') {
  ensureAsyncApiHtml().then(
    ({ rendered }) => process.stdout.write(`${rendered ? 'rendered' : 'up to date:'} ${ASYNCAPI_HTML_FILE}\n`),
    (error: Error) => {
      process.stderr.write(`${error.stack ?? error.message}\n`);
      process.exit(1);
    },
  );
}
