import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Flex, TreeSelect, Typography } from 'antd';
import { type CSSProperties, type ReactNode, useMemo, useState } from 'react';
import { fetchChildRegions, fetchRegion, fetchRootRegions, regionKeys, searchRegions } from '../api/regions';
import type { Region } from '../api/types';
import { useSession } from '../auth/session';
import { useT } from '../i18n';
import { RegionLevelTag } from './RegionLevelTag';
import { useDebounced } from './useDebounced';

interface TreeNode {
  value: string;
  label: string;
  title: ReactNode;
  isLeaf: boolean;
  children?: TreeNode[];
}

export interface RegionPickerProps {
  value?: string;
  onChange?: (code: string | undefined, region?: Region) => void;
  /** Name to show for `value` before its node is loaded (saves a request when known). */
  valueLabel?: string;
  placeholder?: string;
  allowClear?: boolean;
  style?: CSSProperties;
  className?: string;
  id?: string;
  'aria-label'?: string;
  status?: 'error' | 'warning';
  /** Open the tree at once, e.g. when the picker is the only thing in a dialog. */
  defaultOpen?: boolean;
  /**
   * For callers whose scope is the whole country: offer the country itself (value `''`, the
   * empty scope prefix) as the root above the provinces.
   */
  includeCountry?: boolean;
}

function NodeTitle({ region }: { region: Region }) {
  return (
    <Flex gap={6} align="center">
      <span>{region.name}</span>
      <RegionLevelTag level={region.level} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {region.pathName || region.code}
      </Typography.Text>
    </Flex>
  );
}

function toNode(region: Region, childrenByParent: Record<string, Region[]>): TreeNode {
  const loaded = childrenByParent[region.code];
  return {
    value: region.code,
    label: region.name,
    title: <NodeTitle region={region} />,
    isLeaf: region.childCount === 0,
    children: loaded?.map((child) => toNode(child, childrenByParent)),
  };
}

/**
 * Picks a region in the caller's scope: the tree loads one level at a time
 * (`GET /api/regions?parent=`), and typing switches to the server's search results.
 */
export function RegionPicker({
  value,
  onChange,
  valueLabel,
  placeholder,
  allowClear,
  includeCountry,
  ...rest
}: RegionPickerProps) {
  const t = useT();
  const { data: session } = useSession();
  const countryName = t('region.country');
  const offerCountry = includeCountry === true && session?.user.scope === '';
  const hasValue = value !== undefined && value !== null && (value !== '' || offerCountry);
  const queryClient = useQueryClient();
  const [childrenByParent, setChildrenByParent] = useState<Record<string, Region[]>>({});
  const [search, setSearch] = useState('');
  const query = useDebounced(search.trim());

  const roots = useQuery({ queryKey: regionKeys.roots(), queryFn: fetchRootRegions, staleTime: 300_000 });
  const results = useQuery({
    queryKey: regionKeys.search(query),
    queryFn: () => searchRegions(query),
    enabled: query.length > 0,
  });

  const known = useMemo(() => {
    const map = new Map<string, Region>();
    for (const region of roots.data ?? []) map.set(region.code, region);
    for (const list of Object.values(childrenByParent))
      for (const region of list) map.set(region.code, region);
    for (const region of results.data ?? []) map.set(region.code, region);
    return map;
  }, [roots.data, childrenByParent, results.data]);

  // Only when the selected node is not in the loaded tree and the caller gave no name.
  const needsName = Boolean(value) && !known.has(value ?? '') && !valueLabel;
  const selected = useQuery({
    queryKey: regionKeys.detail(value ?? ''),
    queryFn: () => fetchRegion(value ?? ''),
    enabled: needsName,
    staleTime: 300_000,
  });

  const treeData = useMemo<TreeNode[]>(() => {
    if (query) return (results.data ?? []).map((region) => ({ ...toNode(region, {}), isLeaf: true }));
    const nodes = (roots.data ?? []).map((region) => toNode(region, childrenByParent));
    if (!offerCountry) return nodes;
    return [{ value: '', label: countryName, title: countryName, isLeaf: false, children: nodes }];
  }, [query, results.data, roots.data, childrenByParent, offerCountry, countryName]);

  const loadData = async (node: { value?: string | number }) => {
    const code = String(node.value);
    // The country node's children are the roots, which are already loaded.
    if (code === '' || childrenByParent[code]) return;
    const children = await queryClient.fetchQuery({
      queryKey: regionKeys.children(code),
      queryFn: () => fetchChildRegions(code),
      staleTime: 60_000,
    });
    setChildrenByParent((previous) => ({ ...previous, [code]: children }));
  };

  const label =
    value === ''
      ? countryName
      : value
        ? (known.get(value)?.name ?? valueLabel ?? selected.data?.name ?? value)
        : '';
  const searching = Boolean(query) && results.isFetching;

  return (
    <TreeSelect<{ value: string; label: string } | undefined>
      {...rest}
      labelInValue
      value={hasValue ? { value: value ?? '', label } : undefined}
      onChange={(next) => {
        const code = next?.value;
        setSearch('');
        onChange?.(code, code ? known.get(code) : undefined);
      }}
      treeDefaultExpandedKeys={offerCountry ? [''] : undefined}
      // Levels are short (tens to a few hundred nodes); virtual scrolling only fought the
      // lazily growing tree.
      virtual={false}
      treeData={treeData}
      loadData={query ? undefined : loadData}
      treeNodeLabelProp="label"
      showSearch={{
        searchValue: search,
        onSearch: setSearch,
        filterTreeNode: false,
        autoClearSearchValue: true,
      }}
      placeholder={placeholder ?? t('region.pick')}
      allowClear={allowClear}
      loading={roots.isLoading || searching}
      notFoundContent={query && !searching ? t('region.noMatch') : undefined}
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { maxWidth: 'min(420px, 92vw)' } } }}
    />
  );
}
