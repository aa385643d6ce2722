import { BadRequestException, Body, Controller, Get, Headers, HttpCode, Inject, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import { Audited, NotAudited } from '@waypoint/api-audit';
import { type AuthContext, CurrentUser, RequirePermission } from '@waypoint/api-auth';
import { APP_CONFIG, type AppConfig } from '@waypoint/api-config';
import { AddAddendumDto, BulkCosignDto, CreateGroupSessionDto, CreateNoteDto, ListNotesQuery, NoteCommandDto, QueueQuery, ReturnNoteDto, UpdateNoteDto } from './note-input.dto';
import { GroupSessionsStore } from './group-sessions.store';
import { NoteQueuesStore } from './note-queues.store';
import { NoteLifecycleStore } from './note-lifecycle.store';
import { NotesStore } from './notes.store';

/** A printable key of reasonable length: what clients put in Idempotency-Key (a UUID, usually). */
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

function checkedIdempotencyKey(key: string | undefined): string | undefined {
  if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) throw new BadRequestException('Idempotency-Key must be 1–200 printable characters.');
  return key;
}

@ApiTags('notes')
@RequirePermission('participants:write')
@Controller()
export class NotesController {
  constructor(
    private readonly notes: NotesStore,
    private readonly lifecycle: NoteLifecycleStore,
    private readonly queues: NoteQueuesStore,
    private readonly groups: GroupSessionsStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The program's billing rule, so the dashboard computes the same units live while typing. */
  @Get('notes/billing-rule')
  @NotAudited('The program\'s billing rule (minutes per unit, daily cap): configuration, no protected data')
  @RequirePermission('session:own')
  billingRule() {
    return this.config.billing;
  }

  @Get('participants/:id/notes')
  @RequirePermission('participants:read')
  @Audited({ action: 'note.list', resourceType: 'participant', idParam: 'id', participantParam: 'id' })
  list(@CurrentUser() auth: AuthContext, @Param('id', new ParseUUIDPipe()) id: string, @Query() query: ListNotesQuery) {
    return this.notes.list(auth, id, query);
  }

  @Post('participants/:id/notes')
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Sending the same key again returns the note the first request made' })
  @Audited({ action: 'note.create', resourceType: 'session_note', participantParam: 'id' })
  create(
    @CurrentUser() auth: AuthContext,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: CreateNoteDto,
    @Headers('idempotency-key') idempotencyKey?: string,
  ) {
    return this.notes.create(auth, id, body, checkedIdempotencyKey(idempotencyKey));
  }

  /** Before `notes/:id`, which would take "cosign-queue" and "mine" for ids. */
  @Get('notes/cosign-queue')
  @RequirePermission('notes:cosign')
  @Audited({ action: 'note.cosign-queue', resourceType: 'session_note' })
  cosignQueue(@CurrentUser() auth: AuthContext, @Query() query: QueueQuery) {
    return this.queues.cosignQueue(auth, query);
  }

  @Post('notes/cosign')
  @HttpCode(200)
  @RequirePermission('notes:cosign')
  @Audited({ action: 'note.cosign', resourceType: 'session_note' })
  cosignMany(@CurrentUser() auth: AuthContext, @Body() body: BulkCosignDto) {
    return this.queues.cosignMany(auth, body.notes);
  }

  @Get('notes/mine')
  @Audited({ action: 'note.mine', resourceType: 'session_note' })
  mine(@CurrentUser() auth: AuthContext) {
    return this.queues.mine(auth);
  }

  @Get('notes/:id')
  @RequirePermission('participants:read')
  @Audited({ action: 'note.read', resourceType: 'session_note', idParam: 'id' })
  get(@CurrentUser() auth: AuthContext, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.notes.get(auth, id);
  }

  @Patch('notes/:id')
  @Audited({ action: 'note.update', resourceType: 'session_note', idParam: 'id' })
  update(@CurrentUser() auth: AuthContext, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: UpdateNoteDto) {
    return this.notes.update(auth, id, body);
  }

  @Post('notes/:id/submit')
  @HttpCode(200)
  @Audited({ action: 'note.submit', resourceType: 'session_note', idParam: 'id' })
  submit(@CurrentUser() auth: AuthContext, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: NoteCommandDto) {
    return this.lifecycle.submit(auth, id, body.version);
  }

  @Post('notes/:id/sign')
  @HttpCode(200)
  @Audited({ action: 'note.sign', resourceType: 'session_note', idParam: 'id' })
  sign(@CurrentUser() auth: AuthContext, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: NoteCommandDto) {
    return this.lifecycle.sign(auth, id, body.version);
  }

  @Post('notes/:id/cosign')
  @HttpCode(200)
  @RequirePermission('notes:cosign')
  @Audited({ action: 'note.cosign', resourceType: 'session_note', idParam: 'id' })
  cosign(@CurrentUser() auth: AuthContext, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: NoteCommandDto) {
    return this.lifecycle.cosign(auth, id, body.version);
  }

  @Post('notes/:id/return')
  @HttpCode(200)
  @RequirePermission('notes:cosign')
  @Audited({ action: 'note.return', resourceType: 'session_note', idParam: 'id' })
  returnToDraft(@CurrentUser() auth: AuthContext, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: ReturnNoteDto) {
    return this.lifecycle.returnToDraft(auth, id, body);
  }

  /** One group meeting; each attendee gets their own draft note with the group modifier. */
  @Post('group-sessions')
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Sending the same key again returns the session the first request made' })
  @Audited({ action: 'group-session.create', resourceType: 'group_session' })
  createGroupSession(@CurrentUser() auth: AuthContext, @Body() body: CreateGroupSessionDto, @Headers('idempotency-key') idempotencyKey?: string) {
    return this.groups.create(auth, body, checkedIdempotencyKey(idempotencyKey));
  }

  @Get('group-sessions/:id')
  @RequirePermission('participants:read')
  @Audited({ action: 'group-session.read', resourceType: 'group_session', idParam: 'id' })
  groupSession(@CurrentUser() auth: AuthContext, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.groups.get(auth, id);
  }

  @Post('notes/:id/addenda')
  @Audited({ action: 'note.addendum', resourceType: 'session_note', idParam: 'id' })
  addAddendum(@CurrentUser() auth: AuthContext, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: AddAddendumDto) {
    return this.lifecycle.addAddendum(auth, id, body);
  }
}
