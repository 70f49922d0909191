/** What the reader chose: follow the system, or always light or dark. */
export type ThemeChoice = 'system' | 'light' | 'dark';

/** Also read by the inline script in src/app.html, which applies the choice before the first paint. */
export const THEME_STORAGE_KEY = 'massage-outcomes:theme';

export const THEME_CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark'];

function isThemeChoice(value: unknown): value is ThemeChoice {
	return THEME_CHOICES.includes(value as ThemeChoice);
}

function storedChoice(): ThemeChoice {
	if (typeof localStorage === 'undefined') return 'system';
	const value = localStorage.getItem(THEME_STORAGE_KEY);
	return isThemeChoice(value) ? value : 'system';
}

/**
 * Light or dark, following the system unless the reader chose one; the choice is kept in this browser. The
 * choice is written to `data-theme` on <html>, which app.css reads; "system" removes it, so the media query decides.
 */
class Theme {
	#choice = $state<ThemeChoice>(storedChoice());

	get choice(): ThemeChoice {
		return this.#choice;
	}

	/** Sets and keeps the choice; anything but system, light or dark is refused. */
	set choice(value: ThemeChoice) {
		if (!isThemeChoice(value)) throw new Error(`invalid theme: ${value} (choose system, light or dark)`);
		this.#choice = value;
		if (value === 'system') localStorage.removeItem(THEME_STORAGE_KEY);
		else localStorage.setItem(THEME_STORAGE_KEY, value);
		applyThemeAttribute(document.documentElement, value);
	}
}

/** Sets `data-theme` for a light or dark choice and removes it for "system". */
export function applyThemeAttribute(root: HTMLElement, choice: ThemeChoice): void {
	if (choice === 'system') root.removeAttribute('data-theme');
	else root.setAttribute('data-theme', choice);
}

export const theme = new Theme();
