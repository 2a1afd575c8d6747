// Fonts are files served from the app's own origin, never inlined as data: URIs (a Content-Security-Policy
// with font-src 'self' refuses those): Vite inlines assets under 4 KiB, which caught KaTeX_Size3's woff2.

/** `build.assetsInlineLimit`: never inline a font; everything else by Vite's default rule. */
export const noInlineFonts = (file: string): false | undefined => (/\.(woff2?|ttf|otf|eot)$/i.test(file) ? false : undefined);
