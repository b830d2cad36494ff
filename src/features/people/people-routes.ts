import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema } from '../../server/http/errors.js';
import { idParam, idParams, wholeNumberParam } from '../../server/http/input-schemas.js';
import { requireUser } from '../auth/auth-plugin.js';
import { REGION_ROLES, ROLES } from '../auth/roles.js';
import { sessionSchema, startSession, type SessionStart } from '../auth/session-cookie.js';
import { accountChangeSchema, changeAccount, listPeople } from './accounts.js';
import { acceptInvitation, createInvitation, describeInvitation, invitationAcceptSchema, invitationCreateSchema, listOpenInvitations, revokeInvitation } from './invitations.js';
import { changePassword, passwordChangeSchema, requestPasswordReset, resetPassword, resetRequestSchema, resetSchema } from './passwords.js';

/** A token from a link: looked up by its hash, so any text is only "not found". */
const tokenParams = z.object({ token: z.string().min(1).max(200) });
const pageQuery = wholeNumberParam(1, 10_000).default(1);

const invitationSchema = z.object({
  id: z.number(),
  email: z.string(),
  role: z.string(),
  organizationId: z.number().nullable(),
  organizationName: z.string().nullable(),
  createdAt: z.string(),
  expiresAt: z.string(),
  expired: z.boolean(),
});
const personSchema = z.object({
  id: z.number(),
  name: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  organizationId: z.number().nullable(),
  organizationName: z.string().nullable(),
  active: z.boolean(),
});
const pageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number(), page: z.number(), pageSize: z.number() });

/** Invitations, accounts of a region, and passwords: how people join, are managed and recover. */
export async function peopleRoutes(app: FastifyInstance, options: SessionStart) {
  const { db } = options;
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/invitations',
    {
      schema: {
        tags: ['people'],
        summary: 'Invite a person by e-mail to a role in a region (and an organization for coordinators, counsellors and students)',
        description: 'A region admin gives any role in the region, a coordinator coordinators and counsellors of their own organization. The e-mail with a one-time link valid for 7 days goes through the outbox; an earlier open invitation to the address is withdrawn.',
        body: invitationCreateSchema,
        response: { 201: z.object({ id: z.number(), expiresAt: z.string() }), 409: errorBodySchema },
      },
    },
    async (request, reply) => reply.code(201).send(await createInvitation(db, requireUser(request), request.body)),
  );

  api.get(
    '/invitations',
    {
      schema: {
        tags: ['people'],
        summary: 'Open invitations of a region (its admins; a coordinator sees their organization\'s)',
        querystring: z.object({ region: idParam, page: pageQuery }),
        response: { 200: pageOf(invitationSchema) },
      },
    },
    async (request) => listOpenInvitations(db, requireUser(request), request.query.region, request.query.page),
  );

  api.delete(
    '/invitations/:id',
    { schema: { tags: ['people'], summary: 'Withdraw an open invitation: its link stops working', params: idParams, response: { 204: z.null() } } },
    async (request, reply) => {
      await revokeInvitation(db, requireUser(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  api.get(
    '/invitations/:token',
    {
      schema: {
        tags: ['people'],
        summary: 'What an invitation link offers, for its accept page (no sign-in needed)',
        description: '404 `invitation_not_found` for a used, withdrawn or unknown link; 410 `invitation_expired` past its time.',
        params: tokenParams,
        response: {
          200: z.object({
            email: z.string(),
            role: z.string(),
            region: z.object({ nameFi: z.string(), nameSv: z.string(), nameEn: z.string() }),
            organizationName: z.string().nullable(),
            invitedBy: z.string().nullable(),
            expiresAt: z.string(),
          }),
          404: errorBodySchema,
          410: errorBodySchema,
        },
      },
    },
    async (request) => describeInvitation(db, request.params.token),
  );

  api.post(
    '/invitations/:token/accept',
    {
      schema: {
        tags: ['people'],
        summary: 'Accept an invitation with a name and a password; the account is made and signed in',
        params: tokenParams,
        body: invitationAcceptSchema,
        response: { 201: sessionSchema, 404: errorBodySchema, 409: errorBodySchema, 410: errorBodySchema },
      },
    },
    async (request, reply) => {
      const account = await acceptInvitation(db, request.params.token, request.body);
      return reply.code(201).send(await startSession(options, request, reply, account));
    },
  );

  api.get(
    '/people',
    {
      schema: {
        tags: ['people'],
        summary: 'Accounts of a region by name, 50 a page (its admins; a coordinator sees their organization\'s)',
        querystring: z.object({ region: idParam, q: z.string().max(200).optional(), role: z.enum(REGION_ROLES).optional(), page: pageQuery }),
        response: { 200: pageOf(personSchema) },
      },
    },
    async (request) => {
      const { region, ...filter } = request.query;
      return listPeople(db, requireUser(request), { regionId: region, ...filter });
    },
  );

  api.patch(
    '/people/:id',
    {
      schema: {
        tags: ['people'],
        summary: 'Change a person\'s role or organization, or deactivate (sessions end at once) or reactivate the account',
        params: idParams,
        body: accountChangeSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await changeAccount(db, requireUser(request), request.params.id, request.body);
      return reply.code(204).send(null);
    },
  );

  api.post(
    '/auth/password',
    {
      schema: {
        tags: ['auth'],
        summary: 'Change the signed-in person\'s password; their other sessions end',
        body: passwordChangeSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await changePassword(db, requireUser(request), request.session!.token, request.body);
      return reply.code(204).send(null);
    },
  );

  api.post(
    '/auth/password-reset',
    {
      schema: {
        tags: ['auth'],
        summary: 'Send a password-reset link to the address, if it has an account; the answer is the same either way',
        body: resetRequestSchema,
        response: { 202: z.null() },
      },
    },
    async (request, reply) => {
      await requestPasswordReset(db, request.body.email);
      return reply.code(202).send(null);
    },
  );

  api.post(
    '/auth/password-reset/:token',
    {
      schema: {
        tags: ['auth'],
        summary: 'Set a new password through a reset link; every session of the account ends',
        description: '404 `reset_not_found` for a used or unknown link; 410 `reset_expired` after an hour.',
        params: tokenParams,
        body: resetSchema,
        response: { 204: z.null(), 404: errorBodySchema, 410: errorBodySchema },
      },
    },
    async (request, reply) => {
      await resetPassword(db, request.params.token, request.body.password);
      return reply.code(204).send(null);
    },
  );
}
