import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../components/PageHeader';
import { useIsMobile } from '../../components/useIsMobile';
import { useT } from '../../i18n';
import { LoadGrid } from './LoadGrid';
import { LoadPhoneList } from './LoadPhoneList';
import { type LoadViewPatch, readLoadView } from './loadView';
import './fv-oversight.css';

/**
 * 县域负荷: the visits each county receives, by month, coloured against the load line. No
 * packaged boundary file of Yunnan's counties exists among the dependencies, so it is a table
 * (the fallback to a map); on a phone, one month as a list sorted by load.
 */
export default function LoadTablePage() {
  const t = useT();
  const isMobile = useIsMobile();
  const [params, setParams] = useSearchParams();
  const view = readLoadView(params);

  const change = useCallback(
    (patch: LoadViewPatch) => {
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          for (const [key, value] of Object.entries(patch)) {
            if (value === undefined || value === '') next.delete(key);
            else next.set(key, String(value));
          }
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  return (
    <>
      <PageHeader title={t('fvo.load.title')} subtitle={t('fvo.load.subtitle')} />
      {isMobile ? (
        <LoadPhoneList view={view} onChange={change} />
      ) : (
        <LoadGrid view={view} onChange={change} />
      )}
    </>
  );
}
