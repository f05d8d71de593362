import { defineRule } from '../../rule';

export default defineRule('event', {
  kinds: ['CREATE EVENT', 'ALTER EVENT', 'DROP EVENT'],
  check(ctx) {
    const kw = ctx.s.find(['EVENT']);
    ctx.report([kw, kw + 1], `TiDB has no event scheduler: ${ctx.s.word(0)} EVENT fails. Use an external scheduler (cron, a Kubernetes CronJob) or a TTL table for expiry jobs.`);
  },
});
