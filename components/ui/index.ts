export { Alert, type AlertProps, type AlertTone } from "./Alert";
export { APP_NAV_LINKS, type AppNavLink } from "./AppNav";
export { AppShell, type AppShellProps, type AppShellUser } from "./AppShell";
export { Badge, type BadgeProps, type Tone } from "./Badge";
export { Button, ButtonLink, type ButtonLinkProps, type ButtonProps, type ButtonSize, type ButtonVariant } from "./Button";
export { Card, type CardProps } from "./Card";
export { cx } from "./cx";
export { Disclosure, type DisclosureProps } from "./Disclosure";
export { EmptyState, type EmptyStateProps } from "./EmptyState";
export {
  CheckboxField,
  Field,
  Input,
  Select,
  SelectField,
  Textarea,
  TextareaField,
  TextField,
  type FieldControlProps,
  type FieldError,
  type FieldProps,
} from "./Field";
export { PageHeader, type PageHeaderProps } from "./PageHeader";
export { Pagination, type PaginationProps } from "./Pagination";
export { CursorPagination, type CursorPaginationProps } from "./CursorPagination";
export { SkipLink } from "./SkipLink";
export { Stat, StatGroup, type StatProps } from "./Stat";
export { TabNav, type TabNavItem, type TabNavProps } from "./TabNav";
export { Table, TableEmptyRow, TBody, TD, TFoot, TH, THead, TR, type SortDirection, type TableProps, type TDProps, type THProps } from "./Table";
