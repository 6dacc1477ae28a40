/**
 * Version of the letter wording and layout. Bump it whenever any text in domain/ or the layout in
 * render/ changes: it is stored with each letter so a sent PDF can be traced to the wording used.
 */
export const LETTER_TEMPLATE_VERSION = '1.0.0';
