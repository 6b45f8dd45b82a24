-- The relay's whole state (docs/team-protocol.md). Nothing here is personal data in clear: change bodies
-- and key envelopes are ciphertext sealed in the browsers, subjects are opaque keyed ids, tokens are
-- stored as SHA-256 digests, public keys are public.

-- Up Migration
CREATE TABLE teams (
  team_id uuid PRIMARY KEY,
  created_at timestamptz NOT NULL
);

-- A member exists from the moment a DPO (or the admin command) invites it; devices join it.
CREATE TABLE members (
  member_id uuid PRIMARY KEY,
  team_id uuid NOT NULL REFERENCES teams ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('agent', 'dpo', 'legal')),
  created_at timestamptz NOT NULL,
  revoked_at timestamptz
);
CREATE INDEX members_team ON members (team_id);

CREATE TABLE invites (
  token_hash bytea PRIMARY KEY,
  team_id uuid NOT NULL REFERENCES teams ON DELETE CASCADE,
  member_id uuid NOT NULL REFERENCES members ON DELETE CASCADE,
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);

-- last_seq is kept here, not derived from changes: a shred deletes rows, and the next expected seq
-- must not move back with them.
CREATE TABLE devices (
  device_id uuid PRIMARY KEY,
  team_id uuid NOT NULL REFERENCES teams ON DELETE CASCADE,
  member_id uuid NOT NULL REFERENCES members ON DELETE CASCADE,
  token_hash bytea NOT NULL UNIQUE,
  sign_public_key bytea NOT NULL,
  box_public_key bytea NOT NULL,
  created_at timestamptz NOT NULL,
  last_seq bigint NOT NULL DEFAULT 0
);
CREATE INDEX devices_member ON devices (member_id);
CREATE INDEX devices_team ON devices (team_id);

-- One global order (bigserial); pulls read one team by (team_id, ord). Partitioned by hash of the team so
-- each team's log stays in one of 16 smaller tables and indexes (vacuum, shred and pulls touch one), with
-- no DDL when a team is created. Unique keys of a partitioned table must contain the partition key.
CREATE SEQUENCE changes_ord_seq AS bigint;
CREATE TABLE changes (
  team_id uuid NOT NULL,
  ord bigint NOT NULL DEFAULT nextval('changes_ord_seq'),
  device_id uuid NOT NULL,
  member_id uuid NOT NULL,
  seq bigint NOT NULL,
  at timestamptz NOT NULL,
  subject text CHECK (subject ~ '^[0-9a-f]{64}$'),
  size integer NOT NULL,
  body bytea NOT NULL,
  PRIMARY KEY (team_id, ord),
  UNIQUE (team_id, device_id, seq)
) PARTITION BY HASH (team_id);
ALTER SEQUENCE changes_ord_seq OWNED BY changes.ord;
CREATE TABLE changes_p00 PARTITION OF changes FOR VALUES WITH (MODULUS 16, REMAINDER 0);
CREATE TABLE changes_p01 PARTITION OF changes FOR VALUES WITH (MODULUS 16, REMAINDER 1);
CREATE TABLE changes_p02 PARTITION OF changes FOR VALUES WITH (MODULUS 16, REMAINDER 2);
CREATE TABLE changes_p03 PARTITION OF changes FOR VALUES WITH (MODULUS 16, REMAINDER 3);
CREATE TABLE changes_p04 PARTITION OF changes FOR VALUES WITH (MODULUS 16, REMAINDER 4);
CREATE TABLE changes_p05 PARTITION OF changes FOR VALUES WITH (MODULUS 16, REMAINDER 5);
CREATE TABLE changes_p06 PARTITION OF changes FOR VALUES WITH (MODULUS 16, REMAINDER 6);
CREATE TABLE changes_p07 PARTITION OF changes FOR VALUES WITH (MODULUS 16, REMAINDER 7);
CREATE TABLE changes_p08 PARTITION OF changes FOR VALUES WITH (MODULUS 16, REMAINDER 8);
CREATE TABLE changes_p09 PARTITION OF changes FOR VALUES WITH (MODULUS 16, REMAINDER 9);
CREATE TABLE changes_p10 PARTITION OF changes FOR VALUES WITH (MODULUS 16, REMAINDER 10);
CREATE TABLE changes_p11 PARTITION OF changes FOR VALUES WITH (MODULUS 16, REMAINDER 11);
CREATE TABLE changes_p12 PARTITION OF changes FOR VALUES WITH (MODULUS 16, REMAINDER 12);
CREATE TABLE changes_p13 PARTITION OF changes FOR VALUES WITH (MODULUS 16, REMAINDER 13);
CREATE TABLE changes_p14 PARTITION OF changes FOR VALUES WITH (MODULUS 16, REMAINDER 14);
CREATE TABLE changes_p15 PARTITION OF changes FOR VALUES WITH (MODULUS 16, REMAINDER 15);
-- Shred finds a subject's changes without scanning the team's log.
CREATE INDEX changes_subject ON changes (team_id, subject) WHERE subject IS NOT NULL;

-- A team key of one epoch sealed to one device (X25519 box); the server cannot open it.
CREATE TABLE key_envelopes (
  team_id uuid NOT NULL REFERENCES teams ON DELETE CASCADE,
  epoch integer NOT NULL CHECK (epoch > 0),
  device_id uuid NOT NULL REFERENCES devices ON DELETE CASCADE,
  from_device_id uuid NOT NULL REFERENCES devices ON DELETE CASCADE,
  sealed bytea NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (device_id, epoch)
);

-- Down Migration
DROP TABLE key_envelopes;
DROP TABLE changes;
DROP TABLE devices;
DROP TABLE invites;
DROP TABLE members;
DROP TABLE teams;
