import { Module } from '@nestjs/common';
import { AuthModule } from '@waypoint/api-auth';
import { ParticipantsRepository } from './access/participants.repository';
import { BreakGlassController } from './break-glass/break-glass.controller';
import { BreakGlassStore } from './break-glass/break-glass.store';
import { ParticipantsController } from './participants/participants.controller';

@Module({
  imports: [AuthModule],
  controllers: [ParticipantsController, BreakGlassController],
  providers: [ParticipantsRepository, BreakGlassStore],
  exports: [ParticipantsRepository],
})
export class ParticipantsModule {}
