import { z } from 'zod';
import type { FieldIssue } from '../../server/http/errors.js';
import { barCodeSchema, timeSlotSchema } from '../catalog/offering-schema.js';

export const timeFrameSchema = z.object({
  name: z.string().trim().min(1).max(200),
  periods: z
    .array(z.object({ number: z.number().int().min(1).max(6), startsOn: z.iso.date(), endsOn: z.iso.date() }))
    .min(1)
    .max(6),
  bars: z.array(z.object({ code: barCodeSchema, lessons: z.array(timeSlotSchema).min(1).max(10) })).max(40),
});
export type TimeFrameInput = z.infer<typeof timeFrameSchema>;

/** Rules across entries: each period and bar once, a period ending after it starts. */
export function timeFrameIssues(frame: TimeFrameInput): FieldIssue[] {
  const issues: FieldIssue[] = [];
  frame.periods.forEach((p, i) => {
    if (frame.periods.findIndex((q) => q.number === p.number) !== i) issues.push({ path: `body.periods.${i}.number`, code: 'duplicate', message: `period ${p.number} twice` });
    if (p.endsOn < p.startsOn) issues.push({ path: `body.periods.${i}.endsOn`, code: 'end_before_start', message: 'the period ends before it starts' });
  });
  frame.bars.forEach((b, i) => {
    if (frame.bars.findIndex((c) => c.code === b.code) !== i) issues.push({ path: `body.bars.${i}.code`, code: 'duplicate', message: `bar ${b.code} twice` });
  });
  return issues;
}
