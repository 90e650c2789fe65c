import { useQueryClient } from '@tanstack/react-query';
import { App, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { useEffect } from 'react';
import { mapKeys } from '../../api/map';
import {
  type Building,
  type BuildingKind,
  createBuilding,
  placeKeys,
  updateBuilding,
  useEstates,
} from '../../api/places';
import { useT } from '../../i18n';
import { useWorkingRegion } from '../../layout/WorkingRegion';
import { GridSelect, useGridChoice } from '../residents/GridSelect';
import { optionsOf } from '../residents/vocabulary';
import { estatesOfGrid } from './BuildingFilters';
import { FormErrorAlert } from './FormErrorAlert';
import { SaveModal } from './SaveModal';
import { useSaveForm } from './useSaveForm';
import { BUILDING_KIND_KEYS } from './vocabulary';

interface BuildingFormValues {
  regionCode?: string;
  estateId?: number | null;
  number?: string;
  kind: BuildingKind;
  floors?: number | null;
  units?: number | null;
  elevators?: number | null;
  address?: string;
  lat?: number | null;
  lng?: number | null;
}

const FIELDS = [
  'regionCode',
  'estateId',
  'number',
  'kind',
  'floors',
  'units',
  'elevators',
  'address',
  'lat',
  'lng',
] as const;

interface BuildingFormModalProps {
  open: boolean;
  /** The building being edited; null to add one. */
  building: Building | null;
  /** For a new building: the grid and estate the list is narrowed to. */
  defaults?: { regionCode?: string; estateId?: number };
  onClose: () => void;
  onSaved: (building: Building) => void;
}

const orNull = <T,>(value: T | null | undefined): T | null => (value === undefined ? null : value);

function initialValues(building: Building | null, defaults: BuildingFormModalProps['defaults']) {
  if (!building) return { kind: 'residential', ...defaults } satisfies Partial<BuildingFormValues>;
  return {
    regionCode: building.regionCode,
    estateId: building.estateId,
    number: building.number,
    kind: building.kind,
    floors: building.floors,
    units: building.units,
    elevators: building.elevators,
    address: building.address ?? undefined,
    lat: building.lat,
    lng: building.lng,
  } satisfies BuildingFormValues;
}

/** 新增楼栋 / 编辑楼栋: the grid and estate it stands in, its number, kind and size. */
export function BuildingFormModal({ open, building, defaults, onClose, onSaved }: BuildingFormModalProps) {
  const t = useT();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<BuildingFormValues>();
  const working = useWorkingRegion();
  const estates = useEstates(working.regionCode);
  const { grids } = useGridChoice();
  const onlyGrid = grids?.length === 1 ? grids[0]?.code : undefined;
  const grid: string | undefined = Form.useWatch('regionCode', form);

  const { mutation, alertError, clearAlert } = useSaveForm<BuildingFormValues, Building>(
    form,
    FIELDS,
    (values) => {
      const body = {
        regionCode: values.regionCode ?? '',
        estateId: orNull(values.estateId),
        number: (values.number ?? '').trim(),
        kind: values.kind,
        floors: orNull(values.floors),
        units: orNull(values.units),
        elevators: orNull(values.elevators),
        address: values.address?.trim() || null,
        lat: orNull(values.lat),
        lng: orNull(values.lng),
      };
      return building ? updateBuilding(building.id, body) : createBuilding(body);
    },
    (saved) => {
      queryClient.setQueryData(placeKeys.building(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: placeKeys.buildings() });
      void queryClient.invalidateQueries({ queryKey: ['places', 'estates'] });
      void queryClient.invalidateQueries({ queryKey: mapKeys.all });
      void message.success(
        building ? t('common.saved') : t('places.buildingCreated', { number: saved.number }),
      );
      onSaved(saved);
    },
    { open, target: building?.id ?? `new:${defaults?.regionCode ?? ''}:${defaults?.estateId ?? ''}` },
  );

  // A grid worker has one grid: it is the answer (it may arrive after the first render).
  useEffect(() => {
    if (open && onlyGrid && !form.getFieldValue('regionCode')) form.setFieldValue('regionCode', onlyGrid);
  }, [open, onlyGrid, form]);

  const estateOptions = estatesOfGrid(estates.data ?? [], grid).map((estate) => ({
    value: estate.id,
    label: estate.name,
  }));
  const count = (name: 'floors' | 'units' | 'elevators', max: number) => (
    <Form.Item
      label={t(`places.${name}`)}
      name={name}
      rules={[{ type: 'integer', min: 0, max, message: t('places.countInvalid', { max }) }]}
    >
      <InputNumber min={0} max={max} precision={0} style={{ width: '100%' }} inputMode="numeric" />
    </Form.Item>
  );
  // Both or neither: each coordinate is required once the other is given.
  const coordinate = (name: 'lat' | 'lng', other: 'lat' | 'lng', min: number, max: number) => (
    <Form.Item
      label={t(name === 'lat' ? 'places.lat' : 'places.lng')}
      name={name}
      dependencies={[other]}
      rules={[
        ({ getFieldValue }) => ({
          validator: async (_rule, value: number | null | undefined) => {
            const otherValue = getFieldValue(other) as number | null | undefined;
            const has = value !== null && value !== undefined;
            const otherHas = otherValue !== null && otherValue !== undefined;
            if (!has && otherHas) throw new Error(t('places.coordinatesBoth'));
          },
        }),
      ]}
    >
      <InputNumber min={min} max={max} controls={false} style={{ width: '100%' }} inputMode="decimal" />
    </Form.Item>
  );

  return (
    <SaveModal
      open={open}
      title={building ? t('places.editBuilding', { number: building.number }) : t('places.newBuilding')}
      onSave={() => form.submit()}
      onCancel={onClose}
      saving={mutation.isPending}
      wide
    >
      <Form<BuildingFormValues>
        form={form}
        // Field ids are prefixed with it: the forms stay mounted side by side (forceRender).
        name="building"
        layout="vertical"
        initialValues={initialValues(building, defaults)}
        onFinish={(values) => mutation.mutate(values)}
        onValuesChange={(changed: Partial<BuildingFormValues>) => {
          clearAlert();
          // Another grid: the estate chosen may not lie in it.
          if ('regionCode' in changed) {
            const estateId = form.getFieldValue('estateId') as number | null | undefined;
            const fits = estatesOfGrid(estates.data ?? [], changed.regionCode).some((e) => e.id === estateId);
            if (estateId && !fits) form.setFieldValue('estateId', null);
          }
        }}
        scrollToFirstError
        data-testid="building-form"
      >
        <FormErrorAlert error={alertError} />
        <Row gutter={12}>
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
            <Form.Item label={`${t('places.estate')}${t('common.optional')}`} name="estateId">
              <Select
                allowClear
                loading={estates.isLoading}
                options={estateOptions}
                placeholder={t('places.noEstate')}
                notFoundContent={t('places.noEstates')}
                showSearch={{ optionFilterProp: 'label' }}
              />
            </Form.Item>
          </Col>
          <Col xs={12} sm={12}>
            <Form.Item
              label={t('places.number')}
              name="number"
              rules={[{ required: true, whitespace: true, message: t('places.numberRequired') }]}
            >
              <Input maxLength={20} placeholder={t('places.numberPlaceholder')} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={12} sm={12}>
            <Form.Item label={t('places.kind')} name="kind" rules={[{ required: true }]}>
              <Select options={optionsOf(t, BUILDING_KIND_KEYS)} />
            </Form.Item>
          </Col>
          <Col span={8}>{count('floors', 200)}</Col>
          <Col span={8}>{count('units', 100)}</Col>
          <Col span={8}>{count('elevators', 100)}</Col>
          <Col span={24}>
            <Form.Item label={`${t('places.address')}${t('common.optional')}`} name="address">
              <Input maxLength={200} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={12}>{coordinate('lat', 'lng', -90, 90)}</Col>
          <Col span={12}>{coordinate('lng', 'lat', -180, 180)}</Col>
        </Row>
      </Form>
    </SaveModal>
  );
}
