import { QueryFailedError } from 'typeorm';

/**
 * What the log may keep of an error. Pino's default serializer writes every enumerable
 * property, and TypeORM's QueryFailedError carries the statement's `parameters` (names, notes,
 * dates of birth) and PostgreSQL's `detail` ("Key (email)=(…) already exists"): PHI in a log
 * file. So a database error is logged by its SQLSTATE, the objects it names and the statement
 * text (placeholders only), with quoted values in its message replaced; other errors keep their
 * message and stack, which our code writes without values.
 */
export interface LoggableError {
  type: string;
  message: string;
  stack?: string;
  code?: string;
  constraint?: string;
  table?: string;
  column?: string;
  routine?: string;
  query?: string;
}

interface PgErrorFields {
  code?: unknown;
  constraint?: unknown;
  table?: unknown;
  column?: unknown;
  routine?: unknown;
}

export function loggableError(error: unknown): LoggableError {
  if (!(error instanceof Error)) return { type: typeof error, message: 'A non-Error value was thrown.' };
  // TypeORM wraps pg's error; the audit writer's own pool throws pg's DatabaseError itself.
  const driver = (error instanceof QueryFailedError ? error.driverError ?? {} : error) as PgErrorFields;
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const sqlState = text(driver.code);
  if (!(error instanceof QueryFailedError) && !(sqlState && SQLSTATE.test(sqlState))) {
    return { type: error.name, message: error.message, stack: error.stack };
  }
  const message = withoutQuotedValues(error.message);
  return {
    type: error.name,
    message,
    // The stack's first line repeats the message; the frames below it hold no values.
    stack: error.stack ? [`${error.name}: ${message}`, ...error.stack.split('\n').slice(1)].join('\n') : undefined,
    code: sqlState,
    constraint: text(driver.constraint),
    table: text(driver.table),
    column: text(driver.column),
    routine: text(driver.routine),
    query: error instanceof QueryFailedError ? text(error.query) : undefined,
  };
}

/** Five characters, digits and capitals: PostgreSQL's error codes (Node's are `ECONN…`). */
const SQLSTATE = /^[0-9A-Z]{5}$/;

/** PostgreSQL quotes the offending value: `invalid input syntax for type uuid: "Maria"`. */
function withoutQuotedValues(message: string): string {
  return message.replace(/"(?:[^"\\]|\\.)*"/g, '"…"');
}
