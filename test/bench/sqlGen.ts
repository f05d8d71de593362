// SQL generators for the language-server bench.

export function migration(n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const t = `t${i % 400}`;
    switch (i % 5) {
      case 0:
        out.push(
          `CREATE TABLE IF NOT EXISTS ${t}_${i} (id BIGINT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(100) CHARACTER SET utf8mb4, created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP, KEY k (created_at));`,
        );
        break;
      case 1:
        out.push(`ALTER TABLE ${t} ADD COLUMN c${i} INT NOT NULL DEFAULT 0, ADD INDEX i${i} (c${i});`);
        break;
      case 2:
        out.push(`UPDATE ${t} SET name = 'x' WHERE id IN (${i}, ${i + 1});`);
        break;
      case 3:
        out.push(`SELECT id, name FROM ${t} WHERE LOWER(name) LIKE '%${i}%' LIMIT 10000, 50;`);
        break;
      default:
        out.push(`DELETE FROM ${t} WHERE created_at < NOW() - INTERVAL ${i % 90} DAY;`);
    }
  }
  return out.join('\n') + '\n';
}

export function dump(bytes: number): string {
  const parts: string[] = ['/*!40101 SET NAMES utf8mb4 */;\n'];
  let size = 0;
  for (let t = 0; size < bytes; t++) {
    const head = `DROP TABLE IF EXISTS \`t${t}\`;\nCREATE TABLE \`t${t}\` (\`id\` bigint NOT NULL AUTO_INCREMENT, \`v\` varchar(64) DEFAULT NULL, PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;\nLOCK TABLES \`t${t}\` WRITE;\n`;
    parts.push(head);
    size += head.length;
    const rows: string[] = [];
    for (let i = 0; i < 20000; i++) rows.push(`(${i},'row ${i} it\\'s')`);
    const ins = `INSERT INTO \`t${t}\` VALUES ${rows.join(',')};\nUNLOCK TABLES;\n`;
    parts.push(ins);
    size += ins.length;
  }
  return parts.join('');
}

/** A 5,000-statement migration as teams write for TiDB: mostly clean, about one statement in twenty flagged. */
export function cleanMigration(n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const t = `t${i % 200}`;
    switch (i % 20) {
      case 0:
        out.push(
          `CREATE TABLE IF NOT EXISTS ${t}_${i} (id BIGINT AUTO_RANDOM PRIMARY KEY, name VARCHAR(100) NOT NULL, amount DECIMAL(12,2), created_at DATETIME NOT NULL, KEY idx_name (name)) CHARSET = utf8mb4 COLLATE = utf8mb4_bin;`,
        );
        break;
      case 1:
        out.push(`ALTER TABLE ${t} ADD COLUMN c${i} INT NOT NULL DEFAULT 0;`);
        break;
      case 7:
        out.push(`UPDATE ${t} SET name = 'renamed';`);
        break; // flagged: no WHERE
      default:
        out.push(
          i % 2 ? `INSERT INTO ${t} (id, name, amount) VALUES (${i}, 'n${i}', ${i}.50);` : `SELECT id, name FROM ${t} WHERE id = ${i};`,
        );
    }
  }
  return out.join('\n') + '\n';
}
