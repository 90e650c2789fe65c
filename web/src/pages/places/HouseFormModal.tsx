import { useQueryClient } from '@tanstack/react-query';
import { App, AutoComplete, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { mapKeys } from '../../api/map';
import { createHouse, type House, type HouseUse, placeKeys, updateHouse } from '../../api/places';
import { useT } from '../../i18n';
import { optionsOf } from '../residents/vocabulary';
import { FormErrorAlert } from './FormErrorAlert';
import { SaveModal } from './SaveModal';
import { areaToHundredths, compareRooms, hundredthsToArea } from './units';
import { useSaveForm } from './useSaveForm';
import { HOUSE_USE_KEYS } from './vocabulary';

interface HouseFormValues {
  unit?: string;
  floor?: number | null;
  room?: string;
  area?: number | null;
  use: HouseUse;
}

const FIELDS = ['unit', 'floor', 'room', 'area', 'use'] as const;

interface HouseFormModalProps {
  open: boolean;
  buildingId: number;
  /** The house being edited; null to add one. */
  house: House | null;
  /** The building's units so far, offered while typing. */
  units: string[];
  onClose: () => void;
  onSaved: (house: House) => void;
}

function initialValues(house: House | null): Partial<HouseFormValues> {
  if (!house) return { use: 'residential' };
  return {
    unit: house.unit ?? undefined,
    floor: house.floor,
    room: house.room,
    area: hundredthsToArea(house.area),
    use: house.use,
  };
}

/** 新增房屋 / 编辑房屋: unit, floor and room; area in ㎡ (sent in hundredths); its use. */
export function HouseFormModal({ open, buildingId, house, units, onClose, onSaved }: HouseFormModalProps) {
  const t = useT();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<HouseFormValues>();

  const { mutation, alertError, clearAlert } = useSaveForm<HouseFormValues, House>(
    form,
    FIELDS,
    (values) => {
      const body = {
        unit: values.unit?.trim() || null,
        floor: values.floor ?? null,
        room: (values.room ?? '').trim(),
        area: areaToHundredths(values.area),
        use: values.use,
      };
      return house ? updateHouse(house.id, body) : createHouse({ buildingId, ...body });
    },
    (saved) => {
      void queryClient.invalidateQueries({ queryKey: placeKeys.building(buildingId) });
      void queryClient.invalidateQueries({ queryKey: placeKeys.buildings() });
      void queryClient.invalidateQueries({ queryKey: placeKeys.house(saved.id) });
      void queryClient.invalidateQueries({ queryKey: mapKeys.houses(buildingId) });
      void message.success(house ? t('common.saved') : t('places.houseCreated', { room: saved.room }));
      onSaved(saved);
    },
    { open, target: house?.id },
  );

  return (
    <SaveModal
      open={open}
      title={house ? t('places.editHouse') : t('places.newHouse')}
      onSave={() => form.submit()}
      onCancel={onClose}
      saving={mutation.isPending}
    >
      <Form<HouseFormValues>
        form={form}
        // Field ids are prefixed with it: the forms stay mounted side by side (forceRender).
        name={house ? 'house-edit' : 'house-new'}
        layout="vertical"
        initialValues={initialValues(house)}
        onFinish={(values) => mutation.mutate(values)}
        onValuesChange={clearAlert}
        data-testid="house-form"
      >
        <FormErrorAlert error={alertError} />
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item label={`${t('places.unit')}${t('common.optional')}`} name="unit">
              <AutoComplete
                options={[...units].sort(compareRooms).map((unit) => ({ value: unit }))}
                placeholder={t('places.unitPlaceholder')}
                maxLength={20}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              label={`${t('places.floor')}${t('common.optional')}`}
              name="floor"
              rules={[{ type: 'integer', min: -10, max: 200, message: t('places.floorInvalid') }]}
            >
              <InputNumber min={-10} max={200} precision={0} style={{ width: '100%' }} inputMode="numeric" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              label={t('places.room')}
              name="room"
              rules={[{ required: true, whitespace: true, message: t('places.roomRequired') }]}
            >
              <Input maxLength={20} placeholder="301" autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              label={`${t('places.area')}${t('common.optional')}`}
              name="area"
              rules={[{ type: 'number', min: 0, max: 1_000_000, message: t('places.areaInvalid') }]}
            >
              <InputNumber
                min={0}
                max={1_000_000}
                precision={2}
                suffix="㎡"
                style={{ width: '100%' }}
                inputMode="decimal"
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label={t('places.use')} name="use" rules={[{ required: true }]}>
              <Select options={optionsOf(t, HOUSE_USE_KEYS)} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </SaveModal>
  );
}
