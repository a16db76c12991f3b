-- The department's facilities and equipment (Ⅰ-3 주요시설 및 장비).
SELECT kind AS equipment_kind, name AS equipment_name, status AS equipment_status, note AS equipment_note, section
FROM equipment
WHERE edition = $edition
ORDER BY kind, name;
