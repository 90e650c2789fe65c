import { WarningFilled } from '@ant-design/icons';
import { Flex, Tag, Typography } from 'antd';
import type { Visit } from '../../api/visits';
import { useT } from '../../i18n';
import { formatInstant } from '../residents/dates';
import { labelOf, VISIT_MODE_KEYS } from '../residents/vocabulary';

/** One recorded visit: when, how and by whom, then what was found, needed and agreed. */
export function VisitEntry({ visit }: { visit: Visit }) {
  const t = useT();
  const notes = [
    { key: 'findings', label: t('visits.findings'), text: visit.findings },
    { key: 'needs', label: t('visits.needs'), text: visit.needs },
    { key: 'followUp', label: t('visits.followUp'), text: visit.followUp },
  ].filter((note) => note.text);
  return (
    <div className="item-row visit-entry">
      <Flex vertical gap={6} style={{ minWidth: 0, flex: 1 }}>
        <Flex gap={8} align="center" wrap>
          <Typography.Text strong>{formatInstant(visit.visitedAt)}</Typography.Text>
          <Tag style={{ marginInlineEnd: 0 }}>{labelOf(t, VISIT_MODE_KEYS, visit.mode)}</Tag>
          {visit.majorChange ? (
            <Tag color="error" icon={<WarningFilled />} style={{ marginInlineEnd: 0 }}>
              {t('visits.majorChangeTag')}
            </Tag>
          ) : null}
          <Typography.Text type="secondary" className="small-text">
            {t('visits.by', { name: visit.visitorName })}
          </Typography.Text>
        </Flex>
        {notes.length === 0 ? (
          <Typography.Text type="secondary">{t('visits.noNotes')}</Typography.Text>
        ) : null}
        {notes.map((note) => (
          <div key={note.key} className="visit-note">
            <Typography.Text type="secondary" className="visit-note-label">
              {note.label}
            </Typography.Text>
            <Typography.Text className="pre-line">{note.text}</Typography.Text>
          </div>
        ))}
      </Flex>
    </div>
  );
}
