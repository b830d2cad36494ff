import { z } from 'zod';
import type { Db } from '../../server/db/database.js';
import { inTransaction } from '../../server/db/transaction.js';
import { badRequest, isUniqueViolation } from '../../server/http/errors.js';
import { accountEmailSchema } from '../../server/http/input-schemas.js';
import { hashPassword } from '../auth/password.js';
import { recordAudit } from '../privacy/audit-log.js';
import { requireStrongPassword } from './strong-password.js';

export const systemAdminSchema = z.object({
  email: accountEmailSchema,
  name: z.string().trim().min(1).max(200),
  password: z.string(),
});
export type NewSystemAdmin = z.infer<typeof systemAdminSchema>;

/**
 * A system admin, who can create regions and their first admins: how a fresh installation without
 * the demo gets its first user (`tarjotin create-admin`). Refuses a weak password and an e-mail
 * already in use; the audit trail records that the command line made the account.
 */
export async function createSystemAdmin(db: Db, admin: NewSystemAdmin): Promise<{ id: number }> {
  requireStrongPassword(admin.password, admin.email, 'password');
  const passwordHash = await hashPassword(admin.password);
  return inTransaction(db, async (tx) => {
    const user = await tx
      .insertInto('app_user')
      .values({ email: admin.email, name: admin.name, password_hash: passwordHash, role: 'system_admin', region_id: null, organization_id: null, home_municipality_code: null, erased_at: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, { kind: 'cli' }, 'create_system_admin', { subjectId: user.id });
    return user;
  }).catch((error: unknown) => {
    if (isUniqueViolation(error)) throw badRequest([{ path: 'email', code: 'email_taken', message: `${admin.email} already has an account` }], 'The e-mail address is in use');
    throw error;
  });
}
