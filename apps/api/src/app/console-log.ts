/**
 * Start-up and shutdown notes for a person at a terminal, as one JSON line each so they
 * sit well with the request logs. Never PHI, never secrets.
 */
export const consoleLog = {
  info(message: string): void {
    process.stdout.write(JSON.stringify({ level: 30, time: Date.now(), context: 'Waypoint', msg: message }) + '\n');
  },
  debug(message: string): void {
    if (process.env['LOG_LEVEL'] === 'debug' || process.env['LOG_LEVEL'] === 'trace') {
      process.stdout.write(JSON.stringify({ level: 20, time: Date.now(), context: 'Postgres', msg: message }) + '\n');
    }
  },
  error(message: string): void {
    process.stderr.write(JSON.stringify({ level: 50, time: Date.now(), context: 'Waypoint', msg: message }) + '\n');
  },
};

/** A short framed banner: the one thing a new user must see (where to open the dashboard). */
export function banner(lines: string[]): void {
  const width = Math.max(...lines.map((line) => line.length)) + 4;
  const rule = '─'.repeat(width);
  process.stdout.write(`\n┌${rule}┐\n${lines.map((line) => `│  ${line.padEnd(width - 2)}│`).join('\n')}\n└${rule}┘\n\n`);
}
