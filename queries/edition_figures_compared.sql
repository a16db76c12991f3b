-- The figures of two editions side by side by what they are (edition_figures.figure_id): both values
-- where both editions have the figure, one where only one has it. `shared` says which.
WITH this AS (SELECT * FROM edition_figures WHERE edition = $edition),
other AS (SELECT * FROM edition_figures WHERE edition = $other)
SELECT coalesce(t.figure_id, o.figure_id) AS figure_id,
       coalesce(t.topic_order, o.topic_order) AS topic_order,
       coalesce(t.topic, o.topic) AS topic,
       coalesce(t.label, o.label) AS label,
       coalesce(t.unit, o.unit) AS unit,
       t.value AS value,
       o.value AS other_value,
       t.value - o.value AS change,
       CASE WHEN o.value <> 0 AND coalesce(t.unit, o.unit) <> '%' THEN 100.0 * (t.value - o.value) / o.value END AS change_rate,
       t.figure_id IS NOT NULL AND o.figure_id IS NOT NULL AS shared,
       coalesce(t.section, o.section) AS section
FROM this AS t
FULL OUTER JOIN other AS o USING (figure_id)
ORDER BY topic_order, topic, label;
