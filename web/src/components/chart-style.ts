/** The dashboard's chart tooltip, shared so every chart looks the same. */
export const TOOLTIP_STYLE = {
  backgroundColor: '#111827',
  padding: 10,
  cornerRadius: 8,
  boxPadding: 4,
  usePointStyle: true,
} as const;
