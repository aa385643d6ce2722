export function apiHealth(): string {
  return 'api-health';
}
