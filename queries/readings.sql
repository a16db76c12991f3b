-- The values the product derives rather than reads (data/readings.csv), in the order they are listed.
SELECT reading, title, mark, why, set_in, shown_on FROM readings ORDER BY position;
