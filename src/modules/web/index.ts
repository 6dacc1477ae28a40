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
