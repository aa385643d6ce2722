import { Module } from '@nestjs/common';
import { AuthModule } from '@waypoint/api-auth';
import { TeamsController } from './teams.controller';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({ imports: [AuthModule], controllers: [UsersController, TeamsController], providers: [UsersService] })
export class UsersModule {}
