import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditContext } from '@waypoint/api-audit';
import type { AuthContext } from '@waypoint/api-auth';
import { programTodaySql, queryable, updateReturning } from '@waypoint/api-database';
import { ProblemException, staleVersion } from '@waypoint/api-http';
import { canChangeStatus, type DuplicateCandidate, PARTICIPANT_STATUS_TRANSITIONS, type ParticipantStatus, ProblemType } from '@waypoint/shared-contracts';
import type { DataSource } from 'typeorm';
import { ParticipantsRepository } from '../access/participants.repository';
import { SqlParams } from '../access/sql-params';
import { AssignableSpecialists } from '../assignments/assignable-specialists';
import { findDuplicateCandidates } from './duplicate-candidates';
import type { ChangeStatusDto, CreateParticipantDto, DuplicateCheckDto, ParticipantFieldsDto, UpdateParticipantDto } from './participant-input.dto';

/** Request fields → columns. Only these are ever written from a request. */
const WRITABLE: Record<keyof ParticipantFieldsDto, string> = {
  legalFirstName: 'legal_first_name',
  legalLastName: 'legal_last_name',
  preferredName: 'preferred_name',
  pronouns: 'pronouns',
  dateOfBirth: 'date_of_birth',
  phone: 'phone',
  email: 'email',
  preferredContactMethod: 'preferred_contact_method',
  okToText: 'ok_to_text',
  recoveryPathways: 'recovery_pathways',
  primarySubstances: 'primary_substances',
  referralSource: 'referral_source',
  emergencyContactName: 'emergency_contact_name',
  emergencyContactPhone: 'emergency_contact_phone',
  emergencyContactRelationship: 'emergency_contact_relationship',
  intakeNotes: 'intake_notes',
};
/** Columns that cannot be emptied: null in a PATCH means "leave as is" for these. */
const REQUIRED = new Set<keyof ParticipantFieldsDto>(['legalFirstName', 'legalLastName', 'dateOfBirth', 'okToText', 'recoveryPathways', 'primarySubstances']);

/**
 * Intake, edits and the status lifecycle. Each method runs inside the route's transaction
 * (`@Audited` non-GET routes), so the change, its history row and its audit row commit together.
 */
@Injectable()
export class ParticipantIntakeService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly participants: ParticipantsRepository,
    private readonly specialists: AssignableSpecialists,
  ) {}

  /**
   * Likely matches, each shown only as far as the caller may see it (duplicate-candidates.ts).
   * Every matched record is named in the audit trail, in scope or not: the check reached it.
   */
  async findDuplicates(auth: AuthContext, who: DuplicateCheckDto): Promise<DuplicateCandidate[]> {
    const { candidates, matchedIds } = await findDuplicateCandidates(this.db, auth, who);
    AuditContext.touch(matchedIds);
    return candidates;
  }

  async create(auth: AuthContext, dto: CreateParticipantDto): Promise<Record<string, unknown>> {
    const specialistId = await this.primarySpecialistFor(auth, dto.primarySpecialistId);
    if (!dto.confirmedNotDuplicate) {
      const candidates = await this.findDuplicates(auth, dto);
      if (candidates.length > 0) {
        throw new ProblemException(
          409,
          `${candidates.length === 1 ? 'A participant' : `${candidates.length} participants`} with this date of birth and a similar name already exist. Open the existing record, or confirm this is a different person.`,
          ProblemType.possibleDuplicate,
          { candidates },
        );
      }
    }
    const { columns, values } = this.#columns(dto, 'create');
    const params = new SqlParams();
    const [row] = await queryable(this.db).query(
      `INSERT INTO participants (program_id, ${columns.join(', ')}) VALUES (${[auth.programId, ...values].map((value) => params.add(value)).join(', ')})
       RETURNING id`,
      params.values,
    );
    const id: string = row.id;
    await queryable(this.db).query(
      `INSERT INTO care_assignments (program_id, participant_id, specialist_id, kind, starts_on) VALUES ($1, $2, $3, 'primary', ${programTodaySql('$1')})`,
      [auth.programId, id, specialistId],
    );
    await queryable(this.db).query(
      `INSERT INTO participant_status_changes (program_id, participant_id, from_status, to_status, effective_on, reason, changed_by)
       VALUES ($1, $2, NULL, 'referred', ${programTodaySql('$1')}, 'Intake', $3)`,
      [auth.programId, id, auth.userId],
    );
    AuditContext.annotate({ resourceId: id });
    return this.participants.get(auth, id, 'care-team');
  }

  async update(auth: AuthContext, id: string, dto: UpdateParticipantDto): Promise<Record<string, unknown>> {
    await this.participants.requireInScope(auth, id);
    const { columns, values } = this.#columns(dto, 'update');
    const params = new SqlParams();
    const assignments = columns.map((column, index) => `${column} = ${params.add(values[index])}`);
    const updated = await updateReturning(
      queryable(this.db),
      `UPDATE participants SET ${[...assignments, 'version = version + 1'].join(', ')}
        WHERE id = ${params.add(id)} AND program_id = ${params.add(auth.programId)} AND version = ${params.add(dto.version)} RETURNING id`,
      params.values,
    );
    if (updated.length === 0) throw staleVersion('record', await this.#currentVersion(auth, id));
    return this.participants.get(auth, id, 'care-team');
  }

  async changeStatus(auth: AuthContext, id: string, dto: ChangeStatusDto): Promise<Record<string, unknown>> {
    await this.participants.requireInScope(auth, id);
    const [current] = await queryable(this.db).query(
      `SELECT status, version, date_of_birth::text AS born, ${programTodaySql('$2')}::text AS today FROM participants WHERE id = $1 AND program_id = $2 FOR UPDATE`,
      [id, auth.programId],
    );
    if (!current) throw new NotFoundException('No such participant.');
    if (current.version !== dto.version) throw staleVersion('record', current.version);
    const from = current.status as ParticipantStatus;
    if (!canChangeStatus(from, dto.status)) {
      const allowed = PARTICIPANT_STATUS_TRANSITIONS[from].join(' or ');
      const article = /^[aeiou]/.test(from) ? 'An' : 'A';
      throw new ConflictException(`${article} ${from} participant can be made ${allowed}, not ${dto.status}.`);
    }
    const effectiveOn = dto.effectiveOn ?? current.today;
    if (effectiveOn > current.today) throw new BadRequestException('A status change cannot take effect in the future.');
    if (effectiveOn < current.born) throw new BadRequestException('A status change cannot take effect before the date of birth.');
    if (dto.status === 'discharged' && !dto.reason) throw new BadRequestException('A discharge needs a reason.');

    // Entering "active" starts the enrollment; leaving "discharged" clears the discharge.
    const enrolling = dto.status === 'active' && (from === 'referred' || from === 'discharged');
    await queryable(this.db).query(
      `UPDATE participants SET status = $3, version = version + 1,
              enrolled_on = CASE WHEN $4::boolean THEN $5::date WHEN $3 = 'referred' THEN NULL ELSE enrolled_on END,
              discharged_on = CASE WHEN $3 = 'discharged' THEN $5::date ELSE NULL END,
              discharge_reason = CASE WHEN $3 = 'discharged' THEN $6 ELSE NULL END
        WHERE id = $1 AND program_id = $2`,
      [id, auth.programId, dto.status, enrolling, effectiveOn, dto.reason ?? null],
    );
    await queryable(this.db).query(
      `INSERT INTO participant_status_changes (program_id, participant_id, from_status, to_status, effective_on, reason, changed_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [auth.programId, id, from, dto.status, effectiveOn, dto.reason ?? null, auth.userId],
    );
    return this.participants.get(auth, id, 'care-team');
  }

  async statusHistory(auth: AuthContext, id: string) {
    await this.participants.requireInScope(auth, id);
    const items = await queryable(this.db).query(
      `SELECT c.id, c.from_status AS "fromStatus", c.to_status AS "toStatus", c.effective_on::text AS "effectiveOn", c.reason,
              u.display_name AS "changedByName", c.created_at AS "createdAt"
         FROM participant_status_changes c LEFT JOIN users u ON u.id = c.changed_by
        WHERE c.program_id = $1 AND c.participant_id = $2 ORDER BY c.created_at DESC, c.id LIMIT 100`,
      [auth.programId, id],
    );
    return { items };
  }

  /** A specialist doing intake carries the participant; a supervisor names someone on their team. */
  async primarySpecialistFor(auth: AuthContext, requested: string | undefined): Promise<string> {
    if (auth.role === 'specialist') {
      if (requested && requested !== auth.userId) throw new BadRequestException('A specialist doing intake becomes the primary specialist; leave primarySpecialistId out.');
      return auth.userId;
    }
    if (!requested) throw new BadRequestException('Choose the primary specialist (primarySpecialistId).');
    if (!(await this.specialists.mayAssignTo(auth, requested))) throw new BadRequestException('The primary specialist must be an active member of a team you supervise.');
    return requested;
  }

  async #currentVersion(auth: AuthContext, id: string): Promise<number> {
    const [row] = await queryable(this.db).query(`SELECT version FROM participants WHERE id = $1 AND program_id = $2`, [id, auth.programId]);
    if (!row) throw new NotFoundException('No such participant.');
    return row.version;
  }

  #columns(dto: ParticipantFieldsDto, mode: 'create' | 'update'): { columns: string[]; values: unknown[] } {
    const columns: string[] = [];
    const values: unknown[] = [];
    for (const [field, column] of Object.entries(WRITABLE) as [keyof ParticipantFieldsDto, string][]) {
      const value = dto[field];
      if (value === undefined || (value === null && REQUIRED.has(field))) continue;
      columns.push(column);
      values.push(value);
    }
    if (mode === 'update' && columns.length === 0) throw new BadRequestException('Nothing to change: send at least one field.');
    return { columns, values };
  }
}
