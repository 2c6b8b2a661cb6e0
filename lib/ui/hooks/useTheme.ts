import { useEffect, useState } from 'preact/hooks';

export type Theme = 'light' | 'dark';

/**
 * Which theme to draw: the user's explicit choice wins, then the DevTools theme the entry point passed in,
 * then the system preference (followed live).
 */
export function resolveTheme(choice: 'auto' | Theme | undefined, devtools: Theme | undefined, systemDark: boolean): Theme {
  if (choice === 'light' || choice === 'dark') return choice;
  if (devtools) return devtools;
  return systemDark ? 'dark' : 'light';
}

export function useSystemDark(): boolean {
  const query = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : undefined;
  const [dark, setDark] = useState(query?.matches ?? false);
  useEffect(() => {
    if (!query) return;
    const on = (e: MediaQueryListEvent) => setDark(e.matches);
    query.addEventListener('change', on);
    return () => query.removeEventListener('change', on);
  }, []);
  return dark;
}
