/** Initials on a colour picked from the name, so the same person always looks the same. */
const HUES = [221, 262, 173, 24, 340, 199, 142, 291, 43];

export function initials(name: string): string {
  const words = name.replace(/[^\p{L}\p{N}\s]/gu, ' ').trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? (words[0]?.[0] ?? '') + (words[words.length - 1]?.[0] ?? '') : (words[0] ?? '?').slice(0, 2);
  return letters.toUpperCase();
}

export function Avatar({ name, size = 28, square = false }: { name: string; size?: number; square?: boolean }) {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  const hue = HUES[hash % HUES.length] ?? 221;
  return (
    <span
      className={square ? 'avatar avatar-square' : 'avatar'}
      style={{ width: size, height: size, fontSize: Math.round(size * 0.38), color: `hsl(${hue} 55% 38%)`, background: `hsl(${hue} 70% 94%)` }}
      aria-hidden="true"
    >
      {initials(name)}
    </span>
  );
}
