import type { ReactNode } from 'react';
import type { Shortage } from '../../lib/types';
import { describeShortage } from './shortages';

/** What an order lacked, one ingredient a line, under `title`; nothing when it lacked nothing. */
export function ShortageList({ shortages, title }: { shortages?: Shortage[] | null; title: ReactNode }) {
  if (!shortages?.length) return null;
  return (
    <>
      {title}
      <ul className="shortages">
        {shortages.map((s) => (
          <li key={s.sku}>{describeShortage(s)}</li>
        ))}
      </ul>
    </>
  );
}
