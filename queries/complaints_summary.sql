-- Complaints of one kind received in a period: how many, how fast they were closed, and how many
-- were still open at $at (the period's end, or the last day records cover).
-- Open at a date: received by then, and closed after it, or still 처리중 with no closing date.
-- Closed: a closing date on or before it. A 처리완료 row with no closing date is neither (the
-- importer warns of such rows): it cannot be placed in time.
-- "Within the processing period" uses the configured number of days (settings.processing_period_days).
-- How fast: complaints counted per number of days taken (processing_days is whole days), read through
-- complaints_timed (schema/records.sql: the period's whole months from complaints_timing, any days either
-- side from the records); the median and 90th percentile are read from those few groups as quantile_cont
-- computes them (linear between the two nearest ranks). Open and closed at $at: only rows with no closing date or one after
-- $at are read from the records, and those are few (row groups of earlier closings are skipped).
-- optional: channel, department (a drill-down: NULL, the default, keeps every one)
WITH limit_days AS (
    SELECT CAST(value AS INTEGER) AS days FROM settings WHERE key = 'processing_period_days'
),
timed AS (
    SELECT processing_days, received, sample_rows FROM complaints_timed($kind, $start, $end, $channel, $department)
),
by_days AS (
    SELECT processing_days AS days, sum(received) AS received, sum(sample_rows) AS sample_rows
    FROM timed
    GROUP BY processing_days
),
not_closed_by_then AS (  -- received in the period, with no closing date or one after $at
    SELECT count(*) FILTER (WHERE closed_date > $at)                              AS closed_after,
           count(*) FILTER (WHERE closed_date IS NULL)                            AS undated,
           count(*) FILTER (WHERE closed_date > $at OR (closed_date IS NULL AND status = '처리중')) AS still_open
    FROM complaints
    WHERE complaint_kind = $kind AND received_date BETWEEN $start AND $end
      AND (closed_date > $at OR closed_date IS NULL)
      AND ($channel IS NULL OR channel = $channel) AND ($department IS NULL OR department = $department)
),
ranks AS (  -- each number of days taken, and the 0-based ranks its complaints hold in day order
    SELECT days,
           sum(received) OVER (ORDER BY days) - received AS first_rank,
           sum(received) OVER (ORDER BY days) - 1        AS last_rank
    FROM by_days
    WHERE days IS NOT NULL
),
totals AS (
    SELECT coalesce(sum(received), 0)                                  AS received,
           coalesce(sum(received) FILTER (WHERE days <= (SELECT days FROM limit_days)), 0) AS within_period,
           coalesce(sum(received) FILTER (WHERE days IS NOT NULL), 0)  AS timed,
           coalesce(sum(sample_rows), 0)                               AS sample_rows
    FROM by_days
),
positions AS (
    SELECT share, (timed - 1) * share AS position FROM totals, (VALUES (0.5), (0.9)) AS wanted(share) WHERE timed > 0
),
quantiles AS (
    SELECT p.share, low.days + (p.position - floor(p.position)) * (high.days - low.days) AS days
    FROM positions AS p
    JOIN ranks AS low ON floor(p.position) BETWEEN low.first_rank AND low.last_rank
    JOIN ranks AS high ON ceil(p.position) BETWEEN high.first_rank AND high.last_rank
)
SELECT CAST(t.received AS BIGINT)                                      AS received,
       CAST(t.received - n.undated - n.closed_after AS BIGINT)         AS closed,
       CAST(n.still_open AS BIGINT)                                    AS still_open,
       100.0 * t.within_period / nullif(t.timed, 0)                    AS closed_within_period_share,
       (SELECT days FROM quantiles WHERE share = 0.5)                  AS median_days,
       (SELECT days FROM quantiles WHERE share = 0.9)                  AS p90_days,
       (SELECT days FROM limit_days)                                   AS processing_period_days,
       CAST(t.sample_rows AS BIGINT)                                   AS sample_rows
FROM totals AS t, not_closed_by_then AS n;
