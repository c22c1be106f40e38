import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { EventDefinition } from '@sinergi/contracts';
import { InboxContext } from './inbox-context';

export type EventHandler<T> = (data: T, context: InboxContext<T>) => Promise<void>;

/**
 * Makes a controller method the handler of one event type, e.g. `@OnEvent(batchPlannedEvent)` on
 * `onBatchPlanned(batch: BatchPlanned, context: InboxContext)`: the compiler refuses a method whose
 * first parameter cannot take that event's payload. It is `@EventPattern(type)` with `@Payload()`
 * on the first parameter and `@Ctx()` on the second.
 */
export function OnEvent<T>(definition: EventDefinition<T>) {
  return <H extends EventHandler<T>>(target: object, method: string | symbol, descriptor: TypedPropertyDescriptor<H>): void => {
    EventPattern(definition.type)(target, method, descriptor);
    Payload()(target, method, 0);
    Ctx()(target, method, 1);
  };
}
