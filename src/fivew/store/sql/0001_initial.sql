-- 0001_initial: the first schema (frozen; never edit: add a new migration instead).
CREATE TABLE articles (
  id VARCHAR,
  content_hash VARCHAR,
  source VARCHAR,
  url VARCHAR,
  title VARCHAR,
  authors VARCHAR[],
  published VARCHAR,
  published_date DATE,
  updated VARCHAR,
  language VARCHAR,
  text VARCHAR,
  n_words INTEGER,
  status VARCHAR,
  error_code VARCHAR,
  error_message VARCHAR,
  duplicate_of VARCHAR,
  similarity DOUBLE,
  n_entities INTEGER,
  n_quotes INTEGER,
  n_events INTEGER,
  n_places INTEGER,
  n_dates INTEGER,
  ingested_at TIMESTAMP,
  seq BIGINT,
  PRIMARY KEY (id)
);

CREATE TABLE entities (
  article_id VARCHAR,
  entity_id VARCHAR,
  name VARCHAR,
  label VARCHAR,
  text VARCHAR,
  start INTEGER,
  "end" INTEGER,
  role VARCHAR,
  affiliation VARCHAR,
  country VARCHAR,
  sector VARCHAR,
  n_mentions INTEGER,
  mention_starts INTEGER[],
  mention_ends INTEGER[]
);

CREATE TABLE quotes (
  quote_id VARCHAR,
  article_id VARCHAR,
  kind VARCHAR,
  text VARCHAR,
  start INTEGER,
  "end" INTEGER,
  quote_date DATE,
  cue_text VARCHAR,
  cue_start INTEGER,
  cue_end INTEGER,
  speaker_name VARCHAR,
  speaker_text VARCHAR,
  speaker_start INTEGER,
  speaker_end INTEGER,
  speaker_entity_id VARCHAR,
  speaker_role VARCHAR,
  speaker_affiliation VARCHAR,
  speaker_country VARCHAR
);

CREATE TABLE events (
  event_id VARCHAR,
  article_id VARCHAR,
  event_date DATE,
  date_text VARCHAR,
  date_value VARCHAR,
  date_precision VARCHAR,
  event_type VARCHAR,
  event_mode VARCHAR,
  context VARCHAR,
  cameo_code VARCHAR,
  source_actor VARCHAR,
  source_country VARCHAR,
  source_sector VARCHAR,
  source_entity_id VARCHAR,
  source_text VARCHAR,
  source_start INTEGER,
  source_end INTEGER,
  target_actor VARCHAR,
  target_country VARCHAR,
  target_sector VARCHAR,
  target_entity_id VARCHAR,
  target_text VARCHAR,
  target_start INTEGER,
  target_end INTEGER,
  negated BOOLEAN,
  modality VARCHAR,
  reported_by VARCHAR,
  place_name VARCHAR,
  latitude DOUBLE,
  longitude DOUBLE,
  geonames_id BIGINT,
  place_country VARCHAR,
  place_precision VARCHAR,
  fatalities INTEGER,
  fatalities_qualifier VARCHAR,
  injuries INTEGER,
  injuries_qualifier VARCHAR,
  trigger_text VARCHAR,
  trigger_start INTEGER,
  trigger_end INTEGER,
  reason_text VARCHAR,
  reason_start INTEGER,
  reason_end INTEGER,
  evidence_text VARCHAR,
  evidence_start INTEGER,
  evidence_end INTEGER,
  confidence DOUBLE
);

CREATE TABLE places (
  place_id VARCHAR,
  article_id VARCHAR,
  name VARCHAR,
  text VARCHAR,
  start INTEGER,
  "end" INTEGER,
  geonames_id BIGINT,
  latitude DOUBLE,
  longitude DOUBLE,
  country VARCHAR,
  feature VARCHAR,
  precision VARCHAR
);

CREATE TABLE dates (
  date_id VARCHAR,
  article_id VARCHAR,
  text VARCHAR,
  start INTEGER,
  "end" INTEGER,
  value VARCHAR,
  date_start DATE,
  precision VARCHAR,
  direction VARCHAR
);

CREATE TABLE errors (
  error_id VARCHAR,
  article_id VARCHAR,
  source VARCHAR,
  code VARCHAR,
  message VARCHAR,
  fatal BOOLEAN
);

CREATE TABLE minhash (
  article_id VARCHAR,
  signature UINTEGER[],
  PRIMARY KEY (article_id)
);

CREATE TABLE lsh (
  article_id VARCHAR,
  band INTEGER,
  bucket UBIGINT
);

CREATE INDEX articles_content_hash ON articles (content_hash);
