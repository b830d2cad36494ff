import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Button, Dropdown, DropdownItem, Heading, LoadingSpinner, Modal, ModalContent, ModalFooter, ModalTitle, Paragraph } from 'suomifi-ui-components';
import { api, toQuery } from '../../../web/app/api.js';
import { useAction } from '../../../web/app/use-action.js';
import { ErrorNotice } from '../../../web/app/ErrorNotice.js';
import { useCourseName } from '../../../web/app/labels.js';
import { useSession } from '../../../web/app/session.js';
import { useApi } from '../../../web/app/use-api.js';
import type { OfferingDto } from '../offering-dto.js';
import { TimeFramePanel } from '../../timetable/web/TimeFramePanel.js';
import { ImportExportPanel } from './ImportExportPanel.js';
import type { SearchResult } from './TrayPage.js';
import { isAdmin } from '../../auth/roles.js';
import { SignInFirst } from '../../../web/app/SignInFirst.js';

interface Organization {
  id: number;
  regionId: number;
  name: string;
  kind: string;
}

/** A coordinator's own offerings (an admin picks the provider): edit, withdraw, import and export. */
export function ManagePage() {
  const { t } = useTranslation();
  const { user, loading } = useSession();
  const courseName = useCourseName();
  const [chosenProvider, setChosenProvider] = useState<number | null>(null);
  const [confirming, setConfirming] = useState<OfferingDto | null>(null);
  const statusChange = useAction();
  const organizations = useApi<{ items: Organization[] }>(isAdmin(user) ? '/organizations' : null);
  const providerId = isAdmin(user) ? chosenProvider : (user?.organizationId ?? null);
  const regionId =
    isAdmin(user) ? (organizations.state === 'ready' ? organizations.data.items.find((o) => o.id === chosenProvider)?.regionId : undefined) : user?.regionId;
  const offerings = useApi<SearchResult>(providerId ? `/offerings${toQuery({ provider: providerId, includeWithdrawn: true, sort: 'code', limit: 200 })}` : null);

  const providers = organizations.state === 'ready' ? organizations.data.items.filter((o) => o.kind === 'provider' || o.kind === 'school') : [];

  if (loading) return <LoadingSpinner text={t('common.loading')} />;
  if (!user) return <SignInFirst />;
  if (!isAdmin(user) && user.role !== 'coordinator') {
    return <div className="page"><Heading variant="h1">{t('manage.title')}</Heading><p>{t('errors.forbidden')}</p></div>;
  }

  const setStatus = (offering: OfferingDto, status: 'published' | 'withdrawn') =>
    statusChange.run(async () => {
      await api(`/offerings/${offering.id}`, { method: 'PATCH', json: { status } });
      offerings.reload();
    });

  return (
    <div className="page">
      <Heading variant="h1">{t('manage.title')}</Heading>
      {isAdmin(user) && organizations.state === 'ready' && (providers.length === 0 ? (
        <p className="empty-state">{t('manage.noProviders')}</p>
      ) : (
        <Dropdown id="manage-provider" labelText={t('manage.provider')} visualPlaceholder={t('manage.chooseProvider')} value={chosenProvider ? String(chosenProvider) : undefined} onChange={(v: string) => setChosenProvider(Number(v))}>
          {providers.map((o) => (
            <DropdownItem key={o.id} value={String(o.id)}>{o.name}</DropdownItem>
          ))}
        </Dropdown>
      ))}
      {providerId && (
        <>
          <p><Link to={`/manage/offerings/new${toQuery({ provider: providerId })}`} className="button-link">{t('manage.newOffering')}</Link></p>
          {statusChange.error && <ErrorNotice error={statusChange.error} />}
          {offerings.state === 'loading' && <LoadingSpinner text={t('common.loading')} />}
          {offerings.state === 'error' && <ErrorNotice error={offerings.error} />}
          {offerings.state === 'ready' && (
            offerings.data.items.length === 0 ? <p className="empty-state">{t('manage.empty')}</p> : (
              <table className="data-table">
                <caption>{t('manage.caption', { count: offerings.data.total })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('manage.course')}</th>
                    <th scope="col">{t('offering.site')}</th>
                    <th scope="col">{t('offering.mode')}</th>
                    <th scope="col">{t('offering.periods')}</th>
                    <th scope="col">{t('offering.seatsForPartners')}</th>
                    <th scope="col">{t('manage.status')}</th>
                    <th scope="col">{t('manage.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {offerings.data.items.map((o) => (
                    <tr key={o.id}>
                      <td><Link to={`/offerings/${o.id}`}>{o.course.code} {courseName(o.course)}</Link></td>
                      <td>{o.site?.name ?? '–'}</td>
                      <td>{t(`mode.${o.mode}`)}</td>
                      <td>{o.periods.join(', ')}</td>
                      <td>{o.seatsForPartners} / {o.capacity}</td>
                      <td>{t(`status.${o.status}`)}</td>
                      <td className="actions">
                        <Link to={`/manage/offerings/${o.id}/edit`} aria-label={t('manage.editLabel', { course: o.course.code })}>{t('manage.edit')}</Link>
                        {o.status === 'published' ? (
                          <Button variant="secondaryNoBorder" onClick={() => setConfirming(o)} aria-label={t('manage.withdrawLabel', { course: o.course.code })}>{t('manage.withdraw')}</Button>
                        ) : (
                          <Button variant="secondaryNoBorder" disabled={statusChange.busy} onClick={() => void setStatus(o, 'published')} aria-label={t('manage.republishLabel', { course: o.course.code })}>{t('manage.republish')}</Button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )
          )}
          <ImportExportPanel providerId={providerId} onImported={offerings.reload} />
          {regionId && <TimeFramePanel regionId={regionId} organizationId={providerId} />}
        </>
      )}
      <Modal appElementId="root" visible={confirming !== null} onEscKeyDown={() => setConfirming(null)} variant="default">
        <ModalContent>
          <ModalTitle>{t('manage.confirmWithdrawTitle')}</ModalTitle>
          <Paragraph>{confirming && t('manage.confirmWithdraw', { course: `${confirming.course.code} ${courseName(confirming.course)}` })}</Paragraph>
        </ModalContent>
        <ModalFooter>
          <Button onClick={() => { const o = confirming!; setConfirming(null); void setStatus(o, 'withdrawn'); }}>{t('manage.withdraw')}</Button>
          <Button variant="secondary" onClick={() => setConfirming(null)}>{t('common.cancel')}</Button>
        </ModalFooter>
      </Modal>
    </div>
  );
}
