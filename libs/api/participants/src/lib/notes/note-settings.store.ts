import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditContext } from '@waypoint/api-audit';
import type { AuthContext } from '@waypoint/api-auth';
import { queryable, updateReturning } from '@waypoint/api-database';
import { staleVersion } from '@waypoint/api-http';
import type { NoteSettings } from '@waypoint/shared-contracts';
import type { DataSource, EntityManager } from 'typeorm';
import type { UpdateNoteSettingsDto } from './note-input.dto';

const SETTINGS_COLUMNS = `note_format AS "defaultFormat", note_topics AS topics, time_zone AS "timeZone", version`;

/** The program's note settings: read by every note command, changed by the program's admins. */
export async function programNoteSettings(db: DataSource | EntityManager, programId: string): Promise<NoteSettings> {
  const [settings] = await db.query(`SELECT ${SETTINGS_COLUMNS} FROM programs WHERE id = $1`, [programId]);
  // A signed-in caller's program exists (users reference it); a missing one is a broken database.
  if (!settings) throw new Error('The caller’s program has no row');
  return settings;
}

/**
 * Refuses a topic that is not on the program's list, unless the note already carries it (a topic
 * the program has since retired stays on the drafts that chose it, and saving them still works).
 */
export function checkedTopics(chosen: readonly string[] | undefined, settings: Pick<NoteSettings, 'topics'>, alreadyOnNote: readonly string[] = []): void {
  const unknown = (chosen ?? []).filter((topic) => !settings.topics.includes(topic) && !alreadyOnNote.includes(topic));
  if (unknown.length > 0) throw new BadRequestException(`Not one of this program’s note topics: ${unknown.map((topic) => `"${topic}"`).join(', ')}.`);
}

/** `GET` and `PUT /notes/settings`. */
@Injectable()
export class NoteSettingsStore {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  get(auth: AuthContext): Promise<NoteSettings> {
    return programNoteSettings(queryable(this.db), auth.programId);
  }

  /** Replaces the format and the topic list; a stale version is 409. */
  async update(auth: AuthContext, dto: UpdateNoteSettingsDto): Promise<NoteSettings> {
    const topics = distinctTopics(dto.topics);
    const updated = await updateReturning(
      queryable(this.db),
      `UPDATE programs SET note_format = $1, note_topics = $2::text[], version = version + 1 WHERE id = $3 AND version = $4 RETURNING id`,
      [dto.defaultFormat, topics, auth.programId, dto.version],
    );
    if (updated.length === 0) {
      const current = await this.get(auth).catch(() => null);
      if (!current) throw new NotFoundException('No such program.');
      throw staleVersion('program’s note settings', current.version);
    }
    AuditContext.annotate({ resourceId: auth.programId });
    return this.get(auth);
  }
}

/** The list as sent, without a repeat that differs only in case or spacing. */
function distinctTopics(topics: readonly string[]): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const topic of topics) {
    const key = topic.toLocaleLowerCase('en-US').replace(/\s+/g, ' ');
    if (seen.has(key)) throw new BadRequestException(`The topic "${topic}" is on the list twice.`);
    seen.add(key);
    result.push(topic);
  }
  return result;
}
