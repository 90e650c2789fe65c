import { Select, type SelectProps } from 'antd';
import { useT } from '../../i18n';
import { useCounties } from './useCounties';

type CountySelectProps = Omit<SelectProps<string>, 'options' | 'mode'> & {
  /** Only these counties (e.g. a visit's stops within a county viewer's scope). */
  only?: readonly string[];
};

/**
 * A county of the caller's scope, grouped under its prefecture; typing filters by name
 * (楚雄 finds 楚雄市 and the counties of 楚雄州).
 */
export function CountySelect({ only, placeholder, ...rest }: CountySelectProps) {
  const t = useT();
  const { groups, isLoading } = useCounties();
  const options = groups
    .map((group) => ({
      label: group.name,
      title: group.name,
      options: group.counties
        .filter((county) => !only || only.includes(county.code))
        .map((county) => ({ value: county.code, label: county.name, group: group.name })),
    }))
    .filter((group) => group.options.length > 0);
  return (
    <Select<string>
      showSearch={{
        filterOption: (input, option) => {
          const text = `${option?.label ?? ''}${(option as { group?: string } | undefined)?.group ?? ''}`;
          return text.includes(input.trim());
        },
      }}
      loading={isLoading}
      placeholder={placeholder ?? t('fv.county.placeholder')}
      options={options}
      popupMatchSelectWidth={false}
      {...rest}
    />
  );
}
