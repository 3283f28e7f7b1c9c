-- How an application came in (internal/aanvragen): inwoner (the resident, or an intermediary for them) or
-- ambtshalve (an approved proposal of the scan, voorstel_id), so one inbox holds both.
ALTER TABLE aanvragen_aanvraag ADD COLUMN kanaal TEXT NOT NULL DEFAULT 'inwoner';
ALTER TABLE aanvragen_aanvraag ADD COLUMN voorstel_id BIGINT NOT NULL DEFAULT 0;
