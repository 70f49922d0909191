// The theme chosen in this browser, applied before the first paint (see src/lib/state/theme.svelte.ts). A file of
// its own rather than an inline script, so the Content Security Policy allows no inline script but SvelteKit's.
try {
	var theme = localStorage.getItem('massage-outcomes:theme');
	if (theme === 'light' || theme === 'dark') document.documentElement.setAttribute('data-theme', theme);
} catch (e) {}
