-- The printed 계 column of the staffing table (Ⅰ-2): 정원, 현원 and 과부족 in total.
SELECT max(value) FILTER (WHERE measure = 'authorized')      AS authorized,
       max(value) FILTER (WHERE measure = 'current')         AS current,
       max(value) FILTER (WHERE measure = 'surplus_printed') AS surplus_printed,
       max(section)                                          AS section
FROM table_totals
WHERE edition = $edition AND table_name = 'staffing';
