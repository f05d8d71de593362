import { functionCalls } from '../../../sql/queryRefs';
import { notLinted } from '../support/ruleHelpers';
import { defineRule } from '../../rule';

const XML = new Set(['EXTRACTVALUE', 'UPDATEXML']);

export default defineRule('xml-function', {
  check(ctx) {
    const s = ctx.s;
    if (notLinted(s)) return;
    for (const c of functionCalls(s)) {
      if (!XML.has(c.name)) continue;
      const name = s.text(c.at);
      ctx.report(c.at, `TiDB does not implement the XML function ${name}(), so the statement fails. Store the document as JSON and use JSON_EXTRACT / JSON_SET instead.`);
    }
  },
});
