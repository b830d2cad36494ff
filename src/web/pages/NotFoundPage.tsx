import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Heading } from 'suomifi-ui-components';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <div className="page">
      <Heading variant="h1">{t('notFound.title')}</Heading>
      <p>{t('notFound.text')}</p>
      <p><Link to="/">{t('offering.backToTray')}</Link></p>
    </div>
  );
}
