import { RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { auditRequestMiddleware } from '@waypoint/api-audit';
import type { AppConfig } from '@waypoint/api-config';
import {
  createValidationPipe,
  dashboardHandlers,
  jsonOnly,
  jsonParseErrors,
  pathEncoding,
  requestIdMiddleware,
  securityHeaders,
} from '@waypoint/api-http';
import cookieParser from 'cookie-parser';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { setupOpenApi } from './open-api';

export const API_PREFIX = 'api/v1';

/**
 * Builds the whole HTTP application without listening, so `main.ts` and the integration
 * tests run exactly the same stack (headers, parsers, pipes, filters, routes).
 */
export async function createApp(config: AppConfig, databaseUrl: string): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, databaseUrl), {
    bodyParser: false,
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  app.use(requestIdMiddleware);
  app.set('trust proxy', config.http.trustProxy);
  app.disable('x-powered-by');
  app.use(securityHeaders(config.env === 'production'));
  app.enableCors({ origin: config.http.corsOrigins.length > 0 ? config.http.corsOrigins : false, credentials: true });
  app.use(pathEncoding);
  app.use('/api', jsonOnly);
  app.use(cookieParser());
  app.useBodyParser('json', { limit: config.http.bodyLimitBytes, type: ['application/json', 'application/*+json'] });
  app.use(jsonParseErrors);
  // After the body parser: stream callbacks would otherwise run outside the request's context.
  app.use(auditRequestMiddleware);
  if (config.http.webDistDir) {
    for (const handler of dashboardHandlers(config.http.webDistDir)) app.use(handler);
  }
  app.setGlobalPrefix(API_PREFIX, {
    exclude: [
      { path: 'api/health', method: RequestMethod.GET },
      { path: 'api/ready', method: RequestMethod.GET },
    ],
  });
  app.useGlobalPipes(createValidationPipe());
  setupOpenApi(app);
  return app;
}
