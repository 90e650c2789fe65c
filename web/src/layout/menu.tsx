import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  CalendarOutlined,
  CarOutlined,
  ClusterOutlined,
  DashboardOutlined,
  EnvironmentOutlined,
  FileDoneOutlined,
  FormOutlined,
  HeatMapOutlined,
  HomeOutlined,
  ImportOutlined,
  SettingOutlined,
  ShopOutlined,
  SolutionOutlined,
  TagsOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { User } from '../api/types';
import { hasPermission } from '../auth/session';
import type { MessageKey } from '../i18n';

/**
 * The one list of screens in the side menu. A module adds its screens here; the menu, the home
 * page shortcuts and the route guards all read the `permission` from this list, so a role never
 * sees a link it cannot open.
 */
export interface NavItem {
  path: string;
  labelKey: MessageKey;
  descriptionKey: MessageKey;
  icon: ReactNode;
  /** Permission from `user.permissions` (GET /api/auth/me); omitted = every logged-in account. */
  permission?: string;
  /** Heading the item is listed under; items without one come first. */
  groupKey?: MessageKey;
}

export const navItems: NavItem[] = [
  { path: '/', labelKey: 'nav.home', descriptionKey: 'nav.homeDesc', icon: <HomeOutlined /> },
  {
    path: '/overview',
    labelKey: 'nav.overview',
    descriptionKey: 'nav.overviewDesc',
    icon: <DashboardOutlined />,
    permission: 'registry.read',
  },
  {
    path: '/regions',
    labelKey: 'nav.regions',
    descriptionKey: 'nav.regionsDesc',
    icon: <ApartmentOutlined />,
    permission: 'regions.read',
  },
  {
    path: '/residents',
    labelKey: 'nav.residents',
    descriptionKey: 'nav.residentsDesc',
    icon: <SolutionOutlined />,
    permission: 'registry.read',
  },
  {
    path: '/places',
    labelKey: 'nav.places',
    descriptionKey: 'nav.placesDesc',
    icon: <BankOutlined />,
    permission: 'registry.read',
  },
  {
    path: '/places/organisations',
    labelKey: 'nav.organisations',
    descriptionKey: 'nav.organisationsDesc',
    icon: <ShopOutlined />,
    permission: 'registry.read',
  },
  {
    path: '/map',
    labelKey: 'nav.map',
    descriptionKey: 'nav.mapDesc',
    icon: <EnvironmentOutlined />,
    permission: 'registry.read',
  },
  {
    path: '/imports',
    labelKey: 'nav.imports',
    descriptionKey: 'nav.importsDesc',
    icon: <ImportOutlined />,
    permission: 'registry.import',
  },
  {
    path: '/field-visits',
    labelKey: 'nav.fieldVisits',
    descriptionKey: 'nav.fieldVisitsDesc',
    icon: <CarOutlined />,
    permission: 'fieldVisits.read',
    groupKey: 'nav.group.fieldVisits',
  },
  {
    path: '/field-visits/new',
    labelKey: 'nav.fieldVisitNew',
    descriptionKey: 'nav.fieldVisitNewDesc',
    icon: <FormOutlined />,
    permission: 'fieldVisits.file',
    groupKey: 'nav.group.fieldVisits',
  },
  {
    path: '/field-visits/load',
    labelKey: 'nav.fvLoad',
    descriptionKey: 'nav.fvLoadDesc',
    icon: <HeatMapOutlined />,
    permission: 'fieldVisits.read',
    groupKey: 'nav.group.fieldVisits',
  },
  {
    path: '/field-visits/calendar',
    labelKey: 'nav.fvCalendar',
    descriptionKey: 'nav.fvCalendarDesc',
    icon: <CalendarOutlined />,
    permission: 'fieldVisits.read',
    groupKey: 'nav.group.fieldVisits',
  },
  {
    path: '/field-visits/results',
    labelKey: 'nav.fvResults',
    descriptionKey: 'nav.fvResultsDesc',
    icon: <FileDoneOutlined />,
    permission: 'fieldVisits.read',
    groupKey: 'nav.group.fieldVisits',
  },
  {
    path: '/field-visits/figures',
    labelKey: 'nav.fvFigures',
    descriptionKey: 'nav.fvFiguresDesc',
    icon: <BarChartOutlined />,
    permission: 'fieldVisits.read',
    groupKey: 'nav.group.fieldVisits',
  },
  {
    path: '/field-visits/settings',
    labelKey: 'nav.fvSettings',
    descriptionKey: 'nav.fvSettingsDesc',
    icon: <SettingOutlined />,
    permission: 'fieldVisits.review',
    groupKey: 'nav.group.fieldVisits',
  },
  {
    path: '/admin/users',
    labelKey: 'nav.users',
    descriptionKey: 'nav.usersDesc',
    icon: <TeamOutlined />,
    permission: 'users.manage',
    groupKey: 'nav.group.admin',
  },
  {
    path: '/admin/tags',
    labelKey: 'nav.tags',
    descriptionKey: 'nav.tagsDesc',
    icon: <TagsOutlined />,
    permission: 'registry.manageTags',
    groupKey: 'nav.group.admin',
  },
  {
    path: '/admin/fv-units',
    labelKey: 'nav.fvUnits',
    descriptionKey: 'nav.fvUnitsDesc',
    icon: <ClusterOutlined />,
    permission: 'fieldVisits.manageUnits',
    groupKey: 'nav.group.admin',
  },
  {
    path: '/admin/audit',
    labelKey: 'nav.audit',
    descriptionKey: 'nav.auditDesc',
    icon: <AuditOutlined />,
    permission: 'audit.read',
    groupKey: 'nav.group.admin',
  },
];

export function visibleNavItems(user: User | null | undefined): NavItem[] {
  return navItems.filter((item) => hasPermission(user, item.permission));
}

/** The menu key for a location: the longest item path it falls under; none for unknown paths. */
export function selectedNavPath(pathname: string): string | undefined {
  let best: string | undefined;
  for (const { path } of navItems) {
    const matches = pathname === path || (path !== '/' && pathname.startsWith(`${path}/`));
    if (matches && (best === undefined || path.length > best.length)) best = path;
  }
  return best;
}
