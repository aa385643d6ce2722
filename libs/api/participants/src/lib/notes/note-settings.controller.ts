import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Audited, NotAudited } from '@waypoint/api-audit';
import { type AuthContext, CurrentUser, RequirePermission } from '@waypoint/api-auth';
import type { NoteSettings } from '@waypoint/shared-contracts';
import { UpdateNoteSettingsDto } from './note-input.dto';
import { NoteSettingsStore } from './note-settings.store';

/** How the caller's program writes notes: its default format, its topics and its time zone. */
@ApiTags('notes')
@Controller('notes/settings')
export class NoteSettingsController {
  constructor(private readonly settings: NoteSettingsStore) {}

  /** Everyone who writes, reviews or configures notes reads them; they name no participant. */
  @Get()
  @NotAudited('The program\'s note settings: configuration, no protected data (changing them is audited)')
  @RequirePermission('session:own')
  get(@CurrentUser() auth: AuthContext): Promise<NoteSettings> {
    return this.settings.get(auth);
  }

  /** An admin replaces them whole, with the version they read (409 when stale). */
  @Put()
  @RequirePermission('program:configure')
  @Audited({ action: 'program.note-settings.update', resourceType: 'program' })
  update(@CurrentUser() auth: AuthContext, @Body() body: UpdateNoteSettingsDto): Promise<NoteSettings> {
    return this.settings.update(auth, body);
  }
}
