import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit trail (docs/security.md, "Audit trail"): append-only, hash-chained, partitioned
 * by month.
 *
 * - The chain is assigned inside PostgreSQL by a trigger that locks the one-row chain head:
 *   concurrent writers from any number of API replicas queue on that row, each row's hash
 *   covers the previous one, and ids are gapless (a rolled-back insert rolls the head back too),
 *   so a deleted row shows as a gap as well as a broken hash.
 * - The app role may INSERT and SELECT, nothing else; a trigger refuses UPDATE, DELETE and
 *   TRUNCATE even for the owner. Old partitions go only through `audit_drop_partition`, which
 *   records its own audit row.
 * - Four indexes: chain order, participant history, program timeline, actor timeline.
 */
export class AuditTrail1764200000000 implements MigrationInterface {
  name = 'AuditTrail1764200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE audit_events (
        id bigint NOT NULL,
        occurred_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        program_id uuid,
        actor_id uuid,
        actor_role text CHECK (actor_role IN ('specialist', 'supervisor', 'clinician', 'admin')),
        action text NOT NULL CHECK (action ~ '^[a-z][a-z0-9_.-]{1,63}$'),
        resource_type text CHECK (length(resource_type) <= 40),
        resource_id text CHECK (length(resource_id) <= 64),
        participant_id uuid,
        outcome text NOT NULL CHECK (outcome IN ('success', 'denied', 'error')),
        request_id text CHECK (length(request_id) <= 64),
        ip text CHECK (length(ip) <= 64),
        user_agent text CHECK (length(user_agent) <= 300),
        reason text CHECK (length(reason) <= 500),
        hash bytea NOT NULL
      ) PARTITION BY RANGE (occurred_at)`);
    await db.query(`CREATE INDEX audit_events_chain_idx ON audit_events (id)`);
    await db.query(`CREATE INDEX audit_events_participant_idx ON audit_events (program_id, participant_id, occurred_at) WHERE participant_id IS NOT NULL`);
    await db.query(`CREATE INDEX audit_events_program_idx ON audit_events (program_id, occurred_at, id)`);
    await db.query(`CREATE INDEX audit_events_actor_idx ON audit_events (program_id, actor_id, occurred_at)`);

    await db.query(`
      CREATE TABLE audit_chain_head (
        only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
        last_id bigint NOT NULL,
        hash bytea NOT NULL
      )`);
    await db.query(`INSERT INTO audit_chain_head (last_id, hash) VALUES (0, sha256('waypoint audit genesis'::bytea))`);

    // What the verifier (and the retention procedure) has checked: the chain up to
    // verified_through hashes to head_hash. Also the anchor once old partitions are dropped.
    await db.query(`
      CREATE TABLE audit_checkpoints (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        verified_through bigint NOT NULL CHECK (verified_through >= 0),
        head_hash bytea NOT NULL,
        row_count bigint NOT NULL CHECK (row_count >= 0),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    // The canonical form of a row: every field as text, length-prefixed (so no separator can be
    // forged inside a value), NULL as '~'. The verifier rebuilds this in Node independently.
    await db.query(`
      CREATE FUNCTION audit_canonical(fields text[]) RETURNS text LANGUAGE sql IMMUTABLE AS $$
        SELECT string_agg(CASE WHEN v IS NULL THEN '~' ELSE octet_length(v)::text || ':' || v END, '|' ORDER BY n)
          FROM unnest(fields) WITH ORDINALITY AS f(v, n)
      $$`);

    await db.query(`
      CREATE FUNCTION audit_events_chain() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      DECLARE
        head audit_chain_head;
      BEGIN
        SELECT * INTO head FROM audit_chain_head WHERE only_row FOR UPDATE;
        NEW.id := head.last_id + 1;
        NEW.hash := sha256(head.hash || convert_to(audit_canonical(ARRAY[
          NEW.id::text, to_char(NEW.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
          NEW.program_id::text, NEW.actor_id::text, NEW.actor_role, NEW.action, NEW.resource_type, NEW.resource_id,
          NEW.participant_id::text, NEW.outcome, NEW.request_id, NEW.ip, NEW.user_agent, NEW.reason
        ]), 'UTF8'));
        UPDATE audit_chain_head SET last_id = NEW.id, hash = NEW.hash WHERE only_row;
        RETURN NEW;
      END $$`);
    await db.query(`CREATE TRIGGER audit_events_chain BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_events_chain()`);

    await db.query(`
      CREATE FUNCTION audit_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit events are append-only: % refused', TG_OP
          USING ERRCODE = 'insufficient_privilege', HINT = 'Expired partitions are removed only by audit_drop_partition().';
      END $$`);
    await db.query(`
      CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
        FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change()`);

    // Monthly partitions (UTC months), each with its own TRUNCATE guard (statement triggers are
    // not inherited). SECURITY DEFINER: the scheduled job runs as the app role, which may not CREATE.
    await db.query(`
      CREATE FUNCTION audit_ensure_partitions(months_ahead integer) RETURNS integer
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      DECLARE
        month date := date_trunc('month', now() AT TIME ZONE 'UTC')::date;
        made integer := 0;
        name text;
      BEGIN
        IF months_ahead NOT BETWEEN 0 AND 24 THEN RAISE EXCEPTION 'months_ahead must be 0..24'; END IF;
        FOR i IN 0..months_ahead LOOP
          name := 'audit_events_' || to_char(month, 'YYYY_MM');
          IF to_regclass(name) IS NULL THEN
            EXECUTE format(
              'CREATE TABLE %I PARTITION OF audit_events FOR VALUES FROM (%L) TO (%L)',
              name, month::timestamp AT TIME ZONE 'UTC', (month + interval '1 month')::timestamp AT TIME ZONE 'UTC');
            EXECUTE format('CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change()', name);
            made := made + 1;
          END IF;
          month := (month + interval '1 month')::date;
        END LOOP;
        RETURN made;
      END $$`);
    await db.query(`CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change()`);
    // Earlier months too, so a clock that is a little behind never has nowhere to write.
    await db.query(`SELECT audit_ensure_partitions(3)`);
    await db.query(`
      DO $$ DECLARE month date := (date_trunc('month', now() AT TIME ZONE 'UTC') - interval '1 month')::date; BEGIN
        EXECUTE format('CREATE TABLE %I PARTITION OF audit_events FOR VALUES FROM (%L) TO (%L)',
          'audit_events_' || to_char(month, 'YYYY_MM'), month::timestamp AT TIME ZONE 'UTC', (month + interval '1 month')::timestamp AT TIME ZONE 'UTC');
        EXECUTE format('CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change()',
          'audit_events_' || to_char(month, 'YYYY_MM'));
      END $$`);

    // Retention: a whole month, only once it is older than the retention period and verified
    // (every row at or below the latest checkpoint). Records itself in the trail it trims.
    await db.query(`
      CREATE FUNCTION audit_drop_partition(partition_name text, keep_months integer) RETURNS void
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      DECLARE
        upper_bound timestamptz;
        max_id bigint;
        verified bigint;
      BEGIN
        IF partition_name !~ '^audit_events_[0-9]{4}_[0-9]{2}$' OR to_regclass(partition_name) IS NULL THEN
          RAISE EXCEPTION 'no such audit partition: %', partition_name;
        END IF;
        IF keep_months < 12 THEN RAISE EXCEPTION 'audit retention below 12 months is refused'; END IF;
        upper_bound := (to_date(right(partition_name, 7), 'YYYY_MM') + interval '1 month')::timestamp AT TIME ZONE 'UTC';
        IF upper_bound > now() - make_interval(months => keep_months) THEN
          RAISE EXCEPTION 'audit partition % is still within the retention period', partition_name;
        END IF;
        EXECUTE format('SELECT max(id) FROM %I', partition_name) INTO max_id;
        SELECT max(verified_through) INTO verified FROM audit_checkpoints;
        IF max_id IS NOT NULL AND (verified IS NULL OR verified < max_id) THEN
          RAISE EXCEPTION 'audit partition % has rows the verifier has not checked', partition_name;
        END IF;
        -- Anchor the chain where the kept rows begin, so the verifier can start there.
        IF max_id IS NOT NULL THEN
          EXECUTE format('INSERT INTO audit_checkpoints (verified_through, head_hash, row_count)
                          SELECT id, hash, 0 FROM %I ORDER BY id DESC LIMIT 1', partition_name);
        END IF;
        EXECUTE format('ALTER TABLE audit_events DETACH PARTITION %I', partition_name);
        EXECUTE format('DROP TABLE %I', partition_name);
        INSERT INTO audit_events (action, resource_type, resource_id, outcome, reason)
        VALUES ('audit.retention', 'audit_partition', partition_name, 'success', 'dropped after retention of ' || keep_months || ' months');
      END $$`);

    await db.query(`REVOKE ALL ON audit_events, audit_chain_head, audit_checkpoints FROM PUBLIC`);
    await db.query(`GRANT SELECT, INSERT ON audit_events TO waypoint_app`);
    await db.query(`GRANT SELECT, INSERT ON audit_checkpoints TO waypoint_app`);
    await db.query(`GRANT SELECT ON audit_chain_head TO waypoint_app`);
    for (const fn of ['audit_ensure_partitions(integer)', 'audit_drop_partition(text, integer)']) {
      await db.query(`REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`);
      await db.query(`GRANT EXECUTE ON FUNCTION ${fn} TO waypoint_app`);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION audit_drop_partition(text, integer)`);
    await db.query(`DROP TABLE audit_events`);
    await db.query(`DROP FUNCTION audit_ensure_partitions(integer), audit_events_refuse_change(), audit_events_chain(), audit_canonical(text[])`);
    await db.query(`DROP TABLE audit_checkpoints, audit_chain_head`);
  }
}
