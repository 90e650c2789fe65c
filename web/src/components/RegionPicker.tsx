import { useQuery, useQueryClient } from '@tanstack/react-query';
import { TreeSelect } from 'antd';
import { type CSSProperties, type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { fetchChildRegions, fetchRegion, fetchRootRegions, regionKeys, searchRegions } from '../api/regions';
import type { Region } from '../api/types';
import { useSession } from '../auth/session';
import { useT } from '../i18n';
import { RegionLevelTag } from './RegionLevelTag';
import './region-picker.css';
import { useDebounced } from './useDebounced';
import { useIsMobile } from './useIsMobile';

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

/**
 * One node: the name on one line (ellipsis, full name as tooltip), its level, and the code (or,
 * for search results, the ancestors' names) never broken inside a number. The popup's CSS puts
 * the code on a line of its own on phones (region-picker.css).
 */
function NodeTitle({ region }: { region: Region }) {
  const detail = region.pathName || region.code;
  return (
    <span className="region-node" data-region-code={region.code}>
      <span className="region-node-main">
        <span className="region-node-name" title={region.name}>
          {region.name}
        </span>
        <RegionLevelTag level={region.level} />
      </span>
      <span className="region-node-code" title={detail}>
        {detail}
      </span>
    </span>
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

/** The nearest ancestor of `element` that scrolls vertically (the tree's list holder). */
function scrollParent(element: HTMLElement, stop: HTMLElement): HTMLElement | null {
  for (let node = element.parentElement; node && node !== stop; node = node.parentElement) {
    const { overflowY } = getComputedStyle(node);
    if ((overflowY === 'auto' || overflowY === 'scroll') && node.scrollHeight > node.clientHeight)
      return node;
  }
  return null;
}

/**
 * After a node is expanded, scrolls the popup's list so that its children show: as many of them
 * as fit, without scrolling the expanded node itself out at the top. Only the list scrolls, never
 * the page or drawer behind the popup (which `scrollIntoView` would also move).
 */
function revealChildren(popup: HTMLElement | null, parentCode: string, children: Region[]) {
  const last = children[children.length - 1];
  if (!popup || !last) return;
  const item = (code: string) =>
    popup
      .querySelector<HTMLElement>(`[data-region-code="${CSS.escape(code)}"]`)
      ?.closest<HTMLElement>('[role="treeitem"]') ?? null;
  const parent = item(parentCode);
  const lastChild = item(last.code);
  if (!parent || !lastChild) return;
  const list = scrollParent(parent, popup);
  if (!list) return;
  const box = list.getBoundingClientRect();
  const below = lastChild.getBoundingClientRect().bottom - box.bottom;
  const room = parent.getBoundingClientRect().top - box.top;
  const by = Math.min(below, room);
  if (by > 0) list.scrollTop += by;
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
  const isMobile = useIsMobile();
  const { data: session } = useSession();
  const countryName = t('region.country');
  const offerCountry = includeCountry === true && session?.user.scope === '';
  const hasValue = value !== undefined && value !== null && (value !== '' || offerCountry);
  const queryClient = useQueryClient();
  const [childrenByParent, setChildrenByParent] = useState<Record<string, Region[]>>({});
  const [search, setSearch] = useState('');
  const query = useDebounced(search.trim());
  const popupRef = useRef<HTMLDivElement>(null);
  const expandedRef = useRef<Set<string>>(new Set(offerCountry ? [''] : []));
  // The node last expanded, whose children should be scrolled into sight once they are shown
  // (a new object each time, so that opening the same node again scrolls again).
  const [reveal, setReveal] = useState<{ code: string } | null>(null);

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
    const title = (
      <span className="region-node" data-region-code="">
        <span className="region-node-main">
          <span className="region-node-name">{countryName}</span>
        </span>
      </span>
    );
    return [{ value: '', label: countryName, title, isLeaf: false, children: nodes }];
  }, [query, results.data, roots.data, childrenByParent, offerCountry, countryName]);

  useEffect(() => {
    if (reveal === null) return;
    const { code } = reveal;
    const children = code === '' ? roots.data : childrenByParent[code];
    if (!children?.length) return; // still loading: runs again when they arrive
    const frame = requestAnimationFrame(() => revealChildren(popupRef.current, code, children));
    return () => cancelAnimationFrame(frame);
  }, [reveal, childrenByParent, roots.data]);

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
      onTreeExpand={(keys) => {
        const next = new Set(keys.map(String));
        // rc-tree appends the node just opened; the last key that is new is the one.
        const opened = [...next].reverse().find((key) => !expandedRef.current.has(key));
        expandedRef.current = next;
        if (opened !== undefined) setReveal({ code: opened });
      }}
      // Levels are short (tens to a few hundred nodes); virtual scrolling only fought the
      // lazily growing tree.
      virtual={false}
      // Phones: a taller list, so that a freshly opened level has room below its parent.
      listHeight={isMobile ? 340 : 300}
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
      // Phones: as wide as the field, which spans the screen (drawer, dialog, filter form).
      // Elsewhere the popup may grow past a narrow field to fit deep levels.
      popupMatchSelectWidth={isMobile}
      popupRender={(menu) => <div ref={popupRef}>{menu}</div>}
      classNames={{
        popup: { root: isMobile ? 'region-picker-popup region-picker-compact' : 'region-picker-popup' },
      }}
      styles={{ popup: { root: isMobile ? undefined : { maxWidth: 'min(520px, 92vw)' } } }}
    />
  );
}
