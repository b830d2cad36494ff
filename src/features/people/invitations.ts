import { sql } from 'kysely';
import { z } from 'zod';
import type { Db } from '../../server/db/database.js';
import { inTransaction } from '../../server/db/transaction.js';
import { badRequest, forbidden, HttpError, isUniqueViolation, notFound } from '../../server/http/errors.js';
import { accountEmailSchema, idSchema } from '../../server/http/input-schemas.js';
import { hashPassword, NO_PASSWORD } from '../auth/password.js';
import { canGrantRole, peopleScope, REGION_ROLES, type SessionUser } from '../auth/roles.js';
import { hashSecretToken, newSecretToken } from '../auth/secret-token.js';
import { appUrl, emailDate, trilingualEmail } from '../notification/email-text.js';
import { recordAudit } from '../privacy/audit-log.js';
import { requireStrongPassword } from './strong-password.js';
import { grantIssues } from './role-grants.js';

/** How long an invitation link works: a week, long enough for someone on holiday to find it. */
export const INVITATION_DAYS = 7;

export const invitationCreateSchema = z.object({
  email: accountEmailSchema,
  role: z.enum(REGION_ROLES),
  regionId: idSchema,
  organizationId: idSchema.nullable().optional(),
});
export type NewInvitation = z.infer<typeof invitationCreateSchema>;

export const invitationAcceptSchema = z.object({
  name: z.string().trim().min(2).max(200),
  password: z.string().max(200),
});

const invitationNotFound = () => new HttpError(404, 'invitation_not_found', 'This invitation link is not valid: it was used, withdrawn or mistyped');
const invitationExpired = () => new HttpError(410, 'invitation_expired', 'This invitation has expired; ask for a new one');

/**
 * Who gets an invitation's one-time link: by default the invitee, by the e-mail queued in the
 * invitation's transaction; `handOver` gives it to the caller instead, and nothing is mailed (the
 * demo seed accepts its invitations at once).
 */
export interface LinkDelivery {
  handOver?: (token: string) => void;
}

/**
 * Invites a person by e-mail to a role: checks the role as it would be held and that the inviter
 * may give it, replaces an earlier open invitation to the same address, and queues the e-mail with
 * the one-time link in the same transaction. An address that already has an account is refused:
 * that person's role is changed instead.
 */
export async function createInvitation(db: Db, inviter: SessionUser, input: NewInvitation, delivery: LinkDelivery = {}) {
  const grant = { role: input.role, regionId: input.regionId, organizationId: input.organizationId ?? null };
  const issues = await grantIssues(db, grant, 'body');
  if (issues.length > 0) throw badRequest(issues);
  if (!canGrantRole(inviter, grant)) throw forbidden('You may not give this role here');
  const existing = await db.selectFrom('app_user').select('id').where('email', '=', input.email).executeTakeFirst();
  if (existing) throw new HttpError(409, 'email_taken', `${input.email} already has an account; change its role instead`);
  const token = newSecretToken();
  const expiresAt = new Date(Date.now() + INVITATION_DAYS * 86_400_000);
  const region = await db.selectFrom('region').select(['name_fi', 'name_sv', 'name_en']).where('id', '=', grant.regionId).executeTakeFirstOrThrow();
  const email = trilingualEmail('invitation', `${appUrl()}/invitations/${token}`, (language, tree) => ({
    inviter: inviter.name,
    region: language === 'sv' ? region.name_sv : language === 'en' ? region.name_en : region.name_fi,
    role: tree.roles[input.role],
    expires: emailDate(language, expiresAt),
  }));
  return inTransaction(db, async (tx) => {
    await tx.updateTable('invitation').set({ revoked_at: sql`now()` }).where('email', '=', input.email).where('accepted_at', 'is', null).where('revoked_at', 'is', null).execute();
    const invitation = await tx
      .insertInto('invitation')
      .values({ region_id: grant.regionId, organization_id: grant.organizationId, email: input.email, role: input.role, token_hash: hashSecretToken(token), invited_by: inviter.id, expires_at: expiresAt, accepted_at: null, accepted_user_id: null, revoked_at: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (delivery.handOver) delivery.handOver(token);
    else await tx.insertInto('outbox_email').values({ to_address: input.email, subject: email.subject, body: email.body, last_error: null, sent_at: null, next_attempt_at: new Date() }).execute();
    await recordAudit(tx, { kind: 'person', user: inviter }, 'invite_person', { regionId: grant.regionId, detail: { invitation: invitation.id, role: input.role, ...(grant.organizationId ? { organization: grant.organizationId } : {}) } });
    return { id: invitation.id, expiresAt: expiresAt.toISOString() };
  }).catch((error: unknown) => {
    // Two invitations to one address at the same moment: the open-invitation index let one through.
    if (isUniqueViolation(error)) throw new HttpError(409, 'conflict', 'Someone invited this address at the same moment; reload and look');
    throw error;
  });
}

/** What the invitee sees before accepting: whose invitation, to what. */
export async function describeInvitation(db: Db, token: string) {
  const row = await db
    .selectFrom('invitation as i')
    .innerJoin('region as r', 'r.id', 'i.region_id')
    .leftJoin('organization as o', 'o.id', 'i.organization_id')
    .leftJoin('app_user as u', 'u.id', 'i.invited_by')
    .select(['i.email', 'i.role', 'i.expires_at', 'i.accepted_at', 'i.revoked_at', 'r.name_fi', 'r.name_sv', 'r.name_en', 'o.name as organization_name', 'u.name as inviter_name'])
    .where('i.token_hash', '=', hashSecretToken(token))
    .executeTakeFirst();
  if (!row || row.accepted_at || row.revoked_at) throw invitationNotFound();
  if (new Date(row.expires_at) <= new Date()) throw invitationExpired();
  return {
    email: row.email,
    role: row.role,
    region: { nameFi: row.name_fi, nameSv: row.name_sv, nameEn: row.name_en },
    organizationName: row.organization_name,
    invitedBy: row.inviter_name,
    expiresAt: new Date(row.expires_at).toISOString(),
  };
}

/**
 * Accepts an invitation: the account is made with the role it names and the password the invitee
 * chose, and the link is spent, in one transaction that locks the invitation (a second click
 * finds it used). Returns the new account, for the session the caller opens.
 */
export async function acceptInvitation(db: Db, token: string, input: z.infer<typeof invitationAcceptSchema>) {
  const tokenHash = hashSecretToken(token);
  const pending = await openInvitation(db, tokenHash);
  requireStrongPassword(input.password, pending.email, 'body.password');
  return claimInvitation(db, tokenHash, pending.email, { name: input.name, passwordHash: await hashPassword(input.password) });
}

/**
 * Accepts an invitation by a single sign-on identity (the token's hash was kept while the invitee
 * signed in at the provider): the account has no password, and `link` ties the identity to it in
 * the same transaction.
 */
export async function acceptInvitationWithIdentity(db: Db, tokenHash: string, name: string, link: (tx: Db, accountId: number) => Promise<void>) {
  const pending = await openInvitation(db, tokenHash);
  return claimInvitation(db, tokenHash, pending.email, { name, passwordHash: NO_PASSWORD }, link);
}

/** The invitation of the token's hash while it can be accepted: not used, withdrawn or past its time. */
async function openInvitation(db: Db, tokenHash: string) {
  const pending = await db.selectFrom('invitation').select(['email', 'expires_at', 'accepted_at', 'revoked_at']).where('token_hash', '=', tokenHash).executeTakeFirst();
  if (!pending || pending.accepted_at || pending.revoked_at) throw invitationNotFound();
  if (new Date(pending.expires_at) <= new Date()) throw invitationExpired();
  return pending;
}

/** Makes the account, spends the link and audits it, in one transaction that locks the invitation. */
function claimInvitation(db: Db, tokenHash: string, email: string, account: { name: string; passwordHash: string }, link?: (tx: Db, accountId: number) => Promise<void>) {
  return inTransaction(db, async (tx) => {
    const invitation = await tx.selectFrom('invitation').selectAll().where('token_hash', '=', tokenHash).where('accepted_at', 'is', null).where('revoked_at', 'is', null).forUpdate().executeTakeFirst();
    if (!invitation) throw invitationNotFound();
    const created = await tx
      .insertInto('app_user')
      .values({ email: invitation.email, name: account.name, password_hash: account.passwordHash, role: invitation.role, region_id: invitation.region_id, organization_id: invitation.organization_id, home_municipality_code: null, erased_at: null })
      .returningAll()
      .executeTakeFirstOrThrow();
    await tx.updateTable('invitation').set({ accepted_at: sql`now()`, accepted_user_id: created.id }).where('id', '=', invitation.id).execute();
    await link?.(tx, created.id);
    await recordAudit(tx, { kind: 'person', user: created }, 'accept_invitation', { subjectId: created.id, regionId: invitation.region_id, detail: { invitation: invitation.id, role: invitation.role } });
    return created;
  }).catch((error: unknown) => {
    if (isUniqueViolation(error)) throw new HttpError(409, 'email_taken', `${email} already has an account; sign in instead`);
    throw error;
  });
}

const PAGE_SIZE = 50;

/** The invitations not yet accepted or withdrawn that the user may see, newest first; expired ones say so. */
export async function listOpenInvitations(db: Db, user: SessionUser, regionId: number, page: number) {
  const scope = peopleScope(user);
  if (!scope || (scope.regionId !== 'all' && scope.regionId !== regionId)) throw forbidden('You may not see this region\'s invitations');
  let query = db
    .selectFrom('invitation as i')
    .leftJoin('organization as o', 'o.id', 'i.organization_id')
    .where('i.region_id', '=', regionId)
    .where('i.accepted_at', 'is', null)
    .where('i.revoked_at', 'is', null);
  if (scope.organizationId !== undefined) query = query.where('i.organization_id', '=', scope.organizationId);
  const [rows, count] = await Promise.all([
    query
      .select(['i.id', 'i.email', 'i.role', 'i.organization_id', 'o.name as organization_name', 'i.created_at', 'i.expires_at'])
      .orderBy('i.created_at', 'desc')
      .orderBy('i.id', 'desc')
      .limit(PAGE_SIZE)
      .offset((page - 1) * PAGE_SIZE)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const now = Date.now();
  return {
    items: rows.map((r) => ({
      id: r.id,
      email: r.email,
      role: r.role,
      organizationId: r.organization_id,
      organizationName: r.organization_name,
      createdAt: new Date(r.created_at).toISOString(),
      expiresAt: new Date(r.expires_at).toISOString(),
      expired: new Date(r.expires_at).getTime() <= now,
    })),
    total: Number(count.n),
    page,
    pageSize: PAGE_SIZE,
  };
}

/** Withdraws an open invitation: its link stops working. Whoever may give its role may withdraw it. */
export async function revokeInvitation(db: Db, user: SessionUser, id: number) {
  await inTransaction(db, async (tx) => {
    const invitation = await tx.selectFrom('invitation').selectAll().where('id', '=', id).where('accepted_at', 'is', null).where('revoked_at', 'is', null).forUpdate().executeTakeFirst();
    if (!invitation || !canGrantRole(user, { role: invitation.role as (typeof REGION_ROLES)[number], regionId: invitation.region_id, organizationId: invitation.organization_id })) throw notFound('Invitation');
    await tx.updateTable('invitation').set({ revoked_at: sql`now()` }).where('id', '=', id).execute();
    await recordAudit(tx, { kind: 'person', user }, 'revoke_invitation', { regionId: invitation.region_id, detail: { invitation: id } });
  });
}
