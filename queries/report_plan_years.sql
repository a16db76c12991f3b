-- The years an edition prints projects for: its as-of year (Ⅱ) and, if it has plans, later ones (Ⅲ, Ⅳ).
SELECT DISTINCT plan_year FROM projects WHERE edition = $edition ORDER BY plan_year;
