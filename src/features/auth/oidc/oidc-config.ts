import { z } from 'zod';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * One OpenID Connect provider of the installation (MPASSid for pupils, Suomi.fi for adults, a
 * municipality's own): from `TARJOTIN_OIDC`, a JSON array. An `http://` issuer is accepted only on
 * loopback, for tests; anywhere else the provider must be reached over TLS.
 */
export const oidcProviderSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'lower-case letters, digits and "-"'),
  name: z.string().trim().min(1).max(80),
  issuer: z.url().refine((issuer) => {
    const url = new URL(issuer);
    return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
  }, 'an https:// issuer (http:// only on loopback, for tests)'),
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
  scopes: z.string().default('openid email profile'),
  /**
   * The claims that carry the e-mail address and the name, when the provider names them otherwise;
   * and, for MPASSid, those of the person's schools and roles (`"schoolCodes": "urn:mpass.id:schoolCode"`,
   * `"roles": "urn:mpass.id:role"`), which a sign-in is then checked against (school-claims.ts).
   */
  claims: z
    .object({ email: z.string().default('email'), name: z.string().default('name'), schoolCodes: z.string().min(1).optional(), roles: z.string().min(1).optional() })
    .default({ email: 'email', name: 'name' }),
  /**
   * Link an identity to the account of its e-mail address even without `email_verified: true`: for a
   * provider that vouches for every address it gives (an education provider's own directory).
   */
  trustEmail: z.boolean().default(false),
});
export type OidcProvider = z.infer<typeof oidcProviderSchema>;

export const oidcProvidersSchema = z
  .array(oidcProviderSchema)
  .refine((providers) => new Set(providers.map((p) => p.id)).size === providers.length, 'two providers have one id');

/** The configured providers, or the one-line reason the setting is wrong. */
export function readOidcProviders(setting: string | undefined): OidcProvider[] | { error: string } {
  if (setting === undefined || setting.trim() === '') return [];
  let json: unknown;
  try {
    json = JSON.parse(setting);
  } catch {
    return { error: 'TARJOTIN_OIDC is not JSON: give an array of {id, name, issuer, clientId, clientSecret}' };
  }
  const parsed = oidcProvidersSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  return { error: `TARJOTIN_OIDC: ${issue.path.join('.') || 'providers'}: ${issue.message}` };
}
