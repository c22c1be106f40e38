import { INestApplication, Type } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';

export interface ControllerHandler {
  controller: Type;
  name: string;
  handler: (...args: never[]) => unknown;
}

/** Every handler method of every controller the running app serves, so that a sweep covers new routes too. */
export function controllerHandlersOf(app: INestApplication): ControllerHandler[] {
  const handlers: ControllerHandler[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const { metatype } of module.controllers.values()) {
      const controller = metatype as Type;
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (name !== 'constructor' && typeof handler === 'function') handlers.push({ controller, name, handler: handler as ControllerHandler['handler'] });
      }
    }
  }
  return handlers;
}
