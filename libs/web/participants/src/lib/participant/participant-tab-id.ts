import type { ResolveFn } from '@angular/router';

/**
 * The shell's `:id` for a tab route, so the tab's `id` input is bound like a page's. The router
 * hands a child only its own params unless `paramsInheritanceStrategy` is 'always', which the app
 * does not set; resolving it here keeps that choice local. It runs again whenever the parent's
 * `:id` changes (the default `runGuardsAndResolvers` compares the parents' params too).
 */
export const participantTabId: ResolveFn<string> = (route) => route.parent?.paramMap.get('id') ?? '';
