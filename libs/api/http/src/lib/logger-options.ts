import type { Params } from 'nestjs-pino';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { existingOrNewRequestId } from './request-id';

/**
 * Structured JSON logs with the request id on every line. Requests are logged by method, path
 * and status only: no headers (cookies, tokens), no query strings (a search may be a name),
 * no bodies (PHI). Health probes are not logged, they would drown everything else.
 */
export function loggerOptions(level: string): Params {
  return {
    pinoHttp: {
      level,
      genReqId: existingOrNewRequestId,
      autoLogging: { ignore: (req) => /^\/api\/(health|ready)\b/.test(req.url ?? '') },
      customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
      serializers: {
        req: (req: IncomingMessage & { id?: unknown; raw?: IncomingMessage }) => ({
          id: req.id,
          method: req.method,
          path: (req.url ?? '').split('?')[0],
        }),
        res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
      },
      redact: { paths: ['req.headers', 'res.headers', '*.password', '*.token'], remove: true },
    },
  };
}
