-- The organisation's own norm an incident was registered under: its name,
-- and each of the norm's own behaviours the incident names with the
-- category the norm gave it, as code:category separated by spaces. Both
-- are empty for an incident under the catalogue alone, as every incident
-- of an older register is.
ALTER TABLE incidents ADD COLUMN norm_id TEXT NOT NULL DEFAULT '';
ALTER TABLE incidents ADD COLUMN norm_behaviours TEXT NOT NULL DEFAULT '';
