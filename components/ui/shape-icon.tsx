/** Small filled shapes that tell states apart without colour (10 × 10, inherits currentColor). */

export type IconShape =
  | 'circle'
  | 'triangle-down'
  | 'triangle-up'
  | 'cross'
  | 'pause'
  | 'half'
  | 'diamond'
  | 'ring'
  | 'square'
  | 'dash';

const PATHS: Record<IconShape, React.ReactNode> = {
  circle: <circle cx="5" cy="5" r="4.2" />,
  'triangle-down': <path d="M0.6 1.4h8.8L5 9.2z" />,
  'triangle-up': <path d="M0.6 8.6h8.8L5 0.8z" />,
  cross: (
    <path d="M1.6 0.2 5 3.6 8.4 0.2 9.8 1.6 6.4 5l3.4 3.4-1.4 1.4L5 6.4 1.6 9.8 0.2 8.4 3.6 5 0.2 1.6z" />
  ),
  pause: <path d="M1.4 0.8h2.6v8.4H1.4zM6 0.8h2.6v8.4H6z" />,
  half: (
    <>
      <circle cx="5" cy="5" r="3.9" fill="none" stroke="currentColor" strokeWidth="1.4" />
      <path d="M5 1.1a3.9 3.9 0 0 1 0 7.8z" />
    </>
  ),
  diamond: <path d="M5 0.3 9.7 5 5 9.7 0.3 5z" />,
  ring: <circle cx="5" cy="5" r="3.7" fill="none" stroke="currentColor" strokeWidth="1.6" />,
  square: <path d="M1 1h8v8H1z" />,
  dash: <path d="M0.8 3.8h8.4v2.4H0.8z" />,
};

export function ShapeIcon({ shape, className }: { shape: IconShape; className?: string }) {
  return (
    <svg
      className={className}
      viewBox="0 0 10 10"
      width="10"
      height="10"
      fill="currentColor"
      aria-hidden="true"
      focusable="false"
    >
      {PATHS[shape]}
    </svg>
  );
}
