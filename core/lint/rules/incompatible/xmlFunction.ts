import { functionCalls } from '../../../sql/queryRefs';
import { notLinted } from '../support/ruleHelpers';
import { defineRule } from '../../rule';
import * as l10n from '@vscode/l10n';

const XML = new Set(['EXTRACTVALUE', 'UPDATEXML']);

export default defineRule({
  id: 'xml-function',
  category: 'incompatible',
  severity: 'error',
  versions: 'all',
  explanation: 'XML functions are not implemented (JSON is the recommended replacement).',
  fix: 'Store JSON and use JSON_EXTRACT / JSON_SET.',
  source: 'pingcap/docs: mysql-compatibility.md',
  quote: 'XML Functions',
  quoteStatus: 'verified',
  words: [...XML],
  examples: {
    flagged: [
      "SELECT EXTRACTVALUE(doc, '/a/@b') FROM t WHERE id = 1;",
      "UPDATE m SET p = UpdateXML(p, '/a', '<a/>') WHERE id = 1;",
      "INSERT INTO sku_vendor_map (sku, vendor_code)\nSELECT sku, EXTRACTVALUE(vendor_xml, '/vendor/@code') FROM supplier_items WHERE imported_at >= '2024-05-01';",
    ],
    clean: ["SELECT 'ExtractValue(x)' AS hint;", 'SELECT extractvalue, updatexml FROM t WHERE id = 1;'],
  },
  check(ctx) {
    const s = ctx.s;
    if (notLinted(s)) return;
    for (const c of functionCalls(s)) {
      if (!XML.has(c.name)) continue;
      const name = s.text(c.at);
      ctx.report(
        c.at,
        l10n.t(
          'TiDB does not implement the XML function {0}(), so the statement fails. Store the document as JSON and use JSON_EXTRACT / JSON_SET instead.',
          name,
        ),
      );
    }
  },
});
