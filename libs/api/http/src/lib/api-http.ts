export function apiHttp(): string {
  return 'api-http';
}
