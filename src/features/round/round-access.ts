import type { Selectable } from 'kysely';
import type { Db } from '../../server/db/database.js';
import type { SelectionRoundTable } from '../../server/db/schema.js';
import { forbidden, HttpError, notFound } from '../../server/http/errors.js';
import { isAdminOf, spansRegions, type SessionUser } from '../auth/roles.js';

export type Round = Selectable<SelectionRoundTable>;
export type RoundPhase = 'upcoming' | 'open' | 'closed' | 'allocated' | 'published';

/** Where a round stands: its window decides until it is allocated. */
export function phaseOf(round: Pick<Round, 'status' | 'opens_at' | 'closes_at'>, now = new Date()): RoundPhase {
  if (round.status === 'allocated' || round.status === 'published') return round.status;
  if (now < new Date(round.opens_at)) return 'upcoming';
  return now < new Date(round.closes_at) ? 'open' : 'closed';
}

/** The region's admins run its rounds; a provider's coordinators run the provider's own. */
export const canManageRound = (user: SessionUser, round: Pick<Round, 'organizer_id' | 'region_id'>) =>
  isAdminOf(user, round.region_id) || (user.role === 'coordinator' && round.organizer_id !== null && round.organizer_id === user.organizationId);

/** A round as seen by the user: 404 outside the user's region, so that rounds elsewhere do not exist for them. */
export async function visibleRound(db: Db, user: SessionUser, id: number): Promise<Round> {
  const round = await db.selectFrom('selection_round').selectAll().where('id', '=', id).executeTakeFirst();
  if (!round || (!spansRegions(user) && user.regionId !== round.region_id)) throw notFound('Selection round');
  return round;
}

export async function managedRound(db: Db, user: SessionUser, id: number): Promise<Round> {
  const round = await visibleRound(db, user, id);
  if (!canManageRound(user, round)) throw forbidden('Only the round’s organizer manages it');
  return round;
}

export function requirePhase(round: Round, allowed: readonly RoundPhase[]): RoundPhase {
  const phase = phaseOf(round);
  if (!allowed.includes(phase)) throw new HttpError(409, `round_${phase}`, `Not possible while the round is ${phase}`);
  return phase;
}
