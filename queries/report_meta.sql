-- One edition's facts: title, session, period covered and as-of date.
SELECT * FROM report_meta WHERE edition = $edition;
