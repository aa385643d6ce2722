import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '@waypoint/api-config';
import { appConnectionOptions } from './data-source-options';

/**
 * The request-serving pool, connected as the app role. Entities are registered by each
 * domain module with `TypeOrmModule.forFeature`; the schema comes only from migrations.
 */
@Module({})
export class DatabaseModule {
  static forRoot(appUrl: string): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => ({
            ...appConnectionOptions(appUrl, config.database.poolSize, config.database.statementTimeoutMs),
            autoLoadEntities: true,
            // Fail start-up on the first refused connection instead of retrying for minutes.
            retryAttempts: 0,
          }),
        }),
      ],
      exports: [TypeOrmModule],
    };
  }
}
