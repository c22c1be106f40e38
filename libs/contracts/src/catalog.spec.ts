import * as contracts from './index';
import { EVENT_CATALOG } from './catalog';
import { buildCatalog, EventDefinition } from './event-definition';
import { batchPlannedEvent } from './events/batches';

function isEventDefinition(value: unknown): value is EventDefinition {
  return typeof value === 'object' && value !== null && 'type' in value && 'topic' in value && 'schema' in value && 'with' in value;
}

describe('EVENT_CATALOG', () => {
  it('lists every event definition the contracts export', () => {
    const exported: unknown[] = Object.values(contracts);
    const unlisted = exported
      .filter(isEventDefinition)
      .filter((definition) => EVENT_CATALOG.get(definition.type) !== definition)
      .map((definition) => definition.type);
    expect(unlisted).toEqual([]);
  });

  it('refuses an event type listed twice', () => {
    expect(() => buildCatalog([batchPlannedEvent, batchPlannedEvent])).toThrow('event type BatchPlanned is defined twice');
  });
});
