-- The central system's schema, version 1. Migrations are append-only like the desk's Dexie
-- versions: a released file is never edited; a change is a new numbered file.

-- One row per setting of this installation; 'epoch' names the change log a cursor belongs to
-- (a restore or a compaction gives a new one, and every cursor of the old one means "start over").
CREATE TABLE server_meta (
  key text PRIMARY KEY,
  value text NOT NULL
);

CREATE TABLE akimats (
  id text PRIMARY KEY,
  name_kk text NOT NULL,
  name_ru text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- The akimat's users and roles. No secret: secrets stay on each desk.
CREATE TABLE users (
  akimat_id text NOT NULL REFERENCES akimats (id),
  id text NOT NULL,
  full_name text NOT NULL,
  role text NOT NULL CHECK (role IN ('officer', 'head', 'admin')),
  position_kk text NOT NULL,
  position_ru text NOT NULL,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (akimat_id, id)
);

-- Tokens: an enrolled desk (for one user), a monitoring reader, or an operator's admin key.
-- Only the SHA-256 of a token is kept; the token itself is shown once.
CREATE TABLE devices (
  id text PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('desk', 'monitoring', 'admin')),
  akimat_id text REFERENCES akimats (id),
  user_id text,
  name text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  enrolled_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz,
  revoked_at timestamptz,
  FOREIGN KEY (akimat_id, user_id) REFERENCES users (akimat_id, id),
  CHECK ((kind = 'desk') = (user_id IS NOT NULL))
);

-- One-time enrolment codes, kept hashed; a used code keeps the device it made.
CREATE TABLE enrolment_codes (
  code_hash text PRIMARY KEY,
  akimat_id text NOT NULL,
  user_id text NOT NULL,
  issued_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  device_id text REFERENCES devices (id),
  FOREIGN KEY (akimat_id, user_id) REFERENCES users (akimat_id, id)
);

-- The projection of each case (rebuilt from its events; the events are the record).
CREATE TABLE cases (
  id text PRIMARY KEY,
  akimat_id text NOT NULL REFERENCES akimats (id),
  version integer NOT NULL CHECK (version >= 1),
  stage text NOT NULL,
  assigned_to text,
  case_number text NOT NULL,
  registration_number text,
  state jsonb NOT NULL,
  reducer_version integer NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX cases_akimat ON cases (akimat_id);

-- The change log: every applied event, once. The primary key is the idempotency rule (an event id
-- is applied at most once, by any process); (case_id, case_version) keeps each case a single line.
-- A page of changes is read in (xid, seq) order, and only below the oldest transaction still in
-- progress, so a transaction that commits late can never fall behind a cursor already handed out.
CREATE SEQUENCE change_seq;
CREATE TABLE events (
  id text PRIMARY KEY,
  case_id text NOT NULL REFERENCES cases (id),
  akimat_id text NOT NULL REFERENCES akimats (id),
  case_version integer NOT NULL,
  xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
  seq bigint NOT NULL DEFAULT nextval('change_seq'),
  type text NOT NULL,
  body jsonb NOT NULL,
  stage_before text,
  stage_after text NOT NULL,
  assigned_after text,
  outcome_after text,
  device_id text,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (case_id, case_version)
);
CREATE INDEX events_changes ON events (akimat_id, xid, seq);
CREATE INDEX events_monitoring ON events (xid, seq);

-- The first answer given for each event id (applied, conflict or rejected by the reducer), so that
-- a repeated event gets the same answer again. body_hash tells a repeat from a reused id.
CREATE TABLE answers (
  event_id text PRIMARY KEY,
  case_id text NOT NULL,
  body_hash text NOT NULL,
  answer text NOT NULL,
  answered_at timestamptz NOT NULL DEFAULT now()
);

-- tus uploads: the bytes arrive in pieces, each committed with the new offset, so a cut connection
-- resumes where the last piece ended. A finished upload whose SHA-256 matched becomes a file.
CREATE TABLE uploads (
  id text PRIMARY KEY,
  sha256 text NOT NULL,
  size bigint NOT NULL CHECK (size >= 0),
  upload_offset bigint NOT NULL DEFAULT 0 CHECK (upload_offset >= 0 AND upload_offset <= size),
  mime_type text NOT NULL,
  metadata text,
  akimat_id text REFERENCES akimats (id),
  device_id text,
  created_at timestamptz NOT NULL DEFAULT now(),
  completed_at timestamptz
);

CREATE TABLE upload_pieces (
  upload_id text NOT NULL REFERENCES uploads (id) ON DELETE CASCADE,
  start bigint NOT NULL,
  data bytea NOT NULL,
  PRIMARY KEY (upload_id, start)
);

-- Content-addressed files: one row per SHA-256, the bytes are the pieces of the upload that made it.
CREATE TABLE files (
  sha256 text PRIMARY KEY,
  size bigint NOT NULL,
  mime_type text NOT NULL,
  upload_id text NOT NULL REFERENCES uploads (id),
  stored_at timestamptz NOT NULL DEFAULT now()
);

-- Which akimats may download a file: the uploader's, and every akimat whose events name it.
CREATE TABLE file_access (
  sha256 text NOT NULL REFERENCES files (sha256),
  akimat_id text NOT NULL REFERENCES akimats (id),
  PRIMARY KEY (sha256, akimat_id)
);

-- Reference data: calendar year files and form templates, every published version kept.
CREATE SEQUENCE reference_seq;
CREATE TABLE reference_items (
  kind text NOT NULL CHECK (kind IN ('calendar', 'template')),
  item_id text NOT NULL,
  version text NOT NULL,
  body jsonb NOT NULL,
  published_seq bigint NOT NULL DEFAULT nextval('reference_seq'),
  published_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (kind, item_id, version)
);
