-- A migration written for MySQL 8.0, checked against TiDB before it runs.
ALTER TABLE orders ADD COLUMN region VARCHAR(32) NOT NULL DEFAULT 'eu', ADD INDEX idx_region (region);
ALTER TABLE orders MODIFY COLUMN customer_email VARCHAR(320) NOT NULL, DROP COLUMN customer_email;

SELECT SQL_CALC_FOUND_ROWS id, status FROM orders WHERE customer_email LIKE '%@example.com' LIMIT 20;
SELECT * FROM orders WHERE id = 7 LOCK IN SHARE MODE;

-- tidb-lint-disable-next-line delete-without-where -- the staging table is emptied on purpose
DELETE FROM orders_staging;
UPDATE orders SET status = 'archived';
SET PERSIST max_execution_time = 10000;
