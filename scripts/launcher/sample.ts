// A small shop schema for the e2e tests and the `npm start` demo: partitions, an
// index, a view, NULL next to the text 'NULL', and a table with a hostile name.
import type { MariaDb } from './mariadb';

/** The schema the explorer, run and screenshot tests see; hostile names included. */
export async function seed(d: MariaDb): Promise<void> {
  const c = await d.admin();
  await c.query('CREATE DATABASE shop');
  await c.query(`CREATE TABLE shop.orders (
    id BIGINT NOT NULL AUTO_INCREMENT, email VARCHAR(255) NOT NULL, note VARCHAR(100) NULL, total DECIMAL(12,2) NOT NULL DEFAULT 0, created DATE NOT NULL,
    PRIMARY KEY (id, created), KEY idx_email (email)
  ) PARTITION BY RANGE (YEAR(created)) (PARTITION p2024 VALUES LESS THAN (2025), PARTITION pmax VALUES LESS THAN MAXVALUE)`);
  await c.query(`INSERT INTO shop.orders (email, note, total, created) VALUES ('a@example.com', 'first order', 19.99, '2024-03-01'), ('b@example.com', NULL, 5.00, '2024-11-30'),
    ('c@example.com', '<img src=x onerror=alert(1)>', 120.50, '2025-01-15'), ('d@example.com', 'NULL', 0.99, '2025-06-01'), ('e@example.com', 'multi\nline', 42.00, '2025-07-04')`);
  await c.query('CREATE TABLE shop.customers (id BIGINT PRIMARY KEY, name VARCHAR(100))');
  await c.query('CREATE TABLE shop.`<img src=x onerror=alert(1)>` (a INT)');
  await c.query('CREATE VIEW shop.v_big_orders AS SELECT id, total FROM shop.orders WHERE total > 100');
  await c.end();
}
