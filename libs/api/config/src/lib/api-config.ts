export function apiConfig(): string {
  return 'api-config';
}
