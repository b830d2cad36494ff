import { useTranslation } from 'react-i18next';
import { Pagination } from 'suomifi-ui-components';

/** Pages of a list, with the page indicator and buttons in the UI language; `label` says which list. */
export function ListPagination({ label, page, lastPage, onChange }: { label: string; page: number; lastPage: number; onChange: (page: number) => void }) {
  const { t } = useTranslation();
  return (
    <Pagination
      aria-label={label}
      currentPage={page}
      lastPage={lastPage}
      onChange={onChange}
      pageIndicatorText={(current, last) => t('tray.pageOf', { current, last })}
      ariaPageIndicatorText={(current, last) => t('tray.pageOf', { current, last })}
      nextButtonAriaLabel={t('tray.nextPage')}
      previousButtonAriaLabel={t('tray.previousPage')}
      pageInput={false}
    />
  );
}
