import type { RevealTheme } from '../../shared/deck/model';
import beige from 'reveal.js/theme/beige.css?url';
import black from 'reveal.js/theme/black.css?url';
import blackContrast from 'reveal.js/theme/black-contrast.css?url';
import blood from 'reveal.js/theme/blood.css?url';
import dracula from 'reveal.js/theme/dracula.css?url';
import league from 'reveal.js/theme/league.css?url';
import moon from 'reveal.js/theme/moon.css?url';
import night from 'reveal.js/theme/night.css?url';
import serif from 'reveal.js/theme/serif.css?url';
import simple from 'reveal.js/theme/simple.css?url';
import sky from 'reveal.js/theme/sky.css?url';
import solarized from 'reveal.js/theme/solarized.css?url';
import white from 'reveal.js/theme/white.css?url';
import whiteContrast from 'reveal.js/theme/white-contrast.css?url';

/** Every reveal.js theme, bundled: a deck picks one by name and nothing is fetched from the web. */
const THEME_URLS: Record<RevealTheme, string> = {
  beige,
  black,
  'black-contrast': blackContrast,
  blood,
  dracula,
  league,
  moon,
  night,
  serif,
  simple,
  sky,
  solarized,
  white,
  'white-contrast': whiteContrast,
};

export function themeUrl(theme: string): string {
  return THEME_URLS[theme as RevealTheme] ?? THEME_URLS.black;
}
