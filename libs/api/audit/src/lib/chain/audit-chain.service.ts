import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditWriter } from '../audit-writer';
import { type ChainVerification, verifyChain } from './verify-chain';

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

  async verify(incremental: boolean): Promise<ChainVerification> {
    await this.writer.flush();
    const result = await verifyChain((sql, params) => this.db.query(sql, params), { incremental });
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
