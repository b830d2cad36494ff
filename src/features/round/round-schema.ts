import { z } from 'zod';
import { MAX_WISHES_PER_STUDENT } from './allocation-problem.js';
import { idSchema, INT4_MAX } from '../../server/http/input-schemas.js';

export const roundCreateSchema = z
  .object({
    /** Admins name the region; a coordinator's round belongs to their own organization's region. */
    regionId: idSchema.optional(),
    name: z.string().trim().min(1).max(200),
    academicYear: z.string().regex(/^\d{4}-\d{4}$/, 'academic year as 2026-2027'),
    period: z.number().int().min(1).max(6),
    opensAt: z.iso.datetime({ offset: true }),
    closesAt: z.iso.datetime({ offset: true }),
    maxCoursesPerStudent: z.number().int().min(1).max(MAX_WISHES_PER_STUDENT).default(3),
    maxTravelMinutes: z.number().int().min(1).max(600).nullable().default(null),
    /** Defaults to every published offering of the organizer that runs in the period. */
    offeringIds: z.array(idSchema).min(1).max(5000).optional(),
    seed: z.number().int().min(0).max(INT4_MAX).optional(),
  })
  .refine((r) => Date.parse(r.closesAt) > Date.parse(r.opensAt), { path: ['closesAt'], message: 'the round must close after it opens' });

export const roundUpdateSchema = z.object({
  closesAt: z.iso.datetime({ offset: true }),
});

export const wishesSchema = z.object({
  /** Most wanted first. */
  offeringIds: z.array(idSchema).max(MAX_WISHES_PER_STUDENT),
});

export const allocateSchema = z.object({
  /** Changed seats for a re-run; other offerings keep theirs. */
  capacities: z
    .array(z.object({ offeringId: idSchema, capacity: z.number().int().min(0).max(10_000), partnerSeats: z.number().int().min(0).max(10_000) }))
    .max(5000)
    .default([]),
});
