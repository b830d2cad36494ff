import { isAdmin, type SessionUser } from '../roles.js';

/** Where a person lands after signing in: those who publish offerings at their own list, others at the tray. */
export const homePathOf = (user: SessionUser) => (user.role === 'coordinator' || isAdmin(user) ? '/manage' : '/');
