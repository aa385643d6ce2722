import { Module } from '@nestjs/common';
import { AuthModule } from '@waypoint/api-auth';
import { ParticipantsRepository } from './access/participants.repository';
import { AssignableSpecialists } from './assignments/assignable-specialists';
import { CareAssignmentsController } from './assignments/care-assignments.controller';
import { CareAssignmentsStore } from './assignments/care-assignments.store';
import { ParticipantIntakeService } from './intake/participant-intake.service';
import { BreakGlassController } from './break-glass/break-glass.controller';
import { BreakGlassStore } from './break-glass/break-glass.store';
import { ParticipantsController } from './participants/participants.controller';

@Module({
  imports: [AuthModule],
  controllers: [ParticipantsController, CareAssignmentsController, BreakGlassController],
  providers: [ParticipantsRepository, ParticipantIntakeService, AssignableSpecialists, CareAssignmentsStore, BreakGlassStore],
  exports: [ParticipantsRepository],
})
export class ParticipantsModule {}
