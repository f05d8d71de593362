-- Queries for the demo database `npm start` runs (a throwaway MariaDB with a `shop` database).
-- Put the cursor in a statement and press Ctrl+Enter (Run Statement); the first run asks
-- which connection the file uses: pick 'Local MariaDB (demo)'. Ctrl+Alt+Enter runs the file.

-- NULL and the text 'NULL' look different in the grid; a line break shows as ↵.
SELECT id, email, note, total, created FROM orders ORDER BY id;

-- Partition pruning: only p2024 is read. Ctrl+Alt+E shows the plan in the plan viewer.
SELECT COUNT(*), SUM(total) FROM orders WHERE created < '2025-01-01';

-- The view over the big orders.
SELECT * FROM v_big_orders;

-- A join: completion offers the connected tables and columns (type `o.` after FROM orders o).
SELECT o.id, o.total, c.name FROM orders o LEFT JOIN customers c ON c.id = o.id WHERE o.total > 10;

-- A long statement: while it runs, TiDB view › the connection › Performance › Running Now lists it (Refresh),
-- with Kill Query… (the confirmation shows the KILL QUERY it runs).
SELECT SLEEP(60) AS slept;
