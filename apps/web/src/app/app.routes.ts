import { Route } from '@angular/router';
import { shellRoutes } from '@waypoint/web-shell';

export const appRoutes: Route[] = shellRoutes;
