-- One vocabulary of date precision (issue 13): a meeting's start said exact/day where statements, incidents and the
-- timeline said instant/exact_day. The start of a meeting now takes instant, exact_day or unknown (DatePrecision).
ALTER TABLE meeting DROP CONSTRAINT meeting_start_precision_check;
UPDATE meeting SET start_precision = CASE start_precision WHEN 'EXACT' THEN 'INSTANT' WHEN 'DAY' THEN 'EXACT_DAY' ELSE start_precision END;
ALTER TABLE meeting ADD CONSTRAINT meeting_start_precision_check CHECK (start_precision IN ('INSTANT', 'EXACT_DAY', 'UNKNOWN'));
