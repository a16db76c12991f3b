-- 자체감사 by type as printed (Ⅱ-1): subject, how many audits it counts for, and its status.
SELECT audit_type, subject AS audit_subject, audits, count_basis, status, section
FROM self_audits
WHERE edition = $edition
ORDER BY CASE audit_type
             WHEN '재무감사' THEN 1 WHEN '성과감사' THEN 2 WHEN '특정감사' THEN 3
             WHEN '복무감사' THEN 4 WHEN '종합감사' THEN 5 ELSE 6 END,
         subject;
