import { lazy, type ReactNode, Suspense } from 'react';
import { createBrowserRouter } from 'react-router-dom';
import { RequireAuth } from './auth/RequireAuth';
import { RequirePermission } from './auth/RequirePermission';
import { FullPageSpin } from './components/FullPageSpin';
import { RouteError } from './components/RouteError';
import { navItems } from './layout/menu';
import LoginPage from './pages/auth/LoginPage';

// Everything behind the login is loaded on demand, so the login page downloads only itself.
const AppShell = lazy(() => import('./layout/AppShell'));
const ChangePasswordPage = lazy(() => import('./pages/auth/ChangePasswordPage'));
const HomePage = lazy(() => import('./pages/home/HomePage'));
const RegionsPage = lazy(() => import('./pages/regions/RegionsPage'));
const MapPage = lazy(() => import('./pages/map/MapPage'));
const OverviewPage = lazy(() => import('./pages/overview/OverviewPage'));
const ImportPage = lazy(() => import('./pages/imports/ImportPage'));
const PlacesPage = lazy(() => import('./pages/places/PlacesPage'));
const BuildingDetailPage = lazy(() => import('./pages/places/BuildingDetailPage'));
const OrganisationsPage = lazy(() => import('./pages/places/OrganisationsPage'));
const ResidentsPage = lazy(() => import('./pages/residents/ResidentsPage'));
const ResidentDetailPage = lazy(() => import('./pages/residents/ResidentDetailPage'));
const ResidentFormPage = lazy(() => import('./pages/residents/ResidentFormPage'));
const VisitFormPage = lazy(() => import('./pages/visits/VisitFormPage'));
const UsersPage = lazy(() => import('./pages/admin/UsersPage'));
const AuditPage = lazy(() => import('./pages/admin/AuditPage'));
const TagsPage = lazy(() => import('./pages/admin/TagsPage'));
const FieldVisitsPage = lazy(() => import('./pages/fieldvisits/FieldVisitsPage'));
const FieldVisitFormPage = lazy(() => import('./pages/fieldvisits/FieldVisitFormPage'));
const FieldVisitDetailPage = lazy(() => import('./pages/fieldvisits/FieldVisitDetailPage'));
const LoadTablePage = lazy(() => import('./pages/fv-oversight/LoadTablePage'));
const VisitCalendarPage = lazy(() => import('./pages/fv-oversight/VisitCalendarPage'));
const FiguresPage = lazy(() => import('./pages/fv-oversight/FiguresPage'));
const OverdueResultsPage = lazy(() => import('./pages/fv-oversight/OverdueResultsPage'));
const ThresholdsPage = lazy(() => import('./pages/fv-oversight/ThresholdsPage'));
const FvUnitsPage = lazy(() => import('./pages/fv-oversight/FvUnitsPage'));
const NotFoundPage = lazy(() => import('./pages/errors/NotFoundPage'));

/** Guards a screen with the permission its menu item declares, so the two cannot disagree. */
function guarded(path: string, element: ReactNode): ReactNode {
  const permission = navItems.find((item) => item.path === path)?.permission;
  return permission ? <RequirePermission permission={permission}>{element}</RequirePermission> : element;
}

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage />, errorElement: <RouteError /> },
  {
    path: '/change-password',
    errorElement: <RouteError />,
    element: (
      <RequireAuth allowPasswordChange>
        <Suspense fallback={<FullPageSpin minHeight="100vh" />}>
          <ChangePasswordPage />
        </Suspense>
      </RequireAuth>
    ),
  },
  {
    path: '/',
    errorElement: <RouteError />,
    element: (
      <RequireAuth>
        <Suspense fallback={<FullPageSpin minHeight="100vh" />}>
          <AppShell />
        </Suspense>
      </RequireAuth>
    ),
    children: [
      { index: true, element: <HomePage /> },
      { path: 'regions', element: guarded('/regions', <RegionsPage />) },
      { path: 'map', element: guarded('/map', <MapPage />) },
      { path: 'overview', element: guarded('/overview', <OverviewPage />) },
      { path: 'places', element: guarded('/places', <PlacesPage />) },
      { path: 'places/buildings/:id', element: guarded('/places', <BuildingDetailPage />) },
      { path: 'places/organisations', element: guarded('/places/organisations', <OrganisationsPage />) },
      { path: 'residents', element: guarded('/residents', <ResidentsPage />) },
      {
        path: 'residents/new',
        element: (
          <RequirePermission permission="registry.write">
            <ResidentFormPage />
          </RequirePermission>
        ),
      },
      { path: 'residents/:id', element: guarded('/residents', <ResidentDetailPage />) },
      {
        path: 'residents/:id/edit',
        element: (
          <RequirePermission permission="registry.write">
            <ResidentFormPage />
          </RequirePermission>
        ),
      },
      {
        path: 'residents/:id/visit',
        element: (
          <RequirePermission permission="visits.record">
            <VisitFormPage />
          </RequirePermission>
        ),
      },
      { path: 'imports', element: guarded('/imports', <ImportPage />) },
      { path: 'admin/users', element: guarded('/admin/users', <UsersPage />) },
      { path: 'field-visits', element: guarded('/field-visits', <FieldVisitsPage />) },
      { path: 'field-visits/new', element: guarded('/field-visits/new', <FieldVisitFormPage />) },
      { path: 'field-visits/load', element: guarded('/field-visits/load', <LoadTablePage />) },
      { path: 'field-visits/calendar', element: guarded('/field-visits/calendar', <VisitCalendarPage />) },
      { path: 'field-visits/results', element: guarded('/field-visits/results', <OverdueResultsPage />) },
      { path: 'field-visits/figures', element: guarded('/field-visits/figures', <FiguresPage />) },
      { path: 'field-visits/settings', element: guarded('/field-visits/settings', <ThresholdsPage />) },
      { path: 'field-visits/:id', element: guarded('/field-visits', <FieldVisitDetailPage />) },
      { path: 'field-visits/:id/edit', element: guarded('/field-visits/new', <FieldVisitFormPage />) },
      { path: 'admin/fv-units', element: guarded('/admin/fv-units', <FvUnitsPage />) },
      { path: 'admin/audit', element: guarded('/admin/audit', <AuditPage />) },
      { path: 'admin/tags', element: guarded('/admin/tags', <TagsPage />) },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
