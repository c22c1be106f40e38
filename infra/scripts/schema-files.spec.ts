import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EVENT_CATALOG, schemaDocuments, schemaFileName, serialiseSchema } from '@sinergi/contracts';
import { breaksOfCommittedSchemas, committedSchemas, SCHEMAS_DIR } from './asyncapi';

describe('libs/contracts/schemas', () => {
  it('has only compatible changes against the committed v1 schemas (a breaking change needs a new topic version)', () => {
    expect(breaksOfCommittedSchemas()).toEqual([]);
  });

  it('is what the contracts generate (run `npm run asyncapi` after changing them)', () => {
    const generated = schemaDocuments();
    expect([...committedSchemas().keys()].sort()).toEqual([...generated.keys()].sort());
    for (const [name, document] of generated)
      expect([name, readFileSync(join(SCHEMAS_DIR, name), 'utf8')]).toEqual([name, serialiseSchema(document)]);
  });

  it("holds every event type's data schema under the name its dataschema URL ends with", () => {
    for (const definition of EVENT_CATALOG.values()) {
      expect(definition.schema.$id.endsWith(`/schemas/${schemaFileName(definition.type)}`)).toBe(true);
      expect(committedSchemas().has(schemaFileName(definition.type))).toBe(true);
    }
  });
});
