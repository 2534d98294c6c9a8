/** Line icons drawn for Deed (24×24, currentColor), so no icon font or remote asset is needed. */
const paths = {
  documents:
    'M4 6.5A2.5 2.5 0 0 1 6.5 4h11A2.5 2.5 0 0 1 20 6.5v11a2.5 2.5 0 0 1-2.5 2.5h-11A2.5 2.5 0 0 1 4 17.5zM8 10a2 2 0 1 0 4 0 2 2 0 0 0-4 0M7 16c.6-1.5 1.9-2.3 3-2.3s2.4.8 3 2.3M15 9h2.5M15 12.5h2.5',
  services: 'M12 3l7.5 3.5v5c0 4.4-3.1 8-7.5 9.5C7.6 19.5 4.5 15.9 4.5 11.5v-5zM8.8 12l2.2 2.2 4.3-4.4',
  signature: 'M4 19c2.5 0 3.5-6 5.5-6s1 4 3 4 2-3 3.5-3 1.5 2 4 2M14.5 4.5l5 5L11 18l-5.5.5.5-5.5z',
  sharing:
    'M8.5 12a2.5 2.5 0 1 1-5 0 2.5 2.5 0 0 1 5 0M20.5 6a2.5 2.5 0 1 1-5 0 2.5 2.5 0 0 1 5 0M20.5 18a2.5 2.5 0 1 1-5 0 2.5 2.5 0 0 1 5 0M8.3 10.9l7.4-3.8M8.3 13.1l7.4 3.8',
  polls: 'M5 20V11M12 20V4M19 20v-6M3 20h18',
  learn: 'M2.5 9L12 4.5 21.5 9 12 13.5zM6.5 11v5c1.5 1.5 3.5 2.5 5.5 2.5s4-1 5.5-2.5v-5M21.5 9v5.5',
  tv: 'M3.5 7.5A1.5 1.5 0 0 1 5 6h14a1.5 1.5 0 0 1 1.5 1.5v10A1.5 1.5 0 0 1 19 19H5a1.5 1.5 0 0 1-1.5-1.5zM8.5 2.5L12 6l3.5-3.5M10 10.5v5l4.5-2.5z',
  log: 'M6 3.5h9l4 4v13H6zM15 3.5v4h4M9 12h7M9 15.5h7M9 8.5h3',
} as const;

export type IconName = keyof typeof paths;

export function Icon({ name, size = 24 }: { name: IconName; size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.7}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={paths[name]} />
    </svg>
  );
}
