-- 0002_layout_and_offsets: keep the layout (parts) and the evidence offsets of every
-- record an event links to (its date, place, reporter and casualty counts), the role and
-- inferred flag of its actors, the kinds of entity mentions and the dateline flag of places.
-- Rows stored before this migration have NULL in the new columns and no parts.
CREATE TABLE parts (
  part_id VARCHAR,
  article_id VARCHAR,
  kind VARCHAR,
  start INTEGER,
  "end" INTEGER
);

ALTER TABLE entities ADD COLUMN mention_kinds VARCHAR[];

ALTER TABLE events ADD COLUMN date_start INTEGER;
ALTER TABLE events ADD COLUMN date_end INTEGER;
ALTER TABLE events ADD COLUMN date_direction VARCHAR;
ALTER TABLE events ADD COLUMN date_fallback BOOLEAN;
ALTER TABLE events ADD COLUMN place_text VARCHAR;
ALTER TABLE events ADD COLUMN place_start INTEGER;
ALTER TABLE events ADD COLUMN place_end INTEGER;
ALTER TABLE events ADD COLUMN place_feature VARCHAR;
ALTER TABLE events ADD COLUMN place_dateline BOOLEAN;
ALTER TABLE events ADD COLUMN reported_by_text VARCHAR;
ALTER TABLE events ADD COLUMN reported_by_start INTEGER;
ALTER TABLE events ADD COLUMN reported_by_end INTEGER;
ALTER TABLE events ADD COLUMN reported_by_entity_id VARCHAR;
ALTER TABLE events ADD COLUMN source_role VARCHAR;
ALTER TABLE events ADD COLUMN source_inferred BOOLEAN;
ALTER TABLE events ADD COLUMN target_role VARCHAR;
ALTER TABLE events ADD COLUMN target_inferred BOOLEAN;
ALTER TABLE events ADD COLUMN fatalities_text VARCHAR;
ALTER TABLE events ADD COLUMN fatalities_start INTEGER;
ALTER TABLE events ADD COLUMN fatalities_end INTEGER;
ALTER TABLE events ADD COLUMN injuries_text VARCHAR;
ALTER TABLE events ADD COLUMN injuries_start INTEGER;
ALTER TABLE events ADD COLUMN injuries_end INTEGER;

ALTER TABLE places ADD COLUMN dateline BOOLEAN;
