-- Every figure of one edition in the long list the comparisons use (edition_figures).
SELECT figure_id, topic_order, topic, label, unit, value, section
FROM edition_figures
WHERE edition = $edition
ORDER BY topic_order, topic, label;
