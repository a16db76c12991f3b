-- The department's own settings and targets: data files, not code (data/settings.csv, data/targets.csv).

CREATE TABLE settings (
    key   VARCHAR PRIMARY KEY,
    value VARCHAR NOT NULL,
    note  VARCHAR NOT NULL
);

-- A target applies at a date (the end of a period, or a checkpoint such as 2025-06-30).
CREATE TABLE targets (
    metric      VARCHAR NOT NULL,
    target_date DATE NOT NULL,
    target      DOUBLE NOT NULL,
    unit        VARCHAR NOT NULL,
    direction   VARCHAR NOT NULL CHECK (direction IN ('at_least', 'at_most')),
    basis       VARCHAR NOT NULL,   -- who set it; '예시값' until the department sets its own
    PRIMARY KEY (metric, target_date)
);
