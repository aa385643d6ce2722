import { Module } from '@nestjs/common';
import { TeamsController } from './teams.controller';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({ controllers: [UsersController, TeamsController], providers: [UsersService] })
export class UsersModule {}
