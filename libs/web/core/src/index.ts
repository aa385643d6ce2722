export * from './lib/loading/loading.interceptor';
export * from './lib/loading/loading.service';
export * from './lib/problems/http-error-description';
export * from './lib/problems/problem-details.interceptor';
export * from './lib/problems/problem-snackbar.context';
export * from './lib/theme/theme.service';
export * from './lib/title/page-title.strategy';
export * from './lib/lists/keyset-list';
