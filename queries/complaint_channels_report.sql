-- 고충민원 received by intake channel as printed (Ⅱ-4), with each channel's share.
SELECT channel, received, 100.0 * received / sum(received) OVER () AS share, section
FROM complaint_channels
ORDER BY received DESC;
