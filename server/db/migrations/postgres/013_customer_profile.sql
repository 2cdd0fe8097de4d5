-- Customers: an address for gestures, the whole bereavement record (service, reference, date),
-- vulnerability needs as a list, surveys suppressed apart from marketing, and when an advisor was
-- last asked to record a bereavement (the prompt appears once per customer).
ALTER TABLE customers ADD COLUMN address TEXT;
ALTER TABLE customers ADD COLUMN surveys_suppressed BIGINT NOT NULL DEFAULT 0;
ALTER TABLE customers ADD COLUMN bereavement_service TEXT;
ALTER TABLE customers ADD COLUMN bereavement_date TEXT;
ALTER TABLE customers ADD COLUMN vulnerability_needs TEXT NOT NULL DEFAULT '[]';
ALTER TABLE customers ADD COLUMN bereavement_asked_at BIGINT;
UPDATE customers SET surveys_suppressed = 1, bereavement_asked_at = COALESCE(bereaved_at, updated_at) WHERE bereaved = 1;
CREATE INDEX customers_postcode ON customers(postcode);
