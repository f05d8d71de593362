import { lintText } from '../core/lint/engine';
import { RULES } from '../core/lint/rules/index';
const sql =
  "DELIMITER $$\nDROP PROCEDURE IF EXISTS add_user$$\nCREATE PROCEDURE add_user(IN n VARCHAR(20))\nBEGIN\n  INSERT INTO users(name) VALUES (n);\nEND$$\nDELIMITER ;\nCALL add_user('a');\nCALL add_user('b');\nCREATE FUNCTION f1(x INT) RETURNS INT DETERMINISTIC RETURN x + 1;\nCREATE VIEW v AS SELECT f1(id) AS y FROM users;\nSELECT f1(2);\n";
const r = lintText(sql, RULES);
for (const f of r.findings) console.log(f.ruleId, JSON.stringify(sql.slice(f.start, f.end)), '|', f.message.slice(0, 110));
