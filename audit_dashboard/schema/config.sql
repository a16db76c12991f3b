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

-- Values the product derives rather than reads: each is marked where it is shown, with one line of why,
-- and listed together on the 해석과 가정 page (data/readings.csv). `mark` and `why` may name a setting
-- in braces ({processing_period_days}), filled from the settings table.
CREATE TABLE readings (
    position INTEGER NOT NULL,
    reading  VARCHAR PRIMARY KEY,   -- the id charts and tables name (content.Chart.readings)
    title    VARCHAR NOT NULL,
    mark     VARCHAR NOT NULL,      -- what we did, one line, where the value is shown
    why      VARCHAR NOT NULL,      -- why, one line
    set_in   VARCHAR NOT NULL,      -- where a department changes it
    shown_on VARCHAR NOT NULL       -- the pages that show it
);
