import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../../web/app/api.js';
import { useApi } from '../../../web/app/use-api.js';

interface NotificationItem {
  id: number;
  enrolmentId: number | null;
  status: string;
  courseCode: string | null;
  createdAt: string;
  readAt: string | null;
}

/** The newest notifications of the signed-in person; opening one marks it read. */
export function NotificationList() {
  const { t, i18n } = useTranslation();
  const result = useApi<{ items: NotificationItem[]; unread: number }>('/notifications?limit=10');
  if (result.state !== 'ready' || result.data.items.length === 0) return null;
  return (
    <section aria-labelledby="notifications-heading" className="panel">
      <h2 id="notifications-heading">{t('notifications.title', { count: result.data.unread })}</h2>
      <ul className="compact-list">
        {result.data.items.map((n) => (
          <li key={n.id} className={n.readAt ? undefined : 'unread'}>
            <Link to={`/enrolments/${n.enrolmentId}`} onClick={() => void api(`/notifications/${n.id}/read`, { method: 'POST' })}>
              {n.courseCode}: {t(`enrolmentStatus.${n.status}`)}
            </Link>{' '}
            <span className="hint">{new Date(n.createdAt).toLocaleString(i18n.language === 'en' ? 'en-GB' : `${i18n.language}-FI`)}</span>
            {!n.readAt && <span className="unread-tag"> {t('notifications.new')}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
