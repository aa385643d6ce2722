// Only the routes: pages stay behind loadComponent so they remain lazy chunks.
export * from './lib/admin.routes';
