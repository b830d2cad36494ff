import { useTranslation } from 'react-i18next';
import { toQuery } from '../../../web/app/api.js';
import { useApi } from '../../../web/app/use-api.js';

/**
 * The installation's single sign-on providers (MPASSid, Suomi.fi…) as links that start signing in
 * there: plain links, so the browser leaves for the provider and comes back to the callback.
 * Nothing shows when none is configured.
 */
export function SingleSignOnLinks({ returnTo, invitation, label }: { returnTo?: string; invitation?: string; label: (provider: string) => string }) {
  const { t } = useTranslation();
  const providers = useApi<{ items: { id: string; name: string }[] }>('/auth/providers');
  if (providers.state !== 'ready' || providers.data.items.length === 0) return null;
  return (
    <nav aria-label={t('login.singleSignOn')} className="stack">
      <ul className="plain-list sso-links">
        {providers.data.items.map((p) => (
          <li key={p.id}>
            <a className="button-link" href={`/api/v1/auth/oidc/${encodeURIComponent(p.id)}/login${toQuery({ returnTo, invitation })}`}>{label(p.name)}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
