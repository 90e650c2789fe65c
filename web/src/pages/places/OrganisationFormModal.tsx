import { CheckCircleFilled } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Col, Flex, Form, Input, Radio, Row, Typography } from 'antd';
import { useEffect } from 'react';
import {
  createOrganisation,
  type Organisation,
  type OrganisationKind,
  placeKeys,
  updateOrganisation,
} from '../../api/places';
import { type MessageKey, useT } from '../../i18n';
import { GridSelect, useGridChoice } from '../residents/GridSelect';
import { normaliseMobile } from '../residents/idNumber';
import { optionsOf } from '../residents/vocabulary';
import { type CreditCodeProblem, normaliseCreditCode, parseCreditCode } from './creditCode';
import { FormErrorAlert } from './FormErrorAlert';
import { SaveModal } from './SaveModal';
import { useSaveForm } from './useSaveForm';
import { ORGANISATION_KIND_KEYS } from './vocabulary';

interface OrganisationFormValues {
  kind: OrganisationKind;
  name?: string;
  regionCode?: string;
  creditCode?: string;
  category?: string;
  contactName?: string;
  contactPhone?: string;
  address?: string;
}

const FIELDS = [
  'kind',
  'name',
  'regionCode',
  'creditCode',
  'category',
  'contactName',
  'contactPhone',
  'address',
] as const;

const PROBLEM_KEYS: Record<Exclude<CreditCodeProblem, 'incomplete'>, MessageKey> = {
  format: 'places.creditCodeFormat',
  checksum: 'places.creditCodeChecksum',
};

interface OrganisationFormModalProps {
  open: boolean;
  /** The organisation being edited; null to add one. */
  organisation: Organisation | null;
  /** For a new one: the tab's kind and the list's grid. */
  defaults: { kind: OrganisationKind; regionCode?: string };
  onClose: () => void;
  onSaved: (organisation: Organisation) => void;
  /** Editing: 删除 in the footer (phones reach it only from here). */
  onDelete?: (organisation: Organisation) => void;
}

const text = (value: string | undefined) => value?.trim() || null;

function initialValues(organisation: Organisation | null, defaults: OrganisationFormModalProps['defaults']) {
  if (!organisation) return defaults;
  return {
    kind: organisation.kind,
    name: organisation.name,
    regionCode: organisation.regionCode,
    creditCode: organisation.creditCode ?? undefined,
    category: organisation.category ?? undefined,
    contactName: organisation.contactName ?? undefined,
    address: organisation.address ?? undefined,
  } satisfies OrganisationFormValues;
}

/**
 * 新增 / 编辑 单位商铺. The credit code is checked as typed (GB 32100, as the server checks); the
 * contact's number is shown masked and an empty field keeps it.
 */
export function OrganisationFormModal({
  open,
  organisation,
  defaults,
  onClose,
  onSaved,
  onDelete,
}: OrganisationFormModalProps) {
  const t = useT();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<OrganisationFormValues>();
  const { grids } = useGridChoice();
  const onlyGrid = grids?.length === 1 ? grids[0]?.code : undefined;
  const code: string | undefined = Form.useWatch('creditCode', form);
  const parsedCode = code ? parseCreditCode(code) : null;

  const { mutation, alertError, clearAlert } = useSaveForm<OrganisationFormValues, Organisation>(
    form,
    FIELDS,
    (values) => {
      const phone = values.contactPhone?.trim();
      const common = {
        kind: values.kind,
        name: (values.name ?? '').trim(),
        regionCode: values.regionCode ?? '',
        creditCode: values.creditCode?.trim() ? normaliseCreditCode(values.creditCode) : null,
        category: text(values.category),
        contactName: text(values.contactName),
        address: text(values.address),
      };
      const contactPhone = phone ? (normaliseMobile(phone) ?? phone) : undefined;
      if (organisation) {
        // An empty number field keeps the number on record (it is shown masked, never filled in).
        return updateOrganisation(organisation.id, { ...common, ...(contactPhone ? { contactPhone } : {}) });
      }
      return createOrganisation({ ...common, contactPhone: contactPhone ?? null });
    },
    (saved) => {
      void queryClient.invalidateQueries({ queryKey: placeKeys.organisations() });
      void message.success(
        organisation ? t('common.saved') : t('places.organisationCreated', { name: saved.name }),
      );
      onSaved(saved);
    },
    { open, target: organisation?.id ?? `new:${defaults.kind}:${defaults.regionCode ?? ''}` },
  );

  useEffect(() => {
    if (open && onlyGrid && !form.getFieldValue('regionCode')) form.setFieldValue('regionCode', onlyGrid);
  }, [open, onlyGrid, form]);

  const codeExtra =
    parsedCode && 'creditCode' in parsedCode ? (
      <Typography.Text type="success" data-testid="credit-code-ok">
        <CheckCircleFilled /> {t('places.creditCodeOk')}
      </Typography.Text>
    ) : parsedCode?.problem === 'incomplete' ? (
      t('places.creditCodeProgress', { n: normaliseCreditCode(code ?? '').length })
    ) : parsedCode ? undefined : (
      t('places.creditCodeHelp')
    );

  return (
    <SaveModal
      open={open}
      title={
        organisation ? t('places.editOrganisation', { name: organisation.name }) : t('places.newOrganisation')
      }
      onSave={() => form.submit()}
      onCancel={onClose}
      saving={mutation.isPending}
      wide
      footer={(buttons) =>
        organisation && onDelete ? (
          <Flex justify="space-between" align="center" gap={8}>
            <Button danger onClick={() => onDelete(organisation)}>
              {t('places.delete')}
            </Button>
            <Flex gap={8}>{buttons}</Flex>
          </Flex>
        ) : (
          buttons
        )
      }
    >
      <Form<OrganisationFormValues>
        form={form}
        // Field ids are prefixed with it: the forms stay mounted side by side (forceRender).
        name="organisation"
        layout="vertical"
        initialValues={initialValues(organisation, defaults)}
        onFinish={(values) => mutation.mutate(values)}
        onValuesChange={clearAlert}
        scrollToFirstError
        data-testid="organisation-form"
      >
        <FormErrorAlert error={alertError} />
        <Form.Item label={t('places.orgKind')} name="kind" rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={optionsOf(t, ORGANISATION_KIND_KEYS)}
          />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item
              label={t('places.orgName')}
              name="name"
              rules={[{ required: true, whitespace: true, message: t('places.orgNameRequired') }]}
            >
              <Input maxLength={100} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              label={t('places.grid')}
              name="regionCode"
              rules={[{ required: true, message: t('residents.gridRequired') }]}
            >
              <GridSelect />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              label={`${t('places.creditCode')}${t('common.optional')}`}
              name="creditCode"
              extra={codeExtra}
              validateTrigger={['onChange', 'onBlur']}
              rules={[
                {
                  // While typing: only a character the standard leaves out, or a wrong check.
                  validateTrigger: 'onChange',
                  validator: async (_rule, raw: string | undefined) => {
                    const result = raw?.trim() ? parseCreditCode(raw) : null;
                    if (result && 'problem' in result && result.problem !== 'incomplete')
                      throw new Error(t(PROBLEM_KEYS[result.problem]));
                  },
                },
                {
                  validateTrigger: 'onBlur',
                  validator: async (_rule, raw: string | undefined) => {
                    const result = raw?.trim() ? parseCreditCode(raw) : null;
                    if (result && 'problem' in result)
                      throw new Error(
                        t(
                          result.problem === 'incomplete'
                            ? 'places.creditCodeShort'
                            : PROBLEM_KEYS[result.problem],
                        ),
                      );
                  },
                },
              ]}
            >
              <Input
                maxLength={24}
                autoComplete="off"
                className="masked-number"
                placeholder="91620105MA74XXXXXX"
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label={`${t('places.category')}${t('common.optional')}`} name="category">
              <Input maxLength={40} autoComplete="off" placeholder={t('places.categoryPlaceholder')} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={12}>
            <Form.Item label={`${t('places.contactName')}${t('common.optional')}`} name="contactName">
              <Input maxLength={40} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={12} sm={12}>
            <Form.Item
              label={`${t('places.contactPhone')}${t('common.optional')}`}
              name="contactPhone"
              validateTrigger="onBlur"
              extra={
                organisation?.contactPhone
                  ? t('residents.phoneKeep', { current: organisation.contactPhone })
                  : undefined
              }
              rules={[
                {
                  validator: async (_rule, value: string | undefined) => {
                    if (value?.trim() && normaliseMobile(value) === null)
                      throw new Error(t('residents.phoneInvalid'));
                  },
                },
              ]}
            >
              <Input
                inputMode="tel"
                autoComplete="off"
                maxLength={20}
                className="masked-number"
                placeholder={organisation?.contactPhone ? t('residents.keepPlaceholder') : undefined}
              />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item label={`${t('places.address')}${t('common.optional')}`} name="address">
              <Input maxLength={200} autoComplete="off" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </SaveModal>
  );
}
