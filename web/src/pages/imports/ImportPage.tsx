import {
  CheckCircleFilled,
  CloseCircleFilled,
  DownloadOutlined,
  FileExcelOutlined,
  InboxOutlined,
} from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Flex,
  Row,
  Segmented,
  Spin,
  Table,
  type TableColumnsType,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { isApiError } from '../../api/errors';
import {
  downloadTemplate,
  IMPORT_KINDS,
  type ImportKind,
  type ImportProblem,
  importProblems,
  MAX_LISTED_PROBLEMS,
  uploadImport,
} from '../../api/imports';
import { errorText } from '../../components/errorText';
import { PageHeader } from '../../components/PageHeader';
import { useIsMobile } from '../../components/useIsMobile';
import { type MessageKey, type Translate, useT } from '../../i18n';
import { navItems } from '../../layout/menu';
import './imports.css';

const KIND_LABEL: Record<ImportKind, MessageKey> = {
  residents: 'imports.kind.residents',
  buildings: 'imports.kind.buildings',
  houses: 'imports.kind.houses',
  organisations: 'imports.kind.organisations',
};
const KIND_HINT: Record<ImportKind, MessageKey> = {
  residents: 'imports.kindHint.residents',
  buildings: 'imports.kindHint.buildings',
  houses: 'imports.kindHint.houses',
  organisations: 'imports.kindHint.organisations',
};
/** The list page showing what was imported; its name is the menu's. */
const LIST_PATH: Record<ImportKind, string> = {
  residents: '/residents',
  buildings: '/places',
  houses: '/places',
  organisations: '/places/organisations',
};

type Outcome =
  | { kind: ImportKind; file: string; imported: number }
  | { kind: ImportKind; file: string; error: unknown };

const isKind = (value: string | null): value is ImportKind =>
  value !== null && (IMPORT_KINDS as readonly string[]).includes(value);

/**
 * 批量导入: pick what to import, download its template, upload the filled file. The server
 * checks every cell and writes all rows or none; a refusal lists each problem by row and column.
 */
export default function ImportPage() {
  const t = useT();
  const isMobile = useIsMobile();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const kind: ImportKind = isKind(params.get('kind')) ? (params.get('kind') as ImportKind) : 'residents';
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const kindName = t(KIND_LABEL[kind]);

  const template = useMutation({
    mutationFn: () => downloadTemplate(kind),
    onError: (error) => {
      void message.error(t('imports.templateFailed', { message: errorText(t, error) }));
    },
  });
  const upload = useMutation({
    mutationFn: ({ kind: k, file }: { kind: ImportKind; file: File }) => uploadImport(k, file),
    onMutate: () => setOutcome(null),
    onSuccess: (result, { kind: k, file }) =>
      setOutcome({ kind: k, file: file.name, imported: result.imported }),
    onError: (error, { kind: k, file }) => setOutcome({ kind: k, file: file.name, error }),
  });

  const chooseKind = (next: ImportKind) => {
    setOutcome(null);
    setParams(next === 'residents' ? {} : { kind: next }, { replace: true });
  };

  return (
    <>
      <PageHeader title={t('imports.title')} subtitle={t('imports.subtitle')} />
      <Card className="import-steps">
        <Row gutter={[32, 24]}>
          <Col xs={24} lg={12}>
            <StepTitle n={1} text={t('imports.step.kind')} />
            <Segmented<ImportKind>
              className="import-kinds"
              block={isMobile}
              value={kind}
              onChange={chooseKind}
              disabled={upload.isPending}
              options={IMPORT_KINDS.map((k) => ({ value: k, label: t(KIND_LABEL[k]) }))}
              aria-label={t('imports.step.kind')}
            />
            <Typography.Paragraph type="secondary" className="import-hint">
              {t(KIND_HINT[kind])}
              <br />
              {t('imports.order')}
            </Typography.Paragraph>
          </Col>
          <Col xs={24} lg={12}>
            <StepTitle n={2} text={t('imports.step.template')} />
            <Button
              icon={<DownloadOutlined />}
              loading={template.isPending}
              onClick={() => template.mutate()}
              block={isMobile}
            >
              {t('imports.template', { kind: kindName })}
            </Button>
            <Typography.Paragraph type="secondary" className="import-hint">
              {t('imports.templateHint')}
            </Typography.Paragraph>
          </Col>
          <Col span={24}>
            <StepTitle n={3} text={t('imports.step.upload')} />
            {/* Its own block: the drag area is as tall as its parent, which also holds the title. */}
            <div>
              <Upload.Dragger
                accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                multiple={false}
                maxCount={1}
                showUploadList={false}
                disabled={upload.isPending}
                beforeUpload={(file) => {
                  if (!/\.xlsx$/i.test(file.name)) void message.error(t('imports.notXlsx'));
                  else upload.mutate({ kind, file });
                  // The file goes through our own client (CSRF header, error shape), not antd's.
                  return Upload.LIST_IGNORE;
                }}
              >
                {upload.isPending ? (
                  <Flex vertical align="center" gap={12} className="import-drop">
                    <Spin />
                    <span>{t('imports.uploading', { name: upload.variables?.file.name ?? '' })}</span>
                  </Flex>
                ) : (
                  <Flex vertical align="center" gap={4} className="import-drop">
                    <InboxOutlined className="import-drop-icon" />
                    <Typography.Text strong>{t('imports.drop')}</Typography.Text>
                    <Typography.Text type="secondary">
                      {t('imports.dropHint', { kind: kindName })}
                    </Typography.Text>
                  </Flex>
                )}
              </Upload.Dragger>
            </div>
          </Col>
        </Row>
      </Card>
      {outcome && outcome.kind === kind ? (
        <ImportOutcome outcome={outcome} t={t} isMobile={isMobile} />
      ) : null}
    </>
  );
}

function StepTitle({ n, text }: { n: number; text: string }) {
  return (
    <Typography.Title level={5} className="import-step-title">
      <span className="import-step-number" aria-hidden>
        {n}
      </span>
      {text}
    </Typography.Title>
  );
}

function ImportOutcome({ outcome, t, isMobile }: { outcome: Outcome; t: Translate; isMobile: boolean }) {
  const navigate = useNavigate();
  const kindName = t(KIND_LABEL[outcome.kind]);
  if ('imported' in outcome) {
    const list = navItems.find((item) => item.path === LIST_PATH[outcome.kind]);
    return (
      <Card className="import-result" data-testid="import-result">
        <Flex gap={16} align="flex-start" wrap>
          <CheckCircleFilled className="import-result-icon success" />
          <div className="import-result-text">
            <Typography.Title level={4} style={{ margin: 0 }}>
              {outcome.imported > 0
                ? t('imports.done', { n: outcome.imported, kind: kindName })
                : t('imports.doneNone')}
            </Typography.Title>
            <Typography.Text type="secondary">
              <FileExcelOutlined /> {outcome.file}
            </Typography.Text>
          </div>
          {outcome.imported > 0 && list ? (
            <Button type="primary" onClick={() => navigate(list.path)}>
              {t('imports.viewList', { list: t(list.labelKey) })}
            </Button>
          ) : null}
        </Flex>
      </Card>
    );
  }

  const { error } = outcome;
  if (!isApiError(error, 'IMPORT_INVALID')) {
    return (
      <Alert
        className="import-result"
        data-testid="import-result"
        type="error"
        showIcon
        title={t('imports.refused')}
        description={errorText(t, error)}
      />
    );
  }
  const problems = importProblems(error.details);
  const truncated = problems.length >= MAX_LISTED_PROBLEMS;
  const columns: TableColumnsType<ImportProblem & { key: number }> = [
    {
      title: t('imports.row'),
      dataIndex: 'row',
      width: isMobile ? 56 : 90,
      sorter: (a, b) => a.row - b.row || a.key - b.key,
      defaultSortOrder: 'ascend',
    },
    {
      title: t('imports.column'),
      dataIndex: 'column',
      width: isMobile ? 96 : 200,
      sorter: (a, b) => a.column.localeCompare(b.column, 'zh-CN') || a.row - b.row,
      render: (column: string) =>
        column || <Typography.Text type="secondary">{t('imports.wholeRow')}</Typography.Text>,
    },
    { title: t('imports.problem'), dataIndex: 'message' },
  ];
  return (
    <Card className="import-result" data-testid="import-result">
      <Flex gap={16} align="flex-start" className="import-result-head">
        <CloseCircleFilled className="import-result-icon error" />
        <div className="import-result-text">
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('imports.invalid')}
          </Typography.Title>
          <Typography.Text type="secondary">
            {t('imports.problemCount', { name: outcome.file, n: problems.length })}
          </Typography.Text>
        </div>
      </Flex>
      {truncated ? (
        <Alert
          type="warning"
          showIcon
          className="import-truncated"
          title={t('imports.truncated', { message: error.message, n: problems.length })}
        />
      ) : null}
      <Table
        size="small"
        rowKey="key"
        className="import-problems"
        columns={columns}
        dataSource={problems.map((p, key) => ({ ...p, key }))}
        pagination={{
          pageSize: 20,
          hideOnSinglePage: true,
          showSizeChanger: false,
          showTotal: (total) => t('common.total', { total }),
        }}
      />
    </Card>
  );
}
