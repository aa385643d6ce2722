import { Module } from '@nestjs/common';
import { AuthModule } from '@waypoint/api-auth';
import { ParticipantsRepository } from './access/participants.repository';
import { AssessmentsController } from './assessments/assessments.controller';
import { AssessmentsStore } from './assessments/assessments.store';
import { AssignableSpecialists } from './assignments/assignable-specialists';
import { CareAssignmentsController } from './assignments/care-assignments.controller';
import { CareAssignmentsStore } from './assignments/care-assignments.store';
import { ParticipantIntakeService } from './intake/participant-intake.service';
import { RecoveryPlanController } from './plans/recovery-plan.controller';
import { RecoveryPlanStore } from './plans/recovery-plan.store';
import { NotificationsController } from './safety/notifications.controller';
import { SafetyController } from './safety/safety.controller';
import { SafetyStore } from './safety/safety.store';
import { TeamNotifier } from './safety/team-notifier';
import { TasksController } from './tasks/tasks.controller';
import { TasksStore } from './tasks/tasks.store';
import { BreakGlassController } from './break-glass/break-glass.controller';
import { BreakGlassStore } from './break-glass/break-glass.store';
import { ParticipantsController } from './participants/participants.controller';
import { NoteLifecycleStore } from './notes/note-lifecycle.store';
import { GroupSessionsStore } from './notes/group-sessions.store';
import { NoteQueuesStore } from './notes/note-queues.store';
import { NotesController } from './notes/notes.controller';
import { NoteSettingsController } from './notes/note-settings.controller';
import { NoteSettingsStore } from './notes/note-settings.store';
import { NotesStore } from './notes/notes.store';
import { TimelineController } from './timeline/timeline.controller';
import { TimelineStore } from './timeline/timeline.store';

@Module({
  imports: [AuthModule],
  controllers: [ParticipantsController, CareAssignmentsController, RecoveryPlanController, SafetyController, NotificationsController, TasksController, BreakGlassController, AssessmentsController, TimelineController, NoteSettingsController, NotesController],
  providers: [ParticipantsRepository, ParticipantIntakeService, AssignableSpecialists, CareAssignmentsStore, RecoveryPlanStore, SafetyStore, TeamNotifier, TasksStore, BreakGlassStore, AssessmentsStore, TimelineStore, NotesStore, NoteLifecycleStore, NoteQueuesStore, GroupSessionsStore, NoteSettingsStore],
  exports: [ParticipantsRepository],
})
export class ParticipantsModule {}
