/**
 * A path to return to after signing in, if it is one of this site's own: it starts with a single
 * `/` (not `//host`, not `/\host`, which browsers read as another site) and holds only printable
 * ASCII. Anything else returns to the start page, so a link cannot send a user elsewhere.
 */
export const safeReturnPath = (path: string | null | undefined) => (path && /^\/(?![/\\])[\x21-\x7e]*$/.test(path) ? path : '/');
