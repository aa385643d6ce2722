/** Body of `/api/health` and `/api/ready`. */
export interface HealthStatus {
  status: 'ok' | 'error';
  /** Per-dependency state, e.g. `{ database: { status: 'up' } }`. */
  info?: Record<string, { status: 'up' | 'down'; [key: string]: unknown }>;
  error?: Record<string, { status: 'up' | 'down'; [key: string]: unknown }>;
}
