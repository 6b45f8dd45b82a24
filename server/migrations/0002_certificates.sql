-- Up Migration
-- A member device's certificate: its role and public keys, signed in a DPO's browser
-- (lib/sync/certificates.ts). The server stores and relays it as opaque text and cannot forge one: a
-- receiving browser checks the signature chain up to the team's first DPO key, which it got out of band.
CREATE TABLE certificates (
  device_id uuid PRIMARY KEY REFERENCES devices ON DELETE CASCADE,
  team_id uuid NOT NULL REFERENCES teams ON DELETE CASCADE,
  from_device_id uuid NOT NULL REFERENCES devices ON DELETE CASCADE,
  certificate text NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX certificates_team ON certificates (team_id);

-- Down Migration
DROP TABLE certificates;
