/** The web layer: the applicant's pages in five languages, built on the page pieces in pages/components.tsx. */
export { webRoutes, sendPage, perLocale, LANG_COOKIE } from './http/web.routes.tsx';
export type { HolderPorts } from './http/holder.routes.tsx';
export {
  t,
  CATALOGS,
  LOCALES,
  LOCALE_NAMES,
  isLocale,
  fromAcceptLanguage,
  formatDate,
  type Locale,
  type T,
  type MessageKey,
} from './i18n/i18n.ts';
export { Layout, RadioGroup, Input, Select, ErrorSummary, CsrfField, Button, Icon, SourceLink, DS_CSS } from './pages/components.tsx';
export { parseState, queryOf } from './navigator/state.ts';
// The staff and partner pages' piece: session, frame, texts, forms, controls, the problem page (docs/STAFF-PAGES.md).
export { STAFF_LOCALES, type StaffLocale, defineTexts, defineTexts5, isStaffLocale, type Texts } from './staff/texts.ts';
export {
  requireStaff,
  staffPages,
  pageLocale,
  safeNext,
  isPageStaff,
  type PageRole,
  type PageStaffActor,
  type PageStaffCtx,
} from './staff/session.ts';
export { StaffLayout, NAV, HOME, type StaffLayoutProps } from './staff/layout.tsx';
export { formBody, schemaErrors, problemFields, errorFor, type PageFieldError } from './staff/forms.ts';
export { StaffField, StaffTextarea, StaffCheckbox, StaffSelect, DataTable, Notice, FieldError } from './staff/controls.tsx';
export { sendProblemPage, statusOf } from './staff/problem-page.tsx';
export { chromeTexts } from './staff/chrome-texts.ts';
export { type StaffPorts, SESSION_COOKIE_NAME } from './staff/sign-in.routes.tsx';
export { formatDateTime, formatTime, formatDay } from './i18n/i18n.ts';
export {
  BarChart,
  StackedBarChart,
  LineChart,
  ChartTable,
  PALETTE,
  type ChartProps,
  type ChartCategory,
  type ChartSeries,
} from './charts/charts.tsx';
export { peoplePages } from './staff/people/people.routes.tsx';
