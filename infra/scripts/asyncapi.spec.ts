import { Parser } from '@asyncapi/parser';
import { readFileSync } from 'node:fs';
import { allTopicSpecs, deadLetterTopicOf, EVENT_CATALOG } from '@sinergi/contracts';
import { ASYNCAPI_PATH, renderAsyncApi } from './asyncapi';

describe('libs/contracts/asyncapi.yaml', () => {
  const committed = readFileSync(ASYNCAPI_PATH, 'utf8');

  it('is what the contracts generate (run `npm run asyncapi` after changing them)', () => {
    expect(committed).toBe(renderAsyncApi());
  });

  it('is a valid AsyncAPI 3 document with no errors', async () => {
    const { document, diagnostics } = await new Parser().parse(committed);
    const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 0);
    expect(errors.map((error) => `${error.path.join('.')}: ${error.message}`)).toEqual([]);
    expect(document?.version()).toBe('3.0.0');
  });

  it('describes every topic, its dead-letter companion and every event type', async () => {
    const { document } = await new Parser().parse(committed);
    const addresses = document!.channels().all().map((channel) => channel.address());
    for (const spec of allTopicSpecs()) {
      expect(addresses).toContain(spec.name);
      expect(addresses).toContain(deadLetterTopicOf(spec.name));
    }
    const messages = document!.components().messages().all().map((message) => message.name());
    expect(messages).toEqual(expect.arrayContaining([...EVENT_CATALOG.keys()]));
  });
});
