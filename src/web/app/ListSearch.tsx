import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SearchInput } from 'suomifi-ui-components';

/** A list's search words and page: a new search starts again from the first page. */
export function usePagedSearch() {
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(1);
  const search = (value: string) => {
    setQuery(value.trim());
    setPage(1);
  };
  return { query, page, setPage, search };
}

/** The search field above a list: searches on Enter or its button, and shows everything again when cleared. */
export function ListSearchInput({ label, onSearch }: { label: string; onSearch: (value: string) => void }) {
  const { t } = useTranslation();
  return (
    <SearchInput
      labelText={label}
      clearButtonLabel={t('common.clear')}
      searchButtonLabel={label}
      onSearch={(v) => onSearch(String(v ?? ''))}
      onChange={(v) => {
        if (String(v ?? '') === '') onSearch('');
      }}
    />
  );
}
