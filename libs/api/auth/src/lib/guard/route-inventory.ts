import { RequestMethod, type INestApplication } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { AUDITED_ROUTE, type AuditedRoute, NOT_AUDITED_ROUTE } from '@waypoint/api-audit';
import { PUBLIC_ROUTE, REQUIRED_PERMISSION } from './route-declarations';

export interface RouteDeclaration {
  controller: string;
  handler: string;
  method: string;
  path: string;
  isPublic: boolean;
  permission?: string;
  /** The route's audit declaration, when it reads or changes protected data. */
  audited?: AuditedRoute;
  /** Why the route is not audited (`@NotAudited`): it reads or changes no protected data. */
  notAudited?: string;
}

/**
 * Every route the application registered, with what it declares: the route-walk tests use
 * this so that no route can be added without a declaration (and matrix tests cover them all).
 */
export function routeInventory(app: INestApplication): RouteDeclaration[] {
  const routes: RouteDeclaration[] = [];
  for (const moduleRef of app.get(ModulesContainer).values()) {
    for (const wrapper of moduleRef.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: unknown[]) => unknown) | null;
      if (!controller) continue;
      const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
        if (path === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
        const declared = (key: string) => Reflect.getMetadata(key, handler) ?? Reflect.getMetadata(key, controller);
        routes.push({
          controller: controller.name,
          handler: name,
          method,
          path: `/${[base, path].filter((part) => part && part !== '/').join('/')}`.replace(/\/+/g, '/'),
          isPublic: declared(PUBLIC_ROUTE) === true,
          permission: declared(REQUIRED_PERMISSION),
          audited: declared(AUDITED_ROUTE),
          notAudited: declared(NOT_AUDITED_ROUTE),
        });
      }
    }
  }
  return routes;
}
