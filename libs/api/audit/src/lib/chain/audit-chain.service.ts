import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditWriter } from '../audit-writer';
import { type ChainVerification, verifyChain } from './verify-chain';

/**
 * What a program's admin sees of a verification. The chain is one for the whole instance and
 * is walked whole, but the figures are their program's: its rows checked in this run and in
 * the trail, never other programs' counts, ids or the instance's head.
 */
export interface ProgramChainCheck {
  ok: boolean;
  /** Walked from the oldest kept row (else from the last checkpoint). */
  full: boolean;
  /** The program's rows checked in this run. */
  checked: number;
  /** The program's rows in the trail. */
  total: number;
  /** When broken: the first row that does not match or is missing, for the operator. */
  firstBrokenId?: number;
  problem?: string;
}

/**
 * Verifies the chain for the admin endpoint and the scheduled job, and records a checkpoint
 * (head id, hash, rows checked) in the database and in the application log: the log line is
 * the copy of the chain head that lives outside the database.
 */
@Injectable()
export class AuditChainService {
  readonly #logger = new Logger('AuditChain');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly writer: AuditWriter,
  ) {}

  /** The admin endpoint: verifies the whole chain, and reports the caller's program's figures. */
  async verifyForProgram(programId: string, incremental: boolean): Promise<ProgramChainCheck> {
    const result = await this.verify(incremental, programId);
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM audit_events WHERE program_id = $1`, [programId]);
    const broken = result.ok ? {} : { firstBrokenId: result.firstBrokenId, problem: result.problem };
    return { ok: result.ok, full: !incremental, checked: result.programChecked ?? 0, total: Number(total), ...broken };
  }

  async verify(incremental: boolean, programId?: string): Promise<ChainVerification> {
    await this.writer.flush();
    const result = await verifyChain((sql, params) => this.db.query(sql, params), { incremental, programId });
    if (!result.ok) {
      this.#logger.error({ auditChain: 'broken', firstBrokenId: result.firstBrokenId, problem: result.problem }, 'audit chain verification FAILED');
      return result;
    }
    if (result.checked > 0) {
      await this.db.query(`INSERT INTO audit_checkpoints (verified_through, head_hash, row_count) VALUES ($1, $2, $3)`, [
        result.throughId,
        Buffer.from(result.headHash, 'hex'),
        result.checked,
      ]);
    }
    this.#logger.log({ auditCheckpoint: { throughId: result.throughId, headHash: result.headHash, checked: result.checked } }, 'audit chain verified');
    return result;
  }
}
