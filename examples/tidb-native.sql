-- Clean on TiDB: AUTO_RANDOM keys, explicit collations, batched DML.
CREATE TABLE payments (
  id BIGINT AUTO_RANDOM PRIMARY KEY,
  account_id BIGINT NOT NULL,
  amount DECIMAL(12, 2) NOT NULL,
  currency CHAR(3) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  paid_at DATETIME NOT NULL,
  KEY idx_account_paid (account_id, paid_at)
) CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

SELECT id, amount FROM payments WHERE account_id = 42 ORDER BY paid_at DESC LIMIT 50;
BATCH ON id LIMIT 5000 DELETE FROM payments WHERE paid_at < '2020-01-01';
