import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCourseName, useSlotText } from '../../../web/app/labels.js';
import { TravelText } from '../../catalog/web/OfferingCard.js';
import type { RoundDetail } from './RoundPage.js';

export type RoundOfferingItem = RoundDetail['offerings'][number];

export interface ExtraColumn {
  header: string;
  cell(item: RoundOfferingItem): ReactNode;
}

/** The round's offerings with where, when and how many seats; pages add their own columns (add to wishes, change seats). */
export function RoundOfferingsTable({ round, columns = [] }: { round: RoundDetail; columns?: ExtraColumn[] }) {
  const { t } = useTranslation();
  const courseName = useCourseName();
  const slotText = useSlotText();
  const showsDemand = round.offerings.some((o) => o.wishes !== null);
  return (
    <table className="data-table">
      <caption>{t('round.offeringsCaption', { count: round.offerings.length })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('manage.course')}</th>
          <th scope="col">{t('round.provider')}</th>
          <th scope="col">{t('round.where')}</th>
          <th scope="col">{t('round.when')}</th>
          <th scope="col">{t('round.seats')}</th>
          {showsDemand && <th scope="col">{t('round.wishCount')}</th>}
          {columns.map((c) => <th scope="col" key={c.header}>{c.header}</th>)}
        </tr>
      </thead>
      <tbody>
        {round.offerings.map((item) => {
          const o = item.offering;
          return (
            <tr key={o.id}>
              <td><Link to={`/offerings/${o.id}`}>{o.course.code} {courseName(o.course)}</Link></td>
              <td>{o.provider.name}</td>
              <td>
                {t(`mode.${o.mode}`)}
                {o.site && `, ${o.site.name}`}
                <br />
                <span className="muted"><TravelText offering={o} /></span>
              </td>
              <td>{o.timeSlots.map(slotText).join(', ') || '–'}</td>
              <td>{t('round.seatsText', { capacity: item.capacity, partner: item.partnerSeats })}</td>
              {showsDemand && <td>{item.wishes}</td>}
              {columns.map((c) => <td key={c.header}>{c.cell(item)}</td>)}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
